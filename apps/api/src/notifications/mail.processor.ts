import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { ENV, type Env } from '../config/env';
import type { Email } from './email.entity';
import { EmailsRepository, type DeliveryOutcome } from './emails.repository';
import { isPermanentSmtpError, Mailer } from './mailer';
import { JobName, MAIL_CONCURRENCY, QueueName, type SendEmailJob } from './queues';
import { logErrors } from './redis-connections';
import { renderEmail, type RenderedEmail } from './templates';

/** How long a second worker waits for the row another one is sending (longer than any SMTP timeout). */
const ROW_LOCK_TIMEOUT_MS = 90_000;

export type MailJobResult = { sent: true; messageId: string } | { skipped: 'already sent or gone' };

/**
 * The mail worker: renders each row's template and sends it. Every attempt is recorded on the
 * row (sent with the SMTP message id, or the error and the attempt count); after the last
 * attempt, or at once for a permanent SMTP rejection (5xx), the row is `failed` and staff may
 * resend it. The row stays locked in Postgres while it is being sent, so two workers holding the
 * same job (a stalled job handed out again) never both send it, and a row recorded as sent is
 * never sent again.
 */
@Injectable()
export class MailProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);
  private worker: Worker<SendEmailJob, MailJobResult, JobName> | null = null;
  private readonly domain: string;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly emails: EmailsRepository,
    private readonly mailer: Mailer,
  ) {
    this.domain = /@([^>\s]+)>?\s*$/.exec(env.MAIL_FROM)?.[1] ?? 'alliance.local';
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker<SendEmailJob, MailJobResult, JobName>(QueueName.Mail, (job) => this.process(job), {
      connection: { url: this.env.REDIS_URL },
      prefix: this.env.QUEUE_PREFIX,
      concurrency: MAIL_CONCURRENCY,
      // a job whose worker died is handed out again within ~20 s (lock expiry + stalled check)
      lockDuration: 15_000,
      stalledInterval: 5_000,
      maxStalledCount: 3,
    });
    logErrors(this.worker, 'MailWorker');
    this.worker.on('failed', (job, e) => {
      if (job) this.logger.warn(`mail ${job.data.emailId} attempt ${job.attemptsMade} failed: ${e.message}`);
    });
  }

  async process(job: Job<SendEmailJob, MailJobResult, JobName>): Promise<MailJobResult> {
    if (job.name !== JobName.SendEmail) throw new UnrecoverableError(`unknown job "${job.name}" on the mail queue`);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.emails.deliverOnce(job.data.emailId, ROW_LOCK_TIMEOUT_MS, (row) => this.deliver(row, lastAttempt));
    if (!outcome) return { skipped: 'already sent or gone' };
    if (outcome.ok) return { sent: true, messageId: outcome.messageId };
    throw outcome.final ? new UnrecoverableError(outcome.error) : new Error(outcome.error);
  }

  /** Renders and sends one row (called while the row is locked). */
  private async deliver(row: Email, lastAttempt: boolean): Promise<DeliveryOutcome> {
    let mail: RenderedEmail;
    try {
      mail = renderEmail(row.template, row.data, { secret: this.env.TOKEN_SECRET, revealSecrets: true });
    } catch (e) {
      return { ok: false, subject: null, error: `模板渲染失败：${(e as Error).message}`, final: true };
    }
    try {
      const resends = Number(row.data?._resends ?? 0) || 0;
      const result = await this.mailer.send({
        emailId: row.id,
        to: { name: typeof row.data?.recipientName === 'string' ? row.data.recipientName : typeof row.data?.name === 'string' ? row.data.name : '', address: row.toEmail },
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: `<alliance-email-${row.id}.${resends}@${this.domain}>`,
      });
      return { ok: true, subject: mail.subject, messageId: result.messageId };
    } catch (e) {
      return { ok: false, subject: mail.subject, error: describe(e), final: lastAttempt || isPermanentSmtpError(e) };
    }
  }

  /** Finishes the jobs in hand, then stops taking new ones. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}

function describe(e: unknown): string {
  const err = e as { responseCode?: number; code?: string; response?: string; message?: string };
  const head = err.responseCode ? `SMTP ${err.responseCode}` : err.code ?? 'Error';
  return `${head}: ${err.response ?? err.message ?? String(e)}`;
}
