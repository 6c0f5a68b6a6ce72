import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadEnv } from '../config/env';
import { migrate } from './migrate';
import { seed } from './seed';

/**
 * `npm start`: migrate, load the demo data when the database is empty, then run the API
 * (which serves the built console at `/`) and the mail worker until interrupted.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  await migrate(env.DATABASE_URL);
  await seed(env);
  const children: ChildProcess[] = [];
  const run = (script: string) => {
    const child = spawn(process.execPath, [join(__dirname, '..', script)], { stdio: 'inherit', env: process.env });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${script} exited (${signal ?? code}); stopping`);
        stop(1);
      }
    });
    children.push(child);
  };
  let stopping = false;
  const stop = (code = 0) => {
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    setTimeout(() => process.exit(code), 10_000).unref();
    Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r))))).then(() => process.exit(code));
  };
  process.on('SIGINT', () => stop());
  process.on('SIGTERM', () => stop());
  run('main.js');
  run('worker.js');
  console.log(`console and API on ${env.PUBLIC_URL} — lead: ${env.ADMIN_EMAIL}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
