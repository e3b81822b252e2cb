/**
 * Annex A snapshots: an import becomes an immutable snapshot held across the two stores.
 *
 * - Analytics store (DuckDB): the child-level rows, appended inside the writer's transaction while the files
 *   are read, committed once the ingest has finished.
 * - Operational store: the snapshot record (council, as-at, period, sources, rows per list, issue counts, who
 *   and when), its validation issues and unrecognised values, all in ONE transaction after the DuckDB commit.
 *   If that transaction fails, the DuckDB rows are deleted again. A crash between the two commits leaves
 *   DuckDB rows whose id the operational store never recorded: `reconcile()` at start-up removes them, and
 *   source files no committed snapshot names.
 * - Source files are copied to `<dataDir>/sources/<sha256>` (0600) so a snapshot can be re-derived with the
 *   local code mappings of the day. A file whose SHA-256 matches a source of an existing snapshot is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { recordAccess } from '../auth/access-log.ts';
import { defaultPeriod, isIsoDate } from '../domain/dates.ts';
import { CODE_DATA } from '../ingest/annex-a/codes.ts';
import { IngestFileError, ingestAnnexA, writeAnnexAWorkbook } from '../ingest/annex-a/index.ts';
import { LIST_NUMBERS, listSpec } from '../ingest/annex-a/spec.ts';
import { recordChange } from '../store/change-log.ts';
import type { AnalyticsStore, QueryRow, TimelineEntry } from '../analytics/store.ts';
import type {
  IngestResult,
  InputFile,
  LocalMapping,
  NormalisedRow,
  ValidationIssue,
} from '../ingest/annex-a/index.ts';
import type { ListNumber } from '../ingest/annex-a/spec.ts';
import type { Actor } from '../store/change-log.ts';
import type { Db } from '../store/database.ts';

export interface SnapshotSummary {
  id: string;
  council: string;
  asAt: string;
  periodStart: string;
  periodEnd: string;
  asAtInferred: boolean;
  sources: { name: string; sha256: string; bytes: number }[];
  lists: Record<string, { rowsRead: number; rowsAccepted: number }>;
  issueCounts: { error: number; warning: number; query: number };
  importedBy: string | null;
  importedAt: Date;
  replaces: string | null;
}

export interface ImportOutcome {
  snapshot: SnapshotSummary | null;
  duplicateOf: string | null;
  lists: IngestResult['lists'] | null;
  issues: ValidationIssue[];
  fatal: string | null;
  /** milliseconds: copy (hash + copy into the source store), read, normalise, validate, store, total */
  timings: Record<string, number>;
  /**
   * What went wrong in the work that follows a stored snapshot (indicators, trackers), by listener name. The
   * snapshot is stored all the same; that work can be run again on demand.
   */
  derivedErrors: { listener: string; message: string }[];
}

/** Work run after a snapshot is stored (indicator results, tracker entries), in the order registered. */
export interface SnapshotListener {
  readonly name: string;
  afterStore(snapshot: SnapshotSummary): Promise<void>;
}

export interface StoredIssue extends ValidationIssue {
  seq: number;
}

export interface ImportOptions {
  asAt?: string;
  periodStart?: string;
  actor: Actor;
  onProgress?: (p: { stage: string; rows: number }) => void;
}

export interface SnapshotServiceDeps {
  db: Db;
  analytics: AnalyticsStore;
  dataDir: string;
  councilName: () => Promise<string>;
}

/** The warning added when the as-at date was not given and was taken from the latest event date. */
export const AS_AT_INFERRED_CODE = 'AA200';

const BATCH = 1000;
const PROGRESS_EVERY = 1000;

/** Rows per list and read order of the list tables' source columns, for the workbook export. */
const EXPORT_PAGE = 10_000;

function newSnapshotId(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  return `s${stamp}-${randomBytes(4).toString('hex')}`;
}

function countBySeverity(issues: readonly ValidationIssue[]): SnapshotSummary['issueCounts'] {
  const counts = { error: 0, warning: 0, query: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

type SnapshotRecord = {
  id: string;
  council: string;
  as_at: string;
  period_start: string;
  period_end: string;
  as_at_inferred: boolean;
  lists: Record<string, { rowsRead: number; rowsAccepted: number }>;
  issue_counts: { error: number; warning: number; query: number };
  imported_by: string | null;
  imported_at: Date;
  replaces: string | null;
};

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export class SnapshotService {
  private readonly db: Db;
  private readonly analytics: AnalyticsStore;
  private readonly dataDir: string;
  private readonly councilName: () => Promise<string>;
  private readonly listeners: SnapshotListener[] = [];

  constructor(deps: SnapshotServiceDeps) {
    this.db = deps.db;
    this.analytics = deps.analytics;
    this.dataDir = deps.dataDir;
    this.councilName = deps.councilName;
  }

  /** Registers work to run after each stored snapshot (import, re-derive, demo). */
  onStored(listener: SnapshotListener): void {
    this.listeners.push(listener);
  }

  private async runListeners(snapshot: SnapshotSummary): Promise<ImportOutcome['derivedErrors']> {
    const errors: ImportOutcome['derivedErrors'] = [];
    for (const listener of this.listeners) {
      try {
        await listener.afterStore(snapshot);
      } catch (error) {
        errors.push({ listener: listener.name, message: (error as Error).message });
      }
    }
    return errors;
  }

  /** Where source files are kept, by SHA-256. */
  get sourcesDir(): string {
    return join(this.dataDir, 'sources');
  }

  sourcePath(sha256: string): string {
    return join(this.sourcesDir, sha256);
  }

  importFiles(files: InputFile[], options: ImportOptions): Promise<ImportOutcome> {
    return this.run(files, options, null);
  }

  private async run(
    files: InputFile[],
    options: ImportOptions,
    replaces: string | null,
  ): Promise<ImportOutcome> {
    const started = performance.now();
    if (options.asAt !== undefined && !isIsoDate(options.asAt))
      throw new RangeError(`asAt must be a date YYYY-MM-DD, not "${options.asAt}"`);
    if (options.periodStart !== undefined && !isIsoDate(options.periodStart))
      throw new RangeError(`periodStart must be a date YYYY-MM-DD, not "${options.periodStart}"`);
    if (files.length === 0) throw new RangeError('No files to import');
    const timings: Record<string, number> = {};
    const outcome = (o: Partial<ImportOutcome>): ImportOutcome => ({
      snapshot: null,
      duplicateOf: null,
      lists: null,
      issues: [],
      fatal: null,
      timings: { ...timings, total: Math.round(performance.now() - started) },
      derivedErrors: [],
      ...o,
    });

    // 1. Hash each file while copying it into the source store (under a temporary name).
    await mkdir(this.sourcesDir, { recursive: true, mode: 0o700 });
    const copies: { tmp: string; name: string; sha256: string; bytes: number }[] = [];
    const dropCopies = () => Promise.all(copies.map((c) => rm(c.tmp, { force: true })));
    try {
      for (const file of files) copies.push(await this.copyIn(file));
    } catch (error) {
      await dropCopies();
      const name = files[copies.length]?.name ?? '';
      return outcome({ fatal: `"${name}" could not be read: ${(error as Error).message}` });
    }
    timings.copy = Math.round(performance.now() - started);

    // 2. A file already imported (not when re-deriving, which re-reads a snapshot's own files) is refused.
    if (replaces === null) {
      const dup = await this.db
        .selectFrom('snapshot_sources')
        .select('snapshot_id')
        .where(
          'sha256',
          'in',
          copies.map((c) => c.sha256),
        )
        .orderBy('snapshot_id')
        .executeTakeFirst();
      if (dup) {
        await dropCopies();
        const names = copies.map((c) => c.name).join(', ');
        return outcome({
          duplicateOf: dup.snapshot_id,
          fatal: `${names}: this file was already imported as snapshot ${dup.snapshot_id}; nothing was stored.`,
        });
      }
    }
    const sources = copies.map((c) => ({ name: c.name, sha256: c.sha256, bytes: c.bytes }));
    for (const c of copies) await rename(c.tmp, this.sourcePath(c.sha256));
    copies.length = 0;
    const unreferenced = () => this.removeUnreferencedSources(sources.map((s) => s.sha256));

    // 3. Read, normalise and validate, appending accepted rows into DuckDB inside its transaction.
    const id = newSnapshotId();
    const mappings = await this.mappings();
    let writer;
    try {
      writer = await this.analytics.beginSnapshot(id);
    } catch (error) {
      await unreferenced();
      throw error;
    }
    let appendMs = 0;
    let rows = 0;
    let result: IngestResult;
    try {
      result = await ingestAnnexA(
        sources.map((s) => ({ path: this.sourcePath(s.sha256), name: s.name })),
        {
          ...(options.asAt !== undefined ? { asAt: options.asAt } : {}),
          ...(options.periodStart !== undefined ? { periodStart: options.periodStart } : {}),
          localMappings: mappings.map((m) => ({ codeSet: m.codeSet, value: m.value, code: m.code })),
          onRow: (row) => {
            const t = performance.now();
            writer.append(row);
            appendMs += performance.now() - t;
            if (++rows % PROGRESS_EVERY === 0) options.onProgress?.({ stage: 'read', rows });
          },
        },
      );
    } catch (error) {
      await writer.abort();
      await unreferenced();
      if (error instanceof IngestFileError) return outcome({ fatal: error.message });
      throw error;
    }
    Object.assign(timings, result.timings);
    const accepted = LIST_NUMBERS.reduce((n, l) => n + result.lists[l].rowsAccepted, 0);
    if (accepted === 0) {
      await writer.abort();
      await unreferenced();
      const read = LIST_NUMBERS.reduce((n, l) => n + result.lists[l].rowsRead, 0);
      return outcome({
        lists: result.lists,
        issues: result.issues,
        fatal:
          read === 0
            ? 'No rows were found in the files: nothing was stored.'
            : `None of the ${String(read)} rows read could be accepted (see the errors): nothing was stored.`,
      });
    }

    // 4. As-at and period.
    const issues = [...result.issues];
    let asAt = options.asAt ?? null;
    let asAtInferred = false;
    if (asAt === null) {
      asAt = result.latestEventDate ?? new Date().toISOString().slice(0, 10);
      asAtInferred = true;
      issues.push({
        code: AS_AT_INFERRED_CODE,
        severity: 'warning',
        list: null,
        file: sources.map((s) => s.name).join(', '),
        sheet: null,
        row: null,
        column: null,
        value: asAt,
        message: `No "as at" date was given: ${asAt}, the latest event date in the files, was used. Give the date the return was produced if it differs.`,
      });
    }
    const period = defaultPeriod(asAt);
    const periodStart = options.periodStart ?? period.start;

    // 5. Commit DuckDB, then the operational record in one transaction; undo DuckDB if that fails.
    const storeStarted = performance.now();
    options.onProgress?.({ stage: 'store', rows });
    try {
      await writer.commit();
    } catch (error) {
      await unreferenced();
      throw error;
    }
    const council = await this.councilName();
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('snapshots')
          .values({
            id,
            council,
            as_at: asAt,
            period_start: periodStart,
            period_end: asAt,
            as_at_inferred: asAtInferred,
            lists: JSON.stringify(
              Object.fromEntries(
                LIST_NUMBERS.map((n) => [
                  String(n),
                  { rowsRead: result.lists[n].rowsRead, rowsAccepted: result.lists[n].rowsAccepted },
                ]),
              ),
            ),
            issue_counts: JSON.stringify(countBySeverity(issues)),
            imported_by_user_id: options.actor.id,
            imported_by: options.actor.email,
            replaces,
          })
          .execute();
        await tx
          .insertInto('snapshot_sources')
          .values(sources.map((s, position) => ({ snapshot_id: id, position, ...s })))
          .execute();
        for (let i = 0; i < issues.length; i += BATCH) {
          await tx
            .insertInto('snapshot_issues')
            .values(
              issues.slice(i, i + BATCH).map((issue, j) => ({
                snapshot_id: id,
                seq: i + j + 1,
                code: issue.code,
                severity: issue.severity,
                list: issue.list,
                file: issue.file,
                sheet: issue.sheet,
                row: issue.row,
                column: issue.column,
                value: issue.value,
                message: issue.message,
              })),
            )
            .execute();
        }
        for (let i = 0; i < result.unrecognised.length; i += BATCH) {
          await tx
            .insertInto('snapshot_unrecognised')
            .values(
              result.unrecognised.slice(i, i + BATCH).map((u) => ({
                snapshot_id: id,
                list: u.list,
                column: u.column,
                code_set: u.codeSet,
                value: u.value,
                count: u.count,
              })),
            )
            .execute();
        }
        await recordChange(tx, options.actor, {
          entityType: 'snapshot',
          entityId: id,
          action: replaces ? 'rederive' : 'import',
          details: { asAt, sources: sources.map((s) => s.name), rows, ...(replaces ? { replaces } : {}) },
        });
      });
    } catch (error) {
      await this.analytics.deleteSnapshot(id);
      await unreferenced();
      throw error;
    }
    timings.store = Math.round(appendMs + performance.now() - storeStarted);
    const snapshot = (await this.get(id))!;
    const derivedStarted = performance.now();
    const derivedErrors = await this.runListeners(snapshot);
    timings.derived = Math.round(performance.now() - derivedStarted);
    return outcome({ snapshot, lists: result.lists, issues, derivedErrors });
  }

  /** Copies a file into the source store under a temporary name, hashing it on the way. */
  private async copyIn(
    file: InputFile,
  ): Promise<{ tmp: string; name: string; sha256: string; bytes: number }> {
    const tmp = join(this.sourcesDir, `.incoming-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      await pipeline(
        createReadStream(file.path),
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk);
            bytes += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(tmp, { mode: 0o600 }),
      );
      await chmod(tmp, 0o600);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    return { tmp, name: file.name, sha256: hash.digest('hex'), bytes };
  }

  /** Removes stored source files (of those given, or all) that no committed snapshot names. */
  private async removeUnreferencedSources(hashes?: readonly string[]): Promise<string[]> {
    let candidates: string[];
    if (hashes) candidates = [...new Set(hashes)];
    else {
      try {
        candidates = await readdir(this.sourcesDir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    }
    if (candidates.length === 0) return [];
    const named = /^[0-9a-f]{64}$/;
    const referenced = new Set(
      (
        await this.db
          .selectFrom('snapshot_sources')
          .select('sha256')
          .where('sha256', 'in', candidates.filter((c) => named.test(c)).concat(['-']))
          .execute()
      ).map((r) => r.sha256),
    );
    const removed: string[] = [];
    for (const c of candidates) {
      if (referenced.has(c)) continue;
      await rm(join(this.sourcesDir, c), { force: true });
      removed.push(c);
    }
    return removed;
  }

  private summaries(where?: { id: string }): Promise<SnapshotSummary[]> {
    return (async () => {
      let q = this.db
        .selectFrom('snapshots')
        .select([
          'id',
          'council',
          'as_at',
          'period_start',
          'period_end',
          'as_at_inferred',
          'lists',
          'issue_counts',
          'imported_by',
          'imported_at',
          'replaces',
        ])
        .orderBy('imported_at', 'desc')
        .orderBy('id', 'desc');
      if (where) q = q.where('id', '=', where.id);
      const rows = (await q.execute()) as SnapshotRecord[];
      if (rows.length === 0) return [];
      const sources = await this.db
        .selectFrom('snapshot_sources')
        .select(['snapshot_id', 'name', 'sha256', 'bytes'])
        .where(
          'snapshot_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('snapshot_id')
        .orderBy('position')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        council: r.council,
        asAt: r.as_at,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        asAtInferred: r.as_at_inferred,
        sources: sources
          .filter((s) => s.snapshot_id === r.id)
          .map((s) => ({ name: s.name, sha256: s.sha256, bytes: Number(s.bytes) })),
        lists: parseJson(r.lists),
        issueCounts: parseJson(r.issue_counts),
        importedBy: r.imported_by,
        importedAt: new Date(r.imported_at),
        replaces: r.replaces,
      }));
    })();
  }

  /** Every snapshot, newest import first. */
  list(): Promise<SnapshotSummary[]> {
    return this.summaries();
  }

  async get(id: string): Promise<SnapshotSummary | null> {
    return (await this.summaries({ id }))[0] ?? null;
  }

  /** The snapshot with the latest as-at date (the newest import among equals). */
  async latest(): Promise<SnapshotSummary | null> {
    const row = await this.db
      .selectFrom('snapshots')
      .select('id')
      .orderBy('as_at', 'desc')
      .orderBy('imported_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? this.get(row.id) : null;
  }

  async issues(
    id: string,
    filter: { severity?: string; list?: number; code?: string; limit: number; offset: number },
  ): Promise<{ total: number; rows: StoredIssue[] }> {
    let q = this.db.selectFrom('snapshot_issues').where('snapshot_id', '=', id);
    if (filter.severity) q = q.where('severity', '=', filter.severity);
    if (filter.list !== undefined) q = q.where('list', '=', filter.list);
    if (filter.code) q = q.where('code', '=', filter.code);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select(['seq', 'code', 'severity', 'list', 'file', 'sheet', 'row', 'column', 'value', 'message'])
      .orderBy('seq')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return {
      total: Number(total.n),
      rows: rows.map((r) => ({
        ...r,
        severity: r.severity as StoredIssue['severity'],
        list: r.list as ListNumber | null,
      })),
    };
  }

  async ruleCounts(id: string): Promise<{ code: string; severity: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('snapshot_issues')
      .select(['code', 'severity', (eb) => eb.fn.countAll<number>().as('count')])
      .where('snapshot_id', '=', id)
      .groupBy(['code', 'severity'])
      .orderBy('code')
      .orderBy('severity')
      .execute();
    return rows.map((r) => ({ code: r.code, severity: r.severity, count: Number(r.count) }));
  }

  async unrecognised(
    id: string,
  ): Promise<{ list: number; column: string; codeSet: string; value: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('snapshot_unrecognised')
      .select(['list', 'column', 'code_set', 'value', 'count'])
      .where('snapshot_id', '=', id)
      .orderBy('list')
      .orderBy('count', 'desc')
      .orderBy('value')
      .execute();
    return rows.map((r) => ({
      list: r.list,
      column: r.column,
      codeSet: r.code_set,
      value: r.value,
      count: r.count,
    }));
  }

  async mappings(): Promise<LocalMapping[]> {
    const rows = await this.db
      .selectFrom('code_mappings')
      .select(['code_set', 'value', 'code'])
      .orderBy('code_set')
      .orderBy('value')
      .execute();
    return rows.map((r) => ({ codeSet: r.code_set, value: r.value, code: r.code }));
  }

  /** Adds (or changes) a local code mapping. Throws a RangeError for an unknown code set or code. */
  async addMapping(m: { codeSet: string; value: string; code: string }, actor: Actor): Promise<void> {
    const rows = CODE_DATA[m.codeSet];
    if (!rows) throw new RangeError(`Unknown code set "${m.codeSet}"`);
    const value = m.value.trim();
    const code = m.code.trim();
    if (!value) throw new RangeError('The value to map is empty');
    if (!rows.some(([c]) => c === code))
      throw new RangeError(
        `"${code}" is not a code of ${m.codeSet}: use one of ${rows.map(([c]) => c).join(', ')}`,
      );
    await this.db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('code_mappings')
        .select('code')
        .where('code_set', '=', m.codeSet)
        .where('value', '=', value)
        .executeTakeFirst();
      if (before?.code === code) return;
      await tx
        .insertInto('code_mappings')
        .values({ code_set: m.codeSet, value, code, created_by_user_id: actor.id, created_by: actor.email })
        .onConflict((oc) =>
          oc.columns(['code_set', 'value']).doUpdateSet({
            code,
            created_by_user_id: actor.id,
            created_by: actor.email,
            created_at: new Date(),
          }),
        )
        .execute();
      await recordChange(tx, actor, {
        entityType: 'code_mapping',
        entityId: `${m.codeSet}:${value}`,
        action: before ? 'update' : 'create',
        details: { codeSet: m.codeSet, value, code, ...(before ? { from: before.code } : {}) },
      });
    });
  }

  /** Re-imports a snapshot's stored source files with the current local mappings, as a new snapshot. */
  async rederive(id: string, actor: Actor): Promise<ImportOutcome> {
    const old = await this.get(id);
    if (!old) throw new RangeError(`No snapshot ${id}`);
    const files = old.sources.map((s) => ({ path: this.sourcePath(s.sha256), name: s.name }));
    return this.run(
      files,
      {
        ...(old.asAtInferred ? {} : { asAt: old.asAt }),
        periodStart: old.periodStart,
        actor,
      },
      id,
    );
  }

  /** Deletes a snapshot from both stores and its source files no other snapshot names; logged. */
  async delete(id: string, actor: Actor): Promise<void> {
    const old = await this.get(id);
    if (!old) throw new RangeError(`No snapshot ${id}`);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('snapshots').set({ replaces: null }).where('replaces', '=', id).execute();
      await tx.deleteFrom('snapshots').where('id', '=', id).execute();
      await recordAccess(tx, actor, {
        action: 'delete',
        what: 'Annex A snapshot',
        subjectType: 'snapshot',
        subjectId: id,
        details: { asAt: old.asAt, sources: old.sources.map((s) => s.name) },
      });
      await recordChange(tx, actor, { entityType: 'snapshot', entityId: id, action: 'delete' });
    });
    // The operational record is gone first: should this fail, reconcile() removes the rows at start-up.
    await this.analytics.deleteSnapshot(id);
    await this.removeUnreferencedSources(old.sources.map((s) => s.sha256));
  }

  childTimeline(id: string, childId: string): Promise<TimelineEntry[]> {
    return this.analytics.childTimeline(id, childId);
  }

  /** Writes a snapshot's rows as an Annex A workbook (Ofsted's layout), read back from DuckDB. */
  async exportWorkbook(id: string, outPath: string): Promise<void> {
    if (!(await this.get(id))) throw new RangeError(`No snapshot ${id}`);
    const analytics = this.analytics;
    const tables = new Map(analytics.tables.map((t) => [t.list, t]));
    async function* rows(): AsyncGenerator<NormalisedRow> {
      for (const list of LIST_NUMBERS) {
        const table = tables.get(list);
        if (!table) continue;
        const spec = listSpec(list);
        const name = `"${table.name.replace(/"/g, '""')}"`;
        for (let offset = 0; ; offset += EXPORT_PAGE) {
          const page = await analytics.query<QueryRow>(
            `SELECT * FROM ${name} WHERE snapshot_id = $1 ORDER BY source_file, source_sheet, source_row LIMIT ${EXPORT_PAGE} OFFSET ${offset}`,
            [id],
          );
          for (const r of page) {
            const values: NormalisedRow['values'] = {};
            for (const v of table.values) {
              const x = r[v.name];
              values[v.key] = x === undefined || x === null || typeof x === 'object' ? null : x;
            }
            const raw: Record<string, string | null> = {};
            for (const c of table.raws) raw[c.key] = (r[c.name] as string | null) ?? null;
            yield {
              list,
              file: String(r.source_file ?? ''),
              sheet: String(r.source_sheet ?? spec.title),
              row: Number(r.source_row ?? 0),
              values,
              raw,
              extra: {},
            };
          }
          if (page.length < EXPORT_PAGE) break;
        }
      }
    }
    await writeAnnexAWorkbook(outPath, rows());
  }

  /** At start-up: removes DuckDB rows and stored source files of snapshots the operational store lacks. */
  async reconcile(): Promise<{ snapshots: string[]; sources: string[] }> {
    const keep = (await this.db.selectFrom('snapshots').select('id').execute()).map((r) => r.id);
    const snapshots = await this.analytics.reconcile(keep);
    const sources = await this.removeUnreferencedSources();
    return { snapshots, sources };
  }
}
