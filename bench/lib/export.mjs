// (b) Export: every member application as CSV through the API, against psql's \copy of the same
// query to CSV; the API's peak RSS while it streams.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inlineParams, psqlCopy } from './pg.mjs';
import { log, memoryOf, now, resetPeakRss, round, servingProcesses } from './util.mjs';

/** The SQL the export endpoint runs, from the API's own ExportsRepository (the list filters and the export's columns). */
export async function exportSql(root, databaseUrl) {
  const require = createRequire(join(root, 'apps/api/dist/main.js'));
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(join(root, 'apps/api/dist/db/data-source.js'));
  const { ApplicationsRepository } = require(join(root, 'apps/api/dist/applications/applications.repository.js'));
  const { ExportsRepository } = require(join(root, 'apps/api/dist/exports/exports.repository.js'));
  const ds = new DataSource(dataSourceOptions(databaseUrl, 1));
  await ds.initialize();
  try {
    const repo = new ExportsRepository(ds, new ApplicationsRepository(ds), null);
    const staff = { id: 0, email: 'bench@alliance.local', name: 'bench', roles: ['coordinator'], schoolId: null };
    const [sql, params] = repo.applicationsQuery('member', staff, {});
    return inlineParams(sql, params);
  } finally {
    await ds.destroy();
  }
}

/**
 * Downloads the export, sampling the RSS of the API's serving processes every few milliseconds.
 * The peak is that of the process that served it (the largest peak of any one process): with
 * several API processes, the others' idle memory is not the export's.
 */
async function download(base, token, pids) {
  const reset = pids.every((pid) => resetPeakRss(pid));
  const before = Math.max(...pids.map((pid) => memoryOf(pid).rssMb));
  const sampledPeak = new Map(pids.map((pid) => [pid, memoryOf(pid).rssMb]));
  const timer = setInterval(() => {
    for (const pid of pids) {
      try {
        sampledPeak.set(pid, Math.max(sampledPeak.get(pid), memoryOf(pid).rssMb));
      } catch { /* process gone */ }
    }
  }, 10);
  const t0 = now();
  let bytes = 0;
  let lines = 0;
  try {
    const res = await fetch(`${base}/api/member-applications/export?format=csv`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`export answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    for await (const chunk of res.body) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = (now() - t0) / 1000;
  const peakMb = Math.max(...pids.map((pid) => Math.max(sampledPeak.get(pid), reset ? memoryOf(pid).hwmMb : 0)));
  return { seconds, bytes, lines, peakMb, rssBeforeMb: before, hwmReset: reset };
}

export async function benchExport(ctx) {
  const { root, databaseUrl, base, tokens, apiPid, workDir, runs = 2 } = ctx;
  const sql = await exportSql(root, databaseUrl);
  const pids = servingProcesses(apiPid);
  const file = join(workDir, 'export-copy.csv');
  const copies = [];
  const apis = [];
  for (let i = 0; i < runs; i++) {
    copies.push(await psqlCopy(databaseUrl, sql, file));
    apis.push(await download(base, tokens.coordinator, pids));
  }
  const copySeconds = Math.min(...copies);
  const best = apis.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const peakMb = Math.max(...apis.map((a) => a.peakMb));
  const copyBytes = statSync(file).size;
  log(`export: API ${round(best.seconds, 2)} s (${round(best.bytes / 1048576, 1)} MiB, ${best.lines - 1} lines), psql \\copy ${round(copySeconds, 2)} s (${round(copyBytes / 1048576, 1)} MiB); API peak RSS ${round(peakMb, 1)} MiB (${round(best.rssBeforeMb, 1)} before)`);
  return {
    ratioVsCopy: round(best.seconds / copySeconds, 3),
    peakRssMb: round(peakMb, 1),
    apiSeconds: round(best.seconds, 3),
    copySeconds: round(copySeconds, 3),
    apiSecondsAll: apis.map((a) => round(a.seconds, 3)),
    copySecondsAll: copies.map((s) => round(s, 3)),
    apiBytes: best.bytes,
    copyBytes,
    apiRows: best.lines - 1,
    rssBeforeMb: round(best.rssBeforeMb, 1),
    apiProcesses: pids.length,
    peakMethod: best.hwmReset ? 'VmHWM after clear_refs reset, and VmRSS sampled every 10 ms' : 'VmRSS sampled every 10 ms',
  };
}
