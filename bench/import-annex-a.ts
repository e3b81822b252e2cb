/**
 * Annex A snapshot import throughput: generates a synthetic council (src/demo) in a temporary directory and
 * imports it through the snapshot service into a fresh data directory (DuckDB + on-disk PGlite, or
 * DATABASE_URL), printing rows/s per stage and in total. Prints, never asserts.
 *
 *   node --import tsx bench/import-annex-a.ts [--children 20000] [--format xlsx|csv] [--faults 0.01] [--keep]
 *
 * Stages: copy (hash + copy into the source store), read (parsing the files), normalise, validate, store
 * (appending to DuckDB, its commit and the operational transaction). Rows = rows read across the lists.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openAnalyticsStore } from '../src/analytics/store.ts';
import { generateDemoCouncil } from '../src/demo/index.ts';
import { LIST_NUMBERS } from '../src/ingest/annex-a/spec.ts';
import { SnapshotService } from '../src/snapshots/index.ts';
import { migrate, openDatabase } from '../src/store/database.ts';

function arg(name: string, fallback: string): string {
  const a = process.argv.slice(2);
  const i = a.indexOf(name);
  return i >= 0 ? (a[i + 1] ?? fallback) : fallback;
}

const children = Number(arg('--children', '20000'));
const format = arg('--format', 'xlsx');
const faults = Number(arg('--faults', '0.01'));
const keep = process.argv.includes('--keep');
if (!Number.isInteger(children) || children < 1) throw new Error('--children must be a whole number');
if (format !== 'xlsx' && format !== 'csv') throw new Error('--format must be xlsx or csv');

const dir = await mkdtemp(join(tmpdir(), 'oversight-bench-import-'));
const dataDir = join(dir, 'data');
try {
  const g0 = performance.now();
  const demo = await generateDemoCouncil({
    outDir: join(dir, 'council'),
    children,
    asAt: '2025-03-31',
    seed: 1,
    format,
    faults,
  });
  const generated = performance.now() - g0;
  const files = demo.files
    .filter((f) => /\.(xlsx|csv)$/.test(f))
    .map((f) => ({ path: f, name: basename(f) }));

  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir });
  await migrate(database.db);
  const analytics = await openAnalyticsStore(dataDir);
  const service = new SnapshotService({
    db: database.db,
    analytics,
    dataDir,
    councilName: () => Promise.resolve('Bench Council'),
  });
  const t0 = performance.now();
  const outcome = await service.importFiles(files, {
    asAt: '2025-03-31',
    actor: { id: null, email: 'bench' },
  });
  const wall = performance.now() - t0;
  await analytics.close();
  await database.close();
  if (!outcome.snapshot) throw new Error(`Nothing stored: ${outcome.fatal ?? ''}`);

  const rows = LIST_NUMBERS.reduce((n, l) => n + (outcome.lists?.[l].rowsRead ?? 0), 0);
  const accepted = LIST_NUMBERS.reduce((n, l) => n + (outcome.lists?.[l].rowsAccepted ?? 0), 0);
  const rate = (ms: number) => (ms > 0 ? Math.round((rows * 1000) / ms).toLocaleString('en-GB') : '—');
  console.log(
    `Annex A import: ${children.toLocaleString('en-GB')} children, ${format}, ${rows.toLocaleString('en-GB')} rows read, ` +
      `${accepted.toLocaleString('en-GB')} accepted, ${outcome.issues.length.toLocaleString('en-GB')} issues ` +
      `(generated in ${Math.round(generated)} ms)`,
  );
  console.log('  stage        ms       rows/s');
  for (const stage of ['copy', 'read', 'normalise', 'validate', 'store']) {
    const ms = outcome.timings[stage] ?? 0;
    console.log(`  ${stage.padEnd(10)} ${String(ms).padStart(6)} ${rate(ms).padStart(12)}`);
  }
  console.log(`  ${'total'.padEnd(10)} ${String(Math.round(wall)).padStart(6)} ${rate(wall).padStart(12)}`);
  console.log(`  peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  if (!keep) await rm(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
