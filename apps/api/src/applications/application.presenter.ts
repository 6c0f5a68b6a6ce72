import { Injectable } from '@nestjs/common';
import {
  allowedActions, evaluateCouncil, evaluateMember, holdsSeat, LIMITS, type Action, type ApplicationKind, type Finding, type Seat,
} from '@alliance/domain';
import { EntityManager } from 'typeorm';
import type { Attachment } from '../attachments/attachment.entity';
import { AttachmentView, viewAttachment } from '../attachments/attachments.service';
import type { AuthUser } from '../auth/auth-user';
import { CouncilApplication, Department, MemberApplication, QuotaException } from './application.entities';
import { ApplicationRow, ApplicationsRepository, type PageContext } from './applications.repository';

type SeatHolder = { id: number; departmentId: number; seat: Seat };
type DepartmentHolder = { id: number; schoolId: number; batchId: number; departments: number };

const exceptionView = (e: Pick<QuotaException, 'reason' | 'grantedBy' | 'grantedAt'> | undefined) => (e ? { reason: e.reason, grantedBy: e.grantedBy, at: e.grantedAt } : null);

const departmentView = (d: Department) => ({
  id: d.id, name: d.name, category: d.category, establishedOn: d.establishedOn, majorSharePct: d.majorSharePct,
  avgEnrollment3y: d.avgEnrollment3y, headName: d.headName, headPosition: d.headPosition, strongMajors: d.strongMajors,
});

export interface ApplicationView {
  id: number;
  kind: ApplicationKind;
  state: string;
  findings: Finding[];
  allowedActions: Action[];
  attachments: AttachmentView[];
  [field: string]: unknown;
}

/**
 * Turns rows into the API's representation: the form, its school, attachments, quota use,
 * eligibility findings and the actions this user may take. A page of rows costs a fixed
 * number of queries, whatever its length.
 */
@Injectable()
export class ApplicationPresenter {
  constructor(private readonly applications: ApplicationsRepository) {}

  async present(kind: ApplicationKind, rows: ApplicationRow[], user: AuthUser, m: EntityManager = this.applications.db.manager): Promise<ApplicationView[]> {
    if (!rows.length) return [];
    // one round trip for everything besides the rows (inside a transaction, on its connection)
    return this.presentWith(kind, rows, user, await this.applications.pageContext(kind, rows, m));
  }

  /**
   * present() with the rows' context already read. The context counts the quota holdings of
   * *other* applications, so one read serves an application before and after its own state change.
   */
  presentWith(kind: ApplicationKind, rows: ApplicationRow[], user: AuthUser, page: PageContext): ApplicationView[] {
    const batchById = new Map(page.batches.map((b) => [b.id, b]));
    const exceptionOf = new Map(page.exceptions.map((e) => [e.applicationId, e]));
    const filesOf = (id: number) => page.files.filter((f) => f.applicationId === id);
    const context = kind === 'council'
      ? this.councilContext(page.departments as Department[], page.holders as DepartmentHolder[])
      : this.memberContext(page.departments, page.holders as SeatHolder[]);

    return rows.map((row) => {
      const batch = batchById.get(row.batchId)!;
      const mine = filesOf(row.id);
      const has = (k: string) => mine.some((f) => f.kind === k);
      const exception = exceptionOf.get(row.id);
      const at = row.submittedAt && row.state !== 'draft' && row.state !== 'returned' ? row.submittedAt : new Date();
      const { form, findings, quota } = context.evaluate(row, { batch, at, exception: !!exception, has });
      return {
        id: row.id, kind, batchId: row.batchId, schoolId: row.schoolId, school: row.school, ownerId: row.ownerId, state: row.state,
        ...form,
        attachments: mine.map((f) => viewAttachment(f as unknown as Attachment)),
        findings,
        allowedActions: allowedActions(user, row),
        quota: { ...quota, exception: exceptionView(exception) },
        lastComment: row.lastComment, submittedAt: row.submittedAt, createdAt: row.createdAt, updatedAt: row.updatedAt,
      };
    });
  }

  private councilContext(departments: Department[], holders: DepartmentHolder[]) {
    return {
      evaluate: (row: ApplicationRow, c: EvalInput) => {
        const app = row as CouncilApplication;
        const own = departments.filter((d) => d.councilApplicationId === app.id).map(departmentView);
        const form = {
          equipmentMajorShare5yPct: app.equipmentMajorShare5yPct, representative: app.representative, contact: app.contact,
          departments: own, schoolOpinion: app.schoolOpinion, suggestions: app.suggestions,
        };
        const sameBatch = holders.filter((h) => h.schoolId === app.schoolId && h.batchId === app.batchId);
        const heldByOthers = sameBatch.filter((h) => h.id !== app.id).reduce((n, h) => n + h.departments, 0);
        const findings = evaluateCouncil({
          form: form as never, batch: c.batch, at: c.at, departmentsHeldByOthers: heldByOthers,
          quotaException: c.exception, files: { sealedScan: c.has('sealed_scan') },
        });
        const quota = {
          departmentsHeld: heldByOthers + (holdsSeat(app.state) ? own.length : 0),
          departmentsLimit: LIMITS.departmentsPerSchoolInBatch,
        };
        return { form, findings, quota };
      },
    };
  }

  private memberContext(departments: PageContext['departments'], holders: SeatHolder[]) {
    return {
      evaluate: (row: ApplicationRow, c: EvalInput) => {
        const app = row as MemberApplication;
        const department = departments.find((d) => d.id === app.departmentId);
        const form = {
          departmentId: app.departmentId,
          department: department ? { id: department.id, name: department.name, category: department.category } : null,
          seat: app.seat, targetGroup: app.targetGroup, departmentHonors: app.departmentHonors, name: app.name, gender: app.gender,
          birthMonth: app.birthMonth, politicalStatus: app.politicalStatus, education: app.education, degree: app.degree,
          almaMater: app.almaMater, studiedMajor: app.studiedMajor, teachingYears: app.teachingYears, title: app.title,
          field: app.field, position: app.position, mobile: app.mobile, email: app.email, address: app.address,
          achievements: app.achievements, experience: app.experience, industryYears: app.industryYears,
          industryWork: app.industryWork, awards: app.awards, memberships: app.memberships, commitment: app.commitment,
          schoolOpinion: app.schoolOpinion, suggestions: app.suggestions,
        };
        const sameSeat = holders.filter((h) => h.departmentId === app.departmentId && h.seat === app.seat);
        const heldByOthers = sameSeat.filter((h) => h.id !== app.id).length;
        const findings = evaluateMember({
          form: form as never, batch: c.batch, at: c.at, seatsHeldByOthers: heldByOthers, quotaException: c.exception,
          files: { sealedScan: c.has('sealed_scan'), photo: c.has('photo') },
        });
        const quota = {
          seat: app.seat,
          seatsHeld: app.seat ? heldByOthers + (holdsSeat(app.state) ? 1 : 0) : null,
          seatsLimit: app.seat ? LIMITS.seatsPerDepartment[app.seat] : null,
        };
        return { form, findings, quota };
      },
    };
  }
}

interface EvalInput {
  batch: { opensAt: Date; deadline: Date };
  at: Date;
  exception: boolean;
  has: (kind: string) => boolean;
}
