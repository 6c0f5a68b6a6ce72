import 'reflect-metadata';
import { Client } from 'pg';
import { hashPassword } from '../auth/passwords';
import { loadEnv } from '../config/env';
import { MIGRATIONS } from '../db/data-source';
import { migrate } from './migrate';
import { generateNationalData, type NationalData, type TableData } from './national-data';

/**
 * `npm run seed:national`: loads the national-scale dataset (10,000 schools, 30,000 departments,
 * 10,000 council applications, 100,000 member applications, their users, history and
 * attachments) into its own database.
 *
 *   --database-url=URL   target (default: NATIONAL_DATABASE_URL, else DATABASE_URL's database name + "_national")
 *   --force              the target holds data: drop it and start again (never done without this flag)
 *   --scale=F            a fraction of the full size, for quick runs (default 1)
 *   --seed=N             random seed (default 20240415); the same seed gives the same data
 *   --password=P         the password of every seeded account (default SEED_PASSWORD, else Alliance#2024)
 *   --json               print the summary as one JSON line (for bench/run.mjs)
 *
 * Loads in one transaction with multi-row `INSERT … SELECT FROM unnest(…)` statements, then
 * VACUUM ANALYZE so that the planner and index-only scans see the data at once.
 */

export interface SeedOptions {
  databaseUrl: string;
  force: boolean;
  scale: number;
  seed: number;
  password: string;
  log: (line: string) => void;
}

export interface SeedSummary {
  databaseUrl: string;
  database: string;
  counts: NationalData['counts'] & { users: number; attachments: number; transitions: number };
  password: string;
  logins: { lead: string; centerReviewers: string[]; coordinators: string[]; schoolAdmins: string; applicants: string };
  seconds: { total: number; generate: number; load: number; vacuum: number };
}

const ROWS_PER_STATEMENT = 5000;
const RESERVED = new Set(['postgres', 'template0', 'template1']);

export class NotEmptyError extends Error {}

/** The default target: DATABASE_URL with its database name suffixed, so a dev database is never the target by accident. */
export function defaultNationalUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.NATIONAL_DATABASE_URL) return env.NATIONAL_DATABASE_URL;
  const url = new URL(loadEnv(env).DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1)) || 'alliance';
  url.pathname = `/${encodeURIComponent(`${name}_national`)}`;
  return url.toString();
}

const dbName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const adminUrl = (url: string) => {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
};
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'seed-national' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * What the target holds that is not ours to overwrite: nothing when it does not exist, has no
 * tables, or holds only this project's empty schema. Returns a description of the data, or null.
 */
export async function existingData(url: string): Promise<string | null> {
  const name = dbName(url);
  const exists = await withClient(adminUrl(url), async (c) =>
    (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (!exists) return null;
  return withClient(url, async (c) => {
    const { rows: tables } = await c.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
       ORDER BY 1, 2`);
    if (tables.length === 0) return null;
    const known = new Set(MIGRATIONS.map((m) => new m().name ?? m.name));
    const hasMigrations = tables.some((t) => t.schema === 'public' && t.name === 'migrations');
    if (!hasMigrations) return `${tables.length} tables that are not this project's schema (e.g. ${tables[0].schema}.${tables[0].name})`;
    const { rows: ran } = await c.query<{ name: string }>('SELECT name FROM migrations');
    const foreign = ran.filter((m) => !known.has(m.name));
    if (foreign.length) return `migrations this build does not know (${foreign.map((m) => m.name).join(', ')})`;
    const filled: string[] = [];
    for (const t of tables) {
      if (t.schema === 'public' && t.name === 'migrations') continue;
      const { rowCount } = await c.query(`SELECT 1 FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)} LIMIT 1`);
      if (rowCount) filled.push(`${t.schema}.${t.name}`);
    }
    return filled.length ? `rows in ${filled.join(', ')}` : null;
  });
}

async function dropDatabase(url: string): Promise<void> {
  await withClient(adminUrl(url), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName(url))} WITH (FORCE)`));
}

/** One multi-row statement per chunk: INSERT INTO t (…) SELECT … FROM unnest($1::int[], $2::text[], …). */
async function insertTable(c: Client, t: TableData): Promise<void> {
  const names = t.columns.map((col) => quoteIdent(col.name)).join(', ');
  const unnest = t.columns.map((col, i) => `$${i + 1}::${col.type}[]`).join(', ');
  const select = t.columns.map((col) => (col.cast ? `u.${quoteIdent(col.name)}::${col.cast}` : `u.${quoteIdent(col.name)}`)).join(', ');
  const sql = `INSERT INTO ${quoteIdent(t.table)} (${names}) SELECT ${select} FROM unnest(${unnest}) AS u(${names})`;
  for (let from = 0; from < t.rows; from += ROWS_PER_STATEMENT) {
    await c.query(sql, t.values.map((column) => column.slice(from, from + ROWS_PER_STATEMENT)));
  }
}

export async function seedNational(o: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const name = dbName(o.databaseUrl);
  if (!name || RESERVED.has(name)) throw new Error(`refusing to seed the database "${name}"`);

  const found = await existingData(o.databaseUrl);
  if (found) {
    if (!o.force) throw new NotEmptyError(`database "${name}" is not empty (${found}); pass --force to drop it and load the national dataset`);
    o.log(`dropping database "${name}" (--force; it held ${found})`);
    await dropDatabase(o.databaseUrl);
  }
  await migrate(o.databaseUrl, (s) => o.log(`migrate: ${s}`));

  const passwordHash = await hashPassword(o.password);
  const t0 = performance.now();
  const data = generateNationalData({ seed: o.seed, scale: o.scale, now: new Date(), passwordHash });
  const generated = performance.now();
  o.log(`generated in ${((generated - t0) / 1000).toFixed(1)} s: ${data.tables.map((t) => `${t.table} ${t.rows}`).join(', ')}`);

  await withClient(o.databaseUrl, async (c) => {
    await c.query('BEGIN');
    try {
      await c.query('SET LOCAL synchronous_commit = off');
      for (const t of data.tables) {
        const t1 = performance.now();
        await insertTable(c, t);
        o.log(`  ${t.table.padEnd(22)} ${String(t.rows).padStart(7)} rows  ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      }
      for (const s of data.sequences) {
        await c.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${quoteIdent(s.column)}) FROM ${quoteIdent(s.table)}), 1))`, [s.table, s.column]);
      }
      await c.query(`INSERT INTO audit_events (actor_id, actor_email, action, entity, data) VALUES (NULL, NULL, 'seed.national', 'database', $1)`,
        [JSON.stringify({ seed: o.seed, scale: o.scale, counts: data.counts })]);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
  const loaded = performance.now();
  await withClient(o.databaseUrl, (c) => c.query('VACUUM (ANALYZE)'));
  const done = performance.now();

  const rowsOf = (table: string) => data.tables.find((t) => t.table === table)!.rows;
  return {
    databaseUrl: o.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    database: name,
    counts: { ...data.counts, users: data.users, attachments: rowsOf('attachments'), transitions: rowsOf('transitions') },
    password: o.password,
    logins: {
      lead: data.staffEmails.lead,
      centerReviewers: data.staffEmails.reviewers,
      coordinators: data.staffEmails.coordinators,
      schoolAdmins: "jwc@<the school's domain> (SELECT email FROM users WHERE 'school_admin' = ANY(roles))",
      applicants: 'the owners of the applications (users.email)',
    },
    seconds: {
      total: round((done - started) / 1000), generate: round((generated - t0) / 1000),
      load: round((loaded - generated) / 1000), vacuum: round((done - loaded) / 1000),
    },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument "${argv[i]}"`);
    const [, key, value] = m;
    if (value !== undefined) out[key] = value;
    else if (['database-url', 'scale', 'seed', 'password'].includes(key) && argv[i + 1] && !argv[i + 1].startsWith('--')) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const allowed = new Set(['database-url', 'force', 'scale', 'seed', 'password', 'json', 'help']);
  const unknown = Object.keys(args).filter((k) => !allowed.has(k));
  if (unknown.length) throw new Error(`unknown option(s): ${unknown.map((k) => `--${k}`).join(', ')}`);
  if (args.help) {
    console.log('usage: seed-national [--database-url=URL] [--force] [--scale=F] [--seed=N] [--password=P] [--json]');
    return;
  }
  const json = args.json === true;
  const scale = Number(args.scale ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
  const seed = Number(args.seed ?? 20240415);
  if (!Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
  const password = typeof args.password === 'string' ? args.password : process.env.SEED_PASSWORD || 'Alliance#2024';
  const databaseUrl = typeof args['database-url'] === 'string' ? args['database-url'] : defaultNationalUrl();
  const summary = await seedNational({
    databaseUrl, force: args.force === true, scale, seed, password, log: json ? () => undefined : (s) => console.log(s),
  });
  if (json) {
    console.log(JSON.stringify(summary));
    return;
  }
  const c = summary.counts;
  console.log([
    `national dataset loaded into "${summary.database}" in ${summary.seconds.total} s ` +
      `(generate ${summary.seconds.generate} s, load ${summary.seconds.load} s, vacuum analyze ${summary.seconds.vacuum} s)`,
    `  ${c.schools} schools, ${c.departments} departments, ${c.councilApplications} council applications, ${c.memberApplications} member applications,`,
    `  ${c.users} users, ${c.attachments} attachments, ${c.transitions} history rows`,
    `  every account's password: ${summary.password}`,
    `  lead ${summary.logins.lead}; center reviewers ${summary.logins.centerReviewers.join(', ')}; coordinators ${summary.logins.coordinators.join(', ')}`,
    `  school admins: ${summary.logins.schoolAdmins}; applicants: ${summary.logins.applicants}`,
  ].join('\n'));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof NotEmptyError ? `seed-national: ${e.message}` : e);
    process.exit(e instanceof NotEmptyError ? 2 : 1);
  });
}
