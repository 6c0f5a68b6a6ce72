import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

/**
 * A connection for adding jobs and reading queue state: while Redis is away its commands fail at
 * once instead of waiting in an offline queue, so the relay (and the dashboard) never hang on it.
 * It keeps reconnecting in the background.
 */
export function producerRedis(url: string, name: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    connectionName: name,
  });
  logErrors(redis, name);
  return redis;
}

/** Logs connection errors once per outage rather than on every reconnect attempt. */
export function logErrors(emitter: { on(event: string, fn: (...args: never[]) => void): unknown }, name: string): void {
  const logger = new Logger(name);
  let down = false;
  emitter.on('error', ((e: Error) => {
    if (!down) logger.warn(`Redis unavailable: ${e.message}`);
    down = true;
  }) as never);
  emitter.on('ready', (() => {
    if (down) logger.log('Redis connection restored');
    down = false;
  }) as never);
}

/** Rejects when a promise takes longer than `ms` (the promise itself is left to settle). */
export function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
