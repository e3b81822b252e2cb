import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGlitePool } from './pglite-pool.ts';
import { migrations } from './migrations/index.ts';
import type { Schema } from './schema.ts';
import { ensureDataDir, tighten } from '../data-dir.ts';

export type Db = Kysely<Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// Return int8 (bigserial ids, counts) as strings are awkward in views; counts come back as numbers.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
  /** Embedded database in memory only (tests). */
  inMemory?: boolean;
}): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server closes (restart, failover) is dropped by the pool and replaced on
    // the next query; without a listener the 'error' event would end the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let pglite: PGlite;
  if (options.inMemory) {
    pglite = await PGlite.create();
  } else {
    ensureDataDir(options.dataDir);
    pglite = await PGlite.create(path.join(options.dataDir, 'operational'));
    tighten(options.dataDir);
  }
  const pool = new PGlitePool(pglite);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/** Applies every migration not yet applied, each in its own transaction, in order. Returns the ids applied. */
export async function migrate(db: Db): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    db,
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (tx) => {
      // Serialise concurrent start-ups against one PostgreSQL server.
      await sql`SELECT pg_advisory_xact_lock(727274)`.execute(tx);
      const existing = await tx
        .selectFrom('schema_migrations')
        .select('id')
        .where('id', '=', migration.id)
        .executeTakeFirst();
      if (existing) return false;
      await sql.raw(migration.sql).execute(tx);
      await tx.insertInto('schema_migrations').values({ id: migration.id }).execute();
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}
