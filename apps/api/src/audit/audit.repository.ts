import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { ListQuery } from '../common/list-query';
import { AuditEvent } from './audit-event.entity';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | number | null;
  data?: Record<string, unknown>;
}

export interface AuditFilter {
  id?: number[];
  entity?: string[];
  entityId?: string;
  action?: string[];
  actorId?: number[];
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Writes in the caller's transaction, so the record commits or rolls back with the change. */
  async record(m: EntityManager, actor: Pick<AuthUser, 'id' | 'email'> | null, event: AuditRecord): Promise<void> {
    await m.getRepository(AuditEvent).insert({
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
      data: (event.data ?? {}) as never,
    });
  }

  list(q: ListQuery<AuditFilter>): Promise<[AuditEvent[], number]> {
    const qb = this.db.getRepository(AuditEvent).createQueryBuilder('a');
    const f = q.filter;
    if (f.id) qb.andWhere('a.id IN (:...ids)', { ids: f.id });
    if (f.entity) qb.andWhere('a.entity IN (:...entities)', { entities: f.entity });
    if (f.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: f.entityId });
    if (f.action) qb.andWhere('a.action IN (:...actions)', { actions: f.action });
    if (f.actorId) qb.andWhere('a.actor_id IN (:...actorIds)', { actorIds: f.actorId });
    const column = q.sort.field === 'at' ? 'a.at' : 'a.id';
    return qb.orderBy(column, q.sort.order).offset(q.offset).limit(q.limit).getManyAndCount();
  }
}
