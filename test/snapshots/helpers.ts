import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAnalyticsStore } from '../../src/analytics/store.ts';
import { SnapshotService } from '../../src/snapshots/index.ts';
import { createTestDatabase } from '../helpers/database.ts';
import type { AnalyticsStore } from '../../src/analytics/store.ts';
import type { Actor } from '../../src/store/change-log.ts';
import type { TestDatabase } from '../helpers/database.ts';

export const ACTOR: Actor = { id: null, email: 'analyst@example.test' };
export const SAMPLE = new URL('../../../shared/samples/annex-a/Annex_A_2024_Jan.xlsx', import.meta.url)
  .pathname;

export interface Harness {
  dir: string;
  dataDir: string;
  database: TestDatabase;
  analytics: AnalyticsStore;
  service: SnapshotService;
  close(): Promise<void>;
}

/** A snapshot service over a fresh test database and a DuckDB file in a temporary data directory. */
export async function createHarness(): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-snapshots-'));
  const dataDir = path.join(dir, 'data');
  const database = await createTestDatabase();
  const analytics = await openAnalyticsStore(dataDir, { threads: 1 });
  const service = new SnapshotService({
    db: database.db,
    analytics,
    dataDir,
    councilName: () => Promise.resolve('Test Council'),
  });
  return {
    dir,
    dataDir,
    database,
    analytics,
    service,
    async close() {
      await analytics.close();
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
