#!/usr/bin/env node
// `npm run bench` (after `npm run build`): one run, on one dataset, on this machine. Every
// figure is a ratio against what PostgreSQL itself does on the same work in the same run.
// See bench/README.md for the method. Everything it starts is a child of this process and is
// stopped at the end; all traffic goes to 127.0.0.1 (or the PostgreSQL/Redis URLs given).
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { login, startNode, waitHealthy } from './lib/api.mjs';
import { benchExport } from './lib/export.mjs';
import { benchLists } from './lib/lists.mjs';
import { benchMail, startSmtp } from './lib/mail.mjs';
import { dropDatabase, pgbench, query, recreateDatabase, withUrlDb } from './lib/pg.mjs';
import { benchTransitions } from './lib/transitions.mjs';
import { Child, freePort, hasProgram, log, now, redisPing, round, run, servingProcesses, waitFor } from './lib/util.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const num = (name, dflt) => (env[name] === undefined || env[name] === '' ? dflt : Number(env[name]));

const serverUrl = (() => {
  if (env.BENCH_PG_URL) return env.BENCH_PG_URL;
  const u = new URL(env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  u.pathname = '/postgres';
  return u.toString();
})();

const CONFIG = {
  connections: num('BENCH_CONNECTIONS', 16),
  // as the README advises for a machine of its own: one API process per core
  apiWorkers: num('BENCH_API_WORKERS', cpus().length),
  seconds: num('BENCH_SECONDS', 10),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 3),
  scale: num('BENCH_SCALE', 1),
  mailTotal: num('BENCH_MAIL_TOTAL', 10_000),
  transitionsPerAction: num('BENCH_TRANSITIONS_PER_ACTION', 700),
  combosPerKind: num('BENCH_COMBOS_PER_KIND', 40),
  timeoutSeconds: num('BENCH_TIMEOUT_SECONDS', 600),
  parts: (env.BENCH_PARTS || 'export,lists,transitions,mail').split(',').map((s) => s.trim()).filter(Boolean),
  reuseDataset: env.BENCH_REUSE_DATASET === '1',
  keepDatabases: env.BENCH_KEEP_DATABASES === '1',
  datasetUrl: withUrlDb(serverUrl, env.BENCH_DATABASE || 'alliance_bench'),
  pgbenchUrl: withUrlDb(serverUrl, 'alliance_bench_pgbench'),
  redisUrl: env.BENCH_REDIS_URL || env.REDIS_URL || 'redis://127.0.0.1:6379',
  password: 'Bench#National2024',
};

const TARGETS = {
  'list.ratioVsSql': { min: 0.5 },
  'list.p95Ms': { max: 50 },
  'export.ratioVsCopy': { max: 2.0 },
  'export.peakRssMb': { max: 200 },
  'transitions.ratioVsPgbench': { min: 0.25 },
  'transitions.lost': { max: 0 },
  'mail.perSecond': { min: 200 },
  'mail.lost': { max: 0 },
  'mail.duplicates': { max: 0 },
};

const children = [];
let smtpServer = null;
let workDir = null;

async function preflight() {
  const missing = [];
  for (const program of ['pgbench', 'psql']) if (!(await hasProgram(program))) missing.push(program);
  if (missing.length) {
    throw new Error(`${missing.join(' and ')} not found on PATH. The benchmark compares the API with PostgreSQL's own tools;\n` +
      '  on Debian/Ubuntu install them with: apt-get install -y postgresql-client postgresql-contrib');
  }
  for (const f of ['apps/api/dist/main.js', 'apps/api/dist/worker.js', 'apps/api/dist/cli/seed-national.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
  }
  try {
    await query(serverUrl, 'SELECT 1');
  } catch (e) {
    throw new Error(`PostgreSQL does not answer at ${serverUrl.replace(/:[^:@/]*@/, ':***@')} (set BENCH_PG_URL): ${e.message}`);
  }
  if (!(await redisPing(CONFIG.redisUrl))) {
    if (!(await hasProgram('redis-server'))) throw new Error(`Redis does not answer at ${CONFIG.redisUrl} and redis-server is not installed`);
    const port = await freePort();
    const redis = new Child('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
    children.push(redis);
    CONFIG.redisUrl = `redis://127.0.0.1:${port}`;
    await waitFor('redis', () => redisPing(CONFIG.redisUrl), 10_000);
    log(`redis: started a private redis-server on port ${port}`);
  }
}

async function seedDataset() {
  if (CONFIG.reuseDataset) {
    const { rows } = await query(CONFIG.datasetUrl, 'SELECT count(*)::int AS n FROM member_applications');
    log(`dataset: reusing ${CONFIG.datasetUrl.split('/').pop()} (${rows[0].n} member applications; BENCH_REUSE_DATASET=1)`);
    return { reused: true, seconds: null };
  }
  const t0 = now();
  const { stdout } = await run(process.execPath, [join(ROOT, 'apps/api/dist/cli/seed-national.js'),
    `--database-url=${CONFIG.datasetUrl}`, '--force', '--json', `--scale=${CONFIG.scale}`, `--password=${CONFIG.password}`], { cwd: ROOT });
  const summary = JSON.parse(stdout.trim().split('\n').pop());
  const seconds = (now() - t0) / 1000;
  log(`dataset: seed-national loaded ${summary.counts.memberApplications} member applications in ${round(seconds, 1)} s ` +
    `(generate ${summary.seconds.generate} s, load ${summary.seconds.load} s, vacuum analyze ${summary.seconds.vacuum} s)`);
  return { ...summary, seconds };
}

async function initPgbench() {
  const t0 = now();
  await recreateDatabase(CONFIG.pgbenchUrl);
  await run('pgbench', ['-i', '-s', '10', '-q', CONFIG.pgbenchUrl]);
  log(`pgbench: initialised scale 10 in ${round((now() - t0) / 1000, 1)} s`);
}

async function cleanRedis(prefix) {
  try {
    const { default: Redis } = await import('ioredis');
    const redis = new Redis(CONFIG.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  } catch (e) {
    log(`redis: could not remove the ${prefix}:* keys: ${e.message}`);
  }
}

function checkTargets(results) {
  const rows = [];
  for (const [key, t] of Object.entries(TARGETS)) {
    const [part, field] = key.split('.');
    const value = results[part]?.[field];
    const pass = typeof value === 'number' ? (t.min === undefined || value >= t.min) && (t.max === undefined || value <= t.max) : null;
    rows.push({ key, value: value ?? null, target: t.min !== undefined ? `≥ ${t.min}` : `≤ ${t.max}`, pass });
  }
  return rows;
}

function printTable(results, checks) {
  const lines = [];
  const w = [28, 12, 10, 6];
  const row = (a, b, c, d) => `${a.padEnd(w[0])} ${String(b).padStart(w[1])} ${String(c).padStart(w[2])}  ${d}`;
  lines.push(row('figure', 'value', 'target', 'ok'));
  lines.push('-'.repeat(w[0] + w[1] + w[2] + 10));
  for (const c of checks) lines.push(row(c.key, c.value ?? (results[c.key.split('.')[0]]?.error ? 'error' : '-'), c.target, c.pass === null ? '-' : c.pass ? 'yes' : 'NO'));
  lines.push(row('dataset.memberApplications', results.dataset.memberApplications, '', ''));
  console.log(`\n${lines.join('\n')}\n`);
  const detail = [
    results.list?.apiRequestsPerSecond !== undefined && `lists: API ${results.list.apiRequestsPerSecond} req/s vs SQL ${results.list.sqlTransactionsPerSecond} tps; p50 ${results.list.p50Ms} ms; the SQL alone at ${results.list.connections} clients: p50 ${results.list.sqlP50Ms} ms, p95 ${results.list.sqlP95Ms} ms`,
    results.export?.apiSeconds !== undefined && `export: API ${results.export.apiSeconds} s vs \\copy ${results.export.copySeconds} s`,
    results.transitions?.apiTransitionsPerSecond !== undefined && `transitions: API ${results.transitions.apiTransitionsPerSecond}/s vs pgbench ${results.transitions.pgbenchTps} tps`,
    results.mail?.notifications !== undefined && `mail: ${results.mail.notifications} notifications in ${results.mail.secondsFromWorkerStart} s from the worker's start`,
  ].filter(Boolean);
  for (const d of detail) console.log(`  ${d}`);
  for (const [part, r] of Object.entries(results)) if (r?.error) console.log(`  ${part}: ERROR ${r.error}`);
}

async function main() {
  const started = now();
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${CONFIG.timeoutSeconds} s; stopping`);
    void shutdown().finally(() => process.exit(3));
  }, CONFIG.timeoutSeconds * 1000);
  watchdog.unref();

  log(`bench: ${cpus().length} cores, ${round(totalmem() / 2 ** 30, 1)} GiB, node ${process.version}; ${CONFIG.connections} clients, ${CONFIG.seconds} s per measured run; parts ${CONFIG.parts.join(', ')}`);
  await preflight();
  workDir = mkdtempSync(join(tmpdir(), 'alliance-bench-'));
  const smtpPort = await freePort();
  smtpServer = await startSmtp(smtpPort);

  const dataset = await seedDataset();
  if (CONFIG.parts.includes('transitions')) await initPgbench();
  const { rows: [{ n: memberApplications }] } = await query(CONFIG.datasetUrl, 'SELECT count(*)::int AS n FROM member_applications');
  const { rows: [{ server_version: version }] } = await query(CONFIG.datasetUrl, 'SHOW server_version');

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const queuePrefix = `bench${randomBytes(4).toString('hex')}`;
  const childEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: CONFIG.datasetUrl,
    REDIS_URL: CONFIG.redisUrl,
    PORT: String(port),
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'warn',
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    UPLOAD_DIR: join(workDir, 'uploads'),
    MAIL_DIR: join(workDir, 'mail'),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PUBLIC_URL: base,
    API_WORKERS: String(CONFIG.apiWorkers),
  };
  mkdirSync(childEnv.UPLOAD_DIR, { recursive: true });
  const api = startNode('api', ROOT, 'apps/api/dist/main.js', childEnv);
  children.push(api);
  await waitHealthy(base, api);
  await waitFor('every API process', async () => servingProcesses(api.pid).length === CONFIG.apiWorkers, 60_000, 250);
  const tokens = {
    coordinator: await login(base, 'coordinator1@alliance.local', CONFIG.password),
    reviewer: await login(base, 'reviewer1@alliance.local', CONFIG.password),
  };
  log(`api: pid ${api.pid} (${CONFIG.apiWorkers} process${CONFIG.apiWorkers > 1 ? 'es' : ''}) on ${base}, queue prefix ${queuePrefix}`);

  const ctx = {
    root: ROOT, databaseUrl: CONFIG.datasetUrl, pgbenchUrl: CONFIG.pgbenchUrl, base, tokens, password: CONFIG.password,
    connections: CONFIG.connections, seconds: CONFIG.seconds, warmupSeconds: CONFIG.warmupSeconds, workDir, apiPid: api.pid,
    combosPerKind: CONFIG.combosPerKind, transitionsPerAction: CONFIG.transitionsPerAction,
  };
  const results = {
    generatedAt: new Date().toISOString(),
    // other work on the machine shows here; the ratios take it out only as far as it is steady
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, postgres: version, loadAverage1mAtStart: round(loadavg()[0], 2), apiProcesses: CONFIG.apiWorkers },
    dataset: {
      memberApplications,
      councilApplications: dataset.counts?.councilApplications ?? null,
      schools: dataset.counts?.schools ?? null,
      departments: dataset.counts?.departments ?? null,
      users: dataset.counts?.users ?? null,
      seedSeconds: dataset.seconds === null ? null : round(dataset.seconds, 1),
      scale: CONFIG.reuseDataset ? null : CONFIG.scale,
    },
  };
  const part = async (name, key, fn) => {
    if (!CONFIG.parts.includes(name)) return;
    const load = round(loadavg()[0], 2);
    try {
      results[key] = { ...(await fn()), loadAverage1mAtStart: load };
    } catch (e) {
      log(`${name}: ERROR ${e.stack ?? e.message}`);
      results[key] = { error: e.message.split('\n')[0] };
    }
  };
  // the export first, on the freshly started API: its peak RSS is then the export's, not what
  // the list traffic left in the heap
  await part('export', 'export', () => benchExport(ctx));
  await part('lists', 'list', () => benchLists(ctx));
  await part('transitions', 'transitions', () => benchTransitions(ctx));
  await api.stop();
  await part('mail', 'mail', () => benchMail({ root: ROOT, databaseUrl: CONFIG.datasetUrl, env: childEnv, smtpServer, total: CONFIG.mailTotal }));
  await cleanRedis(queuePrefix);

  const checks = checkTargets(results);
  results.targets = Object.fromEntries(checks.map((c) => [c.key, { target: c.target, pass: c.pass }]));
  results.durationSeconds = round((now() - started) / 1000, 1);
  results.machine.loadAverage1mAtEnd = round(loadavg()[0], 2);
  const out = join(ROOT, 'bench/results/latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  rmSync(out, { force: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  rmSync(`${out}.tmp`, { force: true });
  printTable(results, checks);
  log(`bench: done in ${results.durationSeconds} s; wrote bench/results/latest.json`);
}

async function shutdown() {
  for (const c of children.reverse()) await c.stop().catch(() => undefined);
  await smtpServer?.close().catch(() => undefined);
  if (!CONFIG.keepDatabases) {
    if (!CONFIG.reuseDataset) await dropDatabase(CONFIG.datasetUrl).catch(() => undefined);
    await dropDatabase(CONFIG.pgbenchUrl).catch(() => undefined);
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}

let code = 0;
try {
  await main();
} catch (e) {
  console.error(`bench: ${e.message}`);
  code = 1;
} finally {
  await shutdown();
}
process.exit(code);
