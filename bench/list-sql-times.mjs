#!/usr/bin/env node
// Diagnostic: the SQL of each list filter combination of the benchmark (taken from the API's own
// code, as bench/run.mjs does), run three times on a dataset, slowest first; with --explain,
// EXPLAIN (ANALYZE, BUFFERS) of the slowest one. Needs `npm run build` and a seeded database:
//   node bench/list-sql-times.mjs postgres://postgres@127.0.0.1:5432/alliance_national [--explain]
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureListSql, filterCombos } from './lib/lists.mjs';
import { withClient } from './lib/pg.mjs';

const url = process.argv[2] || 'postgres://postgres@127.0.0.1:5432/alliance_national';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const combos = await captureListSql(root, url, filterCombos(40), 25);
const out = [];
await withClient(url, async (c) => {
  for (const x of combos) {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      for (const s of x.sql) await c.query(s);
      best = Math.min(best, performance.now() - t0);
    }
    out.push({ kind: x.kind, filter: JSON.stringify(x.filter), total: x.total, statements: x.sql.length, ms: Math.round(best * 10) / 10, sql: x.sql });
  }
  out.sort((a, b) => b.ms - a.ms);
  console.table(out.slice(0, 15).map(({ sql, ...r }) => r));
  const sum = out.reduce((n, o) => n + o.ms, 0);
  console.log(`${out.length} combinations: ${Math.round(sum)} ms in all, ${Math.round((sum / out.length) * 100) / 100} ms per request's SQL on average`);
  if (process.argv.includes('--explain')) {
    for (const s of out[0].sql) {
      const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${s}`);
      console.log(`\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
});
