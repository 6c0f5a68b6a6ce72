import { Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import { pino } from 'pino';
import { ENV, loadEnv, type Env } from './config/env';
import { createHttpApp } from './http-app';

async function serve(): Promise<void> {
  const app = await createHttpApp();
  const env = app.get<Env>(ENV);
  await app.listen(env.PORT, '0.0.0.0');
  new Logger('Main').log(`API listening on http://localhost:${env.PORT}/api (docs at /api/docs)`);
}

/**
 * API_WORKERS > 1: this process only forks that many API processes sharing the port (node:cluster
 * hands each new connection to one of them). The API keeps no state of its own (sessions are
 * tokens, throttling and tickets live in PostgreSQL and Redis), so the copies are interchangeable,
 * as replicas behind a load balancer are. A copy that dies is replaced; SIGTERM/SIGINT is passed on
 * and the primary exits when every copy has finished its requests in flight.
 */
function superviseWorkers(count: number, env: Env): void {
  // JSON lines like the API processes' own logs (nestjs-pino)
  const logger = pino({ level: env.LOG_LEVEL, base: { pid: process.pid, context: 'Main' } });
  let stopping = false;
  let exitCode = 0;
  const listening = new Set<number>();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  cluster.on('listening', (worker) => {
    listening.add(worker.id);
    logger.info(`API process ${worker.process.pid} listening`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping && !listening.has(worker.id)) {
      // it failed while booting (port taken, database refused, …): the others would too
      logger.error(`API process ${worker.process.pid} failed to start (${signal ?? code}); stopping`);
      exitCode = 1;
      stop('SIGTERM');
    } else if (!stopping) {
      logger.error(`API process ${worker.process.pid} exited (${signal ?? code}); starting another`);
      cluster.fork();
    }
    if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < count; i++) cluster.fork();
  logger.info(`API: ${count} processes (pid ${process.pid} supervises)`);
}

function main(): void {
  // validated here too, so that a bad setting stops the boot once rather than in every copy
  const env = loadEnv();
  if (cluster.isPrimary && env.API_WORKERS > 1) return superviseWorkers(env.API_WORKERS, env);
  serve().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
