import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EmailsController } from './emails.controller';
import { EmailsRepository } from './emails.repository';
import { EmailsService } from './emails.service';
import { MailQueues } from './mail-queues';
import { QueuesDashboard, QueuesSessionController } from './queues-dashboard';

/**
 * The API side of notifications: the notification log (`emails`: list, one, preview, resend)
 * and the queue dashboard. Mails are written by the request path through the outbox
 * (outbox.ts); relaying and sending happen in the worker process (WorkerModule).
 */
@Module({
  imports: [AuthModule],
  controllers: [QueuesSessionController, EmailsController],
  providers: [EmailsRepository, EmailsService, MailQueues, QueuesDashboard],
})
export class NotificationsModule {}
