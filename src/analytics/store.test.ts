import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ANNEX_A_LISTS } from '../ingest/annex-a/spec.ts';
import type { ListSpec } from '../ingest/annex-a/spec.ts';
import { ANALYTICS_FILE_NAME, SCHEMA_VERSION, openAnalyticsStore } from './store.ts';
import type { SnapshotRow } from './store.ts';
import { syntheticRow } from './test-rows.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmpDirs: string[] = [];

function tmpDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-analytics-'));
  tmpDirs.push(dir);
  return path.join(dir, 'data');
}

after(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function referral(row: number, childId: string, values: Partial<SnapshotRow['values']> = {}): SnapshotRow {
  return {
    list: 3,
    file: 'annex-a.xlsx',
    sheet: 'List 3 - Referrals',
    row,
    values: { child_id: childId, date_of_referral: '2025-01-15', ...values },
    raw: {},
    extra: {},
  };
}

describe('analytics store', () => {
  it('round-trips every column type, raw codes and extra columns', async () => {
    const store = await openAnalyticsStore(tmpDataDir());
    try {
      assert.equal(store.schemaVersion, SCHEMA_VERSION);
      const writer = await store.beginSnapshot('snap-1');
      writer.append({
        list: 3,
        file: 'annex-a.xlsx',
        sheet: 'List 3',
        row: 7,
        values: {
          child_id: 'C001',
          gender: 'F',
          ethnicity: 'WBRI',
          date_of_birth: '2012-02-29',
          age: 12.5,
          date_of_referral: '2025-01-15',
          referral_source: '6',
          referral_nfa: false,
          referrals_last_12_months: 2,
          allocated_team: 'Front Door',
          allocated_worker: null,
        },
        raw: { gender: 'b) Female', ethnicity: 'a) WBRI', referral_source: 'q) 6: Police' },
        extra: { 'Local notes': 'seen at school', Blank: null },
      });
      writer.append({
        list: 8,
        file: 'cla.csv',
        sheet: null,
        row: 2,
        values: {
          child_id: 'C001',
          date_started_looked_after: '2025-02-01',
          uasc: true,
          placements_last_12_months: 3,
        },
        raw: {},
        extra: {},
      });
      writer.append(referral(9, 'C002'));
      assert.equal(writer.rowCount, 3);
      const counts = await writer.commit();
      assert.equal(counts[3], 2);
      assert.equal(counts[8], 1);
      assert.equal(counts[1], 0);

      const [row] = await store.query<Record<string, unknown>>(
        'SELECT * FROM annex_a_list_3 WHERE snapshot_id = $1 AND child_id = $2',
        ['snap-1', 'C001'],
      );
      assert.deepEqual(
        { ...row, extra: JSON.parse(String(row?.extra)) },
        {
          snapshot_id: 'snap-1',
          source_file: 'annex-a.xlsx',
          source_sheet: 'List 3',
          source_row: 7,
          child_id: 'C001',
          gender: 'F',
          ethnicity: 'WBRI',
          date_of_birth: '2012-02-29',
          age: 12.5,
          date_of_referral: '2025-01-15',
          referral_source: '6',
          referral_nfa: false,
          referrals_last_12_months: 2,
          allocated_team: 'Front Door',
          allocated_worker: null,
          gender_raw: 'b) Female',
          ethnicity_raw: 'a) WBRI',
          referral_source_raw: 'q) 6: Police',
          extra: { 'Local notes': 'seen at school', Blank: null },
        },
      );

      const timeline = await store.childTimeline('snap-1', 'C001');
      assert.deepEqual(
        timeline.map((e) => [e.list, e.title, e.sourceFile, e.sourceSheet, e.sourceRow, e.keyDate]),
        [
          [3, 'Referrals', 'annex-a.xlsx', 'List 3', 7, '2025-01-15'],
          [8, 'Children in care', 'cla.csv', null, 2, '2025-02-01'],
        ],
      );
      assert.equal(timeline[0]?.values.referral_nfa, false);
      assert.equal(timeline[0]?.raw.referral_source, 'q) 6: Police');
      assert.deepEqual(timeline[0]?.extra, { 'Local notes': 'seen at school', Blank: null });
      assert.equal(timeline[1]?.values.uasc, true);
      assert.equal(timeline[1]?.extra, null);
      assert.deepEqual(await store.childTimeline('snap-1', 'nobody'), []);
    } finally {
      await store.close();
    }
  });

  it('binds parameters and returns dates as strings and BIGINT as numbers', async () => {
    const store = await openAnalyticsStore(tmpDataDir());
    try {
      const writer = await store.beginSnapshot('s');
      for (let i = 0; i < 10; i++) {
        writer.append(referral(i + 2, `C${i}`, { date_of_referral: `2025-01-${String(i + 10)}` }));
      }
      await writer.commit();
      const rows = await store.query<{ n: number; first: string; at: string; s: number }>(
        `SELECT count(*) AS n, min(date_of_referral) AS first, $2::TIMESTAMP AS at, sum(source_row) AS s
           FROM annex_a_list_3 WHERE date_of_referral >= $1`,
        ['2025-01-15', '2025-03-31 12:00:00'],
      );
      assert.deepEqual(rows, [
        { n: 5, first: '2025-01-15', at: '2025-03-31T12:00:00.000Z', s: 7 + 8 + 9 + 10 + 11 },
      ]);
      const named = await store.query<{ n: number }>(
        'SELECT count(*) AS n FROM annex_a_list_3 WHERE snapshot_id = $id AND list_contains($children, child_id)',
        { id: 's', children: ['C1', 'C2', 'nobody'] },
      );
      assert.deepEqual(named, [{ n: 2 }]);
      await assert.rejects(store.query('DELETE FROM annex_a_list_3'), /read-only SELECT/);
      await assert.rejects(store.query('CREATE TABLE x (a INTEGER)'), /read-only SELECT/);
      assert.equal((await store.countRows('s'))[3], 10);
    } finally {
      await store.close();
    }
  });

  it('keeps rows invisible until commit, and abort leaves nothing', async () => {
    const store = await openAnalyticsStore(tmpDataDir());
    try {
      const writer = await store.beginSnapshot('aborted');
      for (let i = 0; i < 5000; i++) writer.append(syntheticRow((i % 11) + 1, i));
      assert.deepEqual(await store.snapshotIds(), []);
      assert.equal((await store.query<{ n: number }>('SELECT count(*) AS n FROM annex_a_list_1'))[0]?.n, 0);
      await assert.rejects(store.beginSnapshot('aborted'), /already being written/);
      await writer.abort();
      await writer.abort();
      assert.throws(() => writer.append(referral(2, 'C1')), /aborted/);
      assert.deepEqual(await store.snapshotIds(), []);
      assert.deepEqual(Object.values(await store.countRows('aborted')), new Array(11).fill(0));
      // The id can be used again.
      const again = await store.beginSnapshot('aborted');
      again.append(referral(2, 'C1'));
      await again.commit();
      assert.deepEqual(await store.snapshotIds(), ['aborted']);
    } finally {
      await store.close();
    }
  });

  it('rejects a bad row whole and keeps the writer usable', async () => {
    const store = await openAnalyticsStore(tmpDataDir());
    try {
      const writer = await store.beginSnapshot('s');
      assert.throws(
        () => writer.append(referral(2, 'C1', { date_of_referral: '15/01/2025' })),
        /date_of_referral/,
      );
      assert.throws(() => writer.append(referral(3, 'C1', { date_of_referral: '2025-02-30' })), TypeError);
      assert.throws(
        () => writer.append(referral(4, 'C1', { referrals_last_12_months: 1.5 })),
        /whole number/,
      );
      assert.throws(() => writer.append(referral(5, 'C1', { referral_nfa: 'Y' })), /yes\/no/);
      assert.throws(() => writer.append(referral(6, 'C1', { not_a_column: 'x' })), /not_a_column/);
      assert.throws(() => writer.append({ ...referral(7, 'C1'), list: 12 }), /unknown Annex A list/);
      writer.append(referral(8, 'C1'));
      assert.equal(writer.rowCount, 1);
      await writer.commit();
      assert.equal((await store.countRows('s'))[3], 1);
      await assert.rejects(store.beginSnapshot('s'), /immutable/);
      await assert.rejects(store.beginSnapshot("bad'id"), TypeError);
    } finally {
      await store.close();
    }
  });

  it('deletes snapshots, counts rows and reconciles with the operational store', async () => {
    const dataDir = tmpDataDir();
    const store = await openAnalyticsStore(dataDir);
    try {
      for (const id of ['a', 'b', 'c']) {
        const writer = await store.beginSnapshot(id);
        for (let i = 0; i < 30; i++) writer.append(syntheticRow((i % 11) + 1, i));
        await writer.commit();
      }
      assert.deepEqual(await store.snapshotIds(), ['a', 'b', 'c']);
      assert.equal(await store.deleteSnapshot('b'), 30);
      assert.equal(await store.deleteSnapshot('b'), 0);
      assert.deepEqual(await store.snapshotIds(), ['a', 'c']);
      assert.deepEqual(await store.reconcile(['a', 'zzz']), ['c']);
      assert.deepEqual(await store.snapshotIds(), ['a']);
      const counts = await store.countRows('a');
      assert.equal(
        Object.values(counts).reduce((x, y) => x + y, 0),
        30,
      );
      assert.deepEqual(await store.reconcile(['a']), []);
      assert.deepEqual(await store.reconcile([]), ['a']);
      assert.deepEqual(await store.snapshotIds(), []);
    } finally {
      await store.close();
    }
  });

  it('creates owner-only files and reopens idempotently', async () => {
    const dataDir = tmpDataDir();
    const store = await openAnalyticsStore(dataDir);
    const writer = await store.beginSnapshot('s');
    writer.append(referral(2, 'C1'));
    await writer.commit();
    await assert.rejects(openAnalyticsStore(dataDir), /already open in this process/);
    const dbFile = path.join(dataDir, ANALYTICS_FILE_NAME);
    for (const file of [dbFile, `${dbFile}.wal`]) {
      if (fs.existsSync(file)) assert.equal(fs.statSync(file).mode & 0o777, 0o600, file);
    }
    assert.equal(fs.statSync(dataDir).mode & 0o777, 0o700);
    await store.close();
    await store.close();
    assert.equal(fs.statSync(dbFile).mode & 0o777, 0o600);

    const reopened = await openAnalyticsStore(dataDir);
    try {
      assert.deepEqual(await reopened.snapshotIds(), ['s']);
      const versions = await reopened.query<{ version: number }>('SELECT version FROM schema_version');
      assert.deepEqual(versions, [{ version: 1 }]);
      const settings = await reopened.query<{ a: boolean; b: boolean }>(
        "SELECT current_setting('autoinstall_known_extensions') AS a, current_setting('autoload_known_extensions') AS b",
      );
      assert.deepEqual(settings, [{ a: false, b: false }]);
    } finally {
      await reopened.close();
    }
  });

  it('adds columns a later spec adds, and refuses a changed type', async () => {
    const dataDir = tmpDataDir();
    const referrals = ANNEX_A_LISTS.find((l) => l.list === 3) as ListSpec;
    const small: ListSpec = { ...referrals, columns: referrals.columns.slice(0, 6) };
    const first = await openAnalyticsStore(dataDir, { lists: [small] });
    const writer = await first.beginSnapshot('old');
    writer.append({ ...referral(2, 'C1'), values: { child_id: 'C1', date_of_referral: '2025-01-15' } });
    await writer.commit();
    await first.close();

    const grown = await openAnalyticsStore(dataDir, { lists: [referrals] });
    const columns = await grown.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'annex_a_list_3'",
    );
    assert.ok(columns.some((c) => c.column_name === 'referral_source_raw'));
    assert.equal((await grown.countRows('old'))[3], 1);
    await grown.close();

    const changed: ListSpec = {
      ...referrals,
      columns: referrals.columns.map((c) =>
        c.key === 'date_of_referral' ? { ...c, type: 'text' as const } : c,
      ),
    };
    await assert.rejects(
      openAnalyticsStore(dataDir, { lists: [changed] }),
      /date_of_referral is DATE.*migration/,
    );
    // A failed open releases the file.
    const again = await openAnalyticsStore(dataDir, { lists: [referrals] });
    await again.close();
  });

  it('leaves no rows of a snapshot whose writer was killed with SIGKILL, nor of a second process', async () => {
    const dataDir = tmpDataDir();
    const store = await openAnalyticsStore(dataDir);
    const kept = await store.beginSnapshot('kept');
    for (let i = 0; i < 1000; i++) kept.append(syntheticRow((i % 11) + 1, i));
    await kept.commit();
    await store.close();

    const script = path.join(path.dirname(dataDir), 'writer.mts');
    const storeUrl = pathToFileURL(path.join(ROOT, 'src/analytics/store.ts')).href;
    const rowsUrl = pathToFileURL(path.join(ROOT, 'src/analytics/test-rows.ts')).href;
    fs.writeFileSync(
      script,
      `import { openAnalyticsStore } from ${JSON.stringify(storeUrl)};
import { syntheticRow } from ${JSON.stringify(rowsUrl)};
const store = await openAnalyticsStore(${JSON.stringify(dataDir)}, { threads: 1 });
const writer = await store.beginSnapshot('doomed');
for (let i = 0; ; i++) {
  writer.append(syntheticRow((i % 11) + 1, i));
  if (i % 10000 === 0) {
    process.stdout.write('rows ' + i + '\\n');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killedAt = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /rows (\d+)\n$/.exec(out);
        if (match && Number(match[1]) >= 150_000) {
          child.kill('SIGKILL');
          resolve(Number(match[1]));
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer exited early (${code}): ${stderr}`));
      });
    });
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode ? resolve(null) : child.on('exit', resolve),
    );
    assert.ok(killedAt >= 150_000);

    const reopened = await openAnalyticsStore(dataDir);
    try {
      assert.deepEqual(await reopened.snapshotIds(), ['kept']);
      assert.equal(
        Object.values(await reopened.countRows('kept')).reduce((a, b) => a + b, 0),
        1000,
      );
      assert.deepEqual(Object.values(await reopened.countRows('doomed')), new Array(11).fill(0));
      // The store still writes.
      const writer = await reopened.beginSnapshot('doomed');
      writer.append(referral(2, 'C1'));
      await writer.commit();
      assert.deepEqual(await reopened.snapshotIds(), ['doomed', 'kept']);

      // A second process cannot open the file while this one has it.
      const other = path.join(path.dirname(dataDir), 'other.mts');
      fs.writeFileSync(
        other,
        `import { openAnalyticsStore } from ${JSON.stringify(storeUrl)};
try { await openAnalyticsStore(${JSON.stringify(dataDir)}); console.log('opened'); }
catch (e) { console.log(String(e.message)); }
`,
      );
      const output = await new Promise<string>((resolve) => {
        const p = spawn(process.execPath, ['--import', 'tsx', other], { cwd: ROOT });
        let text = '';
        p.stdout.on('data', (d: Buffer) => (text += d.toString()));
        p.on('exit', () => resolve(text));
      });
      assert.match(output, /in use by another process/);
    } finally {
      await reopened.close();
    }
  });

  it('appends 200k rows and prints the throughput', async () => {
    const store = await openAnalyticsStore(tmpDataDir());
    try {
      const n = 200_000;
      for (const [name, rowFor] of [
        ['all lists', (i: number) => syntheticRow((i % 11) + 1, i)],
        ['list 3 (referrals, 18 columns)', (i: number) => syntheticRow(3, i)],
        ['list 8 (children in care, 51 columns)', (i: number) => syntheticRow(8, i)],
      ] as const) {
        const rows = Array.from({ length: n }, (_, i) => rowFor(i));
        const writer = await store.beginSnapshot(`bench-${name.split(' ')[1]}`);
        const start = performance.now();
        for (const row of rows) writer.append(row);
        const appended = performance.now();
        await writer.commit();
        const committed = performance.now();
        const rate = (ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en-GB');
        console.log(
          `analytics store, ${name}: ${n.toLocaleString('en-GB')} rows appended at ${rate(appended - start)} rows/s, ` +
            `commit ${Math.round(committed - appended)} ms, overall ${rate(committed - start)} rows/s`,
        );
      }
    } finally {
      await store.close();
    }
  });
});
