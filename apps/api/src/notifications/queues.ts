import type { DefaultJobOptions } from 'bullmq';
import type { Env } from '../config/env';

/** Every BullMQ queue of the product. Keys live under `<QUEUE_PREFIX>:<queue>:…` in Redis. */
export enum QueueName {
  Mail = 'mail',
  Reminders = 'reminders',
}

/** Every job name, in one place. */
export enum JobName {
  /** Send one `emails` row; job id `email-<id>`. */
  SendEmail = 'send-email',
  /** Daily: owners of unsubmitted drafts a few days before the batch deadline. */
  DeadlineReminders = 'deadline-reminders',
  /** Daily: school admins whose submissions have waited more than a few days. */
  ReviewReminders = 'review-reminders',
}

export interface SendEmailJob {
  emailId: string;
}

/**
 * The job id of a mail is its outbox row's id: adding it again while the job exists does nothing.
 * (BullMQ refuses purely numeric custom ids, hence the prefix.)
 */
export const mailJobId = (emailId: string | number): string => `email-${emailId}`;

/** How many mails one worker process sends at once (each holds a Postgres connection while it sends). */
export const MAIL_CONCURRENCY = 10;

/** Retries with exponential backoff; finished jobs are kept a while for the dashboard. */
export function mailJobOptions(env: Env): DefaultJobOptions {
  return {
    attempts: env.MAIL_ATTEMPTS,
    backoff: { type: 'exponential', delay: env.MAIL_BACKOFF_MS },
    removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

/** Reminder runs: once a day at 09:00 Beijing time. */
export const REMINDER_SCHEDULE = { pattern: '0 9 * * *', tz: 'Asia/Shanghai' } as const;
