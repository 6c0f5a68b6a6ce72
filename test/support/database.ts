import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '../../apps/api/src/cli/migrate';

export const PG_BASE = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `alliance_t_${randomBytes(6).toString('hex')}`;
  const url = `${PG_BASE}/${name}`;
  await migrate(url, () => undefined);
  return {
    url,
    name,
    drop: async () => {
      const admin = new Client({ connectionString: `${PG_BASE}/postgres` });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
