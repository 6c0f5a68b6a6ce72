import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ENV, type Env } from '../config/env';
import { EmailsRepository, type PendingEmail } from './emails.repository';
import { MailQueues } from './mail-queues';
import { OUTBOX_CHANNEL } from './outbox';
import { JobName, mailJobId } from './queues';
import { within } from './redis-connections';

/** Rows claimed per transaction. */
const BATCH = 200;
/** Longest wait on Redis while holding the claimed rows. */
const REDIS_TIMEOUT_MS = 5000;

/**
 * Moves pending intents from the outbox table to the mail queue. It runs in the worker process
 * (any number of them): woken by NOTIFY on `emails_pending` as each request's transaction
 * commits, and by a RELAY_INTERVAL_MS poll in case a notification was missed.
 *
 * Guarantees, with the worker's row lock (emails.repository.ts `deliverOnce`):
 * - never lost: a row leaves `pending` only in the transaction that put its job on the queue;
 *   while Redis is down the rows simply stay pending. A reconciler puts `queued` rows whose job
 *   vanished (Redis restarted without its data, a job removed from the dashboard) back to pending.
 * - never twice: the job id is the row's id, so pushing a row again while its job exists does
 *   nothing; and the worker skips a row already recorded as sent.
 */
@Injectable()
export class Relay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Relay.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private unlisten: (() => Promise<void>) | null = null;
  private relisten: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failing = false;
  private reconciling = false;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly emails: EmailsRepository,
    private readonly queues: MailQueues,
  ) {}

  /** How long a row may sit in `queued` before its job is checked, and how often that is done. */
  private get staleAfterMs(): number {
    return this.env.RELAY_INTERVAL_MS * 20;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.timers.push(setInterval(() => this.kick(), this.env.RELAY_INTERVAL_MS));
    this.timers.push(setInterval(() => void this.reconcile(), this.env.RELAY_INTERVAL_MS * 10));
    this.kick();
  }

  /** Starts a relay pass, or asks the running one to go round once more. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Waits for the current pass (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        const moved = await this.emails.relayPending(BATCH, (rows) => this.push(rows));
        if (moved === BATCH) this.again = true;
        if (this.failing) this.logger.log('Relay resumed: pending mails are being queued again');
        this.failing = false;
      } while (this.again && !this.stopped);
    } catch (e) {
      if (!this.failing) this.logger.warn(`Relay paused, mails stay pending until the queue answers: ${(e as Error).message}`);
      this.failing = true;
    }
  }

  private async push(rows: PendingEmail[]): Promise<void> {
    const mail = this.queues.mail;
    // A row queued before (a staff resend, or put back by the reconciler) may still have its
    // finished job under the same id; adding would then be ignored, so that job goes first.
    // A live job (waiting, delayed, active) is left alone: it will deliver the row.
    const again = rows.filter((r) => r.queuedBefore);
    if (again.length) {
      const states = await within(REDIS_TIMEOUT_MS, Promise.all(again.map((r) => mail.getJobState(mailJobId(r.id)))), 'getJobState');
      const finished = again.filter((_, i) => states[i] === 'completed' || states[i] === 'failed');
      await within(REDIS_TIMEOUT_MS, Promise.all(finished.map((r) => mail.remove(mailJobId(r.id)))), 'remove');
    }
    await within(
      REDIS_TIMEOUT_MS,
      mail.addBulk(rows.map((r) => ({ name: JobName.SendEmail, data: { emailId: r.id }, opts: { jobId: mailJobId(r.id) } }))),
      'addBulk',
    );
  }

  /** Queued rows whose job no longer exists (or ended without recording the row) go back to pending. */
  async reconcile(): Promise<number> {
    if (this.stopped || this.reconciling) return 0;
    this.reconciling = true;
    try {
      const ids = await this.emails.staleQueued(this.staleAfterMs, 500);
      if (ids.length === 0) return 0;
      const states = await within(REDIS_TIMEOUT_MS * 2, Promise.all(ids.map((id) => this.queues.mail.getJobState(mailJobId(id)))), 'getJobState');
      const lost = ids.filter((_, i) => states[i] === 'unknown' || states[i] === 'completed' || states[i] === 'failed');
      const requeued = await this.emails.requeue(lost);
      if (requeued) this.logger.warn(`${requeued} queued mail(s) had no live job in Redis; put back to pending`);
      return requeued;
    } catch (e) {
      this.logger.debug(`Reconcile skipped: ${(e as Error).message}`);
      return 0;
    } finally {
      this.reconciling = false;
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    try {
      this.unlisten = await this.emails.listen(OUTBOX_CHANNEL, () => this.kick(), (e) => {
        this.logger.warn(`LISTEN ${OUTBOX_CHANNEL} lost (${e.message}); polling every ${this.env.RELAY_INTERVAL_MS} ms meanwhile`);
        void this.unlisten?.();
        this.unlisten = null;
        this.scheduleListen();
      });
    } catch (e) {
      this.logger.warn(`LISTEN ${OUTBOX_CHANNEL} failed (${(e as Error).message}); retrying`);
      this.scheduleListen();
    }
  }

  private scheduleListen(): void {
    if (this.stopped || this.relisten) return;
    this.relisten = setTimeout(() => {
      this.relisten = null;
      void this.listen();
    }, 2000);
  }

  /** Stops claiming rows; rows not yet relayed stay pending for the next worker. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    if (this.relisten) clearTimeout(this.relisten);
    await this.unlisten?.();
    await this.idle();
  }
}
