import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Cleanup, spawnApi } from '../support/processes';
import { health, Stack, startStack, waitFor, within } from './support';

/**
 * API_WORKERS=2: one supervising process forks two API processes sharing the port. One that dies
 * is replaced; one that cannot start stops them all (no fork loop); SIGTERM stops them all.
 */
const cleanup = new Cleanup();
let stack: Stack;

const childrenOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  // info: the supervisor logs each process that listens, which the first test waits for
  stack = await startStack(cleanup, { apis: 0, workers: 0, apiEnv: { API_WORKERS: '2', LOG_LEVEL: 'info' } });
}, 120_000);

afterAll(() => cleanup.run(), 60_000);

test('a killed API process is replaced, and SIGTERM stops the supervisor and every process', async () => {
  const api = await stack.spawnApi();
  const listening = () => api.output().match(/API process \d+ listening/g)?.length ?? 0;
  await waitFor(() => listening() === 2, 'two API processes listening', 20_000);
  const [first, second] = childrenOf(api.pid);

  process.kill(first, 'SIGKILL');
  await waitFor(() => listening() === 3, 'a replacement', 20_000);
  expect(childrenOf(api.pid)).not.toContain(first);
  expect(childrenOf(api.pid)).toContain(second);
  await waitFor(async () => (await health(api)) === 200, 'health 200 from the replacement', 20_000);
  // every connection is handed to one of the two: several in a row all answer
  const statuses = await Promise.all(Array.from({ length: 8 }, () => health(api)));
  expect(statuses).toEqual(Array(8).fill(200));

  const processes = childrenOf(api.pid);
  api.child.kill('SIGTERM');
  const exit = await within(api.exited, 20_000, 'still running' as const);
  expect(exit).toEqual({ code: 0, signal: null });
  expect(processes.filter(alive)).toEqual([]);
}, 90_000);

test('an API process that cannot start stops the supervisor with exit code 1', async () => {
  const taken = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
  cleanup.add('port holder', taken, (s) => new Promise<void>((resolve) => s.close(() => resolve())));
  const port = (taken.address() as { port: number }).port;
  // spawnApi polls the port until the process has gone (the holder hangs up on every connection)
  await expect(spawnApi({ ...stack.env, PORT: String(port) })).rejects.toThrow(/API exited at start:[^]*failed to start/);
}, 90_000);
