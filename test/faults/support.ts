/**
 * The fault suite's stack and its checks: API and worker processes on one PostgreSQL database
 * and one Redis, an SMTP server in this process, bounded load over HTTP, and the checks that a
 * fault lost nothing: every answered step is in the database with its history, audit and
 * outbox rows, and every outbox row reached the SMTP server once.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { migrate } from '../../apps/api/src/cli/migrate';
import { createDataSource } from '../../apps/api/src/db/data-source';
import { createTestDatabase } from '../support/database';
import { Factory, TestUser } from '../support/factories';
import {
  ApiProcess, Cleanup, ensureBuilt, PostgresCluster, RedisServer, spawnApi, spawnWorker, WorkerProcess,
} from '../support/processes';
import { SmtpSink } from '../support/smtp';
import { sleep, waitFor, within } from '../support/wait';

export { sleep, waitFor, within };

export interface StackOptions {
  apis: number;
  workers: number;
  /** A private cluster (which the test may restart); otherwise a fresh database on the shared server. */
  postgres?: PostgresCluster;
  /** Extra settings for the APIs, and for the workers. */
  apiEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
}

/** Processes and services of one test file; everything is undone by `cleanup.run()`. */
export class Stack {
  readonly apis: ApiProcess[] = [];
  readonly workers: WorkerProcess[] = [];
  db!: DataSource;
  f!: Factory;
  smtp!: SmtpSink;
  redis!: RedisServer;
  env!: Record<string, string>;
  /** Settings the workers get beyond `env`. */
  workerExtra: Record<string, string> = {};

  constructor(readonly cleanup: Cleanup) {}

  /** supertest against API number `i`. */
  http(i = 0) {
    return request(this.apis[i].url);
  }

  async spawnApi(): Promise<ApiProcess> {
    const api = await spawnApi(this.env);
    this.cleanup.add(`API ${api.pid}`, api, (p) => p.stop('SIGKILL'));
    this.apis.push(api);
    return api;
  }

  async spawnWorker(): Promise<WorkerProcess> {
    const worker = await spawnWorker({ ...this.env, ...this.workerExtra });
    this.cleanup.add(`worker ${worker.pid}`, worker, (p) => p.stop('SIGKILL'));
    this.workers.push(worker);
    return worker;
  }

  /** What the processes printed, for a failure message. */
  logs(): string {
    return [...this.apis.map((p, i) => [`API ${i}`, p] as const), ...this.workers.map((p, i) => [`worker ${i}`, p] as const)]
      .map(([name, p]) => `--- ${name} (pid ${p.pid}) ---\n${p.output().slice(-4000)}`).join('\n');
  }
}

/**
 * Starts SMTP, a private redis-server, the database (migrated), `apis` API processes and
 * `workers` worker processes, all sharing one database, one Redis, one queue prefix, one upload
 * folder and one token secret, as replicas behind a load balancer would.
 */
export async function startStack(cleanup: Cleanup, options: StackOptions): Promise<Stack> {
  ensureBuilt();
  const stack = new Stack(cleanup);
  stack.smtp = cleanup.add('SMTP server', await SmtpSink.start(), (s) => s.close());
  stack.redis = cleanup.add('redis-server', await RedisServer.start(), (r) => r.stop());
  let databaseUrl: string;
  if (options.postgres) {
    databaseUrl = options.postgres.url('alliance');
    await migrate(databaseUrl, () => undefined);
  } else {
    const database = cleanup.add('test database', await createTestDatabase(), (d) => d.drop());
    databaseUrl = database.url;
  }
  stack.db = cleanup.add('test connection', createDataSource(databaseUrl, 4), (d) => (d.isInitialized ? d.destroy() : undefined));
  await stack.db.initialize();
  const dir = cleanup.add('temp dir', mkdtempSync(join(tmpdir(), 'alliance-faults-')), (d) => rmSync(d, { recursive: true, force: true }));
  stack.env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    // no larger than the load's concurrency: a step that needed a second connection while holding
    // its transaction's would starve the pool (it did: TransitionMails read the owner outside it)
    DATABASE_POOL_SIZE: '10',
    REDIS_URL: stack.redis.url,
    QUEUE_PREFIX: `f${randomBytes(4).toString('hex')}`,
    SMTP_URL: stack.smtp.url,
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    UPLOAD_DIR: join(dir, 'uploads'),
    MAIL_DIR: join(dir, 'mail'),
    PUBLIC_URL: 'http://console.test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...options.apiEnv,
  };
  stack.workerExtra = {
    DATABASE_POOL_SIZE: '14', // ten concurrent sends each hold a connection, and the relay needs one
    RELAY_INTERVAL_MS: '100',
    MAIL_BACKOFF_MS: '200',
    MAIL_ATTEMPTS: '10',
    ...options.workerEnv,
  };
  for (let i = 0; i < options.apis; i++) await stack.spawnApi();
  await Promise.all(Array.from({ length: options.workers }, () => stack.spawnWorker()));
  if (options.apis > 0) stack.f = new Factory({ db: stack.db, http: stack.http(0) });
  return stack;
}

// --- the campaign under load -------------------------------------------------------------------

export interface Campaign {
  batchId: number;
  schoolId: number;
  admin: TestUser;
  applicant: TestUser;
  center: TestUser;
  lead: TestUser;
}

/** A batch, a school with its admin and applicant, a center reviewer and the lead. */
export async function campaign(stack: Stack): Promise<Campaign> {
  const { f } = stack;
  const batchId = await f.batch();
  const schoolId = await f.school();
  const [admin, applicant, center, lead] = await Promise.all([
    f.user(['school_admin'], schoolId), f.user(['applicant'], schoolId), f.user(['center_reviewer']), f.user(['lead']),
  ]);
  return { batchId, schoolId, admin, applicant, center, lead };
}

/** `n` council applications already submitted (written directly: the load is the review steps). */
export async function submittedCouncils(stack: Stack, c: Campaign, n: number): Promise<number[]> {
  const rows: { id: number }[] = await stack.db.query(
    `INSERT INTO council_applications (batch_id, school_id, owner_id, state, submitted_at)
     SELECT $1, $2, $3, 'submitted', now() FROM generate_series(1, $4::int) RETURNING id`,
    [c.batchId, c.schoolId, c.applicant.id, n]);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Mails each step writes, per template, in a campaign() with one school admin, one reviewer and one lead. */
export const MAILS_OF: Record<string, Record<string, number>> = {
  submit: { submitted_receipt: 1, submitted_school: 1 },
  school_approve: { school_approved_applicant: 1, school_approved_center: 1 },
  center_approve: { center_reviewed_lead: 1 },
};

/** The review path of a submitted council application: the school approves, then the center. */
export const REVIEW = (c: Campaign): { action: string; user: TestUser; to: string }[] => [
  { action: 'school_approve', user: c.admin, to: 'school_approved' },
  { action: 'center_approve', user: c.center, to: 'center_reviewed' },
];

export interface Call {
  api: number;
  kind: 'council' | 'member';
  id: number;
  action: string;
  /** 0: no HTTP answer (connection refused or reset, or no answer within the time limit). */
  status: number;
  body: unknown;
  error?: string;
  started: number;
  ms: number;
}

const RESOURCE = { council: 'council-applications', member: 'member-applications' } as const;

/** Records every call it makes; `done` counts the answered ones for fault triggers. */
export class Load {
  readonly calls: Call[] = [];

  get done(): number {
    return this.calls.length;
  }

  async transition(api: ApiProcess, apiIndex: number, user: TestUser, kind: Call['kind'], id: number, action: string, comment?: string): Promise<Call> {
    const started = Date.now();
    let call: Call;
    try {
      const res = await fetch(`${api.url}/api/${RESOURCE[kind]}/${id}/transitions`, {
        method: 'POST',
        headers: { ...user.auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ action, ...(comment && { comment }) }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      // keep what a check needs: the state of an accepted step, the whole answer of a refused one
      if (res.ok) body = { state: (body as { state?: string }).state };
      call = { api: apiIndex, kind, id, action, status: res.status, body, started, ms: Date.now() - started };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      call = { api: apiIndex, kind, id, action, status: 0, body: null, error: err.cause?.code ?? err.name, started, ms: Date.now() - started };
    }
    this.calls.push(call);
    return call;
  }

  /** How many calls answered each status. */
  statuses(calls = this.calls): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of calls) out[c.status] = (out[c.status] ?? 0) + 1;
    return out;
  }
}

/**
 * Runs `work` over `items` with `concurrency` virtual users, each pausing `paceMs` between items.
 * Stops taking items when they run out, at `deadlineMs`, or once `stop()` says so: every loop of
 * the suite is bounded in count and in time.
 */
export async function runLoad<T>(items: readonly T[], options: { concurrency: number; paceMs?: number; deadlineMs: number; stop?: () => boolean },
  work: (item: T, vu: number) => Promise<void>): Promise<void> {
  let next = 0;
  const until = Date.now() + options.deadlineMs;
  await Promise.all(Array.from({ length: options.concurrency }, async (_, vu) => {
    while (next < items.length && Date.now() < until && !options.stop?.()) {
      const item = items[next++];
      await work(item, vu);
      if (options.paceMs) await sleep(options.paceMs);
    }
  }));
}

/**
 * Each application walks `steps` in order, stopping at the first step not answered 200; after a
 * failure the virtual user waits `pauseOnFailureMs`, as a client backing off would.
 */
export function reviewEach(load: Load, stack: Stack, steps: { action: string; user: TestUser }[],
  options: { pickApi?: (id: number, step: number) => number; pauseOnFailureMs?: number } = {}) {
  return async (id: number) => {
    for (const [n, step] of steps.entries()) {
      const i = options.pickApi?.(id, n) ?? 0;
      const call = await load.transition(stack.apis[i], i, step.user, 'council', id, step.action);
      if (call.status !== 200) {
        if (options.pauseOnFailureMs) await sleep(options.pauseOnFailureMs);
        return;
      }
    }
  };
}

/** GET /api/health of an API on a new connection: its status, or 0 when it does not answer within 5 s. */
export function health(api: ApiProcess): Promise<number> {
  return new Promise((resolve) => {
    const req = get(`${api.url}/api/health`, { agent: false, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

// --- checks ------------------------------------------------------------------------------------

/**
 * The ledger of each application against what the API answered. For every application: its
 * history (transitions), its audit events and its outbox rows tell the same story (a step is all
 * there or not at all), its state is where its last step led, and no step was recorded twice.
 * For every call answered 200: its step is recorded. Returns the problems found.
 */
export async function ledgerProblems(db: DataSource, kind: Call['kind'], ids: number[], calls: Call[], initial: string,
  mailsOf: Record<string, Record<string, number>> = MAILS_OF): Promise<string[]> {
  const problems: string[] = [];
  const table = kind === 'council' ? 'council_applications' : 'member_applications';
  const [apps, transitions, audits, mails]: { id: number; [k: string]: unknown }[][] = await Promise.all([
    db.query(`SELECT id, state FROM ${table} WHERE id = ANY($1::int[])`, [ids]),
    db.query(`SELECT t.application_id AS id, t.action, t.to_state FROM transitions t
              WHERE t.application_kind = $1 AND t.application_id = ANY($2::int[]) ORDER BY t.id`, [kind, ids]),
    db.query(`SELECT a.entity_id::int AS id, substring(a.action from 12) AS action FROM audit_events a
              WHERE a.entity = $1 AND a.entity_id = ANY($2::text[]) AND a.action LIKE 'transition.%' ORDER BY a.id`, [`${kind}_application`, ids.map(String)]),
    db.query(`SELECT application_id AS id, template, count(*)::int AS n FROM emails WHERE application_kind = $1 AND application_id = ANY($2::int[])
              GROUP BY 1, 2`, [kind, ids]),
  ]);
  const by = <R extends { id: number }>(rows: R[]) => {
    const m = new Map<number, R[]>();
    for (const r of rows) m.set(r.id, [...(m.get(r.id) ?? []), r]);
    return m;
  };
  const T = by(transitions as { id: number; action: string; to_state: string }[]);
  const A = by(audits as { id: number; action: string }[]);
  const M = by(mails as { id: number; template: string; n: number }[]);
  const state = new Map(apps.map((a) => [a.id, a.state as string]));
  for (const id of ids) {
    const steps = (T.get(id) ?? []).map((t) => t.action);
    const audited = (A.get(id) ?? []).map((a) => a.action);
    if (!state.has(id)) problems.push(`${kind} ${id}: missing`);
    if (steps.join() !== audited.join()) problems.push(`${kind} ${id}: history [${steps}] but audit [${audited}]`);
    if (new Set(steps).size !== steps.length) problems.push(`${kind} ${id}: a step recorded twice [${steps}]`);
    const last = T.get(id)?.at(-1)?.to_state ?? initial;
    if (state.get(id) !== last) problems.push(`${kind} ${id}: state ${state.get(id)} but its history ends at ${last}`);
    const expected: Record<string, number> = {};
    for (const s of steps) for (const [template, n] of Object.entries(mailsOf[s] ?? {})) expected[template] = (expected[template] ?? 0) + n;
    const actual = Object.fromEntries((M.get(id) ?? []).map((m) => [m.template, m.n]));
    if (JSON.stringify(sortKeys(actual)) !== JSON.stringify(sortKeys(expected))) {
      problems.push(`${kind} ${id}: outbox ${JSON.stringify(actual)} for history [${steps}], expected ${JSON.stringify(expected)}`);
    }
  }
  for (const c of calls) {
    if (c.kind !== kind || c.status !== 200) continue;
    if (!(T.get(c.id) ?? []).some((t) => t.action === c.action)) problems.push(`${kind} ${c.id}: ${c.action} answered 200 but is not recorded`);
  }
  return problems;
}

const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Waits until every outbox row is sent and the SMTP server holds a message for each, then checks
 * that each row was delivered exactly once (by the X-Alliance-Email-Id header the mailer sets),
 * and recorded as sent after one attempt. Returns the number of rows.
 */
export async function expectEveryMailSentOnce(stack: Stack, timeoutMs = 60_000): Promise<number> {
  const rows = await allSent(stack, timeoutMs);
  await sleep(1000); // a duplicate would arrive now
  const counts = stack.smtp.countsByEmailId();
  const twice = [...counts].filter(([, n]) => n > 1);
  expect({ doubled: twice, unknown: [...counts.keys()].filter((id) => !rows.some((r) => r.id === id)) }).toEqual({ doubled: [], unknown: [] });
  expect(stack.smtp.received).toHaveLength(rows.length);
  expect(new Set(counts.keys())).toEqual(new Set(rows.map((r) => r.id)));
  expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
  return rows.length;
}

/** Every outbox row sent, and a message received for each (bounded wait). */
export async function allSent(stack: Stack, timeoutMs = 60_000): Promise<{ id: string; status: string; attempts: number; message_id: string }[]> {
  let rows: { id: string; status: string; attempts: number; message_id: string }[] = [];
  await waitFor(async () => {
    rows = await stack.db.query(`SELECT id::text, status, attempts, message_id FROM emails ORDER BY id`);
    const received = stack.smtp.countsByEmailId();
    return rows.length > 0 && rows.every((r) => r.status === 'sent' && received.has(r.id));
  }, `every outbox row sent (${rows.filter((r) => r.status === 'sent').length} of ${rows.length} sent, ${stack.smtp.received.length} received)`, timeoutMs, 200)
    .catch((e: Error) => {
      throw new Error(`${e.message}\nrows by status: ${JSON.stringify(countBy(rows, (r) => r.status))}\n${stack.logs()}`);
    });
  return rows;
}

export const countBy = <T>(items: T[], key: (t: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((acc, t) => ({ ...acc, [key(t)]: (acc[key(t)] ?? 0) + 1 }), {});

/** Prints a line for the run's record (jest shows it with the file). */
export function report(title: string, facts: Record<string, unknown>): void {
  console.log(`${title}\n${Object.entries(facts).map(([k, v]) => `  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n')}`);
}
