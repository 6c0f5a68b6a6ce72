import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationKind, EmailStatus, EmailTemplate } from '@alliance/domain';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/sql';
import { Email } from './email.entity';
import { OUTBOX_CHANNEL } from './outbox';

export interface EmailFilter {
  id?: number[];
  status?: EmailStatus[];
  template?: EmailTemplate[];
  applicationKind?: ApplicationKind[];
  applicationId?: number[];
  invitationId?: number[];
  q?: string;
}

/** A pending row handed to the relay. `queuedBefore`: it was queued once, so a finished job of it may linger. */
export interface PendingEmail {
  id: string;
  queuedBefore: boolean;
}

/** What a delivery attempt came to; written in the transaction that held the row. */
export type DeliveryOutcome =
  | { ok: true; subject: string; messageId: string }
  | { ok: false; subject: string | null; error: string; final: boolean };
type SentOutcome = Extract<DeliveryOutcome, { ok: true }>;

/** How long a worker keeps trying to record a mail the SMTP server accepted, while PostgreSQL is away. */
const RECORD_SENT_FOR_MS = 60_000;

export const EMAIL_SORTABLE = ['id', 'createdAt', 'sentAt', 'updatedAt', 'status', 'template', 'toEmail', 'attempts'] as const;
const SORT_COLUMN: Record<(typeof EMAIL_SORTABLE)[number], string> = {
  id: 'e.id', createdAt: 'e.created_at', sentAt: 'e.sent_at', updatedAt: 'e.updated_at', status: 'e.status',
  template: 'e.template', toEmail: 'e.to_email', attempts: 'e.attempts',
};

/**
 * The `emails` table after the outbox wrote it: the relay's claims, the worker's delivery
 * records, and the notification log. The only code that reads or changes these rows.
 */
@Injectable()
export class EmailsRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  // --- notification log ------------------------------------------------------------------------

  list(q: ListQuery<EmailFilter>): Promise<[Email[], number]> {
    const qb = this.db.getRepository(Email).createQueryBuilder('e');
    const f = q.filter;
    if (f.id) qb.andWhere('e.id IN (:...ids)', { ids: f.id });
    if (f.status) qb.andWhere('e.status IN (:...statuses)', { statuses: f.status });
    if (f.template) qb.andWhere('e.template IN (:...templates)', { templates: f.template });
    if (f.applicationKind) qb.andWhere('e.application_kind IN (:...kinds)', { kinds: f.applicationKind });
    if (f.applicationId) qb.andWhere('e.application_id IN (:...applicationIds)', { applicationIds: f.applicationId });
    if (f.invitationId) qb.andWhere('e.invitation_id IN (:...invitationIds)', { invitationIds: f.invitationId });
    if (f.q) qb.andWhere('(e.to_email ILIKE :q OR e.subject ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    const column = SORT_COLUMN[q.sort.field as keyof typeof SORT_COLUMN] ?? 'e.id';
    qb.orderBy(column, q.sort.order, q.sort.order === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST');
    if (column !== 'e.id') qb.addOrderBy('e.id', q.sort.order);
    return qb.offset(q.offset).limit(q.limit).getManyAndCount();
  }

  findById(id: number | string, m: EntityManager = this.db.manager): Promise<Email | null> {
    return m.getRepository(Email).findOneBy({ id: String(id) });
  }

  /**
   * Locks a row without waiting: a worker holds the lock for as long as it is sending the mail,
   * and a request must not wait on SMTP. Null when the row does not exist; 'busy' when it is locked.
   */
  async lockNowait(m: EntityManager, id: number | string): Promise<Email | null | 'busy'> {
    try {
      return await m.getRepository(Email).createQueryBuilder('e').setLock('pessimistic_write').setOnLocked('nowait')
        .where('e.id = :id', { id: String(id) }).getOne();
    } catch (e) {
      if ((e as { code?: string }).code === '55P03') return 'busy';
      throw e;
    }
  }

  /**
   * A staff resend: back to pending for the relay, as a new delivery (attempts from 0, a new
   * Message-ID through `data._resends`), and the relay is woken when the transaction commits.
   */
  async resetForResend(m: EntityManager, id: number | string): Promise<void> {
    await m.query(
      `UPDATE emails SET status = 'pending', attempts = 0, last_error = NULL, message_id = NULL, sent_at = NULL,
         data = jsonb_set(data, '{_resends}', to_jsonb(COALESCE((data->>'_resends')::int, 0) + 1)), updated_at = now()
       WHERE id = $1`,
      [String(id)],
    );
    await m.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }

  // --- relay -----------------------------------------------------------------------------------

  /**
   * Claims up to `limit` pending rows (rows another relay holds are skipped), lets `push` put
   * them on the queue, then marks them queued — all in one transaction. If `push` fails, nothing
   * changes and the rows stay pending; if the process dies after `push`, the rows are pushed
   * again later, which BullMQ ignores (same job id) or the worker skips (already sent).
   */
  async relayPending(limit: number, push: (rows: PendingEmail[]) => Promise<void>): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows: { id: string; queued_at: Date | null }[] = await m.query(
        `SELECT id, queued_at FROM emails WHERE status = 'pending' ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await push(rows.map((r) => ({ id: String(r.id), queuedBefore: r.queued_at !== null })));
      await m.query(
        `UPDATE emails SET status = 'queued', queued_at = now(), updated_at = now() WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
        [rows.map((r) => String(r.id))],
      );
      return rows.length;
    });
  }

  /** Rows queued longer than `olderThanMs` ago and not finished: the reconciler checks their jobs still exist. */
  async staleQueued(olderThanMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM emails WHERE status = 'queued' AND queued_at < now() - make_interval(secs => $1::double precision / 1000)
       ORDER BY queued_at, id LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((r) => String(r.id));
  }

  /** Puts queued rows whose job was lost back to pending, and wakes the relay. */
  async requeue(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.db.transaction(async (m) => {
      const [, count]: [unknown, number] = await m.query(
        `UPDATE emails SET status = 'pending', updated_at = now() WHERE id = ANY($1::bigint[]) AND status = 'queued'`,
        [ids],
      );
      if (count > 0) await m.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
      return count;
    });
  }

  /**
   * LISTEN on a dedicated connection (not from the pool). Returns a function that closes it.
   * `onError` is called when the connection breaks; the caller listens again.
   */
  async listen(channel: string, onNotify: () => void, onError: (e: Error) => void): Promise<() => Promise<void>> {
    const url = (this.db.options as { url?: string }).url;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
    let closing = false;
    client.on('notification', onNotify);
    client.on('error', (e) => {
      if (!closing) onError(e);
    });
    client.on('end', () => {
      if (!closing) onError(new Error('LISTEN connection ended'));
    });
    await client.connect();
    await client.query(`LISTEN ${quoteIdent(channel)}`);
    return async () => {
      closing = true;
      await client.end().catch(() => undefined);
    };
  }

  // --- worker ----------------------------------------------------------------------------------

  /**
   * Delivers one row at most once: locks it (`FOR UPDATE`, so a second worker holding the same
   * job waits here and then sees the outcome), skips it when it is already sent, runs `deliver`
   * while holding the lock and records the outcome in the same transaction. When that transaction
   * fails after the SMTP server accepted the mail, the mail is recorded as sent as soon as
   * PostgreSQL answers again. Returns null when there was nothing to send.
   */
  async deliverOnce(id: string, lockTimeoutMs: number, deliver: (row: Email) => Promise<DeliveryOutcome>): Promise<DeliveryOutcome | null> {
    const delivered: { sent?: SentOutcome } = {};
    try {
      return await this.deliverLocked(id, lockTimeoutMs, async (row) => {
        const outcome = await deliver(row);
        if (outcome.ok) delivered.sent = outcome;
        return outcome;
      });
    } catch (e) {
      // The SMTP server took the mail but the transaction that records it failed (PostgreSQL
      // restarted meanwhile): record it once PostgreSQL answers again, rather than let the job
      // fail and send the mail a second time. The job stays active in this worker meanwhile.
      if (!delivered.sent) throw e;
      await this.recordSentWhenBack(id, delivered.sent, e as Error);
      return delivered.sent;
    }
  }

  /** Retries recording a sent mail for up to RECORD_SENT_FOR_MS; then gives up with the first error. */
  private async recordSentWhenBack(id: string, sent: SentOutcome, first: Error): Promise<void> {
    const until = Date.now() + RECORD_SENT_FOR_MS;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      try {
        await this.markSent(this.db.manager, id, sent);
        return;
      } catch {
        // still away
      }
    }
    throw first;
  }

  private async markSent(m: EntityManager, id: string, sent: SentOutcome): Promise<void> {
    await m.query(
      `UPDATE emails SET status = 'sent', subject = $2, message_id = $3, sent_at = now(), attempts = attempts + 1,
         last_error = NULL, updated_at = now() WHERE id = $1 AND status <> 'sent'`,
      [id, sent.subject, sent.messageId],
    );
  }

  private async deliverLocked(id: string, lockTimeoutMs: number, deliver: (row: Email) => Promise<DeliveryOutcome>): Promise<DeliveryOutcome | null> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT set_config('lock_timeout', $1, true)`, [`${lockTimeoutMs}ms`]);
      const row = await m.getRepository(Email).createQueryBuilder('e').setLock('pessimistic_write')
        .where('e.id = :id', { id }).andWhere(`e.status <> 'sent'`).getOne();
      if (!row) return null;
      const outcome = await deliver(row);
      if (outcome.ok) {
        await this.markSent(m, id, outcome);
      } else {
        await m.query(
          `UPDATE emails SET status = $2, subject = COALESCE($3, subject), last_error = $4, attempts = attempts + 1,
             updated_at = now() WHERE id = $1`,
          [id, outcome.final ? 'failed' : 'queued', outcome.subject, outcome.error.slice(0, 2000)],
        );
      }
      return outcome;
    });
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
