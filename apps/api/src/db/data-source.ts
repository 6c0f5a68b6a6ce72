import { DataSource, DataSourceOptions } from 'typeorm';
import { CouncilApplication, Department, MemberApplication, QuotaException, Transition } from '../applications/application.entities';
import { Attachment } from '../attachments/attachment.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Batch } from '../batches/batch.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Email } from '../notifications/email.entity';
import { School } from '../schools/school.entity';
import { LoginFailure, User } from '../users/user.entity';
import { Initial1732924800000 } from './migrations/1732924800000-Initial';
import { InvitationsRoster1764403200000 } from './migrations/1764403200000-InvitationsRoster';
import { ListFilterIndexes1764480000000 } from './migrations/1764480000000-ListFilterIndexes';

export const ENTITIES = [
  School, User, LoginFailure, Batch, CouncilApplication, Department, MemberApplication, QuotaException,
  Transition, Attachment, AuditEvent, Invitation, Email,
];
export const MIGRATIONS = [Initial1732924800000, InvitationsRoster1764403200000, ListFilterIndexes1764480000000];

/** The one description of the database connection, used by the API, the worker and the CLI. */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  };
}

export const createDataSource = (url: string, poolSize?: number) => new DataSource(dataSourceOptions(url, poolSize));
