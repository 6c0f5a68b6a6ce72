import { Injectable } from '@nestjs/common';
import { decide, isEditable, roleOfActor, type Action, type ApplicationKind, type Decision } from '@alliance/domain';
import { EntityManager } from 'typeorm';
import { hasRole, type AuthUser } from '../auth/auth-user';
import { AuditRepository } from '../audit/audit.repository';
import { Batch } from '../batches/batch.entity';
import { BatchesRepository } from '../batches/batches.repository';
import { AppError, conflict, forbidden, notFound } from '../common/errors';
import { ListQuery } from '../common/list-query';
import { Outbox } from '../notifications/outbox';
import { SchoolsRepository } from '../schools/schools.repository';
import { CouncilApplication, Department, MemberApplication, Transition } from './application.entities';
import { ApplicationPresenter, ApplicationView } from './application.presenter';
import {
  ApplicationFilter, CouncilCreateInput, CouncilUpdateInput, MemberCreateInput, MemberUpdateInput,
} from './application.schemas';
import { ApplicationRow, ApplicationsRepository, inScope, type StepChanges } from './applications.repository';
import { TransitionMails } from './transition-mails';

const LABEL: Record<ApplicationKind, string> = { council: '理事单位申报', member: '成员申报' };

/** The use cases of both application forms: drafts, the workflow, history and quota exceptions. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly schools: SchoolsRepository,
    private readonly batches: BatchesRepository,
    private readonly presenter: ApplicationPresenter,
    private readonly mails: TransitionMails,
    private readonly outbox: Outbox,
    private readonly audit: AuditRepository,
  ) {}

  private get db() {
    return this.applications.db;
  }

  async list(kind: ApplicationKind, user: AuthUser, q: ListQuery<ApplicationFilter>): Promise<[ApplicationView[], number]> {
    const [rows, total] = await this.applications.list(kind, user, q);
    return [await this.presenter.present(kind, rows, user), total];
  }

  async get(kind: ApplicationKind, id: number, user: AuthUser, m?: EntityManager): Promise<ApplicationView> {
    const row = await this.applications.findVisible(kind, id, user, m);
    if (!row) throw notFound(LABEL[kind]);
    const [view] = await this.presenter.present(kind, [row], user, m);
    return view;
  }

  // --- drafts ----------------------------------------------------------------------------------

  async createCouncil(input: CouncilCreateInput, user: AuthUser): Promise<ApplicationView> {
    const schoolId = this.applicantSchool(user, input.schoolId);
    return this.db.transaction(async (m) => {
      await this.requireBatch(m, input.batchId);
      await this.schools.lock(m, schoolId);
      if (await this.applications.findActive('council', { batchId: input.batchId, schoolId }, m)) {
        throw conflict('本校在该批次已有理事单位申报');
      }
      const { departments, batchId, schoolId: _ignored, ...form } = input;
      const id = await this.applications.save('council', m, { ...form, batchId, schoolId, ownerId: user.id, state: 'draft' } as Partial<CouncilApplication>);
      const app = (await this.applications.lock('council', id, m)) as CouncilApplication;
      await this.applications.replaceDepartments(m, app, departments.map(toDepartment));
      await this.audit.record(m, user, { action: 'create', entity: 'council_application', entityId: id });
      return this.get('council', id, user, m);
    });
  }

  async createMember(input: MemberCreateInput, user: AuthUser): Promise<ApplicationView> {
    const schoolId = this.applicantSchool(user);
    return this.db.transaction(async (m) => {
      await this.requireBatch(m, input.batchId);
      if (input.departmentId) await this.checkDepartment(m, input.departmentId, schoolId, input.batchId);
      if (await this.applications.findActive('member', { batchId: input.batchId, ownerId: user.id }, m)) {
        throw conflict('您在该批次已有成员申报');
      }
      const id = await this.applications.save('member', m, { ...input, schoolId, ownerId: user.id, state: 'draft' } as Partial<MemberApplication>);
      await this.audit.record(m, user, { action: 'create', entity: 'member_application', entityId: id });
      return this.get('member', id, user, m);
    });
  }

  async updateCouncil(id: number, input: CouncilUpdateInput, user: AuthUser): Promise<ApplicationView> {
    return this.db.transaction(async (m) => {
      const app = (await this.editable('council', id, user, m)) as CouncilApplication;
      const { departments, ...form } = input;
      await this.applications.update('council', m, id, form as Partial<CouncilApplication>);
      try {
        await this.applications.replaceDepartments(m, app, departments.map(toDepartment));
      } catch (e) {
        if ((e as { code?: string }).code === '23503') throw conflict('该二级院系已有个人成员申报，不能删除');
        throw e;
      }
      await this.audit.record(m, user, { action: 'update', entity: 'council_application', entityId: id });
      return this.get('council', id, user, m);
    });
  }

  async updateMember(id: number, input: MemberUpdateInput, user: AuthUser): Promise<ApplicationView> {
    return this.db.transaction(async (m) => {
      const app = await this.editable('member', id, user, m);
      if (input.departmentId) await this.checkDepartment(m, input.departmentId, app.schoolId, app.batchId);
      await this.applications.update('member', m, id, input as Partial<MemberApplication>);
      await this.audit.record(m, user, { action: 'update', entity: 'member_application', entityId: id });
      return this.get('member', id, user, m);
    });
  }

  /** Only a draft that was never submitted can be deleted; later, the owner withdraws it. */
  async remove(kind: ApplicationKind, id: number, user: AuthUser): Promise<ApplicationView> {
    return this.db.transaction(async (m) => {
      const view = await this.get(kind, id, user, m);
      const app = await this.applications.lock(kind, id, m);
      if (app!.ownerId !== user.id) throw forbidden('只有申报人本人可以删除草稿');
      if (app!.state !== 'draft' || app!.submittedAt) throw conflict('只能删除从未提交过的草稿；已提交的申报请撤回');
      try {
        await this.applications.remove(kind, m, id);
      } catch (e) {
        if ((e as { code?: string }).code === '23503') throw conflict('该申报的二级院系已有个人成员申报，不能删除');
        throw e;
      }
      await this.audit.record(m, user, { action: 'delete', entity: `${kind}_application`, entityId: id });
      return view;
    });
  }

  // --- workflow --------------------------------------------------------------------------------

  /**
   * One transaction: lock the application, check state and role, for a submit lock what the
   * quota counts and check the rules, then write the state, the history row, the audit event
   * and the mail intents. Any refusal rolls everything back.
   */
  async transition(kind: ApplicationKind, id: number, action: Action, comment: string | null, user: AuthUser): Promise<ApplicationView> {
    return this.db.transaction(async (m) => {
      const app = await this.applications.lock(kind, id, m);
      if (!app || !inScope(app, user)) throw notFound(LABEL[kind]);
      let decision = decide(user, app, action, { comment });
      if (!decision.ok) this.refuse(action, decision);
      if (action === 'submit') await this.lockQuota(kind, app, m);
      // read after the quota lock; it serves the rules check and the answer (presentWith)
      const page = await this.applications.pageContext(kind, [app], m);
      if (action === 'submit') {
        const [before] = this.presenter.presentWith(kind, [app], user, page);
        decision = decide(user, app, action, { comment, findings: before.findings });
      }
      if (!decision.ok) this.refuse(action, decision);
      const from = app.state;
      const now = new Date();
      const changes: StepChanges = {
        state: decision.to,
        ...(action === 'submit' && { submittedAt: now }),
        ...((action === 'return' || action === 'reject') && { lastComment: comment }),
        updatedAt: now,
      };
      await this.applications.recordStep(m, kind, id, changes, {
        action, from, to: decision.to, actorId: user.id, actorRole: roleOfActor(decision.actor), comment: comment || null,
      });
      await this.audit.record(m, user, { action: `transition.${action}`, entity: `${kind}_application`, entityId: id, data: { from, to: decision.to, comment } });
      await this.outbox.enqueue(m, await this.mails.intents(m, kind, { ...app, state: decision.to }, action, comment || null, user));
      // the locked row with what this transaction wrote: no need to read it again
      const [view] = this.presenter.presentWith(kind, [Object.assign(app, changes)], user, page);
      return view;
    });
  }

  async history(kind: ApplicationKind, id: number, user: AuthUser): Promise<Transition[]> {
    if (!(await this.applications.findVisible(kind, id, user))) throw notFound(LABEL[kind]);
    return this.applications.history(kind, id);
  }

  async grantQuotaException(kind: ApplicationKind, id: number, reason: string, user: AuthUser): Promise<ApplicationView> {
    return this.db.transaction(async (m) => {
      const app = await this.applications.lock(kind, id, m);
      if (!app) throw notFound(LABEL[kind]);
      if (['admitted', 'rejected', 'withdrawn'].includes(app.state)) throw conflict('该申报已办结，无需例外');
      await this.applications.upsertQuotaException(m, kind, id, reason, user.id);
      await this.audit.record(m, user, { action: 'quota_exception', entity: `${kind}_application`, entityId: id, data: { reason } });
      return this.get(kind, id, user, m);
    });
  }

  // --- helpers ---------------------------------------------------------------------------------

  private refuse(action: Action, decision: Exclude<Decision, { ok: true }>): never {
    switch (decision.error) {
      case 'forbidden': throw forbidden();
      case 'wrong_state': throw conflict(`当前状态不能执行“${action}”操作`);
      case 'comment_required': throw new AppError('validation', '请填写意见', [{ path: 'comment', message: '退回或不予通过时必须填写意见' }]);
      case 'blocked': throw new AppError('blocked', '不符合申报条件，不能提交', decision.findings);
    }
  }

  /** Applications are filled in by applicants for their own school. */
  private applicantSchool(user: AuthUser, requested?: number): number {
    if (!hasRole(user, 'applicant') || !user.schoolId) throw forbidden('只有申报人可以填写申报表');
    if (requested !== undefined && requested !== user.schoolId) throw forbidden('只能为本人所在学校申报');
    return user.schoolId;
  }

  private async requireBatch(m: EntityManager, batchId: number): Promise<Batch> {
    const batch = await this.batches.findById(batchId, m);
    if (!batch) throw new AppError('validation', '提交的数据有误', [{ path: 'batchId', message: '批次不存在' }]);
    return batch;
  }

  /** The department must be one of its school's council-application departments, in the same batch. */
  private async checkDepartment(m: EntityManager, departmentId: number, schoolId: number, batchId: number): Promise<void> {
    const d = await this.applications.departmentWithApplication(departmentId, m);
    if (!d || d.schoolId !== schoolId || d.batchId !== batchId || ['withdrawn', 'rejected'].includes(d.applicationState)) {
      throw new AppError('validation', '提交的数据有误', [{ path: 'departmentId', message: '所选二级院系不属于本校本批次的理事单位申报' }]);
    }
  }

  private async editable(kind: ApplicationKind, id: number, user: AuthUser, m: EntityManager): Promise<ApplicationRow> {
    const app = await this.applications.lock(kind, id, m);
    if (!app || !(await this.applications.findVisible(kind, id, user, m))) throw notFound(LABEL[kind]);
    if (app.ownerId !== user.id) throw forbidden('只有申报人本人可以修改申报表');
    if (!isEditable(app.state)) throw conflict('只有草稿或退回修改的申报可以修改');
    return app;
  }

  /** Serialises concurrent submits over what the quota counts: the school (departments) or the department (seats). */
  private async lockQuota(kind: ApplicationKind, app: ApplicationRow, m: EntityManager): Promise<void> {
    if (kind === 'council') await this.schools.lock(m, app.schoolId);
    else if ((app as MemberApplication).departmentId) await this.applications.lockDepartment(m, (app as MemberApplication).departmentId!);
  }
}

const toDepartment = (d: CouncilCreateInput['departments'][number]): Partial<Department> => ({
  ...(d.id && { id: d.id }), name: d.name ?? null, category: d.category ?? null, establishedOn: d.establishedOn ?? null,
  majorSharePct: d.majorSharePct ?? null, avgEnrollment3y: d.avgEnrollment3y ?? null, headName: d.headName ?? null,
  headPosition: d.headPosition ?? null, strongMajors: d.strongMajors,
});
