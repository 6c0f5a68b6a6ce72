import {
  DepartmentCategory, DepartmentHonor, Degree, Education, Gender, PoliticalStatus, PositionKind,
  SchoolHonor, SchoolType, Ownership, Seat, TargetGroup,
} from './codes';

/** The shapes of the two paper forms (附件1, 附件2) as the API carries them. Drafts may be partial. */

export interface PersonContact {
  name: string;
  position: string;
  phone: string;
  email: string;
}

export interface SchoolFields {
  name: string;
  type: SchoolType;
  ownership: Ownership;
  honors: SchoolHonor[];
  honorsOther?: string | null;
  province?: string | null;
}

export interface DepartmentForm {
  id?: number;
  name: string;
  category: DepartmentCategory;
  establishedOn: string; // YYYY-MM
  majorSharePct: number;
  avgEnrollment3y: number;
  headName: string;
  headPosition: string;
  strongMajors: string[];
}

export interface CouncilForm {
  equipmentMajorShare5yPct?: number | null;
  representative?: Partial<PersonContact> | null;
  contact?: Partial<PersonContact> | null;
  departments?: Partial<DepartmentForm>[] | null;
  schoolOpinion?: { recommendedRepresentative?: string | null; signer?: string | null; date?: string | null } | null;
  suggestions?: string | null;
}

export interface MemberForm {
  departmentId?: number | null;
  seat?: Seat | null;
  targetGroup?: TargetGroup | null;
  departmentHonors?: { kind: DepartmentHonor; text?: string | null }[] | null;
  name?: string | null;
  gender?: Gender | null;
  birthMonth?: string | null;
  politicalStatus?: PoliticalStatus | null;
  education?: Education | null;
  degree?: Degree | null;
  almaMater?: string | null;
  studiedMajor?: string | null;
  teachingYears?: number | null;
  title?: string | null;
  field?: string | null;
  position?: { kind: PositionKind; text?: string | null } | null;
  mobile?: string | null;
  email?: string | null;
  address?: string | null;
  achievements?: string | null;
  experience?: string | null;
  industryYears?: number | null;
  industryWork?: string | null;
  awards?: string | null;
  memberships?: string | null;
  commitment?: { accepted: boolean; date?: string | null } | null;
  schoolOpinion?: { signer?: string | null; date?: string | null } | null;
  suggestions?: string | null;
}

/** Form limits of DOMAIN.md, shared by the API's validation and the console's inputs. */
export const LIMITS = {
  departmentsPerApplication: { min: 1, max: 3 },
  strongMajors: { min: 1, max: 6 },
  departmentsPerSchoolInBatch: 3,
  seatsPerDepartment: { main_leader: 1, program_leader: 2 } as Record<Seat, number>,
  minEquipmentMajorSharePct: 20,
  maxYouthAge: 35,
  minTeachingYears: 6,
  scanMaxBytes: 10 * 1024 * 1024,
  photoMaxBytes: 2 * 1024 * 1024,
  passwordMinLength: 8,
} as const;

/** 11-digit mainland mobile number. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** A pragmatic e-mail check (the mail server has the last word). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const YEAR_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
