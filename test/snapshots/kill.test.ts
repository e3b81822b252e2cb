import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAnalyticsStore } from '../../src/analytics/store.ts';
import { generateDemoCouncil } from '../../src/demo/index.ts';
import { SnapshotService } from '../../src/snapshots/index.ts';
import { migrate, openDatabase } from '../../src/store/database.ts';
import { createTestDatabase, testPgUrl } from '../helpers/database.ts';
import { ACTOR, SAMPLE } from './helpers.ts';
import type { TestDatabase } from '../helpers/database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = path.join(root, 'test/snapshots/fixtures/import-child.ts');

let dir: string;
let dataDir: string;
let pg: TestDatabase | null = null;
const databaseUrl = () => pg?.url ?? null;

async function open() {
  const database = await openDatabase({ databaseUrl: databaseUrl(), dataDir });
  await migrate(database.db);
  const analytics = await openAnalyticsStore(dataDir, { threads: 1 });
  const service = new SnapshotService({
    db: database.db,
    analytics,
    dataDir,
    councilName: () => Promise.resolve('Test Council'),
  });
  return {
    database,
    analytics,
    service,
    close: async () => {
      await analytics.close();
      await database.close();
    },
  };
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-kill-'));
  dataDir = path.join(dir, 'data');
  if (testPgUrl) {
    pg = await createTestDatabase({ migrate: false });
    await pg.close();
  }
});
after(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (pg) await pg.drop().catch(() => undefined);
});

it('kill -9 in the middle of an import leaves no partial snapshot, and earlier ones intact', async () => {
  const council = await generateDemoCouncil({
    outDir: path.join(dir, 'council'),
    children: 1500,
    asAt: '2025-03-31',
    seed: 11,
    format: 'csv',
  });
  const csvs = council.files.filter((f) => f.endsWith('.csv'));
  const total = Object.values(council.rowsPerList).reduce((a, b) => a + b, 0);
  assert.ok(total > 2500, `${total} rows`);

  // an earlier snapshot
  let stores = await open();
  const earlier = await stores.service.importFiles([{ path: SAMPLE, name: 'Annex_A_2024_Jan.xlsx' }], {
    asAt: '2024-01-31',
    actor: ACTOR,
  });
  assert.ok(earlier.snapshot);
  const earlierRows = await stores.analytics.countRows(earlier.snapshot.id);
  await stores.close();

  // the import, killed once it has appended 2,000 rows
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, ...csvs], {
    cwd: root,
    env: { ...process.env, STALL_AFTER: '2000', DATABASE_URL: databaseUrl() ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('stalled')) resolve();
    });
    child.on('exit', () => reject(new Error(`child ended before stalling: ${stdout}\n${stderr}`)));
  });
  assert.match(stdout, /progress read 2000/);
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');

  // start-up again: reconcile, then nothing of the killed import is left in either store
  stores = await open();
  try {
    await stores.service.reconcile();
    const snapshots = await stores.service.list();
    assert.deepEqual(
      snapshots.map((s) => s.id),
      [earlier.snapshot.id],
    );
    assert.deepEqual(await stores.analytics.snapshotIds(), [earlier.snapshot.id]);
    assert.deepEqual(await stores.analytics.countRows(earlier.snapshot.id), earlierRows);
    const sources = fs.readdirSync(path.join(dataDir, 'sources'));
    assert.deepEqual(
      sources,
      earlier.snapshot.sources.map((s) => s.sha256),
    );
    // and the same files import cleanly afterwards
    const again = await stores.service.importFiles(
      csvs.map((f) => ({ path: f, name: path.basename(f) })),
      { asAt: '2025-03-31', actor: ACTOR },
    );
    assert.ok(again.snapshot, again.fatal ?? 'no snapshot');
    assert.equal(again.duplicateOf, null);
  } finally {
    await stores.close();
  }
});
