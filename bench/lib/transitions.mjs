// (c) Transitions: concurrent submits and approvals through the API, against pgbench's
// built-in tpcb-like run with the same number of clients; then every 200 is checked for its
// history row, audit event and outbox row.
import { loginAll } from './api.mjs';
import { pgbench, query } from './pg.mjs';
import { log, now, percentile, round } from './util.mjs';

const SEAT_STATES = ['submitted', 'school_approved', 'center_reviewed', 'admitted', 'returned'];
/** The mail each action writes to the outbox (DOMAIN.md, Notifications), which must be there after a 200. */
const TEMPLATE = { submit: 'submitted_receipt', school_approve: 'school_approved_applicant', center_approve: 'center_reviewed_lead' };

/**
 * The work: complete drafts of the open batch whose seat is still free (one per department and
 * seat, so no submit is refused by the quota), submitted applications of a limited set of
 * schools (for their school reviewers), school-approved applications (for a center reviewer).
 */
async function pickWork(databaseUrl, perAction, maxSchools) {
  const { rows: drafts } = await query(databaseUrl, `
    WITH held AS (
      SELECT department_id, seat, count(*)::int AS n FROM member_applications
      WHERE state = ANY($1) AND seat IS NOT NULL GROUP BY 1, 2)
    SELECT DISTINCT ON (a.department_id, a.seat) a.id, u.email
    FROM member_applications a
    JOIN users u ON u.id = a.owner_id
    JOIN batches b ON b.id = a.batch_id
    LEFT JOIN held h ON h.department_id = a.department_id AND h.seat = a.seat
    WHERE a.state = 'draft' AND now() BETWEEN b.opens_at AND b.deadline
      AND a.achievements IS NOT NULL AND (a.commitment->>'accepted')::boolean
      AND coalesce(h.n, 0) < CASE a.seat WHEN 'main_leader' THEN 1 ELSE 2 END
      AND EXISTS (SELECT 1 FROM attachments f WHERE f.application_kind = 'member' AND f.application_id = a.id AND f.kind = 'photo')
      AND EXISTS (SELECT 1 FROM attachments f WHERE f.application_kind = 'member' AND f.application_id = a.id AND f.kind = 'sealed_scan')
    ORDER BY a.department_id, a.seat, a.id`, [SEAT_STATES]);
  const { rows: submitted } = await query(databaseUrl, `
    WITH schools AS (
      SELECT a.school_id FROM member_applications a WHERE a.state = 'submitted'
      GROUP BY a.school_id ORDER BY count(*) DESC, a.school_id LIMIT $1)
    SELECT a.id, u.email FROM member_applications a
    JOIN schools s ON s.school_id = a.school_id
    JOIN users u ON u.school_id = a.school_id AND 'school_admin' = ANY(u.roles)
    WHERE a.state = 'submitted' ORDER BY a.id LIMIT $2`, [maxSchools, perAction]);
  const { rows: approved } = await query(databaseUrl,
    `SELECT id FROM member_applications WHERE state = 'school_approved' ORDER BY id DESC LIMIT $1`, [perAction]);
  // spread the drafts over the whole table rather than the first departments
  const step = Math.max(1, Math.floor(drafts.length / perAction));
  const submits = drafts.filter((_, i) => i % step === 0).slice(0, perAction);
  return {
    submits: submits.map((r) => ({ id: r.id, action: 'submit', email: r.email })),
    schoolApprovals: submitted.map((r) => ({ id: r.id, action: 'school_approve', email: r.email })),
    centerApprovals: approved.map((r) => ({ id: r.id, action: 'center_approve', email: null })),
  };
}

/** Interleaves the three lists so that every moment sees all three kinds of transition. */
function interleave(...lists) {
  const out = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const l of lists) if (l[i]) out.push(l[i]);
  return out;
}

export async function benchTransitions(ctx) {
  const { databaseUrl, pgbenchUrl, base, password, tokens, connections, seconds } = ctx;
  const work = await pickWork(databaseUrl, ctx.transitionsPerAction ?? 700, 150);
  const ops = interleave(work.submits, work.schoolApprovals, work.centerApprovals);
  const t0 = now();
  const logins = await loginAll(base, ops.map((o) => o.email).filter(Boolean), password, 2);
  log(`transitions: ${work.submits.length} submits, ${work.schoolApprovals.length} school approvals, ${work.centerApprovals.length} center approvals; ${logins.size} logins in ${round((now() - t0) / 1000, 1)} s`);

  const tpcb = await pgbench(pgbenchUrl, ['-c', String(connections), '-j', '2', '-T', String(seconds)]);
  log(`transitions: pgbench tpcb-like ${round(tpcb.tps, 1)} tps (latency ${tpcb.latencyMs} ms)`);

  const startedAt = (await query(databaseUrl, 'SELECT now() AS t')).rows[0].t;
  const results = [];
  const latencies = [];
  let next = 0;
  const deadline = now() + (ctx.transitionsMaxSeconds ?? 30) * 1000;
  const began = now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (next < ops.length && now() < deadline) {
      const op = ops[next++];
      const token = op.email ? logins.get(op.email) : tokens.reviewer;
      const t = now();
      let status = 0;
      try {
        const res = await fetch(`${base}/api/member-applications/${op.id}/transitions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ action: op.action }),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = -1;
      }
      latencies.push(now() - t);
      results.push({ ...op, status });
    }
  }));
  const elapsed = (now() - began) / 1000;
  const ok = results.filter((r) => r.status === 200);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const perSecond = ok.length / elapsed;
  log(`transitions: API ${ok.length}/${results.length} answered 200 in ${round(elapsed, 1)} s = ${round(perSecond, 1)}/s; statuses ${JSON.stringify(statuses)}`);

  // every 200 must have left its history row, its audit event and its outbox row
  const { rows: checks } = await query(databaseUrl, `
    SELECT x.id, x.action,
      EXISTS (SELECT 1 FROM transitions t WHERE t.application_kind = 'member' AND t.application_id = x.id AND t.action = x.action AND t.at >= $4) AS history,
      EXISTS (SELECT 1 FROM audit_events e WHERE e.entity = 'member_application' AND e.entity_id = x.id::text AND e.action = 'transition.' || x.action AND e.at >= $4) AS audit,
      EXISTS (SELECT 1 FROM emails m WHERE m.application_kind = 'member' AND m.application_id = x.id AND m.template = x.template AND m.created_at >= $4) AS outbox
    FROM unnest($1::int[], $2::text[], $3::text[]) AS x(id, action, template)`,
  [ok.map((r) => r.id), ok.map((r) => r.action), ok.map((r) => TEMPLATE[r.action]), startedAt]);
  const lost = checks.filter((c) => !c.history || !c.audit || !c.outbox);
  const missing = { history: checks.filter((c) => !c.history).length, audit: checks.filter((c) => !c.audit).length, outbox: checks.filter((c) => !c.outbox).length };
  if (lost.length) log(`transitions: ${lost.length} answered 200 without their records: ${JSON.stringify(missing)}`);
  const { rows: [{ pending }] } = await query(databaseUrl, `SELECT count(*)::int AS pending FROM emails WHERE status = 'pending'`);
  return {
    ratioVsPgbench: round(perSecond / tpcb.tps, 3),
    lost: lost.length,
    apiTransitionsPerSecond: round(perSecond, 1),
    pgbenchTps: round(tpcb.tps, 1),
    requests: results.length,
    ok: ok.length,
    statuses,
    byAction: Object.fromEntries(Object.keys(TEMPLATE).map((a) => [a, ok.filter((r) => r.action === a).length])),
    p50Ms: round(percentile(latencies, 50), 1),
    p95Ms: round(percentile(latencies, 95), 1),
    seconds: round(elapsed, 1),
    missing,
    outboxRowsWritten: pending,
  };
}
