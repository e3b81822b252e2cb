import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAnalyticsStore, type AnalyticsStore } from './store.ts';
import { addDays, addWorkingDays, workingDaysElapsed } from '../domain/dates.ts';

describe('working days in SQL (wd_elapsed, wd_add)', () => {
  let dir: string;
  let store: AnalyticsStore;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-calendar-'));
    store = await openAnalyticsStore(dir, { threads: 1 });
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('agrees with the TypeScript rules across Christmas, Easter and a one-off holiday', async () => {
    const cases: [string, string][] = [
      ['2025-12-01', '2026-02-05'],
      ['2025-01-03', '2025-01-06'],
      ['2025-04-17', '2025-04-22'],
      ['2022-09-16', '2022-09-20'],
      ['2023-05-05', '2023-05-09'],
      ['2024-03-01', '2024-03-01'],
      ['2024-03-05', '2024-03-01'],
      ['2009-12-31', '2010-01-05'],
    ];
    for (const [s, e] of cases) {
      const [row] = await store.query<{ n: number }>(`SELECT wd_elapsed(DATE '${s}', DATE '${e}') AS n`);
      assert.equal(row!.n, workingDaysElapsed(s, e), `${s} → ${e}`);
    }
  });

  it('adds working days as addWorkingDays does, and agrees on a year of starts', async () => {
    const [one] = await store.query<{ d: string }>(`SELECT wd_add(DATE '2025-12-01', 45) AS d`);
    assert.equal(one!.d, '2026-02-05');
    const rows = await store.query<{ s: string; d: string; n: number }>(
      `SELECT CAST(s AS DATE) AS s, wd_add(CAST(s AS DATE), 15) AS d, wd_elapsed(CAST(s AS DATE), CAST(s AS DATE) + 30) AS n
       FROM generate_series(DATE '2024-01-01', DATE '2024-12-31', INTERVAL 1 DAY) t(s)`,
    );
    assert.equal(rows.length, 366);
    for (const r of rows) {
      assert.equal(r.d, addWorkingDays(r.s, 15), r.s);
      assert.equal(r.n, workingDaysElapsed(r.s, addDays(r.s, 30)), r.s);
    }
  });

  it('agrees with workingDaysElapsed on 3,000 pairs of days across the whole table', async () => {
    const rows = await store.query<{ s: string; e: string; n: number }>(
      `SELECT s, e, wd_elapsed(s, e) AS n FROM (
         SELECT DATE '2009-12-31' + CAST(floor(random() * 7660) AS INTEGER) AS s,
                DATE '2009-12-31' + CAST(floor(random() * 7660) AS INTEGER) AS e FROM range(3000))`,
    );
    for (const r of rows) assert.equal(r.n, workingDaysElapsed(r.s, r.e), `${r.s} → ${r.e}`);
  });

  it('gives NULL outside the bank-holiday table rather than a wrong count', async () => {
    const [row] = await store.query<{ n: number | null }>(
      `SELECT wd_elapsed(DATE '2031-01-01', DATE '2031-02-01') AS n`,
    );
    assert.equal(row!.n, null);
  });
});
