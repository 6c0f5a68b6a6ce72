// Small helpers of the benchmark: processes, ports, timing, statistics, logging.
import { spawn, execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();
export const round = (n, digits = 2) => (n === null || n === undefined || Number.isNaN(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits);

let started = now();
export function log(line) {
  const s = ((now() - started) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`[${s}s] ${line}\n`);
}
export const resetClock = () => { started = now(); };

/** The p-th percentile (0..100) of numbers, nearest rank. */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a program to completion; rejects with its output when it fails. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, ...opts }, (err, stdout, stderr) => {
      if (err) {
        err.message = `${cmd} ${args.join(' ')} failed (${err.code ?? err.signal}): ${stderr || stdout}`.slice(0, 4000);
        reject(err);
      } else resolve({ stdout, stderr });
    });
  });
}

/** Is the program on PATH? */
export async function hasProgram(name) {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A long-running child (the API, the worker, a private redis) whose output goes to a log
 * buffer; stop() sends SIGTERM to it alone and SIGKILL after a grace period.
 */
export class Child {
  constructor(name, cmd, args, opts = {}) {
    this.name = name;
    this.output = [];
    this.exited = null;
    this.proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    this.pid = this.proc.pid;
    const keep = (chunk) => {
      this.output.push(chunk.toString());
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    this.proc.stdout.on('data', keep);
    this.proc.stderr.on('data', keep);
    this.exit = new Promise((resolve) => this.proc.on('exit', (code, signal) => {
      this.exited = { code, signal };
      resolve(this.exited);
    }));
  }

  tail(lines = 30) {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }

  async stop(graceMs = 10_000) {
    if (this.exited) return this.exited;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => { if (!this.exited) this.proc.kill('SIGKILL'); }, graceMs);
    const result = await this.exit;
    clearTimeout(timer);
    return result;
  }
}

/** Polls until fn() returns a truthy value, or throws after timeoutMs. */
export async function waitFor(what, fn, timeoutMs, everyMs = 200) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** VmRSS and VmHWM of a process, in MiB. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/**
 * The processes that serve the API: with API_WORKERS > 1 the forked children of the supervising
 * process (which serves nothing itself), else the process itself.
 */
export function servingProcesses(pid) {
  let children = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch { /* no children file: a kernel without CONFIG_PROC_CHILDREN */ }
  return children.length ? children : [pid];
}

/** Sets the peak RSS (VmHWM) of a process back to its current RSS ("5" > clear_refs, Linux 4.0+); false where refused. */
export function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Is something answering on host:port? */
export function tcpOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok) => { s.destroy(); resolve(ok); };
    s.setTimeout(timeoutMs, () => done(false));
    s.on('connect', () => done(true));
    s.on('error', () => done(false));
  });
}

/** Sends PING to a Redis server; true on +PONG. */
export function redisPing(url, timeoutMs = 1000) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 6379) });
    let buf = '';
    const done = (ok) => { s.destroy(); resolve(ok); };
    s.setTimeout(timeoutMs, () => done(false));
    s.on('connect', () => {
      if (u.password) s.write(`AUTH ${decodeURIComponent(u.password)}\r\n`);
      s.write('PING\r\n');
    });
    s.on('data', (d) => { buf += d; if (buf.includes('+PONG')) done(true); else if (buf.includes('-')) done(false); });
    s.on('error', () => done(false));
  });
}
