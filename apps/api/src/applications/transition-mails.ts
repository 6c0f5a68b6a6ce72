import { Inject, Injectable } from '@nestjs/common';
import { ACTION, APPLICATION_KIND, STATE, type Action, type ApplicationKind, type EmailTemplate } from '@alliance/domain';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { ENV, type Env } from '../config/env';
import type { MailIntent } from '../notifications/outbox';
import { UsersRepository } from '../users/users.repository';
import { RESOURCE_OF } from './application-kinds';
import { CouncilApplication, MemberApplication } from './application.entities';
import { ApplicationsRepository, type ApplicationRow } from './applications.repository';

type Recipient = { id: number | null; email: string; name: string };

/**
 * Who is told of each step (DOMAIN.md, "Notifications"): one mail intent per recipient,
 * written in the transaction of the step itself.
 */
@Injectable()
export class TransitionMails {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly users: UsersRepository,
    private readonly applications: ApplicationsRepository,
  ) {}

  async intents(m: EntityManager, kind: ApplicationKind, app: ApplicationRow, action: Action, comment: string | null, actor: AuthUser): Promise<MailIntent[]> {
    // read only for the steps that mail the applicant: one statement fewer for the others
    const applicant = async (): Promise<Recipient[]> => {
      const owner = await this.users.findById(app.ownerId, m);
      return owner ? [{ id: owner.id, email: owner.email, name: owner.name }] : [];
    };
    const to = async (template: EmailTemplate, recipients: Promise<Recipient[]>) =>
      (await recipients).map((r) => this.intent(kind, app, template, r, action, comment, actor));

    switch (action) {
      case 'submit':
        return [...(await to('submitted_receipt', applicant())), ...(await to('submitted_school', this.users.recipients(m, 'school_admin', app.schoolId)))];
      case 'school_approve':
        return [...(await to('school_approved_applicant', applicant())), ...(await to('school_approved_center', this.users.recipients(m, 'center_reviewer')))];
      case 'center_approve':
        return to('center_reviewed_lead', this.users.recipients(m, 'lead'));
      case 'admit':
        return [...(await to('admitted', applicant())), ...(await to('admitted', this.schoolContact(m, kind, app)))];
      case 'return':
        return to('returned', applicant());
      case 'reject':
        return to('rejected', applicant());
      case 'withdraw':
        return [];
    }
  }

  /** The contact person of the school's council application in the batch (附件1 理事单位联系人). */
  private async schoolContact(m: EntityManager, kind: ApplicationKind, app: ApplicationRow): Promise<Recipient[]> {
    const council = kind === 'council'
      ? (app as CouncilApplication)
      : ((await this.applications.findActive('council', { batchId: app.batchId, schoolId: app.schoolId }, m)) as CouncilApplication | null);
    const email = council?.contact?.email;
    return email ? [{ id: null, email, name: council.contact?.name ?? '' }] : [];
  }

  private intent(kind: ApplicationKind, app: ApplicationRow, template: EmailTemplate, r: Recipient, action: Action, comment: string | null, actor: AuthUser): MailIntent {
    const title = kind === 'council'
      ? `${app.school?.name ?? ''}理事单位申报`
      : `${(app as MemberApplication).name ?? ''}（${app.school?.name ?? ''}）成员申报`;
    return {
      template, toEmail: r.email, toUserId: r.id, applicationKind: kind, applicationId: app.id,
      data: {
        recipientName: r.name, applicationTitle: title, applicationKindLabel: APPLICATION_KIND[kind].zh,
        schoolName: app.school?.name ?? '', state: app.state, stateLabel: STATE[app.state].zh,
        action, actionLabel: ACTION[action].zh, comment, actorName: actor.name,
        link: `${this.env.PUBLIC_URL}/#/${RESOURCE_OF[kind]}/${app.id}/show`,
      },
    };
  }
}
