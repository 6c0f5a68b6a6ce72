import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ENV, type Env } from '../config/env';
import { JobName, mailJobOptions, QueueName, type SendEmailJob } from './queues';
import { logErrors, producerRedis } from './redis-connections';

/**
 * The queues as seen by producers and by the dashboard: one fail-fast Redis connection
 * (commands are refused at once while Redis is away) shared by both queues, under QUEUE_PREFIX.
 */
@Injectable()
export class MailQueues implements OnApplicationShutdown {
  readonly redis: Redis;
  readonly mail: Queue<SendEmailJob, unknown, JobName>;
  readonly reminders: Queue<Record<string, never>, unknown, JobName>;

  constructor(@Inject(ENV) env: Env) {
    this.redis = producerRedis(env.REDIS_URL, 'MailQueues');
    const base = { connection: this.redis, prefix: env.QUEUE_PREFIX };
    this.mail = new Queue<SendEmailJob, unknown, JobName>(QueueName.Mail, { ...base, defaultJobOptions: mailJobOptions(env) });
    this.reminders = new Queue<Record<string, never>, unknown, JobName>(QueueName.Reminders, {
      ...base,
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: { count: 200 },
        removeOnFail: { count: 200 },
      },
    });
    logErrors(this.mail, 'MailQueue');
    logErrors(this.reminders, 'RemindersQueue');
  }

  get all(): Queue[] {
    return [this.mail, this.reminders] as Queue[];
  }

  /** Is Redis connected right now? */
  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.all.map((q) => q.close()));
    this.redis.disconnect();
  }
}
