// (d) Mail: notifications in the outbox go through the relay and the worker (a child process)
// to an SMTP server in this process; every message is identified by its X-Alliance-Email-Id.
import smtp from 'smtp-server';
import { join } from 'node:path';
import { startNode } from './api.mjs';
import { query } from './pg.mjs';
import { log, now, round, sleep } from './util.mjs';

/** An SMTP server on 127.0.0.1 that counts messages per outbox row id. */
export function startSmtp(port) {
  const received = new Map();
  const times = [];
  let unidentified = 0;
  const server = new smtp.SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    banner: 'bench',
    size: 20 * 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      let done = false;
      stream.on('data', (chunk) => {
        if (done) return;
        head += chunk.toString('utf8');
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0 || head.length > 64 * 1024) {
          done = true;
          head = end >= 0 ? head.slice(0, end) : head;
        }
      });
      stream.on('end', () => {
        const id = /^X-Alliance-Email-Id:\s*(\S+)/im.exec(head)?.[1];
        if (id) received.set(id, (received.get(id) ?? 0) + 1);
        else unidentified++;
        times.push(now());
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({
      server,
      received,
      times,
      get unidentified() { return unidentified; },
      close: () => new Promise((r) => server.close(() => r())),
    }));
  });
}

/**
 * Tops the outbox up to `total` pending rows with notifications of the kind a transition writes
 * (an "admitted" mail to the applicant of an admitted member application), in one statement,
 * and wakes the relay as the outbox does.
 */
async function fillOutbox(databaseUrl, total, publicUrl) {
  const { rows: [{ pending }] } = await query(databaseUrl, `SELECT count(*)::int AS pending FROM emails WHERE status = 'pending'`);
  const extra = Math.max(0, total - pending);
  if (extra > 0) {
    await query(databaseUrl, `
      INSERT INTO emails (template, to_email, to_user_id, application_kind, application_id, data)
      SELECT 'admitted', u.email, u.id, 'member', a.id, jsonb_build_object(
        'recipientName', u.name, 'applicationTitle', a.name || '（' || s.name || '）成员申报',
        'applicationKindLabel', '成员（个人）申报', 'schoolName', s.name, 'state', 'admitted', 'stateLabel', '已入盟',
        'action', 'admit', 'actionLabel', '批准入盟', 'comment', NULL, 'actorName', '联盟负责人',
        'link', $2 || '/#/member-applications/' || a.id || '/show')
      FROM (SELECT * FROM member_applications WHERE state = 'admitted' ORDER BY id LIMIT $1) a
      JOIN users u ON u.id = a.owner_id JOIN schools s ON s.id = a.school_id`, [extra, publicUrl]);
    await query(databaseUrl, `SELECT pg_notify('emails_pending', '')`);
  }
  const { rows } = await query(databaseUrl, `SELECT id::text FROM emails WHERE status = 'pending' ORDER BY id`);
  return { ids: rows.map((r) => r.id), fromTransitions: pending, added: extra };
}

export async function benchMail(ctx) {
  const { root, databaseUrl, env, smtpServer, total } = ctx;
  const { ids, fromTransitions, added } = await fillOutbox(databaseUrl, total, env.PUBLIC_URL);
  log(`mail: ${ids.length} pending notifications (${fromTransitions} written by the transitions, ${added} added); starting the worker`);
  smtpServer.received.clear();
  smtpServer.times.length = 0;
  const t0 = now();
  const worker = startNode('worker', root, 'apps/api/dist/worker.js', env);
  const limit = now() + (ctx.maxSeconds ?? 180) * 1000;
  const want = new Set(ids);
  let done = 0;
  try {
    while (now() < limit) {
      if (worker.exited) throw new Error(`the worker exited (${JSON.stringify(worker.exited)}):\n${worker.tail()}`);
      done = ids.reduce((n, id) => n + (smtpServer.received.has(id) ? 1 : 0), 0);
      if (done >= want.size) break;
      await sleep(100);
    }
    const end = now();
    // a repeated delivery would come shortly after: wait a little, then read the rows
    await sleep(ctx.settleMs ?? 3000);
    const { rows } = await query(databaseUrl, `SELECT status, count(*)::int AS n FROM emails WHERE id = ANY($1::bigint[]) GROUP BY status`, [ids]);
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const lost = ids.filter((id) => !smtpServer.received.has(id)).length;
    const notMarkedSent = ids.length - (byStatus.sent ?? 0);
    let duplicates = 0;
    for (const id of ids) duplicates += Math.max(0, (smtpServer.received.get(id) ?? 0) - 1);
    const first = smtpServer.times[0] ?? end;
    const last = smtpServer.times[smtpServer.times.length - 1] ?? end;
    const endToEnd = (end - t0) / 1000;
    const sending = Math.max(0.001, (last - first) / 1000);
    const delivered = ids.length - lost;
    const perSecond = delivered / endToEnd;
    log(`mail: ${delivered}/${ids.length} delivered in ${round(endToEnd, 1)} s from the worker's start (${round(perSecond, 1)}/s; ${round(delivered / sending, 1)}/s from first to last message); lost ${lost}, duplicates ${duplicates}, rows ${JSON.stringify(byStatus)}`);
    return {
      perSecond: round(perSecond, 1),
      lost,
      duplicates,
      notifications: ids.length,
      fromTransitions,
      perSecondFirstToLast: round(delivered / sending, 1),
      secondsFromWorkerStart: round(endToEnd, 1),
      rowsByStatus: byStatus,
      rowsNotMarkedSent: notMarkedSent,
      unidentifiedMessages: smtpServer.unidentified,
    };
  } finally {
    await worker.stop();
  }
}

export const workerScript = (root) => join(root, 'apps/api/dist/worker.js');
