import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../../src/store/database.ts';

/**
 * Each test gets its own database: an in-memory PGlite by default, or, when OVERSIGHT_TEST_PG names
 * a PostgreSQL server (npm run test:pg), a fresh database on it that is dropped afterwards.
 */
export const testPgUrl = process.env.OVERSIGHT_TEST_PG || null;

export interface TestDatabase extends Database {
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (!testPgUrl) {
    const database = await openDatabase({ databaseUrl: null, dataDir: '', inMemory: true });
    if (options.migrate !== false) await migrate(database.db);
    return { ...database, url: null, drop: () => database.close() };
  }
  const name = `oversight_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testPgUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href, dataDir: '' });
  if (options.migrate !== false) await migrate(database.db);
  return {
    ...database,
    url: url.href,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: testPgUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
