/**
 * What the console sends when it creates or updates a record: only the fields a client may
 * write (API.md, Payloads). Representations carry read-only parts (findings, allowedActions,
 * quota, school, attachments, timestamps) that a strict server would refuse in a PUT.
 */

const COUNCIL_FIELDS = [
  'batchId', 'schoolId', 'equipmentMajorShare5yPct', 'representative', 'contact', 'departments',
  'schoolOpinion', 'suggestions',
] as const;
const DEPARTMENT_FIELDS = [
  'id', 'name', 'category', 'establishedOn', 'majorSharePct', 'avgEnrollment3y', 'headName', 'headPosition', 'strongMajors',
] as const;
const MEMBER_FIELDS = [
  'batchId', 'departmentId', 'seat', 'targetGroup', 'departmentHonors', 'name', 'gender', 'birthMonth',
  'politicalStatus', 'education', 'degree', 'almaMater', 'studiedMajor', 'teachingYears', 'title', 'field',
  'position', 'mobile', 'email', 'address', 'achievements', 'experience', 'industryYears', 'industryWork',
  'awards', 'memberships', 'commitment', 'schoolOpinion', 'suggestions',
] as const;

export type WriteOperation = 'create' | 'update';

/** resource → fields a POST may carry; `update` lists where a PUT differs (the API's schemas are strict). */
export const WRITABLE_FIELDS: Readonly<Record<string, Partial<Record<WriteOperation, readonly string[]>> & { create: readonly string[] }>> = {
  'council-applications': { create: COUNCIL_FIELDS },
  'member-applications': { create: MEMBER_FIELDS },
  batches: { create: ['name', 'opensAt', 'deadline'] },
  users: { create: ['email', 'name', 'password', 'roles', 'schoolId'], update: ['name', 'password', 'roles', 'schoolId', 'active'] },
  invitations: { create: ['email', 'name', 'role', 'duty', 'organization', 'message'] },
  schools: { create: ['name', 'type', 'ownership', 'honors', 'honorsOther', 'province'] },
};

type Data = Record<string, unknown>;

const pick = (data: Data, keys: readonly string[]): Data =>
  Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));

/** The body of a POST (create) or PUT (update) for a resource; resources not listed are sent as they are. */
export function toPayload(resource: string, data: Data, operation: WriteOperation = 'create'): Data {
  const fields = WRITABLE_FIELDS[resource];
  if (!fields) return data;
  const out = pick(data, fields[operation] ?? fields.create);
  if (resource === 'council-applications' && Array.isArray(out.departments)) {
    // A department keeps its id, so that member applications that point at it stay attached.
    out.departments = (out.departments as Data[]).map((d) => pick(d ?? {}, DEPARTMENT_FIELDS));
  }
  if (resource === 'users') {
    if (out.password === '' || out.password === null) delete out.password;
    // only applicants and school reviewers belong to a school
    if (Array.isArray(out.roles) && !out.roles.some((r) => r === 'applicant' || r === 'school_admin')) out.schoolId = null;
  }
  if (resource === 'invitations' && out.role !== 'expert') out.duty = null;
  return out;
}
