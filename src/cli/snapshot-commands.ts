import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openAnalyticsStore } from '../analytics/store.ts';
import { recordAccess } from '../auth/access-log.ts';
import { generateDemoCouncil } from '../demo/index.ts';
import { isIsoDate } from '../domain/dates.ts';
import { LIST_NUMBERS } from '../ingest/annex-a/spec.ts';
import type { SnapshotService } from '../snapshots/index.ts';
import { CommandError, UsageError, cliActor, withDatabase } from './context.ts';
import type { ImportOutcome, SnapshotSummary } from '../snapshots/index.ts';
import type { ValidationIssue } from '../ingest/annex-a/index.ts';
import type { Database } from '../store/database.ts';
import type { Services } from '../web/services.ts';
import { buildServices } from '../server.ts';

/**
 * Opens both stores, reconciles them (as at start-up), runs `fn` with the same services the server builds
 * (so an import here computes indicators and trackers too), and closes the analytics store.
 */
export async function withSnapshots<T>(
  fn: (service: SnapshotService, database: Database, services: Services) => Promise<T>,
): Promise<T> {
  return withDatabase(async (database, config) => {
    const analytics = await openAnalyticsStore(config.dataDir);
    try {
      const services = buildServices(config, database, analytics);
      const service = services.snapshots!;
      await service.reconcile();
      return await fn(service, database, services);
    } finally {
      await analytics.close();
    }
  });
}

function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${name} must be a date like 2025-03-31, not "${value}"`);
  return value;
}

function where(i: ValidationIssue): string {
  const parts = [i.file || null, i.sheet ? `sheet "${i.sheet}"` : null];
  if (i.row !== null) parts.push(`row ${String(i.row)}`);
  if (i.column) parts.push(`column "${i.column}"`);
  return parts.filter(Boolean).join(', ');
}

function issueLine(i: ValidationIssue): string {
  const value = i.value === null || i.value === '' ? '' : ` [value: ${JSON.stringify(i.value)}]`;
  return `  ${i.severity.padEnd(7)} ${i.code}  ${where(i)}: ${i.message}${value}`;
}

function importJson(outcome: ImportOutcome, options: { asAt?: string; periodStart?: string }) {
  const lists: Record<string, { rows_read: number; rows_accepted: number }> = {};
  for (const n of LIST_NUMBERS) {
    const l = outcome.lists?.[n];
    lists[String(n)] = { rows_read: l?.rowsRead ?? 0, rows_accepted: l?.rowsAccepted ?? 0 };
  }
  return {
    snapshot_id: outcome.snapshot?.id ?? null,
    as_at: outcome.snapshot?.asAt ?? options.asAt ?? null,
    period_start: outcome.snapshot?.periodStart ?? options.periodStart ?? null,
    lists,
    issues: outcome.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      list: i.list,
      sheet: i.sheet,
      row: i.row,
      column: i.column,
      value: i.value,
      message: i.message,
    })),
  };
}

const FIRST_ISSUES = 20;
const FIRST_ERRORS = 200;

function printSummary(outcome: ImportOutcome, snapshot: SnapshotSummary): void {
  console.log(
    `Snapshot ${snapshot.id} created for ${snapshot.council}: as at ${snapshot.asAt}${snapshot.asAtInferred ? ' (inferred from the latest event date)' : ''}, period ${snapshot.periodStart} to ${snapshot.periodEnd}.`,
  );
  console.log('');
  console.log('  List  Rows read  Rows accepted');
  for (const n of LIST_NUMBERS) {
    const l = snapshot.lists[String(n)] ?? { rowsRead: 0, rowsAccepted: 0 };
    console.log(
      `  ${String(n).padStart(4)}  ${String(l.rowsRead).padStart(9)}  ${String(l.rowsAccepted).padStart(13)}`,
    );
  }
  const c = snapshot.issueCounts;
  console.log('');
  console.log(
    `Issues: ${String(c.error)} errors, ${String(c.warning)} warnings, ${String(c.query)} queries.`,
  );
  const order = { error: 0, warning: 1, query: 2 } as const;
  const first = [...outcome.issues]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .slice(0, FIRST_ISSUES);
  if (first.length) {
    console.log(`First ${String(first.length)} of ${String(outcome.issues.length)}:`);
    for (const i of first) console.log(issueLine(i));
  }
}

export function registerSnapshotCommands(program: Command): void {
  program
    .command('import')
    .description('import Annex A files (xlsx, csv or zip) as a snapshot')
    .argument('<paths...>', 'the files of one return')
    .option('--as-at <date>', 'the date the return was produced (YYYY-MM-DD); default: latest event date')
    .option('--period-start <date>', 'start of the reporting period (default: 6 months ending on as-at)')
    .option('--json', 'print the outcome as one JSON object')
    .action(async (paths: string[], options: { asAt?: string; periodStart?: string; json?: boolean }) => {
      const asAt = dateOption('--as-at', options.asAt);
      const periodStart = dateOption('--period-start', options.periodStart);
      if (asAt && periodStart && periodStart > asAt)
        throw new UsageError('--period-start must not be after --as-at');
      for (const p of paths) {
        let stat: fs.Stats;
        try {
          stat = fs.statSync(p);
        } catch {
          throw new UsageError(`No such file: ${p}`);
        }
        if (!stat.isFile()) throw new UsageError(`Not a file: ${p}`);
      }
      const files = paths.map((p) => ({ path: path.resolve(p), name: path.basename(p) }));
      const outcome = await withSnapshots((service) =>
        service.importFiles(files, {
          ...(asAt ? { asAt } : {}),
          ...(periodStart ? { periodStart } : {}),
          actor: cliActor(),
        }),
      );
      if (options.json) console.log(JSON.stringify(importJson(outcome, { asAt, periodStart })));
      if (outcome.snapshot) {
        if (!options.json) printSummary(outcome, outcome.snapshot);
        return;
      }
      if (!options.json) {
        const errors = outcome.issues.filter((i) => i.severity === 'error');
        for (const i of errors.slice(0, FIRST_ERRORS)) console.error(issueLine(i));
        if (errors.length > FIRST_ERRORS)
          console.error(`  … and ${String(errors.length - FIRST_ERRORS)} more errors`);
      }
      throw new CommandError(outcome.fatal ?? 'Nothing was stored.');
    });

  program
    .command('snapshots')
    .description('list the Annex A snapshots, newest import first')
    .option('--json', 'print them as JSON')
    .action(async (options: { json?: boolean }) => {
      const list = await withSnapshots((service) => service.list());
      if (options.json) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0) {
        console.log('No snapshots yet: import an Annex A return with `oversight import FILE`.');
        return;
      }
      for (const s of list) {
        const rows = Object.values(s.lists).reduce((n, l) => n + l.rowsAccepted, 0);
        console.log(
          [
            s.id,
            `as at ${s.asAt}`,
            `${String(rows)} rows`,
            `${String(s.issueCounts.error)} errors, ${String(s.issueCounts.warning)} warnings, ${String(s.issueCounts.query)} queries`,
            `imported ${s.importedAt.toISOString()} by ${s.importedBy ?? 'unknown'}`,
            s.sources.map((f) => f.name).join(', '),
            s.replaces ? `replaces ${s.replaces}` : '',
          ]
            .filter(Boolean)
            .join('  '),
        );
      }
    });

  program
    .command('export-annex-a')
    .description("write a snapshot's rows as an Annex A workbook")
    .requiredOption('--snapshot <id>', 'the snapshot id, or "latest"')
    .requiredOption('--out <file>', 'the workbook to write (.xlsx)')
    .action(async (options: { snapshot: string; out: string }) => {
      if (!/\.xlsx$/i.test(options.out)) throw new UsageError('--out must name an .xlsx file');
      const out = path.resolve(options.out);
      if (!fs.existsSync(path.dirname(out))) throw new UsageError(`No such directory: ${path.dirname(out)}`);
      const written = await withSnapshots(async (service, database) => {
        const snapshot =
          options.snapshot === 'latest' ? await service.latest() : await service.get(options.snapshot);
        if (!snapshot)
          throw new CommandError(
            options.snapshot === 'latest' ? 'There are no snapshots yet' : `No snapshot ${options.snapshot}`,
          );
        await service.exportWorkbook(snapshot.id, out);
        await recordAccess(database.db, cliActor(), {
          action: 'export',
          what: 'Annex A workbook',
          subjectType: 'snapshot',
          subjectId: snapshot.id,
          details: { file: out },
        });
        return snapshot;
      });
      console.log(`Wrote snapshot ${written.id} (as at ${written.asAt}) to ${out}`);
    });

  program
    .command('demo-data')
    .description('write a synthetic council’s Annex A return (no real data), with optional recorded faults')
    .requiredOption('--out <dir>', 'the directory to write into')
    .requiredOption('--children <n>', 'distinct children across the lists')
    .requiredOption('--as-at <date>', 'the as-at date (YYYY-MM-DD)')
    .requiredOption('--seed <n>', 'random seed: the same options give the same files')
    .option('--format <format>', 'xlsx (one workbook) or csv (one file per list)', 'xlsx')
    .option('--faults <rate>', 'share of rows given a fault, 0 to 1', '0')
    .action(
      async (options: {
        out: string;
        children: string;
        asAt: string;
        seed: string;
        format: string;
        faults: string;
      }) => {
        const children = Number(options.children);
        if (!Number.isInteger(children) || children < 1)
          throw new UsageError('--children must be a whole number of at least 1');
        const asAt = dateOption('--as-at', options.asAt) as string;
        const seed = Number(options.seed);
        if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
        if (options.format !== 'xlsx' && options.format !== 'csv')
          throw new UsageError('--format must be xlsx or csv');
        const faults = Number(options.faults);
        if (!(faults >= 0 && faults <= 1)) throw new UsageError('--faults must be between 0 and 1');
        let result;
        try {
          result = await generateDemoCouncil({
            outDir: path.resolve(options.out),
            children,
            asAt,
            seed,
            format: options.format,
            faults,
          });
        } catch (error) {
          if (error instanceof RangeError) throw new UsageError(error.message);
          throw error;
        }
        for (const f of result.files) console.log(f);
        console.log('');
        console.log('  List  Rows');
        for (const [list, rows] of Object.entries(result.rowsPerList))
          console.log(`  ${list.padStart(4)}  ${String(rows).padStart(6)}`);
        if (faults > 0) console.log(`\n${String(result.faults.length)} faults recorded in faults.json`);
      },
    );
}
