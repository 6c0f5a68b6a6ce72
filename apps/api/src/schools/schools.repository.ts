import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/sql';
import { School } from './school.entity';
import { SchoolFilter, SchoolInput } from './schools.schemas';

@Injectable()
export class SchoolsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findById(id: number, m: EntityManager = this.db.manager): Promise<School | null> {
    return m.getRepository(School).findOneBy({ id });
  }

  findByName(name: string, m: EntityManager = this.db.manager): Promise<School | null> {
    return m.getRepository(School).findOneBy({ name });
  }

  findByIds(ids: number[]): Promise<School[]> {
    return ids.length ? this.db.getRepository(School).createQueryBuilder('s').where('s.id IN (:...ids)', { ids }).getMany() : Promise.resolve([]);
  }

  insert(m: EntityManager, input: SchoolInput): Promise<School> {
    return m.getRepository(School).save(m.getRepository(School).create({ ...input, honorsOther: input.honorsOther ?? null, province: input.province ?? null }));
  }

  async update(m: EntityManager, id: number, input: SchoolInput): Promise<void> {
    await m.getRepository(School).update({ id }, { ...input, honorsOther: input.honorsOther ?? null, province: input.province ?? null });
  }

  /** Takes the school's row lock: serialises quota counts over its departments. */
  async lock(m: EntityManager, id: number): Promise<void> {
    await m.query('SELECT id FROM schools WHERE id = $1 FOR UPDATE', [id]);
  }

  list(q: ListQuery<SchoolFilter>): Promise<[School[], number]> {
    const qb = this.db.getRepository(School).createQueryBuilder('s');
    const f = q.filter;
    if (f.id) qb.andWhere('s.id IN (:...ids)', { ids: f.id });
    if (f.type) qb.andWhere('s.type IN (:...types)', { types: f.type });
    if (f.honors) qb.andWhere('s.honors && :honors::text[]', { honors: f.honors });
    if (f.province) qb.andWhere('s.province IN (:...provinces)', { provinces: f.province });
    if (f.q) qb.andWhere('s.name ILIKE :q', { q: `%${escapeLike(f.q)}%` });
    const column = { id: 's.id', name: 's.name', type: 's.type', province: 's.province' }[q.sort.field] ?? 's.id';
    return qb.orderBy(column, q.sort.order).addOrderBy('s.id', 'ASC').offset(q.offset).limit(q.limit).getManyAndCount();
  }
}
