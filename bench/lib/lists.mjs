// (a) Lists: the application list endpoints under filter combinations, through the API with
// autocannon, against the same SQL through pgbench with the same number of clients.
import autocannon from 'autocannon';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inlineParams, pgbench } from './pg.mjs';
import { log, percentile, round } from './util.mjs';

const SCHOOL_TYPES = ['vocational_undergraduate', 'higher_vocational', 'secondary_vocational', 'other'];
const HONORS = ['national_double_high', 'provincial_double_high', 'double_excellence', 'industry_backbone', 'other'];
const CATEGORIES = ['mechanical', 'mechatronic', 'automation', 'electrical', 'intelligent_manufacturing', 'materials',
  'automotive_transport', 'agricultural_machinery', 'industrial_internet', 'industrial_engineering'];
const STATES = ['draft', 'submitted', 'school_approved', 'center_reviewed', 'admitted', 'returned', 'rejected', 'withdrawn'];
const RESOURCE = { member: 'member-applications', council: 'council-applications' };

/**
 * Filter combinations: school type × honors × department category × state, each dimension
 * either one value or not set ("any"), drawn without replacement with a fixed seed from the
 * whole product (5 × 6 × 11 × 9 = 2,970 per list), the same number for both lists.
 */
export function filterCombos(perKind, seed = 7) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const product = [];
  for (const schoolType of [null, ...SCHOOL_TYPES]) for (const schoolHonors of [null, ...HONORS])
    for (const departmentCategory of [null, ...CATEGORIES]) for (const state of [null, ...STATES]) {
      const f = {};
      if (schoolType) f.schoolType = schoolType;
      if (schoolHonors) f.schoolHonors = schoolHonors;
      if (departmentCategory) f.departmentCategory = departmentCategory;
      if (state) f.state = state;
      product.push(f);
    }
  const out = [];
  for (const kind of ['member', 'council']) {
    const pool = [...product];
    for (let i = 0; i < perKind; i++) out.push({ kind, filter: pool.splice(Math.floor(rnd() * pool.length), 1)[0] });
  }
  return out;
}

/**
 * The SQL the API runs for each combination, taken from the API's own code with a TypeORM logger
 * that records every statement and its parameters: the guard's lookup of the user, then the
 * compiled ApplicationsRepository.list() (the count, and the page when anything matches) and
 * ApplicationPresenter.present() (the page's batches, attachments, quota exceptions, departments
 * and seats), exactly as GET /api/<resource> runs them for this coordinator.
 */
export async function captureListSql(root, databaseUrl, combos, pageSize, email = 'coordinator1@alliance.local') {
  const require = createRequire(join(root, 'apps/api/dist/main.js'));
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(join(root, 'apps/api/dist/db/data-source.js'));
  const { ApplicationsRepository } = require(join(root, 'apps/api/dist/applications/applications.repository.js'));
  const { ApplicationPresenter } = require(join(root, 'apps/api/dist/applications/application.presenter.js'));
  const { UsersRepository } = require(join(root, 'apps/api/dist/users/users.repository.js'));
  let captured = [];
  const noop = () => undefined;
  const ds = new DataSource({
    ...dataSourceOptions(databaseUrl, 2),
    logging: ['query'],
    logger: { logQuery: (q, p) => captured.push({ q, p }), logQueryError: noop, logQuerySlow: noop, logSchemaBuild: noop, logMigration: noop, log: noop },
  });
  await ds.initialize();
  try {
    const repo = new ApplicationsRepository(ds);
    const presenter = new ApplicationPresenter(repo);
    const users = new UsersRepository(ds);
    const [{ id }] = await ds.query('SELECT id FROM users WHERE email = $1', [email]);
    const out = [];
    for (const c of combos) {
      captured = [];
      const user = await users.findActive(id);
      const filter = Object.fromEntries(Object.entries(c.filter).map(([k, v]) => [k, [v]]));
      const [rows, total] = await repo.list(c.kind, user, { filter, offset: 0, limit: pageSize, sort: { field: 'id', order: 'DESC' } });
      await presenter.present(c.kind, rows, user);
      out.push({ ...c, rows: rows.length, total, sql: captured.map(({ q, p }) => inlineParams(q, p ?? [])) });
    }
    return out;
  } finally {
    await ds.destroy();
  }
}

const listUrl = (c, pageSize) =>
  `/api/${RESOURCE[c.kind]}?filter=${encodeURIComponent(JSON.stringify(c.filter))}&range=${encodeURIComponent(`[0,${pageSize - 1}]`)}&sort=${encodeURIComponent('["id","DESC"]')}`;

/** autocannon over the combinations, round robin; latencies are collected per response for the percentiles. */
export function cannon(base, token, urls, connections, seconds) {
  return new Promise((resolve, reject) => {
    let i = 0;
    const latencies = [];
    const statuses = {};
    const instance = autocannon({
      url: base,
      connections,
      duration: seconds,
      headers: { authorization: `Bearer ${token}` },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: urls[i++ % urls.length] }) }],
    }, (err, result) => {
      if (err) reject(err);
      else resolve({ result, latencies, statuses });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

export async function benchLists(ctx) {
  const { root, databaseUrl, base, tokens, connections, seconds, warmupSeconds, workDir } = ctx;
  const pageSize = 25;
  const combos = filterCombos(ctx.combosPerKind ?? 40);
  const captured = await captureListSql(root, databaseUrl, combos, pageSize);
  const empty = captured.filter((c) => c.total === 0).length;
  const statements = captured.reduce((n, c) => n + c.sql.length, 0) / captured.length;
  log(`lists: ${captured.length} filter combinations (${empty} match nothing); ${round(statements, 2)} SQL statements per request on average`);

  // pgbench: one script per combination; one transaction = every statement of one request
  const dir = join(workDir, 'list-sql');
  mkdirSync(dir, { recursive: true });
  const files = captured.map((c, n) => {
    const file = join(dir, `combo-${String(n).padStart(3, '0')}.sql`);
    writeFileSync(file, `${c.sql.map((s) => `${s.trim()};`).join('\n')}\n`);
    return file;
  });
  const scriptArgs = files.flatMap((f) => ['-f', f]);
  const pgArgs = ['-n', '-M', 'extended', '-c', String(connections), '-j', '2'];
  await pgbench(databaseUrl, [...pgArgs, '-T', String(warmupSeconds), ...scriptArgs]);
  // with a per-transaction log (-l), for PostgreSQL's own latency percentiles at this concurrency
  const logDir = join(workDir, 'pgbench-log');
  mkdirSync(logDir, { recursive: true });
  const sql = await pgbench(databaseUrl, [...pgArgs, '-T', String(seconds), '-l', `--log-prefix=${join(logDir, 'lists')}`, ...scriptArgs]);
  const sqlLatencies = readdirSync(logDir).flatMap((f) => readFileSync(join(logDir, f), 'utf8').split('\n'))
    .filter(Boolean).map((line) => Number(line.split(' ')[2]) / 1000); // "client transaction latency_us script epoch us"
  log(`lists: pgbench ${round(sql.tps, 1)} tps (latency ${sql.latencyMs} ms, p95 ${round(percentile(sqlLatencies, 95), 1)} ms, ${sql.failed} failed)`);

  // the API, same combinations, same number of clients
  const urls = captured.map((c) => listUrl(c, pageSize));
  await cannon(base, tokens.coordinator, urls, connections, warmupSeconds);
  const api = await cannon(base, tokens.coordinator, urls, connections, seconds);
  const ok = api.latencies.length;
  const rps = ok / seconds;
  const p95 = percentile(api.latencies, 95);
  const non2xx = Object.entries(api.statuses).filter(([s]) => !s.startsWith('2')).reduce((n, [, v]) => n + v, 0);
  log(`lists: API ${round(rps, 1)} req/s, p50 ${round(percentile(api.latencies, 50), 1)} ms, p95 ${round(p95, 1)} ms, non-2xx ${non2xx}, errors ${api.result.errors}`);
  return {
    ratioVsSql: round(rps / sql.tps, 3),
    p95Ms: round(p95, 1),
    apiRequestsPerSecond: round(rps, 1),
    sqlTransactionsPerSecond: round(sql.tps, 1),
    p50Ms: round(percentile(api.latencies, 50), 1),
    p99Ms: round(percentile(api.latencies, 99), 1),
    sqlLatencyMs: sql.latencyMs,
    sqlP50Ms: round(percentile(sqlLatencies, 50), 1),
    sqlP95Ms: round(percentile(sqlLatencies, 95), 1),
    connections,
    seconds,
    combinations: captured.length,
    statementsPerRequest: round(statements, 2),
    emptyCombinations: empty,
    non2xx,
    errors: api.result.errors + api.result.timeouts,
  };
}
