import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationKind, EmailStatus, EmailTemplate } from '@alliance/domain';
import type { AuthUser } from '../auth/auth-user';
import { AuditRepository } from '../audit/audit.repository';
import { conflict, notFound } from '../common/errors';
import { ListQuery } from '../common/list-query';
import { ENV, type Env } from '../config/env';
import type { Email } from './email.entity';
import { EmailFilter, EmailsRepository } from './emails.repository';
import { renderEmail, renderSubject, type RenderedEmail } from './templates';

/** One row of the notification log (docs/api-details.md, `emails`). */
export interface EmailView {
  id: number;
  template: EmailTemplate;
  toEmail: string;
  toUserId: number | null;
  subject: string;
  applicationKind: ApplicationKind | null;
  applicationId: number | null;
  invitationId: number | null;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  queuedAt: Date | null;
  sentAt: Date | null;
  updatedAt: Date;
}

const present = (e: Email): EmailView => ({
  id: Number(e.id),
  template: e.template,
  toEmail: e.toEmail,
  toUserId: e.toUserId,
  subject: e.subject ?? renderSubject(e.template, e.data),
  applicationKind: e.applicationKind,
  applicationId: e.applicationId,
  invitationId: e.invitationId,
  status: e.status,
  attempts: e.attempts,
  lastError: e.lastError,
  messageId: e.messageId,
  createdAt: e.createdAt,
  queuedAt: e.queuedAt,
  sentAt: e.sentAt,
  updatedAt: e.updatedAt,
});

/** The notification log for staff: list, one, preview, resend. */
@Injectable()
export class EmailsService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly emails: EmailsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(q: ListQuery<EmailFilter>): Promise<[EmailView[], number]> {
    const [rows, total] = await this.emails.list(q);
    return [rows.map(present), total];
  }

  async get(id: number): Promise<EmailView> {
    return present(await this.require(id));
  }

  /** The mail as it is sent, except that single-use links (sealed in the outbox) are withheld. */
  async preview(id: number): Promise<RenderedEmail> {
    const row = await this.require(id);
    return renderEmail(row.template, row.data, { secret: this.env.TOKEN_SECRET, revealSecrets: false });
  }

  /** A failed (or sent) mail goes back to pending; the relay picks it up once this commits. */
  async resend(id: number, actor: AuthUser): Promise<EmailView> {
    await this.emails.db.transaction(async (m) => {
      const row = await this.emails.lockNowait(m, id);
      if (!row) throw notFound('邮件');
      if (row === 'busy' || (row.status !== 'failed' && row.status !== 'sent')) throw conflict('该邮件正在发送队列中，无需重发');
      await this.emails.resetForResend(m, id);
      await this.audit.record(m, actor, {
        action: 'resend', entity: 'email', entityId: id,
        data: {
          template: row.template, toEmail: row.toEmail, previousStatus: row.status, attempts: row.attempts,
          lastError: row.lastError, messageId: row.messageId, sentAt: row.sentAt,
        },
      });
    });
    return this.get(id);
  }

  private async require(id: number): Promise<Email> {
    const row = await this.emails.findById(id);
    if (!row) throw notFound('邮件');
    return row;
  }
}
