/**
 * Generates a synthetic council with faults, imports it, and checks that every injected fault that
 * should be reported is reported at its file, sheet and row with its severity. Prints the figures.
 *   node --import tsx bench/import-faults-check.ts [--children 50000] [--format xlsx|csv] [--faults 0.02]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoCouncil } from '../src/demo/index.ts';
import { openDatabase, migrate } from '../src/store/database.ts';
import { openAnalyticsStore } from '../src/analytics/store.ts';
import { SnapshotService } from '../src/snapshots/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const children = Number(arg('--children', '50000'));
const format = arg('--format', 'xlsx') as 'xlsx' | 'csv';
const faults = Number(arg('--faults', '0.02'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-faults-'));
try {
  const demo = await generateDemoCouncil({
    outDir: path.join(dir, 'in'),
    children,
    asAt: '2025-09-30',
    seed: 50,
    format,
    faults,
  });
  const database = await openDatabase({ databaseUrl: null, dataDir: '', inMemory: true });
  await migrate(database.db);
  const analytics = await openAnalyticsStore(path.join(dir, 'data'));
  const service = new SnapshotService({
    db: database.db,
    analytics,
    dataDir: path.join(dir, 'data'),
    councilName: async () => 'Check',
  });
  const files = demo.files
    .filter((f) => /\.(xlsx|csv)$/.test(f))
    .map((f) => ({ path: f, name: path.basename(f) }));
  const started = Date.now();
  const outcome = await service.importFiles(files, {
    asAt: '2025-09-30',
    actor: { id: null, email: 'bench' },
  });
  if (!outcome.snapshot) throw new Error(`nothing stored: ${outcome.fatal}`);
  const issues = await service.issues(outcome.snapshot.id, { limit: 10_000_000, offset: 0 });
  const at = new Set(issues.rows.map((i) => `${i.file}|${i.sheet ?? ''}|${String(i.row)}|${i.severity}`));
  const expected = demo.faults.filter((f) => f.expectIssue !== 'none');
  const missed = expected.filter(
    (f) => !at.has(`${f.file}|${f.sheet ?? ''}|${String(f.row)}|${f.expectIssue}`),
  );
  const rows = Object.values(demo.rowsPerList).reduce((a, b) => a + b, 0);
  console.log(
    `${children.toLocaleString()} children, ${format}, ${rows.toLocaleString()} rows, imported in ${Date.now() - started} ms`,
  );
  console.log(`injected faults: ${demo.faults.length} (${expected.length} that should be reported)`);
  console.log(
    `reported at their row with their severity: ${expected.length - missed.length} of ${expected.length}`,
  );
  for (const f of missed.slice(0, 20))
    console.log(`  missed: ${f.kind} ${f.file} ${f.sheet ?? ''} row ${f.row} ${f.column} (${f.expectIssue})`);
  await analytics.close();
  await database.close();
  if (missed.length) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
