import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from '../config/config.module';
import { ENV, type Env } from '../config/env';
import { DatabaseModule } from '../db/database.module';
import { RedisModule } from '../redis/redis.module';
import { EmailsRepository } from './emails.repository';
import { MailProcessor } from './mail.processor';
import { MailQueues } from './mail-queues';
import { Mailer } from './mailer';
import { Relay } from './relay';
import { Reminders } from './reminders';
import { RemindersRepository } from './reminders.repository';

/**
 * The worker process (worker.ts): the relay from the outbox table to the mail queue, the mail
 * processor, and the reminder schedules. Built from the same modules as the API.
 */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({ pinoHttp: { level: env.LOG_LEVEL } }),
    }),
    DatabaseModule,
    RedisModule,
  ],
  providers: [EmailsRepository, RemindersRepository, MailQueues, Mailer, Relay, MailProcessor, Reminders],
})
export class WorkerModule {}
