/**
 * What the notification tests need beyond test/support: settings for a worker that serves a test
 * API, the worker in process, and mail rows written the way the request path writes them.
 * (The SMTP server, the worker as a child process and the private redis-server are in test/support.)
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { TestApi } from '../support/api';

// --- the worker ----------------------------------------------------------------------------------

/** Settings for a worker that serves this test API's database and queue prefix. */
export function workerEnv(api: TestApi, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: api.databaseUrl,
    DATABASE_POOL_SIZE: '20',
    QUEUE_PREFIX: api.env.QUEUE_PREFIX,
    REDIS_URL: api.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    MAIL_DIR: api.env.MAIL_DIR,
    PUBLIC_URL: api.env.PUBLIC_URL,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    RELAY_INTERVAL_MS: '100',
    MAIL_BACKOFF_MS: '100',
    MAIL_ATTEMPTS: '5',
    ...extra,
  };
}

/** The worker in this process (same modules as `worker.js`). */
export async function startWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  const { createWorker } = await import('../../apps/api/src/worker');
  const keys = [...new Set([...Object.keys(env), 'SMTP_URL'])];
  const previous = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  delete process.env.SMTP_URL; // no SMTP_URL given: the worker writes .eml files
  Object.assign(process.env, env);
  try {
    return await createWorker();
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

// --- rows ----------------------------------------------------------------------------------------

/** Writes mail intents the way the request path does (the outbox), and returns their ids. */
export async function enqueueMails(api: TestApi, mails: { to: string; template?: string; data?: Record<string, unknown> }[]): Promise<string[]> {
  const { Outbox } = await import('../../apps/api/src/notifications/outbox');
  const outbox = new Outbox();
  const before: { max: string | null }[] = await api.db.query('SELECT max(id)::text AS max FROM emails');
  await api.db.transaction((m) => outbox.enqueue(m, mails.map((mail, i) => ({
    template: (mail.template ?? 'returned') as never,
    toEmail: mail.to,
    data: mail.data ?? {
      recipientName: `收件人${i}`, applicationTitle: `测试学院${i}理事单位申报`, applicationKindLabel: '理事单位（学校）申报',
      schoolName: `测试学院${i}`, state: 'returned', stateLabel: '退回修改', action: 'return', actionLabel: '退回修改',
      comment: '请补充材料', actorName: '审核人', link: 'http://console.test/#/council-applications/1/show',
    },
  }))));
  const ids: { id: string }[] = await api.db.query('SELECT id::text FROM emails WHERE id > $1 ORDER BY id', [before[0].max ?? '0']);
  return ids.map((r) => r.id);
}

export async function emailRow(api: TestApi, id: string): Promise<{ status: string; attempts: number; last_error: string | null; message_id: string | null }> {
  const [row] = await api.db.query('SELECT status, attempts, last_error, message_id FROM emails WHERE id = $1', [id]);
  return row;
}
