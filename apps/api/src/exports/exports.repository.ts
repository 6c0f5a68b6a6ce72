import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationKind } from '@alliance/domain';
import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ApplicationFilter } from '../applications/application.schemas';
import { ApplicationsRepository } from '../applications/applications.repository';
import type { AuthUser } from '../auth/auth-user';
import { RosterRepository } from '../roster/roster.repository';
import { MemberRosterFilter } from '../roster/roster.schemas';

/** A cursor over the rows of an export, on a client taken from the pool until `release`. */
export interface RowSource {
  rows: Readable;
  release(failed?: boolean): void;
}

/**
 * Rows fetched per round trip, and the most the stream buffers, per format. Small on purpose: rows
 * that wait in a buffer outlive a young-generation GC and are promoted, and the old generation then
 * grows with garbage before a full GC. Measured on 100k member applications: XLSX (exceljs takes
 * its time over each row) stays within ~20 MB of idle with 100, and grows by 60 to 300 MB with
 * 250 or 500. CSV takes a batch in a few milliseconds: 500 stays within 10 to 20 MB of idle, with
 * half the round trips of 250; 1000 was no faster.
 */
export const BATCH = { csv: 500, xlsx: 100 } as const;

/**
 * `YYYY-MM-DD HH:mm` in Asia/Shanghai, formatted by PostgreSQL rather than parsed into a Date and
 * formatted again for every row. A fixed +08:00 (ISO sign), as `dateTime()` in columns.ts.
 */
const shanghaiTime = (column: string) => `to_char(${column} AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM-DD HH24:MI')`;

const hasFile = (kind: ApplicationKind, alias: string, file: string) =>
  `EXISTS (SELECT 1 FROM attachments t WHERE t.application_kind = '${kind}' AND t.application_id = ${alias}.id AND t.kind = '${file}')`;

/** Everything a council export row shows, for the applications whose ids the filtered query yields. */
const COUNCIL_SELECT = `
  SELECT a.id, b.name AS "batchName", a.state, s.name AS "schoolName", s.type AS "schoolType", s.ownership,
    s.honors AS "schoolHonors", s.honors_other AS "schoolHonorsOther", s.province,
    a.equipment_major_share_5y_pct AS "equipmentMajorShare5yPct", a.representative, a.contact,
    a.school_opinion AS "schoolOpinion", a.suggestions, a.last_comment AS "lastComment",
    ${shanghaiTime('a.submitted_at')} AS "submittedAt", ${shanghaiTime('a.updated_at')} AS "updatedAt", ${hasFile('council', 'a', 'sealed_scan')} AS "hasSealedScan",
    (SELECT coalesce(json_agg(json_build_object(
        'name', d.name, 'category', d.category, 'establishedOn', d.established_on, 'majorSharePct', d.major_share_pct,
        'avgEnrollment3y', d.avg_enrollment_3y, 'headName', d.head_name, 'headPosition', d.head_position,
        'strongMajors', d.strong_majors) ORDER BY d.position), '[]'::json)
      FROM departments d WHERE d.council_application_id = a.id) AS departments
  FROM council_applications a
  JOIN schools s ON s.id = a.school_id
  JOIN batches b ON b.id = a.batch_id`;

const MEMBER_SELECT = `
  SELECT a.id, b.name AS "batchName", a.state, s.name AS "schoolName", s.type AS "schoolType", s.province,
    d.name AS "departmentName", d.category AS "departmentCategory", a.seat, a.target_group AS "targetGroup",
    a.department_honors AS "departmentHonors", a.name, a.gender, a.birth_month AS "birthMonth",
    a.political_status AS "politicalStatus", a.education, a.degree, a.alma_mater AS "almaMater",
    a.studied_major AS "studiedMajor", a.teaching_years AS "teachingYears", a.title, a.field, a.position, a.mobile,
    a.email, a.address, a.achievements, a.experience, a.industry_years AS "industryYears",
    a.industry_work AS "industryWork", a.awards, a.memberships, a.commitment, a.school_opinion AS "schoolOpinion",
    a.suggestions, a.last_comment AS "lastComment",
    ${shanghaiTime('a.submitted_at')} AS "submittedAt", ${shanghaiTime('a.updated_at')} AS "updatedAt",
    ${hasFile('member', 'a', 'sealed_scan')} AS "hasSealedScan", ${hasFile('member', 'a', 'photo')} AS "hasPhoto"
  FROM member_applications a
  JOIN schools s ON s.id = a.school_id
  JOIN batches b ON b.id = a.batch_id
  LEFT JOIN departments d ON d.id = a.department_id`;

/**
 * The SQL of the exports, built from the very query builders the lists use (so an export has as
 * many rows as the list's total for the same filter and user), streamed through a cursor.
 */
@Injectable()
export class ExportsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly roster: RosterRepository,
  ) {}

  /** The filtered application ids (list filters and role scope) joined to the columns of the export. */
  applicationsQuery(kind: ApplicationKind, user: AuthUser, filter: ApplicationFilter): [string, unknown[]] {
    // `(a.id)` rather than `a.id`: TypeORM would rename an entity column to its own alias ("a_id")
    const [ids, params] = this.applications.filtered(kind, user, filter).select('(a.id)', 'exportId').getQueryAndParameters();
    const select = kind === 'council' ? COUNCIL_SELECT : MEMBER_SELECT;
    return [`WITH f AS (${ids})\n${select}\n  JOIN f ON f."exportId" = a.id\n  ORDER BY a.id`, params];
  }

  rosterQuery(filter: MemberRosterFilter): [string, unknown[]] {
    return this.roster.ordered(filter).getQueryAndParameters();
  }

  /** Opens a cursor: rows come `batch` at a time, and only as fast as they are consumed. */
  async stream([sql, params]: [string, unknown[]], batch: number): Promise<RowSource> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const client: PoolClient = await pool.connect();
    let released = false;
    const rows = client.query(new QueryStream(sql, params as unknown[], { batchSize: batch, highWaterMark: batch }));
    return {
      rows,
      release(failed = false) {
        if (released) return;
        released = true;
        if (!rows.destroyed) rows.destroy();
        // a client whose cursor may still be open is closed rather than returned to the pool
        client.release(failed ? true : undefined);
      },
    };
  }
}
