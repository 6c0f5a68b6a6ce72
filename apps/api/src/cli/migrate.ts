import 'reflect-metadata';
import { loadEnv } from '../config/env';
import { createDataSource } from '../db/data-source';

/** Creates the database when it is missing, then runs the pending migrations. */
export async function migrate(databaseUrl: string, log: (s: string) => void = console.log): Promise<void> {
  await ensureDatabase(databaseUrl);
  const ds = createDataSource(databaseUrl, 2);
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    log(done.length ? `applied ${done.map((m) => m.name).join(', ')}` : 'database is up to date');
  } finally {
    await ds.destroy();
  }
}

export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = createDataSource(url.toString(), 1);
  await admin.initialize();
  try {
    const [{ exists }] = await admin.query('SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists', [name]);
    if (!exists) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.destroy();
  }
}

if (require.main === module) {
  migrate(loadEnv().DATABASE_URL).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
