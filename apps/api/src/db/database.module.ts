import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { AuditRepository } from '../audit/audit.repository';
import { BatchesRepository } from '../batches/batches.repository';
import { ENV, type Env } from '../config/env';
import { DepartmentsRepository } from '../departments/departments.repository';
import { Outbox } from '../notifications/outbox';
import { SchoolsRepository } from '../schools/schools.repository';
import { UsersRepository } from '../users/users.repository';
import { dataSourceOptions } from './data-source';

const REPOSITORIES = [
  ApplicationsRepository, AttachmentsRepository, AuditRepository, BatchesRepository, DepartmentsRepository, SchoolsRepository, UsersRepository, Outbox,
];

/** The connection and the repositories: the only code that touches the database. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({ ...dataSourceOptions(env.DATABASE_URL, env.DATABASE_POOL_SIZE), retryAttempts: 3, retryDelay: 1000 }),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class DatabaseModule {}
