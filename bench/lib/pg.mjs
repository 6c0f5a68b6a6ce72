// PostgreSQL side of the benchmark: databases, pgbench, psql \copy, SQL literals.
import pg from 'pg';
import { run } from './util.mjs';

export const withUrlDb = (base, name) => {
  const u = new URL(base);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
};

export async function withClient(url, fn) {
  const c = new pg.Client({ connectionString: url, application_name: 'bench' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export const query = (url, sql, params) => withClient(url, (c) => c.query(sql, params));

const ident = (s) => `"${s.replace(/"/g, '""')}"`;

/** Drops (with FORCE) and creates a database that belongs to the benchmark. */
export async function recreateDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^alliance_bench/.test(name)) throw new Error(`refusing to recreate "${name}": benchmark databases are named alliance_bench*`);
  await withClient(withUrlDb(url, 'postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${ident(name)}`);
  });
}

export async function dropDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^alliance_bench/.test(name)) return;
  await withClient(withUrlDb(url, 'postgres'), (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

/** A value as a SQL literal (for pgbench scripts and psql, which take no bind parameters here). */
export function literal(v) {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (Array.isArray(v)) return `'{${v.map((x) => `"${String(x).replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** Replaces $1…$n by literals (highest first, so $1 never eats the prefix of $12). */
export function inlineParams(sql, params = []) {
  let out = sql;
  for (let i = params.length; i >= 1; i--) out = out.split(`$${i}`).join(literal(params[i - 1]));
  return out;
}

/** Runs pgbench and reads its summary. */
export async function pgbench(url, args, env = {}) {
  const { stdout, stderr } = await run('pgbench', [...args, url], { env: { ...process.env, ...env } });
  const text = `${stdout}\n${stderr}`;
  const num = (re) => { const m = re.exec(text); return m ? Number(m[1]) : null; };
  return {
    tps: num(/tps = ([\d.]+) \(without initial connection time\)/) ?? num(/tps = ([\d.]+)/),
    latencyMs: num(/latency average = ([\d.]+) ms/),
    transactions: num(/number of transactions actually processed: (\d+)/),
    failed: num(/number of failed transactions: (\d+)/) ?? 0,
    output: text,
  };
}

/** psql's \copy (query) TO file as CSV with a header; returns the wall-clock seconds. */
export async function psqlCopy(url, sql, file) {
  const t0 = performance.now();
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', `\\copy (${oneLine}) TO '${file}' WITH (FORMAT csv, HEADER)`]);
  return (performance.now() - t0) / 1000;
}
