// The API and the worker as child processes, and HTTP helpers against them (127.0.0.1 only).
import { join } from 'node:path';
import { Child, waitFor } from './util.mjs';

/** BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) go to the API and the worker, for profiling. */
export function startNode(name, root, script, env) {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return new Child(name, process.execPath, [...nodeArgs, join(root, script)], { cwd: root, env: { ...process.env, ...env } });
}

export async function waitHealthy(base, child, timeoutMs = 60_000) {
  await waitFor(`${child.name} health`, async () => {
    if (child.exited) throw new Error(`${child.name} exited (${JSON.stringify(child.exited)}):\n${child.tail()}`);
    const res = await fetch(`${base}/api/health`);
    return res.status === 200;
  }, timeoutMs, 250);
}

export async function login(base, email, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  return body.accessToken;
}

/** Logs many users in with a few requests at a time (argon2 verification is CPU-bound). */
export async function loginAll(base, emails, password, parallel = 4) {
  const tokens = new Map();
  const queue = [...new Set(emails)];
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (queue.length) {
      const email = queue.shift();
      tokens.set(email, await login(base, email, password));
    }
  }));
  return tokens;
}
