import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RosterKind } from '@alliance/domain';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/sql';
import { MemberRosterFilter } from './roster.schemas';

/** One roster row as the database gives it (the `members` shape of docs/api-details.md, plus a few). */
export interface RosterRow {
  id: string;
  kind: RosterKind;
  refId: number;
  name: string | null;
  organization: string | null;
  schoolId: number | null;
  schoolType: string | null;
  ownership: string | null;
  schoolHonors: string[];
  schoolHonorsOther: string | null;
  province: string | null;
  departmentNames: string[];
  departmentCategories: string[];
  seat: string | null;
  targetGroup: number | null;
  gender: string | null;
  title: string | null;
  position: { kind: string; text?: string | null } | null;
  duty: string | null;
  mobile: string | null;
  email: string | null;
  representative: Record<string, string | null> | null;
  contact: Record<string, string | null> | null;
  batchId: number | null;
  batchName: string | null;
  admittedAt: Date | null;
}

const admittedAt = (kind: string, alias: string) =>
  `(SELECT max(t.at) FROM transitions t WHERE t.application_kind = '${kind}' AND t.application_id = ${alias}.id AND t.to_state = 'admitted')`;

/**
 * The roster (成员名录): admitted council units, admitted individual members and accepted
 * experts, as one relation. Every branch yields the same columns, so filters apply once, outside.
 */
const ROSTER_SQL = `(
  SELECT 'council_unit-' || a.id AS id, 'council_unit'::text AS kind, a.id AS "refId",
    s.name AS name, s.name AS organization, s.id AS "schoolId", s.type AS "schoolType", s.ownership AS ownership,
    s.honors AS "schoolHonors", s.honors_other AS "schoolHonorsOther", s.province AS province,
    coalesce(dep.names, '{}') AS "departmentNames", coalesce(dep.categories, '{}') AS "departmentCategories",
    NULL::text AS seat, NULL::smallint AS "targetGroup", NULL::text AS gender, NULL::text AS title, NULL::jsonb AS position,
    NULL::text AS duty, a.contact->>'phone' AS mobile, a.contact->>'email' AS email,
    a.representative AS representative, a.contact AS contact,
    a.batch_id AS "batchId", b.name AS "batchName", ${admittedAt('council', 'a')} AS "admittedAt"
  FROM council_applications a
  JOIN schools s ON s.id = a.school_id
  JOIN batches b ON b.id = a.batch_id
  LEFT JOIN LATERAL (
    SELECT array_agg(d.name ORDER BY d.position) FILTER (WHERE d.name IS NOT NULL) AS names,
           array_agg(d.category ORDER BY d.position) FILTER (WHERE d.category IS NOT NULL) AS categories
    FROM departments d WHERE d.council_application_id = a.id
  ) dep ON true
  WHERE a.state = 'admitted'
  UNION ALL
  SELECT 'individual-' || m.id, 'individual', m.id,
    m.name, s.name, s.id, s.type, s.ownership, s.honors, s.honors_other, s.province,
    CASE WHEN d.name IS NULL THEN '{}'::text[] ELSE ARRAY[d.name] END,
    CASE WHEN d.category IS NULL THEN '{}'::text[] ELSE ARRAY[d.category] END,
    m.seat, m.target_group, m.gender, m.title, m.position, NULL, m.mobile, m.email, NULL, NULL,
    m.batch_id, b.name, ${admittedAt('member', 'm')}
  FROM member_applications m
  JOIN schools s ON s.id = m.school_id
  JOIN batches b ON b.id = m.batch_id
  LEFT JOIN departments d ON d.id = m.department_id
  WHERE m.state = 'admitted'
  UNION ALL
  SELECT 'expert-' || u.id, 'expert', u.id,
    u.name, inv.organization, NULL, NULL, NULL, '{}'::text[], NULL, NULL, '{}'::text[], '{}'::text[],
    NULL, NULL, NULL, NULL, NULL, inv.duty, NULL, u.email, NULL, NULL,
    NULL, NULL, coalesce(inv.accepted_at, u.created_at)
  FROM users u
  LEFT JOIN LATERAL (
    SELECT i.organization, i.duty, i.accepted_at FROM invitations i
    WHERE i.user_id = u.id AND i.state = 'accepted' ORDER BY i.accepted_at DESC LIMIT 1
  ) inv ON true
  WHERE 'expert' = ANY(u.roles) AND u.active
)`;

const SORT_COLUMNS: Record<string, string[]> = {
  id: ['r.kind', 'r."refId"'], kind: ['r.kind'], name: ['r.name'], organization: ['r.organization'], province: ['r.province'],
  schoolType: ['r."schoolType"'], batchId: ['r."batchId"'], admittedAt: ['r."admittedAt"'],
};

/** The only code that reads the roster. */
@Injectable()
export class RosterRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Applies the roster filters; shared by the list, its count, one member and the export. */
  filtered(f: MemberRosterFilter): SelectQueryBuilder<RosterRow> {
    const qb = this.db.createQueryBuilder().select('r.*').from(ROSTER_SQL, 'r') as SelectQueryBuilder<RosterRow>;
    if (f.id) qb.andWhere('r.id IN (:...ids)', { ids: f.id });
    if (f.kind) qb.andWhere('r.kind IN (:...kinds)', { kinds: f.kind });
    if (f.schoolId) qb.andWhere('r."schoolId" IN (:...schoolIds)', { schoolIds: f.schoolId });
    if (f.schoolType) qb.andWhere('r."schoolType" IN (:...schoolTypes)', { schoolTypes: f.schoolType });
    if (f.schoolHonors) qb.andWhere('r."schoolHonors" && :schoolHonors::text[]', { schoolHonors: f.schoolHonors });
    if (f.departmentCategory) qb.andWhere('r."departmentCategories" && :categories::text[]', { categories: f.departmentCategory });
    if (f.province) qb.andWhere('r.province IN (:...provinces)', { provinces: f.province });
    if (f.batchId) qb.andWhere('r."batchId" IN (:...batchIds)', { batchIds: f.batchId });
    if (f.seat) qb.andWhere('r.seat IN (:...seats)', { seats: f.seat });
    if (f.targetGroup) qb.andWhere('r."targetGroup" IN (:...targetGroups)', { targetGroups: f.targetGroup });
    if (f.duty) qb.andWhere('r.duty IN (:...duties)', { duties: f.duty });
    if (f.q) {
      qb.andWhere(`(r.name ILIKE :q OR r.organization ILIKE :q OR array_to_string(r."departmentNames", ' ') ILIKE :q)`,
        { q: `%${escapeLike(f.q)}%` });
    }
    return qb;
  }

  /** The filtered roster in a stable order (for the export). */
  ordered(f: MemberRosterFilter): SelectQueryBuilder<RosterRow> {
    return this.filtered(f).orderBy('r.kind').addOrderBy('r."refId"');
  }

  async list(q: ListQuery<MemberRosterFilter>): Promise<[RosterRow[], number]> {
    const qb = this.filtered(q.filter);
    const sorted = qb.clone();
    const [first, ...rest] = SORT_COLUMNS[q.sort.field] ?? SORT_COLUMNS.id;
    sorted.orderBy(first, q.sort.order, 'NULLS LAST');
    for (const c of rest) sorted.addOrderBy(c, q.sort.order);
    sorted.addOrderBy('r.id', q.sort.order);
    const [rows, count] = await Promise.all([
      sorted.offset(q.offset).limit(q.limit).getRawMany<RosterRow>(),
      qb.clone().select('count(*)::int', 'count').getRawOne<{ count: number }>(),
    ]);
    return [rows, count?.count ?? 0];
  }

  findOne(id: string): Promise<RosterRow | undefined> {
    return this.filtered({ id: [id] }).getRawOne<RosterRow>();
  }
}
