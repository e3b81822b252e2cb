/**
 * The analytics store: child-level Annex A snapshots in DuckDB (`<dataDir>/analytics.duckdb`).
 *
 * - One writer process per file. DuckDB locks the database file, so the store is opened once per process
 *   (the web server, or a CLI command when the server is not running) and shared within it; opening the same
 *   file twice in one process is refused here, and a second process gets a clear "in use" error.
 * - Snapshots are all-or-nothing. `beginSnapshot` opens a DuckDB transaction on its own connection and
 *   appends rows straight into the list tables with one appender per list; the rows are invisible to every
 *   other connection until `commit()`. `abort()`, an error, a crash or `kill -9` before the commit leave no
 *   row of that snapshot: DuckDB discards an uncommitted transaction (the write-ahead log only ever holds
 *   committed ones). Appending straight into the real tables inside the transaction was chosen over staging
 *   tables plus one `INSERT … SELECT` at commit: it needs no copy at commit and leaves no staging tables to
 *   clean up after a crash (the staging variant was not benchmarked).
 * - Files are owner-only: the data directory is 0700 (`ensureDataDir`), the process umask is narrowed to 077
 *   while the store creates or writes files, and the database and its `.wal` are chmod 0600 after each write.
 * - Only DuckDB's built-in extensions (parquet, json, icu) are used; automatic extension install and load are
 *   switched off, so nothing is ever downloaded.
 * - `query()` is for read-only SQL written by developers (indicator definitions): it accepts one SELECT
 *   statement with bound parameters. It is not a way to run SQL typed by users.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBInstance,
  DuckDBTypeId,
  JSDuckDBValueConverter,
  StatementType,
  listValue,
} from '@duckdb/node-api';
import type {
  DuckDBAppender,
  DuckDBConnection,
  DuckDBType,
  DuckDBValue,
  DuckDBValueConverter,
} from '@duckdb/node-api';
import { ensureDataDir } from '../data-dir.ts';
import { dayNumberOrUndefined, fromDayNumber } from '../domain/dates.ts';
import { ANNEX_A_LISTS } from '../ingest/annex-a/spec.ts';
import type { ListNumber, ListSpec } from '../ingest/annex-a/spec.ts';
import type { NormalisedRow } from '../ingest/annex-a/types.ts';
import { calendarStatements } from './calendar.ts';
import { createTableSql, listTables, plannedColumnChanges, quoteIdent } from './schema.ts';
import type { CellKind, ExistingColumn, ListTable } from './schema.ts';

export const ANALYTICS_FILE_NAME = 'analytics.duckdb';

/** A row to store: what the Annex A ingest yields (`NormalisedRow`); `sheet` may be null for csv files. */
export type SnapshotRow = Omit<NormalisedRow, 'list' | 'sheet' | 'raw' | 'extra'> & {
  list: number;
  sheet: string | null;
  raw?: Record<string, string | null>;
  extra?: Record<string, string | null>;
};

/** Values returned by `query`: dates and timestamps as ISO strings, every integer as a number. */
export type QueryValue = string | number | boolean | null | QueryValue[] | { [key: string]: QueryValue };
export type QueryRow = Record<string, QueryValue>;
export type QueryParam =
  string | number | boolean | null | bigint | readonly (string | number | boolean | null)[];
export type QueryParams = readonly QueryParam[] | Readonly<Record<string, QueryParam>>;

export type RowCounts = Record<ListNumber, number>;

export interface SnapshotWriter {
  readonly snapshotId: string;
  /** Rows appended so far. */
  readonly rowCount: number;
  /**
   * Appends one row, synchronously. Values are checked against the spec first: a wrong type, an unknown key
   * or list throws a TypeError and appends nothing of that row (the writer stays usable).
   */
  append(row: SnapshotRow): void;
  /** Makes every appended row visible at once. Returns the rows stored per list. */
  commit(): Promise<RowCounts>;
  /** Discards every appended row. Safe to call after a failed commit, and more than once. */
  abort(): Promise<void>;
}

export interface TimelineEntry {
  list: ListNumber;
  title: string;
  sourceFile: string | null;
  sourceSheet: string | null;
  sourceRow: number | null;
  /** the list's defining date for this row (e.g. date of referral), if the list has one */
  keyDate: string | null;
  /** spec columns by key: dates 'YYYY-MM-DD', yes/no boolean, codes canonical */
  values: Record<string, QueryValue>;
  /** raw text of code columns by key */
  raw: Record<string, string | null>;
  /** cells of unmapped columns by header, or null */
  extra: Record<string, string | null> | null;
}

export interface AnalyticsStore {
  /** Absolute path of the database file. */
  readonly path: string;
  /** Schema version after migrations. */
  readonly schemaVersion: number;
  /** The list tables, generated from the spec. */
  readonly tables: readonly ListTable[];
  /** Starts writing a new snapshot. Throws if rows of that id exist or it is being written. */
  beginSnapshot(snapshotId: string): Promise<SnapshotWriter>;
  /** Deletes every row of a snapshot, in one transaction. Returns the number of rows removed. */
  deleteSnapshot(snapshotId: string): Promise<number>;
  /** Ids of the snapshots that have rows, sorted. */
  snapshotIds(): Promise<string[]>;
  /** Rows per list for a snapshot (0 for lists it has no rows in). */
  countRows(snapshotId: string): Promise<RowCounts>;
  /**
   * Deletes the rows of every snapshot whose id is not in `keepIds`, in one transaction; returns the ids
   * removed. Run at start-up to drop a snapshot the operational store never recorded (a crash between the
   * two commits).
   */
  reconcile(keepIds: readonly string[]): Promise<string[]>;
  /** Every row of one child in a snapshot, across lists 1–10, ordered by list then source row. */
  childTimeline(snapshotId: string, childId: string): Promise<TimelineEntry[]>;
  /** Runs one read-only SELECT with bound parameters ($1… positional, or $name with an object). */
  query<T extends object = QueryRow>(sql: string, params?: QueryParams): Promise<T[]>;
  /** Aborts open writers, checkpoints and closes the database. */
  close(): Promise<void>;
}

export interface OpenAnalyticsStoreOptions {
  /** DuckDB worker threads (default: DuckDB's, the number of cores). */
  threads?: number;
  /** DuckDB memory limit, e.g. '2GB' (default: DuckDB's, 80% of RAM). */
  memoryLimit?: string;
  /** The list specs (default: `ANNEX_A_LISTS`); tests may pass a smaller set. */
  lists?: readonly ListSpec[];
}

// ---------------------------------------------------------------------------------------------------------
// Migrations: plain, ordered, forward-only. Version 1 creates the list tables from the spec; columns that
// later spec versions add are added by `syncSpecColumns` on every open. A structural change (a new table,
// a changed column type) is a new entry here.

interface Migration {
  version: number;
  description: string;
  up(connection: DuckDBConnection, tables: readonly ListTable[]): Promise<void>;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Annex A list tables',
    async up(connection, tables) {
      for (const table of tables) await connection.run(createTableSql(table));
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

// ---------------------------------------------------------------------------------------------------------
// Owner-only files

let umaskDepth = 0;
let savedUmask = 0;

/** Runs `fn` with the process umask narrowed to 077, so files DuckDB creates meanwhile are owner-only. */
async function withOwnerOnlyFiles<T>(fn: () => Promise<T>): Promise<T> {
  if (umaskDepth++ === 0) savedUmask = process.umask(0o077);
  try {
    return await fn();
  } finally {
    if (--umaskDepth === 0) process.umask(savedUmask);
  }
}

function tightenDatabaseFiles(dbPath: string): void {
  for (const file of [dbPath, `${dbPath}.wal`]) {
    try {
      if ((fs.statSync(file).mode & 0o777) !== 0o600) fs.chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading values

function toNumber(value: DuckDBValue): number {
  return Number(value as bigint);
}

/** DuckDB values to plain JSON-like values: DATE → 'YYYY-MM-DD', TIMESTAMP → ISO string, integers → number. */
const queryValueConverter: DuckDBValueConverter<QueryValue> = (value, type, converter) => {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.DATE: {
      const days = (value as DuckDBDateValue).days;
      return Math.abs(days) < 2_930_000 ? fromDayNumber(days) : String(value);
    }
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return toNumber(value);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS: {
      const date = JSDuckDBValueConverter(value, type, JSDuckDBValueConverter) as Date;
      return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
    }
    default: {
      const converted = JSDuckDBValueConverter(value, type, converter as never);
      if (converted instanceof Uint8Array) return Buffer.from(converted).toString('base64');
      if (typeof converted === 'bigint') return Number(converted);
      return converted as QueryValue;
    }
  }
};

function toDuckDBParams(params: QueryParams): DuckDBValue[] | Record<string, DuckDBValue> {
  const convert = (p: QueryParam): DuckDBValue =>
    Array.isArray(p) ? listValue(p as DuckDBValue[]) : (p as DuckDBValue);
  if (Array.isArray(params)) return params.map(convert);
  return Object.fromEntries(
    Object.entries(params as Record<string, QueryParam>).map(([k, v]) => [k, convert(v)]),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Writing values

interface CellPlan {
  key: string;
  kind: CellKind;
}

interface ListPlan {
  table: ListTable;
  cells: CellPlan[];
  keys: Set<string>;
  raws: { key: string }[];
  /** scratch space for one row's checked values */
  scratch: (string | number | boolean | null)[];
}

function planFor(table: ListTable): ListPlan {
  return {
    table,
    cells: table.values.map((v) => ({ key: v.key, kind: v.kind })),
    keys: new Set(table.values.map((v) => v.key)),
    raws: table.raws.map((r) => ({ key: r.key })),
    scratch: new Array<string | number | boolean | null>(table.values.length).fill(null),
  };
}

function rowError(row: SnapshotRow, key: string, message: string): TypeError {
  return new TypeError(`List ${row.list}, ${row.file} row ${row.row}, ${key}: ${message}`);
}

function checkCell(row: SnapshotRow, cell: CellPlan, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (cell.kind) {
    case 'varchar':
      if (typeof value !== 'string') throw rowError(row, cell.key, `expected text, got ${typeof value}`);
      return value;
    case 'date': {
      const days = dayNumberOrUndefined(value);
      if (days === undefined)
        throw rowError(row, cell.key, `expected a date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
      return days;
    }
    case 'integer':
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < -2_147_483_648 ||
        value > 2_147_483_647
      ) {
        throw rowError(row, cell.key, `expected a whole number, got ${JSON.stringify(value)}`);
      }
      return value;
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw rowError(row, cell.key, `expected a number, got ${JSON.stringify(value)}`);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean')
        throw rowError(row, cell.key, `expected yes/no (boolean), got ${JSON.stringify(value)}`);
      return value;
  }
}

const VALID_SNAPSHOT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function checkSnapshotId(snapshotId: string): void {
  if (typeof snapshotId !== 'string' || !VALID_SNAPSHOT_ID.test(snapshotId)) {
    throw new TypeError(
      `Snapshot id must be 1–128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit: ${JSON.stringify(snapshotId)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------

const openPaths = new Set<string>();

/**
 * Opens (creating if needed) `<dataDir>/analytics.duckdb`, runs migrations and brings the list tables up
 * to the spec. Open it once per process and share it; close it on shut-down.
 */
export async function openAnalyticsStore(
  dataDir: string,
  options: OpenAnalyticsStoreOptions = {},
): Promise<AnalyticsStore> {
  ensureDataDir(dataDir);
  const dbPath = path.join(fs.realpathSync(dataDir), ANALYTICS_FILE_NAME);
  if (openPaths.has(dbPath)) {
    throw new Error(`The analytics store ${dbPath} is already open in this process: share the open store`);
  }
  const tables = listTables(options.lists ?? ANNEX_A_LISTS);
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
  };
  if (options.threads !== undefined) config.threads = String(options.threads);
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;

  openPaths.add(dbPath);
  let instance: DuckDBInstance | undefined;
  try {
    instance = await withOwnerOnlyFiles(async () => {
      try {
        return await DuckDBInstance.create(dbPath, config);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/lock/i.test(message)) {
          throw new Error(
            `The analytics store ${dbPath} is in use by another process (DuckDB allows one writer process per ` +
              `file): stop it, or run this command through the running server. ${message}`,
            { cause: error },
          );
        }
        throw error;
      }
    });
    const store = new DuckDBAnalyticsStore(dbPath, instance, tables);
    await store.initialise();
    return store;
  } catch (error) {
    instance?.closeSync();
    openPaths.delete(dbPath);
    throw error;
  }
}

class DuckDBAnalyticsStore implements AnalyticsStore {
  readonly path: string;
  readonly tables: readonly ListTable[];
  schemaVersion = 0;
  private readonly instance: DuckDBInstance;
  private connection: DuckDBConnection | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly writers = new Map<string, SnapshotWriterImpl>();
  private readonly plans: Map<number, ListPlan>;
  private closed = false;

  constructor(dbPath: string, instance: DuckDBInstance, tables: readonly ListTable[]) {
    this.path = dbPath;
    this.instance = instance;
    this.tables = tables;
    this.plans = new Map(tables.map((t) => [t.list, planFor(t)]));
  }

  async initialise(): Promise<void> {
    this.connection = await this.instance.connect();
    await this.write(async (c) => {
      await c.run(
        'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, ' +
          'applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)',
      );
      const current = Number(
        (
          await c.runAndReadAll('SELECT coalesce(max(version), 0) AS v FROM schema_version')
        ).getRowsJS()[0]?.[0] ?? 0,
      );
      if (current > SCHEMA_VERSION) {
        throw new Error(
          `The analytics store ${this.path} has schema version ${current}, newer than this code knows ` +
            `(${SCHEMA_VERSION}): upgrade Oversight`,
        );
      }
      for (const migration of MIGRATIONS) {
        if (migration.version <= current) continue;
        await c.run('BEGIN TRANSACTION');
        try {
          await migration.up(c, this.tables);
          await c.run('INSERT INTO schema_version (version, description) VALUES ($1, $2)', [
            migration.version,
            migration.description,
          ]);
          await c.run('COMMIT');
        } catch (error) {
          await c.run('ROLLBACK');
          throw error;
        }
      }
      await this.syncSpecColumns(c);
      for (const statement of calendarStatements()) await c.run(statement);
      this.schemaVersion = SCHEMA_VERSION;
    });
  }

  private async syncSpecColumns(c: DuckDBConnection): Promise<void> {
    const rows = (
      await c.runAndReadAll(
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' " +
          'ORDER BY table_name, ordinal_position',
      )
    ).getRowObjectsJS() as { table_name: string; column_name: string; data_type: string }[];
    const existing = new Map<string, ExistingColumn[]>();
    for (const r of rows) {
      const list = existing.get(r.table_name) ?? [];
      list.push({ name: r.column_name, dataType: r.data_type });
      existing.set(r.table_name, list);
    }
    const statements = this.tables.flatMap((t) =>
      existing.has(t.name) ? plannedColumnChanges(t, existing.get(t.name) ?? []) : [createTableSql(t)],
    );
    if (statements.length === 0) return;
    await c.run('BEGIN TRANSACTION');
    try {
      for (const sql of statements) await c.run(sql);
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
  }

  /** Runs `fn` on the shared connection, one operation at a time. */
  private exclusive<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed || !this.connection) return Promise.reject(new Error('The analytics store is closed'));
    const connection = this.connection;
    const run = this.queue.then(() => fn(connection));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** As `exclusive`, for operations that write files. */
  private write<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.exclusive((c) => withOwnerOnlyFiles(() => fn(c))).finally(() =>
      tightenDatabaseFiles(this.path),
    );
  }

  async beginSnapshot(snapshotId: string): Promise<SnapshotWriter> {
    checkSnapshotId(snapshotId);
    if (this.writers.has(snapshotId)) throw new Error(`Snapshot ${snapshotId} is already being written`);
    const existing = await this.countRows(snapshotId);
    if (Object.values(existing).some((n) => n > 0)) {
      throw new Error(`Snapshot ${snapshotId} already has rows: snapshots are immutable (delete it first)`);
    }
    if (this.writers.has(snapshotId)) throw new Error(`Snapshot ${snapshotId} is already being written`);
    const connection = await this.instance.connect();
    const buffers = new Map<number, ListBuffer>();
    try {
      await connection.run('BEGIN TRANSACTION');
      for (const table of this.tables) {
        const appender = await connection.createAppender(table.name);
        buffers.set(table.list, new ListBuffer(this.plans.get(table.list) as ListPlan, appender));
      }
    } catch (error) {
      for (const b of buffers.values()) b.appender.closeSync();
      await connection.run('ROLLBACK').catch(() => undefined);
      connection.closeSync();
      throw error;
    }
    const writer = new SnapshotWriterImpl(snapshotId, connection, buffers, {
      finished: () => this.writers.delete(snapshotId),
      afterCommit: () => tightenDatabaseFiles(this.path),
    });
    this.writers.set(snapshotId, writer);
    return writer;
  }

  deleteSnapshot(snapshotId: string): Promise<number> {
    return this.write(async (c) => {
      let removed = 0;
      await c.run('BEGIN TRANSACTION');
      try {
        for (const t of this.tables) {
          const result = await c.run(`DELETE FROM ${quoteIdent(t.name)} WHERE snapshot_id = $1`, [
            snapshotId,
          ]);
          removed += result.rowsChanged;
        }
        await c.run('COMMIT');
      } catch (error) {
        await c.run('ROLLBACK');
        throw error;
      }
      return removed;
    });
  }

  async snapshotIds(): Promise<string[]> {
    const union = this.tables
      .map((t) => `SELECT DISTINCT snapshot_id FROM ${quoteIdent(t.name)}`)
      .join(' UNION ');
    const rows = await this.query<{ snapshot_id: string }>(`SELECT snapshot_id FROM (${union}) ORDER BY 1`);
    return rows.map((r) => r.snapshot_id);
  }

  async countRows(snapshotId: string): Promise<RowCounts> {
    const union = this.tables
      .map((t) => `SELECT ${t.list} AS list, count(*) AS n FROM ${quoteIdent(t.name)} WHERE snapshot_id = $1`)
      .join(' UNION ALL ');
    const rows = await this.query<{ list: number; n: number }>(union, [snapshotId]);
    const counts = Object.fromEntries(this.tables.map((t) => [t.list, 0])) as RowCounts;
    for (const r of rows) counts[r.list as ListNumber] = r.n;
    return counts;
  }

  reconcile(keepIds: readonly string[]): Promise<string[]> {
    return this.write(async (c) => {
      const keep = listValue([...keepIds]);
      const stale = new Set<string>();
      await c.run('BEGIN TRANSACTION');
      try {
        for (const t of this.tables) {
          const name = quoteIdent(t.name);
          const condition = keepIds.length === 0 ? 'true' : 'NOT list_contains($1::VARCHAR[], snapshot_id)';
          const params = keepIds.length === 0 ? [] : [keep];
          const ids = await c.runAndReadAll(
            `SELECT DISTINCT snapshot_id FROM ${name} WHERE ${condition}`,
            params,
          );
          for (const [id] of ids.getRowsJS()) stale.add(String(id));
          await c.run(`DELETE FROM ${name} WHERE ${condition}`, params);
        }
        await c.run('COMMIT');
      } catch (error) {
        await c.run('ROLLBACK');
        throw error;
      }
      return [...stale].sort();
    });
  }

  async childTimeline(snapshotId: string, childId: string): Promise<TimelineEntry[]> {
    const entries: TimelineEntry[] = [];
    for (const table of this.tables) {
      if (!table.hasChildId) continue;
      const rows = await this.query<QueryRow>(
        `SELECT * FROM ${quoteIdent(table.name)} WHERE snapshot_id = $1 AND child_id = $2 ORDER BY source_row`,
        [snapshotId, childId],
      );
      for (const r of rows) {
        const values: Record<string, QueryValue> = {};
        for (const v of table.values) values[v.key] = r[v.name] ?? null;
        const raw: Record<string, string | null> = {};
        for (const c of table.raws) raw[c.key] = (r[c.name] as string | null) ?? null;
        const keyDate = table.spec.keyDate ? ((values[table.spec.keyDate] as string | null) ?? null) : null;
        entries.push({
          list: table.list,
          title: table.title,
          sourceFile: (r.source_file as string | null) ?? null,
          sourceSheet: (r.source_sheet as string | null) ?? null,
          sourceRow: (r.source_row as number | null) ?? null,
          keyDate,
          values,
          raw,
          extra: typeof r.extra === 'string' ? (JSON.parse(r.extra) as Record<string, string | null>) : null,
        });
      }
    }
    return entries;
  }

  query<T extends object = QueryRow>(sql: string, params: QueryParams = []): Promise<T[]> {
    return this.exclusive(async (c) => {
      const prepared = await c.prepare(sql);
      try {
        if (prepared.statementType !== StatementType.SELECT) {
          throw new Error('query() runs read-only SELECT statements only');
        }
        const bound = toDuckDBParams(params);
        if (Array.isArray(bound) ? bound.length > 0 : Object.keys(bound).length > 0) prepared.bind(bound);
        const reader = await prepared.runAndReadAll();
        return reader.convertRowObjects(queryValueConverter) as T[];
      } finally {
        prepared.destroySync();
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    for (const writer of [...this.writers.values()]) await writer.abort();
    await this.queue;
    this.closed = true;
    this.connection?.closeSync();
    this.connection = undefined;
    await withOwnerOnlyFiles(async () => this.instance.closeSync());
    tightenDatabaseFiles(this.path);
    openPaths.delete(this.path);
  }
}

/** Rows per DuckDB data chunk (DuckDB's standard vector size). */
const CHUNK_ROWS = 2048;

/**
 * One list's rows waiting to go to its appender, column by column. Rows are handed to DuckDB a data chunk
 * (2,048 rows) at a time: numbers, dates, booleans and NULLs are written into the chunk's memory directly,
 * which is several times faster than the appender's one native call per cell.
 */
class ListBuffer {
  readonly columns: DuckDBValue[][];
  length = 0;
  total = 0;
  private readonly types: DuckDBType[];

  constructor(
    readonly plan: ListPlan,
    readonly appender: DuckDBAppender,
  ) {
    this.types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i));
    if (this.types.length !== plan.table.columns.length) {
      throw new Error(
        `Table ${plan.table.name} has ${this.types.length} columns, the spec ${plan.table.columns.length}`,
      );
    }
    this.columns = this.types.map(() => new Array<DuckDBValue>(CHUNK_ROWS).fill(null));
  }

  flush(): void {
    if (this.length === 0) return;
    const n = this.length;
    const chunk = DuckDBDataChunk.create(this.types, n);
    chunk.setColumns(n === CHUNK_ROWS ? this.columns : this.columns.map((c) => c.slice(0, n)));
    this.appender.appendDataChunk(chunk);
    this.length = 0;
  }
}

class SnapshotWriterImpl implements SnapshotWriter {
  readonly snapshotId: string;
  private count = 0;
  private state: 'open' | 'committing' | 'committed' | 'aborted' = 'open';
  /** an error DuckDB raised while taking rows: the snapshot can then only be aborted */
  private failure: unknown = undefined;

  constructor(
    snapshotId: string,
    private readonly connection: DuckDBConnection,
    private readonly buffers: Map<number, ListBuffer>,
    private readonly hooks: { finished(): void; afterCommit(): void },
  ) {
    this.snapshotId = snapshotId;
    this.counts = {} as RowCounts;
    for (const [list, buffer] of buffers) {
      Object.defineProperty(this.counts, list, { get: () => buffer.total, enumerable: true });
    }
  }

  get rowCount(): number {
    return this.count;
  }

  append(row: SnapshotRow): void {
    if (this.state !== 'open') throw new Error(`Snapshot ${this.snapshotId} is ${this.state}: no more rows`);
    const buffer = this.buffers.get(row.list);
    if (!buffer) throw new TypeError(`Row for unknown Annex A list ${String(row.list)}`);
    const plan = buffer.plan;
    if (!Number.isInteger(row.row) || row.row < 0 || row.row > 2_147_483_647) {
      throw rowError(row, 'row', `source row must be a whole number, got ${String(row.row)}`);
    }
    if (row.sheet !== null && typeof row.sheet !== 'string') throw rowError(row, 'sheet', 'expected text');
    const values = row.values;
    for (const key in values) {
      if (!plan.keys.has(key)) throw rowError(row, key, `no such column in list ${row.list}`);
    }
    const cells = plan.cells;
    const scratch = plan.scratch;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as CellPlan;
      scratch[i] = checkCell(row, cell, values[cell.key]);
    }
    const raw = row.raw;
    if (raw) {
      for (const r of plan.raws) {
        const v = raw[r.key];
        if (v !== null && v !== undefined && typeof v !== 'string')
          throw rowError(row, `${r.key} (raw)`, 'expected text');
      }
    }
    let extra: string | null = null;
    if (row.extra) {
      for (const _ in row.extra) {
        extra = JSON.stringify(row.extra);
        break;
      }
    }

    // Everything is checked: buffer the row.
    const at = buffer.length;
    const columns = buffer.columns;
    let c = 0;
    (columns[c++] as DuckDBValue[])[at] = this.snapshotId;
    (columns[c++] as DuckDBValue[])[at] = String(row.file);
    (columns[c++] as DuckDBValue[])[at] = row.sheet ?? null;
    (columns[c++] as DuckDBValue[])[at] = row.row;
    for (let i = 0; i < cells.length; i++) {
      const value = scratch[i] ?? null;
      (columns[c++] as DuckDBValue[])[at] =
        value !== null && (cells[i] as CellPlan).kind === 'date'
          ? new DuckDBDateValue(value as number)
          : value;
    }
    for (const r of plan.raws) (columns[c++] as DuckDBValue[])[at] = raw?.[r.key] ?? null;
    (columns[c] as DuckDBValue[])[at] = extra;
    buffer.length = at + 1;
    buffer.total++;
    this.count++;
    if (buffer.length === CHUNK_ROWS) {
      try {
        buffer.flush();
      } catch (error) {
        this.failure = error;
        throw error;
      }
    }
  }

  private readonly counts: RowCounts;

  async commit(): Promise<RowCounts> {
    if (this.state !== 'open') throw new Error(`Snapshot ${this.snapshotId} is ${this.state}: cannot commit`);
    if (this.failure !== undefined) {
      await this.abort();
      throw new Error(`Snapshot ${this.snapshotId} failed while appending and was aborted`, {
        cause: this.failure,
      });
    }
    this.state = 'committing';
    try {
      await withOwnerOnlyFiles(async () => {
        for (const buffer of this.buffers.values()) {
          buffer.flush();
          buffer.appender.flushSync();
          buffer.appender.closeSync();
        }
        this.buffers.clear();
        await this.connection.run('COMMIT');
      });
    } catch (error) {
      this.state = 'open';
      await this.abort();
      throw error;
    }
    this.state = 'committed';
    this.connection.closeSync();
    this.hooks.finished();
    this.hooks.afterCommit();
    return { ...this.counts };
  }

  async abort(): Promise<void> {
    if (this.state === 'aborted' || this.state === 'committed') return;
    this.state = 'aborted';
    for (const buffer of this.buffers.values()) {
      try {
        buffer.appender.clear();
        buffer.appender.closeSync();
      } catch {
        // The transaction is rolled back below whatever the appender's state.
      }
    }
    this.buffers.clear();
    try {
      await this.connection.run('ROLLBACK');
    } catch {
      // No transaction left (DuckDB already rolled it back after an error).
    } finally {
      this.connection.closeSync();
      this.hooks.finished();
    }
  }
}
