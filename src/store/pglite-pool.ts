import type { PGlite } from '@electric-sql/pglite';

/**
 * Presents an embedded PGlite database as the small part of a `pg.Pool` that Kysely's
 * PostgresDialect uses. PGlite has one connection, so connections are handed out one at a
 * time: a transaction holds the only connection until it is released.
 */
interface QueryResultLike {
  rows: unknown[];
  rowCount: number;
  command: string;
}

export class PGlitePool {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly pglite: PGlite) {}

  async connect(): Promise<{
    query: (sql: string, params?: unknown[]) => Promise<QueryResultLike>;
    release: () => void;
  }> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const pglite = this.pglite;
    return {
      async query(sql: string, params: unknown[] = []) {
        // Statements without parameters may hold several commands (migrations): the simple protocol runs them.
        const result =
          params.length === 0
            ? ((await pglite.exec(sql, { rowMode: 'object' })).at(-1) ?? { rows: [], affectedRows: 0 })
            : await pglite.query(sql, params as never[], { rowMode: 'object' });
        const command = sql.trimStart().split(/\s/, 1)[0]?.toUpperCase() ?? '';
        return {
          rows: result.rows,
          rowCount: result.affectedRows ?? result.rows.length,
          command,
        };
      },
      release,
    };
  }

  async end(): Promise<void> {
    await this.queue;
    await this.pglite.close();
  }
}
