import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/sql';
import { InvitationFilter } from './invitation.schemas';
import { Invitation } from './invitation.entity';

const SORT_COLUMNS: Record<string, string> = {
  id: 'i.id', email: 'i.email', name: 'i.name', createdAt: 'i.created_at', expiresAt: 'i.expires_at', acceptedAt: 'i.accepted_at',
};

/** The state a reader sees: a pending invitation past its expiry is "expired". */
const STATE_SQL = `(CASE WHEN i.state = 'pending' AND i.expires_at <= :now THEN 'expired' ELSE i.state END)`;

/** The only code that reads and writes invitations. */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private query(m: EntityManager = this.db.manager): SelectQueryBuilder<Invitation> {
    return m.getRepository(Invitation).createQueryBuilder('i');
  }

  /** Serialises invitations to one address, so two concurrent invites cannot both pass the checks. */
  async lockEmail(m: EntityManager, email: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('invitation:' || $1, 0))`, [email]);
  }

  async insert(m: EntityManager, values: Partial<Invitation>): Promise<Invitation> {
    const repo = m.getRepository(Invitation);
    const saved = await repo.save(repo.create(values));
    return (await this.findById(saved.id, m))!;
  }

  async update(m: EntityManager, id: number, values: Partial<Invitation>): Promise<void> {
    await m.getRepository(Invitation).update({ id }, values);
  }

  findById(id: number, m?: EntityManager): Promise<Invitation | null> {
    return this.query(m).where('i.id = :id', { id }).getOne();
  }

  /** The row locked for a change. */
  lock(m: EntityManager, id: number): Promise<Invitation | null> {
    return this.query(m).where('i.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  findByTokenHash(hash: string, m?: EntityManager, lock = false): Promise<Invitation | null> {
    const qb = this.query(m).where('i.token_hash = :hash', { hash });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** A pending invitation to this address that has not yet expired. */
  livePending(m: EntityManager, email: string, now: Date): Promise<Invitation | null> {
    return this.query(m).where(`i.email = :email AND i.state = 'pending' AND i.expires_at > :now`, { email, now }).getOne();
  }

  async list(q: ListQuery<InvitationFilter>, now: Date): Promise<[Invitation[], number]> {
    const qb = this.query().setParameter('now', now);
    const f = q.filter;
    if (f.id) qb.andWhere('i.id IN (:...ids)', { ids: f.id });
    if (f.state) qb.andWhere(`${STATE_SQL} IN (:...states)`, { states: f.state });
    if (f.role) qb.andWhere('i.role IN (:...roles)', { roles: f.role });
    if (f.duty) qb.andWhere('i.duty IN (:...duties)', { duties: f.duty });
    if (f.q) qb.andWhere('(i.name ILIKE :q OR i.email ILIKE :q OR i.organization ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    const [rows, total] = await Promise.all([
      qb.clone().orderBy(SORT_COLUMNS[q.sort.field] ?? 'i.id', q.sort.order, 'NULLS LAST').addOrderBy('i.id', q.sort.order)
        .offset(q.offset).limit(q.limit).getMany(),
      qb.clone().getCount(),
    ]);
    return [rows, total];
  }
}
