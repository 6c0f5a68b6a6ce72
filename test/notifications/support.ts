/**
 * What the notification tests need beyond test/support: an SMTP server in process that records
 * what it accepted (and can refuse or hold messages), the mail worker in process or as a child
 * process (the built `apps/api/dist/worker.js`), and a private redis-server.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestApi } from '../support/api';

export const ROOT = join(__dirname, '../..');

export async function waitFor<T>(probe: () => Promise<T> | T, what: string, timeoutMs = 20_000, everyMs = 50): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

// --- SMTP ----------------------------------------------------------------------------------------

export interface ReceivedMail {
  emailId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Map<string, unknown>;
}

type Answer = { code: number; message: string } | null;

/**
 * An SMTP server that records each message it accepted. A message counts as delivered only when
 * the server answered 250 on a live connection (RFC 5321 §6.1: accepting is taking responsibility);
 * a message whose client went away first is discarded, as a real MTA does.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  rejected = 0;
  /** null accepts; otherwise the SMTP error to answer the DATA with. */
  answer: (m: { to: string; emailId: string }) => Answer = () => null;
  /** While set, accepted messages wait here before the server answers. */
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;
  holding = 0;
  delayMs = 0;
  private readonly closed = new Set<string>();
  private server!: SMTPServer;
  port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    sink.server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      logger: false,
      size: 10 * 1024 * 1024,
      onClose: (session) => {
        sink.closed.add(session.id);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          sink.handle(Buffer.concat(chunks), session.id, session.envelope.rcptTo.map((r) => r.address).join(','))
            .then(() => callback(null), (e: Error) => callback(e));
        });
      },
    });
    sink.server.on('error', () => undefined);
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    sink.port = (sink.server.server.address() as { port: number }).port;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private async handle(raw: Buffer, sessionId: string, to: string): Promise<void> {
    const parsed = await simpleParser(raw);
    const emailId = String(parsed.headers.get('x-alliance-email-id') ?? '');
    const refusal = this.answer({ to, emailId });
    if (refusal) {
      this.rejected += 1;
      throw Object.assign(new Error(refusal.message), { responseCode: refusal.code });
    }
    if (this.gate) {
      this.holding += 1;
      await this.gate;
      this.holding -= 1;
    }
    if (this.delayMs) await sleep(this.delayMs);
    if (this.closed.has(sessionId)) throw new Error('client went away before the reply');
    this.received.push({
      emailId, to, subject: parsed.subject ?? '', html: typeof parsed.html === 'string' ? parsed.html : '', text: parsed.text ?? '',
      messageId: parsed.messageId ?? '', headers: parsed.headers as Map<string, unknown>,
    });
  }

  /** From now on, messages wait before they are answered. */
  holdReplies(): void {
    this.gate = new Promise((r) => (this.open = r));
  }

  releaseReplies(): void {
    this.open?.();
    this.gate = null;
    this.open = null;
  }

  /** How many times each email row was delivered. */
  countsByEmailId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.received) counts.set(m.emailId, (counts.get(m.emailId) ?? 0) + 1);
    return counts;
  }

  waitForCount(n: number, timeoutMs = 20_000): Promise<true> {
    return waitFor(() => this.received.length >= n, `${n} mails (have ${this.received.length})`, timeoutMs);
  }

  async close(): Promise<void> {
    this.releaseReplies();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

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

const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true })
  .reduce((t, e) => Math.max(t, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);

/** Builds libs/domain and apps/api when the sources are newer than apps/api/dist/worker.js. */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(join(ROOT, 'apps/api/dist/worker.js')).mtimeMs;
  } catch {
    built = 0;
  }
  if (built > Math.max(newest(join(ROOT, 'apps/api/src')), newest(join(ROOT, 'libs/domain/src')))) return;
  execFileSync('npm', ['run', 'build', '-w', 'libs/domain'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync('npm', ['run', 'build', '-w', 'apps/api'], { cwd: ROOT, stdio: 'pipe' });
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node apps/api/dist/worker.js` as a child process; resolves once it has logged its start. */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env, LOG_LEVEL: env.LOG_LEVEL === 'silent' ? 'info' : env.LOG_LEVEL };
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/worker.js')], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor(() => gone || out.includes('Mail worker started'), 'the worker to start', 20_000);
  if (gone) throw new Error(`worker exited at start:\n${out}`);
  return {
    child,
    output: () => out,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (!gone) child.kill(signal);
      return exited;
    },
  };
}

// --- a private Redis -----------------------------------------------------------------------------

export class RedisServer {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor(() => {
      try {
        return execFileSync('redis-cli', ['-p', String(this.port), 'ping'], { stdio: 'pipe' }).toString().trim() === 'PONG';
      } catch {
        return false;
      }
    }, `redis-server on ${this.port}`, 10_000, 100);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
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
