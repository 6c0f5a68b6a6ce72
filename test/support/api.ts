import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { createHttpApp } from '../../apps/api/src/http-app';
import { createTestDatabase } from './database';

export interface TestApi {
  app: INestApplication;
  /** supertest against the running server. */
  http: ReturnType<typeof request>;
  url: string;
  db: DataSource;
  databaseUrl: string;
  env: Record<string, string>;
  close: () => Promise<void>;
}

/**
 * Starts the real API in process on a fresh database, with its own upload folder, mail folder
 * and queue prefix. `env` overrides settings (e.g. SMTP_URL, REDIS_URL).
 */
export async function startApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'alliance-test-'));
  const settings: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '10',
    UPLOAD_DIR: join(dir, 'uploads'),
    MAIL_DIR: join(dir, 'mail'),
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PUBLIC_URL: 'http://console.test',
    ...env,
  };
  const previous = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  let app: INestApplication;
  try {
    app = await createHttpApp();
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    http: request(url),
    url,
    db: app.get(DataSource),
    databaseUrl: database.url,
    env: settings,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
