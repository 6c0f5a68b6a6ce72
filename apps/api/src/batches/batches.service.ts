import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditRepository } from '../audit/audit.repository';
import { conflict, notFound } from '../common/errors';
import { ListQuery } from '../common/list-query';
import { rethrowUniqueAsConflict } from '../common/records';
import { Batch } from './batch.entity';
import { BatchesRepository, BatchFilter, BatchInput } from './batches.repository';

/** Batches (征集批次): the lead creates them and moves their deadlines. */
@Injectable()
export class BatchesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly batches: BatchesRepository,
    private readonly audit: AuditRepository,
  ) {}

  list(q: ListQuery<BatchFilter>): Promise<[Batch[], number]> {
    return this.batches.list(q);
  }

  async get(id: number): Promise<Batch> {
    return (await this.batches.findById(id)) ?? Promise.reject(notFound('批次'));
  }

  create(input: BatchInput, actor: AuthUser): Promise<Batch> {
    return this.db.transaction(async (m) => {
      const batch = await this.batches.insert(m, input);
      await this.audit.record(m, actor, { action: 'create', entity: 'batch', entityId: batch.id, data: { ...input } });
      return batch;
    }).catch(rethrowUniqueAsConflict);
  }

  update(id: number, input: BatchInput, actor: AuthUser): Promise<Batch> {
    return this.db.transaction(async (m) => {
      const before = await this.batches.findById(id, m);
      if (!before) throw notFound('批次');
      await this.batches.update(m, id, input);
      await this.audit.record(m, actor, { action: 'update', entity: 'batch', entityId: id, data: { before: { ...before }, after: { ...input } } });
      return (await this.batches.findById(id, m))!;
    }).catch(rethrowUniqueAsConflict);
  }

  /** Only a batch nobody applied in can be deleted. */
  remove(id: number, actor: AuthUser): Promise<Batch> {
    return this.db.transaction(async (m) => {
      const batch = await this.batches.findById(id, m);
      if (!batch) throw notFound('批次');
      if (await this.batches.hasApplications(m, id)) throw conflict('该批次已有申报，不能删除');
      await this.batches.remove(m, id);
      await this.audit.record(m, actor, { action: 'delete', entity: 'batch', entityId: id, data: { name: batch.name } });
      return batch;
    });
  }
}
