import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import type { Db } from '../store/database.ts';

/**
 * Encrypted backups of both stores in one file.
 *
 * Layout: the line `OVERSIGHT-BACKUP v1\n`, a 12-byte IV, the AES-256-GCM ciphertext of a gzipped
 * JSON-lines stream, and the 16-byte GCM tag. The stream holds a manifest line, then the operational
 * tables in chunks of rows, then the analytics database file in base64 chunks. The operational rows
 * are read in one REPEATABLE READ transaction, so they are consistent with each other.
 */
export const MAGIC = Buffer.from('OVERSIGHT-BACKUP v1\n');
const CHUNK_ROWS = 1000;
const CHUNK_BYTES = 1 << 20;

export class BackupError extends Error {}

interface Manifest {
  format: 'oversight-backup';
  version: 1;
  created_at: string;
  tables: { name: string; rows: number }[];
  analytics: { bytes: number } | null;
  sources?: { name: string; bytes: number }[];
}

async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db)
  ).rows.map((r) => r.name);
  const edges = (
    await sql<{
      child: string;
      parent: string;
    }>`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
      FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`.execute(
      db,
    )
  ).rows;
  const ordered: string[] = [];
  const visit = (table: string, stack: Set<string>) => {
    if (ordered.includes(table) || stack.has(table)) return;
    stack.add(table);
    for (const edge of edges) if (edge.child === table && edge.parent !== table) visit(edge.parent, stack);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function jsonColumns(db: Db, table: string): Promise<Set<string>> {
  const rows = (
    await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table} AND data_type IN ('json', 'jsonb')`.execute(
      db,
    )
  ).rows;
  return new Set(rows.map((r) => r.column_name));
}

/** Writes an encrypted backup. `analyticsFile` is the analytics database file (checkpointed, not open for writing). */
export async function writeBackup(options: {
  db: Db;
  analyticsFile: string | null;
  /** Imported source files (kept so snapshots can be re-derived). */
  sourcesDir?: string | null;
  key: Buffer;
  out: string;
}): Promise<Manifest> {
  const { db, key } = options;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const gzip = zlib.createGzip();
  const tmp = `${options.out}.partial-${process.pid}`;
  const file = fs.createWriteStream(tmp, { mode: 0o600 });
  file.write(MAGIC);
  file.write(iv);
  const done = pipeline(gzip, cipher, file);
  const write = (line: unknown) =>
    new Promise<void>((resolve, reject) =>
      gzip.write(`${JSON.stringify(line)}\n`, (error) => (error ? reject(error) : resolve())),
    );

  const manifest: Manifest = {
    format: 'oversight-backup',
    version: 1,
    created_at: new Date().toISOString(),
    tables: [],
    analytics: null,
  };
  try {
    const analyticsStat =
      options.analyticsFile && fs.existsSync(options.analyticsFile)
        ? fs.statSync(options.analyticsFile)
        : null;
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const tables = await tablesInDependencyOrder(tx);
        const chunks: { table: string; rows: unknown[] }[][] = [];
        for (const table of tables) {
          const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(tx))
            .rows;
          manifest.tables.push({ name: table, rows: rows.length });
          const parts: { table: string; rows: unknown[] }[] = [];
          for (let i = 0; i < rows.length; i += CHUNK_ROWS)
            parts.push({ table, rows: rows.slice(i, i + CHUNK_ROWS) });
          chunks.push(parts);
        }
        manifest.analytics = analyticsStat ? { bytes: analyticsStat.size } : null;
        await write({ manifest });
        for (const parts of chunks) for (const part of parts) await write(part);
      });
    if (options.analyticsFile && manifest.analytics) {
      const stream = fs.createReadStream(options.analyticsFile, { highWaterMark: CHUNK_BYTES });
      for await (const chunk of stream) await write({ analytics: (chunk as Buffer).toString('base64') });
    }
    const sourcesDir = options.sourcesDir;
    if (sourcesDir && fs.existsSync(sourcesDir)) {
      for (const name of fs.readdirSync(sourcesDir).sort()) {
        const file = path.join(sourcesDir, name);
        if (!fs.statSync(file).isFile()) continue;
        await write({ source: name });
        for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
          await write({ source: name, data: (chunk as Buffer).toString('base64') });
        }
      }
    }
    gzip.end();
    await done;
    // The GCM tag goes last; it proves on restore that nothing was changed or cut short.
    fs.appendFileSync(tmp, cipher.getAuthTag());
    fs.renameSync(tmp, options.out);
    return manifest;
  } catch (error) {
    gzip.destroy();
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** Decrypts and verifies a backup into a temporary plain file; throws before anything is restored if it fails. */
async function decryptToTemp(input: string, key: Buffer): Promise<string> {
  const stat = fs.statSync(input);
  if (stat.size < MAGIC.length + 12 + 16)
    throw new BackupError(`${input} is too short to be an Oversight backup`);
  const fd = fs.openSync(input, 'r');
  const head = Buffer.alloc(MAGIC.length + 12);
  fs.readSync(fd, head, 0, head.length, 0);
  const tag = Buffer.alloc(16);
  fs.readSync(fd, tag, 0, 16, stat.size - 16);
  fs.closeSync(fd);
  if (!head.subarray(0, MAGIC.length).equals(MAGIC))
    throw new BackupError(`${input} is not an Oversight backup (wrong header)`);
  const iv = head.subarray(MAGIC.length);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-restore-'));
  const plain = path.join(dir, 'backup.jsonl');
  const compressed = path.join(dir, 'backup.jsonl.gz');
  try {
    // Decrypt and verify the tag first; only a verified stream is decompressed.
    await pipeline(
      fs.createReadStream(input, { start: head.length, end: stat.size - 17 }),
      decipher,
      fs.createWriteStream(compressed, { mode: 0o600 }),
    );
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new BackupError(
      `Could not decrypt ${input}: wrong backup key, or the file has been changed or cut short`,
    );
  }
  try {
    await pipeline(
      fs.createReadStream(compressed),
      zlib.createGunzip(),
      fs.createWriteStream(plain, { mode: 0o600 }),
    );
    fs.rmSync(compressed);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new BackupError(`Could not read ${input}: ${(error as Error).message}`);
  }
  return plain;
}

async function* lines(file: string): AsyncGenerator<Record<string, unknown>> {
  const reader = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of reader) if (line) yield JSON.parse(line) as Record<string, unknown>;
}

/**
 * Restores a backup into an empty, migrated operational database and a data directory with no
 * analytics file. Everything is checked (key, integrity, emptiness) before anything is written, and
 * the operational rows go in one transaction.
 */
export async function restoreBackup(options: {
  db: Db;
  analyticsFile: string;
  sourcesDir?: string | null;
  key: Buffer;
  input: string;
}): Promise<Manifest> {
  const plain = await decryptToTemp(options.input, options.key);
  try {
    let manifest: Manifest | null = null;
    for await (const line of lines(plain)) {
      manifest = line.manifest as Manifest;
      break;
    }
    if (!manifest || manifest.format !== 'oversight-backup')
      throw new BackupError('The backup has no manifest');
    if (manifest.version !== 1)
      throw new BackupError(`Backup format version ${manifest.version} is not supported`);
    const users = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(options.db);
    if ((users.rows[0]?.n ?? 0) > 0) {
      throw new BackupError('The target database already has users: restore into a new, empty database');
    }
    if (manifest.analytics && fs.existsSync(options.analyticsFile)) {
      throw new BackupError(`${options.analyticsFile} already exists: restore into a new data directory`);
    }
    const restoredTables = new Set(manifest.tables.map((t) => t.name));
    await options.db.transaction().execute(async (tx) => {
      // Rows made by the target's own migrations (schema_migrations, defaults) are replaced by the backup's.
      for (const table of [...(await tablesInDependencyOrder(tx))].reverse()) {
        if (restoredTables.has(table) && table !== 'access_log')
          await sql`DELETE FROM ${sql.table(table)}`.execute(tx);
      }
      const jsonCache = new Map<string, Set<string>>();
      for await (const line of lines(plain)) {
        if (!('table' in line)) continue;
        const table = line.table as string;
        const rows = line.rows as Record<string, unknown>[];
        if (!rows.length) continue;
        let json = jsonCache.get(table);
        if (!json) jsonCache.set(table, (json = await jsonColumns(tx, table)));
        const values = rows.map((row) => {
          const out: Record<string, unknown> = {};
          for (const [column, value] of Object.entries(row))
            out[column] = json.has(column) && value !== null ? JSON.stringify(value) : value;
          return out;
        });
        await tx
          .insertInto(table as never)
          .values(values as never)
          .execute();
      }
      const serials = (
        await sql<{
          table_name: string;
          column_name: string;
        }>`SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`.execute(tx)
      ).rows;
      for (const s of serials) {
        await sql`SELECT setval(pg_get_serial_sequence(${s.table_name}, ${s.column_name}),
          GREATEST((SELECT max(${sql.ref(s.column_name)}) FROM ${sql.table(s.table_name)}), 1))`.execute(tx);
      }
    });
    if (manifest.analytics) {
      const tmp = `${options.analyticsFile}.restoring`;
      const out = fs.openSync(tmp, 'w', 0o600);
      for await (const line of lines(plain)) {
        if (typeof line.analytics === 'string') fs.writeSync(out, Buffer.from(line.analytics, 'base64'));
      }
      fs.closeSync(out);
      fs.renameSync(tmp, options.analyticsFile);
    }
    if (options.sourcesDir) {
      fs.mkdirSync(options.sourcesDir, { recursive: true, mode: 0o700 });
      for await (const line of lines(plain)) {
        if (typeof line.source !== 'string' || path.basename(line.source) !== line.source) continue;
        const target = path.join(options.sourcesDir, line.source);
        if (typeof line.data === 'string')
          fs.appendFileSync(target, Buffer.from(line.data, 'base64'), { mode: 0o600 });
        else fs.writeFileSync(target, '', { mode: 0o600 });
      }
    }
    return manifest;
  } finally {
    fs.rmSync(path.dirname(plain), { recursive: true, force: true });
  }
}
