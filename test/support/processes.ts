/**
 * The product and its services as processes, for the tests that stop, kill and restart them:
 * the built API (`apps/api/dist/main.js`) and mail worker (`apps/api/dist/worker.js`) as child
 * processes, a private redis-server and a private PostgreSQL cluster. Every process started here
 * is also killed when the test process exits, whatever happened to the test's own cleanup.
 */
import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitFor, within } from './wait';

export const ROOT = join(__dirname, '../..');

const run = promisify(execFile);

// --- last-resort cleanup -------------------------------------------------------------------------

const onExit = new Set<() => void>();
let hooked = false;
/** Registers a synchronous kill to run if the test process exits with the thing still running. */
function killOnExit(kill: () => void): () => void {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => onExit.forEach((k) => {
      try {
        k();
      } catch {
        // best effort
      }
    }));
  }
  onExit.add(kill);
  return () => onExit.delete(kill);
}

/** Undo steps run in reverse order, each even when an earlier one fails (for afterAll). */
export class Cleanup {
  private readonly steps: { what: string; step: () => unknown }[] = [];

  add<T>(what: string, thing: T, step: (t: T) => unknown): T {
    this.steps.push({ what, step: () => step(thing) });
    return thing;
  }

  async run(): Promise<void> {
    for (let s = this.steps.pop(); s; s = this.steps.pop()) {
      try {
        await s.step();
      } catch (e) {
        console.warn(`cleanup of ${s.what} failed: ${(e as Error).message}`);
      }
    }
  }
}

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

const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true })
  .reduce((t, e) => Math.max(t, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);

/** Builds libs/domain and apps/api when the sources are newer than apps/api/dist/worker.js. */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = Math.min(statSync(join(ROOT, 'apps/api/dist/worker.js')).mtimeMs, statSync(join(ROOT, 'apps/api/dist/main.js')).mtimeMs);
  } catch {
    built = 0;
  }
  if (built > Math.max(newest(join(ROOT, 'apps/api/src')), newest(join(ROOT, 'libs/domain/src')))) return;
  execFileSync('npm', ['run', 'build', '-w', 'libs/domain'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync('npm', ['run', 'build', '-w', 'apps/api'], { cwd: ROOT, stdio: 'pipe' });
}

// --- the API and the worker as child processes ---------------------------------------------------

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export interface NodeProcess {
  child: ChildProcess;
  pid: number;
  /** What it printed (the last megabyte). */
  output: () => string;
  exited: Promise<Exit>;
  readonly running: boolean;
  /** Sends the signal and waits for the exit; SIGKILL after `graceMs` if it has not gone by then. */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<Exit>;
}

export type WorkerProcess = NodeProcess;

export interface ApiProcess extends NodeProcess {
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
}

const KEEP = 1 << 20;

/** `node <script>` with exactly the given environment (plus PATH and HOME). */
function spawnNode(script: string, env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const take = (c: Buffer) => {
    out += c.toString();
    if (out.length > 2 * KEEP) out = out.slice(-KEEP);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  let gone = false;
  const forget = killOnExit(() => {
    if (!gone) child.kill('SIGKILL');
  });
  const exited = new Promise<Exit>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (e) => {
      out += `\nspawn failed: ${e.message}`;
      resolve({ code: -1, signal: null });
    });
  }).then((e) => {
    gone = true;
    forget();
    return e;
  });
  return {
    child,
    pid: child.pid ?? -1,
    output: () => out.slice(-KEEP),
    exited,
    get running() {
      return !gone;
    },
    stop: async (signal = 'SIGTERM', graceMs = 15_000) => {
      if (gone) return exited;
      child.kill(signal);
      if ((await within(exited, graceMs, 'late' as const)) === 'late' && !gone) child.kill('SIGKILL');
      return exited;
    },
  };
}

const ABOVE_INFO = ['silent', 'fatal', 'error', 'warn'];

/**
 * `node apps/api/dist/worker.js` as a child process; resolves once it has logged its start
 * (so it logs at least at info level).
 */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const p = spawnNode('apps/api/dist/worker.js', { ...env, LOG_LEVEL: ABOVE_INFO.includes(env.LOG_LEVEL ?? 'info') ? 'info' : env.LOG_LEVEL });
  try {
    await waitFor(() => !p.running || p.output().includes('Mail worker started'), 'the worker to start', 20_000);
  } catch (e) {
    await p.stop('SIGKILL');
    throw e;
  }
  if (!p.running) throw new Error(`worker exited at start:\n${p.output()}`);
  return p;
}

/**
 * `node apps/api/dist/main.js` as a child process on a free port (unless env.PORT is given);
 * resolves once /api/health answers (200 or 503).
 */
export async function spawnApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const p = spawnNode('apps/api/dist/main.js', { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => {
      if (!p.running) return true;
      try {
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
        await res.arrayBuffer();
        return true;
      } catch {
        return false;
      }
    }, `the API on ${port} to answer`, 30_000, 100);
  } catch (e) {
    await p.stop('SIGKILL');
    throw new Error(`${(e as Error).message}\n${p.output()}`);
  }
  if (!p.running) throw new Error(`API exited at start:\n${p.output()}`);
  return Object.assign(p, { port, url });
}

// --- a private Redis -----------------------------------------------------------------------------

/** redis-server on 127.0.0.1 without persistence: a restart brings it back empty. */
export class RedisServer {
  private child: ChildProcess | null = null;
  private forget: (() => void) | null = null;

  constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const redis = new RedisServer(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    this.child = child;
    this.forget = killOnExit(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await waitFor(() => {
      try {
        return execFileSync('redis-cli', ['-p', String(this.port), 'ping'], { stdio: 'pipe' }).toString().trim() === 'PONG';
      } catch {
        return false;
      }
    }, `redis-server on ${this.port}`, 10_000, 100);
  }

  /** Gone at once (SIGKILL, the default), or a clean shutdown (SIGTERM); either way the data is lost. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.on('exit', r));
    child.kill(signal);
    await exited;
    this.forget?.();
    this.child = null;
  }
}

// --- a private PostgreSQL ------------------------------------------------------------------------

/** The newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl (PG_BIN overrides). */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin/initdb'))) : [];
  if (versions.length === 0) throw new Error(`no PostgreSQL server binaries under ${base} (set PG_BIN)`);
  return join(base, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/**
 * A PostgreSQL cluster of its own in a temp dir, on a free port on 127.0.0.1 with trust auth,
 * that a test may stop and start. initdb and pg_ctl refuse to run as root: as root they run as
 * the `postgres` OS user, which owns the temp dir.
 */
export class PostgresCluster {
  private forget: (() => void) | null = null;

  private constructor(readonly dir: string, readonly port: number, private readonly bin: string) {}

  static async create(): Promise<PostgresCluster> {
    const bin = postgresBin();
    const dir = mkdtempSync(join(tmpdir(), 'alliance-pg-'));
    const cluster = new PostgresCluster(dir, await freePort(), bin);
    try {
      if (process.getuid?.() === 0) {
        const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
        const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
        chownSync(dir, uid, gid);
      }
      await cluster.pg('initdb', ['-D', cluster.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
      await cluster.start();
    } catch (e) {
      await cluster.destroy();
      throw e;
    }
    return cluster;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private command(tool: string, args: string[]): [string, string[]] {
    const path = join(this.bin, tool);
    return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  }

  private async pg(tool: string, args: string[]): Promise<string> {
    const [file, argv] = this.command(tool, args);
    try {
      const { stdout } = await run(file, argv, { cwd: this.dir, timeout: 60_000 });
      return stdout;
    } catch (e) {
      const err = e as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${tool} ${args.join(' ')}: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    }
  }

  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`, `-c listen_addresses=127.0.0.1`, `-c unix_socket_directories='${this.dir}'`,
      '-c fsync=off', '-c full_page_writes=off', '-c max_connections=200',
    ].join(' ');
    await this.pg('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'postgres.log'), '-o', options, '-w', '-t', '30', 'start']);
    if (!this.forget) {
      this.forget = killOnExit(() => {
        const [file, argv] = this.command('pg_ctl', ['-D', this.data, '-m', 'immediate', 'stop']);
        execFileSync(file, argv, { cwd: this.dir, stdio: 'ignore', timeout: 10_000 });
      });
    }
  }

  /** `fast`: sessions are terminated and their transactions rolled back, then a clean shutdown (a service restart). */
  async stop(mode: 'smart' | 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  async running(): Promise<boolean> {
    return this.pg('pg_ctl', ['-D', this.data, 'status']).then(() => true, () => false);
  }

  /** Stops the cluster if it runs and removes its directory. */
  async destroy(): Promise<void> {
    try {
      if (existsSync(join(this.data, 'postmaster.pid'))) await this.stop('immediate');
    } finally {
      this.forget?.();
      this.forget = null;
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
