import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/sql';
import { Batch } from './batch.entity';

export interface BatchFilter {
  id?: number[];
  q?: string;
}
export type BatchInput = Pick<Batch, 'name' | 'opensAt' | 'deadline'>;

const SORT: Record<string, string> = { id: 'b.id', name: 'b.name', opensAt: 'b.opens_at', deadline: 'b.deadline' };
export const BATCH_SORTABLE = Object.keys(SORT);

@Injectable()
export class BatchesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(q: ListQuery<BatchFilter>): Promise<[Batch[], number]> {
    const qb = this.db.getRepository(Batch).createQueryBuilder('b');
    if (q.filter.id) qb.andWhere('b.id IN (:...ids)', { ids: q.filter.id });
    if (q.filter.q) qb.andWhere('b.name ILIKE :q', { q: `%${escapeLike(q.filter.q)}%` });
    return qb.orderBy(SORT[q.sort.field], q.sort.order).addOrderBy('b.id', 'ASC').offset(q.offset).limit(q.limit).getManyAndCount();
  }

  findById(id: number, m: EntityManager = this.db.manager): Promise<Batch | null> {
    return m.getRepository(Batch).findOneBy({ id });
  }

  insert(m: EntityManager, input: BatchInput): Promise<Batch> {
    return m.getRepository(Batch).save(m.getRepository(Batch).create(input));
  }

  async update(m: EntityManager, id: number, input: BatchInput): Promise<void> {
    await m.getRepository(Batch).update({ id }, input);
  }

  async remove(m: EntityManager, id: number): Promise<void> {
    await m.getRepository(Batch).delete({ id });
  }

  async hasApplications(m: EntityManager, id: number): Promise<boolean> {
    const [{ used }] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM council_applications WHERE batch_id = $1)
           OR EXISTS (SELECT 1 FROM member_applications WHERE batch_id = $1) AS used`, [id]);
    return used;
  }
}
