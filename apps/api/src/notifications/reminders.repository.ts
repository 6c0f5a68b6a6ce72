import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationKind, ApplicationState } from '@alliance/domain';
import { DataSource } from 'typeorm';
import { Outbox, type MailIntent } from './outbox';

export interface ReminderApplication {
  kind: ApplicationKind;
  id: number;
  state: ApplicationState;
  schoolId: number;
  schoolName: string;
  ownerId: number;
  ownerEmail: string;
  ownerName: string;
  /** The applicant's name on an individual form (null on a council form). */
  memberName: string | null;
  batchName: string;
  deadline: Date;
  submittedAt: Date | null;
}

export interface Recipient {
  id: number;
  email: string;
  name: string;
  schoolId: number;
}

const COLUMNS = (kind: ApplicationKind) => `
  '${kind}'::text AS kind, a.id, a.state, a.school_id AS "schoolId", s.name AS "schoolName", a.owner_id AS "ownerId",
  u.email AS "ownerEmail", u.name AS "ownerName", ${kind === 'member' ? 'a.name' : 'NULL::text'} AS "memberName",
  b.name AS "batchName", b.deadline, a.submitted_at AS "submittedAt"`;
const FROM = (table: string) => `
  FROM ${table} a JOIN batches b ON b.id = a.batch_id JOIN schools s ON s.id = a.school_id JOIN users u ON u.id = a.owner_id`;

/** What the daily reminders read, and the outbox rows they write. */
@Injectable()
export class RemindersRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Unsubmitted applications (draft, or returned for changes) of open batches whose deadline falls in (now, until]. */
  unsubmittedBefore(now: Date, until: Date): Promise<ReminderApplication[]> {
    const where = `WHERE a.state IN ('draft', 'returned') AND u.active AND b.opens_at <= $1 AND b.deadline > $1 AND b.deadline <= $2`;
    return this.db.query(
      `SELECT ${COLUMNS('council')} ${FROM('council_applications')} ${where}
       UNION ALL
       SELECT ${COLUMNS('member')} ${FROM('member_applications')} ${where}
       ORDER BY kind, id`,
      [now, until],
    );
  }

  /** Applications waiting for their school's review since before `submittedBefore`. */
  waitingForSchool(submittedBefore: Date): Promise<ReminderApplication[]> {
    const where = `WHERE a.state = 'submitted' AND a.submitted_at <= $1`;
    return this.db.query(
      `SELECT ${COLUMNS('council')} ${FROM('council_applications')} ${where}
       UNION ALL
       SELECT ${COLUMNS('member')} ${FROM('member_applications')} ${where}
       ORDER BY kind, id`,
      [submittedBefore],
    );
  }

  /** Active school admins of these schools. */
  schoolAdmins(schoolIds: number[]): Promise<Recipient[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT id, email, name, school_id AS "schoolId" FROM users
       WHERE 'school_admin' = ANY(roles) AND active AND school_id = ANY($1::int[]) ORDER BY id`,
      [schoolIds],
    );
  }

  /** Writes reminder intents; a dedupe key already present is skipped. Returns how many rows were new. */
  async enqueue(intents: MailIntent[]): Promise<number> {
    let written = 0;
    for (let i = 0; i < intents.length; i += 500) {
      const chunk = intents.slice(i, i + 500);
      written += await this.db.transaction((m) => this.outbox.enqueue(m, chunk));
    }
    return written;
  }
}
