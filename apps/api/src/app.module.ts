import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ApplicationsModule } from './applications/applications.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditController } from './audit/audit.controller';
import { AuthModule } from './auth/auth.module';
import { BatchesController } from './batches/batches.controller';
import { BatchesService } from './batches/batches.service';
import { ClockModule } from './common/clock';
import { ConfigModule } from './config/config.module';
import { ENV, type Env } from './config/env';
import { DatabaseModule } from './db/database.module';
import { DepartmentsController } from './departments/departments.controller';
import { ExportsModule } from './exports/exports.module';
import { HealthController } from './health/health.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { InvitationsModule } from './invitations/invitations.module';
import { RedisModule } from './redis/redis.module';
import { RosterModule } from './roster/roster.module';
import { SchoolsController } from './schools/schools.controller';
import { SchoolsService } from './schools/schools.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** The HTTP API. Feature modules register before ApplicationsModule so that fixed paths win over `:id`. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          autoLogging: { ignore: (req) => req.url === '/api/health' },
        },
      }),
    }),
    DatabaseModule, RedisModule, ClockModule, AuthModule, AttachmentsModule,
    // ExportsModule first: `/<resource>/export` must win over `/<resource>/:id`
    ExportsModule, RosterModule, InvitationsModule, NotificationsModule, ApplicationsModule],
  controllers: [HealthController, SchoolsController, BatchesController, UsersController, DepartmentsController, AuditController],
  providers: [UsersService, SchoolsService, BatchesService],
})
export class AppModule {}
