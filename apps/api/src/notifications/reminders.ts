import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APPLICATION_KIND, shanghaiDate, STATE } from '@alliance/domain';
import { Job, Worker } from 'bullmq';
import { RESOURCE_OF } from '../applications/application-kinds';
import { ENV, type Env } from '../config/env';
import { MailQueues } from './mail-queues';
import type { MailIntent } from './outbox';
import { JobName, QueueName, REMINDER_SCHEDULE } from './queues';
import { logErrors, within } from './redis-connections';
import { RemindersRepository, type ReminderApplication } from './reminders.repository';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Daily reminders, run by BullMQ job schedulers (upsertJobScheduler, 09:00 Beijing time):
 * - deadline_reminder: owners of unsubmitted drafts (and of applications returned for changes)
 *   when the batch deadline is at most REMINDER_DAYS_BEFORE_DEADLINE days away;
 * - review_reminder: each school admin of a school whose submission has waited for the school's
 *   review more than REVIEW_REMINDER_AFTER_DAYS days.
 * Each goes at most once per application, kind and (Beijing) day, through the unique
 * emails.dedupe_key: `deadline_reminder:<kind>:<id>:<day>`, `review_reminder:<kind>:<id>:<day>:<userId>`.
 * The mails themselves take the outbox path like every other mail.
 */
@Injectable()
export class Reminders implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Reminders.name);
  private worker: Worker<unknown, { written: number }, JobName> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly repository: RemindersRepository,
    private readonly queues: MailQueues,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<unknown, { written: number }, JobName>(QueueName.Reminders, (job) => this.process(job), {
      connection: { url: this.env.REDIS_URL },
      prefix: this.env.QUEUE_PREFIX,
      concurrency: 1,
    });
    logErrors(this.worker, 'RemindersWorker');
    void this.schedule();
  }

  /** Upserts both schedulers (idempotent: every worker does it on start). Retries while Redis is away. */
  async schedule(): Promise<void> {
    try {
      for (const name of [JobName.DeadlineReminders, JobName.ReviewReminders]) {
        await within(10_000, this.queues.reminders.upsertJobScheduler(name, { ...REMINDER_SCHEDULE }, { name }), 'upsertJobScheduler');
      }
    } catch (e) {
      if (this.stopped) return;
      this.logger.warn(`Reminder schedules not registered yet (${(e as Error).message}); retrying`);
      this.retry = setTimeout(() => void this.schedule(), 5000);
    }
  }

  async process(job: Job<unknown, { written: number }, JobName>): Promise<{ written: number }> {
    switch (job.name) {
      case JobName.DeadlineReminders:
        return { written: await this.deadlineReminders(new Date()) };
      case JobName.ReviewReminders:
        return { written: await this.reviewReminders(new Date()) };
      default:
        throw new Error(`unknown job "${job.name}" on the reminders queue`);
    }
  }

  /** Writes the deadline reminders due at `now`; returns how many were new. */
  async deadlineReminders(now: Date): Promise<number> {
    const day = shanghaiDate(now);
    const apps = await this.repository.unsubmittedBefore(now, new Date(now.getTime() + this.env.REMINDER_DAYS_BEFORE_DEADLINE * DAY_MS));
    const intents: MailIntent[] = apps.map((a) => ({
      template: 'deadline_reminder',
      toEmail: a.ownerEmail,
      toUserId: a.ownerId,
      applicationKind: a.kind,
      applicationId: a.id,
      dedupeKey: `deadline_reminder:${a.kind}:${a.id}:${day}`,
      data: {
        ...this.applicationData(a, a.ownerName),
        batchName: a.batchName,
        deadline: new Date(a.deadline).toISOString(),
        daysLeft: Math.max(1, Math.ceil((new Date(a.deadline).getTime() - now.getTime()) / DAY_MS)),
      },
    }));
    const written = await this.repository.enqueue(intents);
    if (written) this.logger.log(`${written} deadline reminder(s) written for ${day}`);
    return written;
  }

  /** Writes the review reminders due at `now`; returns how many were new. */
  async reviewReminders(now: Date): Promise<number> {
    const day = shanghaiDate(now);
    const apps = await this.repository.waitingForSchool(new Date(now.getTime() - this.env.REVIEW_REMINDER_AFTER_DAYS * DAY_MS));
    const admins = await this.repository.schoolAdmins([...new Set(apps.map((a) => a.schoolId))]);
    const intents: MailIntent[] = apps.flatMap((a) => admins.filter((u) => u.schoolId === a.schoolId).map((u) => ({
      template: 'review_reminder' as const,
      toEmail: u.email,
      toUserId: u.id,
      applicationKind: a.kind,
      applicationId: a.id,
      dedupeKey: `review_reminder:${a.kind}:${a.id}:${day}:${u.id}`,
      data: {
        ...this.applicationData(a, u.name),
        submittedAt: a.submittedAt ? new Date(a.submittedAt).toISOString() : null,
        waitingDays: a.submittedAt ? Math.floor((now.getTime() - new Date(a.submittedAt).getTime()) / DAY_MS) : null,
      },
    })));
    const written = await this.repository.enqueue(intents);
    if (written) this.logger.log(`${written} review reminder(s) written for ${day}`);
    return written;
  }

  /** The same application fields the workflow mails carry (applications/transition-mails.ts). */
  private applicationData(a: ReminderApplication, recipientName: string): Record<string, unknown> {
    const title = a.kind === 'council' ? `${a.schoolName}理事单位申报` : `${a.memberName ?? a.ownerName}（${a.schoolName}）成员申报`;
    return {
      recipientName,
      applicationTitle: title,
      applicationKindLabel: APPLICATION_KIND[a.kind].zh,
      schoolName: a.schoolName,
      state: a.state,
      stateLabel: STATE[a.state]?.zh ?? a.state,
      link: `${this.env.PUBLIC_URL}/#/${RESOURCE_OF[a.kind]}/${a.id}/show`,
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.worker?.close();
  }
}
