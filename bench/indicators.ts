/**
 * Indicator throughput: generates a synthetic council (src/demo), imports it through the snapshot service into
 * a fresh data directory, then runs every registered indicator on the snapshot, printing the milliseconds each
 * took and the total; then the whole of what follows an import (IndicatorService.compute: every indicator, then
 * storing the results with their breakdowns). Prints, never asserts.
 *
 *   node --import tsx bench/indicators.ts [--children 2000] [--threads N] [--repeat 1] [--keep]
 *
 * The figure issue 4 sets is all indicators for a snapshot of 1,000,000 Annex A rows within 10 s (150,000 rows
 * within 2 s); a generated council has about 3.5 rows per child.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openAnalyticsStore } from '../src/analytics/store.ts';
import { generateDemoCouncil } from '../src/demo/index.ts';
import { STANDARD_DEFAULTS } from '../src/domain/standards.ts';
import { INDICATORS } from '../src/indicators/registry.ts';
import { runIndicator, type RunContext } from '../src/indicators/runner.ts';
import { IndicatorService } from '../src/indicators/service.ts';
import { LIST_NUMBERS } from '../src/ingest/annex-a/spec.ts';
import { SnapshotService } from '../src/snapshots/index.ts';
import { migrate, openDatabase } from '../src/store/database.ts';

function arg(name: string, fallback: string): string {
  const a = process.argv.slice(2);
  const i = a.indexOf(name);
  return i >= 0 ? (a[i + 1] ?? fallback) : fallback;
}

const children = Number(arg('--children', '2000'));
const threads = arg('--threads', '');
const repeat = Number(arg('--repeat', '1'));
const keep = process.argv.includes('--keep');
if (!Number.isInteger(children) || children < 1) throw new Error('--children must be a whole number');
if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat must be a whole number');

const dir = await mkdtemp(join(tmpdir(), 'oversight-bench-indicators-'));
const dataDir = join(dir, 'data');
try {
  const demo = await generateDemoCouncil({
    outDir: join(dir, 'council'),
    children,
    asAt: '2025-03-31',
    seed: 1,
    format: 'csv',
  });
  const files = demo.files.filter((f) => f.endsWith('.csv')).map((f) => ({ path: f, name: basename(f) }));
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir });
  await migrate(database.db);
  const analytics = await openAnalyticsStore(dataDir, threads ? { threads: Number(threads) } : {});
  const service = new SnapshotService({
    db: database.db,
    analytics,
    dataDir,
    councilName: () => Promise.resolve('Bench Council'),
  });
  const outcome = await service.importFiles(files, {
    asAt: '2025-03-31',
    actor: { id: null, email: 'bench' },
  });
  const s = outcome.snapshot;
  if (!s) throw new Error(`Nothing stored: ${outcome.fatal ?? ''}`);
  const rows = LIST_NUMBERS.reduce((n, l) => n + (outcome.lists?.[l].rowsAccepted ?? 0), 0);
  const ctx: RunContext = {
    snapshotId: s.id,
    asAt: s.asAt,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    standards: { ...STANDARD_DEFAULTS },
    population: { value: demo.population, year: 2024, source: 'bench' },
  };
  console.log(
    `Indicators: ${INDICATORS.length} on ${children.toLocaleString('en-GB')} children, ` +
      `${rows.toLocaleString('en-GB')} Annex A rows (as at ${s.asAt}, period ${s.periodStart} to ${s.periodEnd})`,
  );
  const totals: number[] = [];
  const cpu: number[] = [];
  const per = new Map<string, number[]>();
  for (let k = 0; k < repeat; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const def of INDICATORS) {
      const t = performance.now();
      await runIndicator(analytics, def, ctx);
      const ms = performance.now() - t;
      per.set(def.id, [...(per.get(def.id) ?? []), ms]);
    }
    totals.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const best = (xs: number[]) => Math.min(...xs);
  const ranked = [...per.entries()].sort((a, b) => best(b[1]) - best(a[1]));
  console.log('  indicator                                         ms');
  for (const [id, ms] of ranked) console.log(`  ${id.padEnd(46)} ${best(ms).toFixed(1).padStart(7)}`);
  console.log(
    `  ${'total'.padEnd(46)} ${best(totals).toFixed(0).padStart(7)}` +
      (repeat > 1 ? `  (best of ${repeat}; runs: ${totals.map((t) => t.toFixed(0)).join(', ')})` : ''),
  );
  // CPU time (all threads) is steadier than wall time on a shared machine.
  console.log(`  CPU time ${best(cpu).toFixed(0)} ms (user + system, all threads, best run)`);
  // The same again as the product does it after an import: run, then store results and breakdowns.
  const indicators = new IndicatorService({ db: database.db, analytics, snapshots: service });
  const runs: number[] = [];
  let breakdownRows = 0;
  for (let k = 0; k < repeat; k++) {
    const stored = await indicators.compute(s.id);
    runs.push(stored.ms);
    breakdownRows = stored.results.reduce((n, r) => n + r.breakdowns.length, 0);
  }
  console.log(
    `  compute and store (IndicatorService.compute, ${breakdownRows.toLocaleString('en-GB')} breakdown rows): ` +
      `${Math.min(...runs)} ms${repeat > 1 ? ` (best of ${repeat}; runs: ${runs.join(', ')})` : ''}`,
  );
  console.log(`  peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  await analytics.close();
  await database.close();
} finally {
  if (!keep) await rm(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
