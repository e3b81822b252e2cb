import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoCouncil } from '../../src/demo/index.ts';
import { LIST_NUMBERS } from '../../src/ingest/annex-a/spec.ts';
import { AS_AT_INFERRED_CODE, loadDemoCouncil } from '../../src/snapshots/index.ts';
import { ACTOR, SAMPLE, createHarness } from './helpers.ts';
import type { DemoResult } from '../../src/demo/index.ts';
import type { ListNumber } from '../../src/ingest/annex-a/spec.ts';
import type { Harness } from './helpers.ts';

const SAMPLE_ROWS = { 1: 5, 2: 5, 3: 6, 4: 5, 5: 5, 6: 5, 7: 7, 8: 5, 9: 6, 10: 5, 11: 5 } as const;
const PSRMEM = 'PSRMEM - Support with memory and cognition';

function sourceFiles(h: Harness): string[] {
  const dir = path.join(h.dataDir, 'sources');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

async function operationalCounts(h: Harness) {
  const count = async (
    table: 'snapshots' | 'snapshot_issues' | 'snapshot_sources' | 'snapshot_unrecognised',
  ) =>
    Number(
      (
        await h.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    snapshots: await count('snapshots'),
    issues: await count('snapshot_issues'),
    sources: await count('snapshot_sources'),
    unrecognised: await count('snapshot_unrecognised'),
  };
}

describe('the snapshot service', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => {
    await h.close();
  });

  let sampleId = '';

  it('imports the shared sample with warnings, an inferred as-at and the rows per list', async () => {
    const progress: string[] = [];
    const outcome = await h.service.importFiles([{ path: SAMPLE, name: 'Annex_A_2024_Jan.xlsx' }], {
      actor: ACTOR,
      onProgress: (p) => progress.push(p.stage),
    });
    assert.equal(outcome.fatal, null);
    const s = outcome.snapshot;
    assert.ok(s);
    sampleId = s.id;
    assert.equal(s.council, 'Test Council');
    assert.equal(s.asAt, '2021-03-15');
    assert.equal(s.asAtInferred, true);
    assert.equal(s.periodStart, '2020-09-16');
    assert.equal(s.periodEnd, '2021-03-15');
    assert.equal(s.importedBy, ACTOR.email);
    assert.equal(s.replaces, null);
    assert.equal(s.sources.length, 1);
    assert.equal(s.sources[0]?.name, 'Annex_A_2024_Jan.xlsx');
    assert.equal(s.sources[0]?.bytes, fs.statSync(SAMPLE).size);
    for (const [n, rows] of Object.entries(SAMPLE_ROWS))
      assert.equal(s.lists[n]?.rowsRead, rows, `list ${n}`);
    assert.equal(s.issueCounts.error, 0);
    assert.ok(s.issueCounts.warning >= 2);
    assert.ok(outcome.issues.some((i) => i.code === AS_AT_INFERRED_CODE && i.severity === 'warning'));
    assert.ok(outcome.issues.some((i) => i.code === 'AA006' && i.value === PSRMEM));
    assert.ok(progress.includes('store'));

    // the source file is kept, owner-only, under its hash
    const stored = path.join(h.dataDir, 'sources', s.sources[0]?.sha256 ?? '');
    assert.equal(fs.statSync(stored).mode & 0o777, 0o600);
    // DuckDB holds the accepted rows
    const counts = await h.analytics.countRows(s.id);
    for (const n of LIST_NUMBERS) assert.equal(counts[n], s.lists[String(n)]?.rowsAccepted, `list ${n}`);
    // the report is stored
    const all = await h.service.issues(s.id, { limit: 1000, offset: 0 });
    assert.equal(all.total, outcome.issues.length);
    assert.deepEqual(
      all.rows.map((r) => r.seq),
      all.rows.map((_, i) => i + 1),
    );
    const warnings = await h.service.issues(s.id, {
      severity: 'warning',
      code: 'AA006',
      limit: 10,
      offset: 0,
    });
    assert.ok(warnings.rows.every((r) => r.code === 'AA006' && r.severity === 'warning'));
    assert.ok((await h.service.ruleCounts(s.id)).some((r) => r.code === 'AA006' && r.count >= 1));
    assert.deepEqual(await h.service.unrecognised(s.id), [
      { list: 6, column: 'Primary Need Code', codeSet: 'primary_need', value: PSRMEM, count: 1 },
    ]);
    assert.equal((await h.service.list()).length, 1);
    assert.equal((await h.service.latest())?.id, s.id);
    const child = await h.service.childTimeline(s.id, '9212044');
    assert.ok(child.length >= 1);
  });

  it('refuses a file already imported, storing nothing', async () => {
    const before = await operationalCounts(h);
    const files = sourceFiles(h);
    const outcome = await h.service.importFiles([{ path: SAMPLE, name: 'renamed.xlsx' }], {
      asAt: '2021-03-31',
      actor: ACTOR,
    });
    assert.equal(outcome.snapshot, null);
    assert.equal(outcome.duplicateOf, sampleId);
    assert.deepEqual(await operationalCounts(h), before);
    assert.deepEqual(sourceFiles(h), files);
    assert.deepEqual(await h.analytics.snapshotIds(), [sampleId]);
  });

  it('stores nothing for an unreadable file, leaving earlier snapshots intact', async () => {
    const bad = path.join(h.dir, 'notes.csv');
    fs.writeFileSync(bad, 'shopping\nmilk\neggs\n');
    const before = await operationalCounts(h);
    const files = sourceFiles(h);
    const rowsBefore = await h.analytics.countRows(sampleId);
    const outcome = await h.service.importFiles([{ path: bad, name: 'notes.csv' }], {
      asAt: '2024-01-31',
      actor: ACTOR,
    });
    assert.equal(outcome.snapshot, null);
    assert.match(outcome.fatal ?? '', /no recognisable Annex A list/);
    assert.deepEqual(await operationalCounts(h), before);
    assert.deepEqual(sourceFiles(h), files);
    assert.deepEqual(await h.analytics.snapshotIds(), [sampleId]);
    assert.deepEqual(await h.analytics.countRows(sampleId), rowsBefore);
    assert.ok(await h.service.get(sampleId));
  });

  it('stores nothing when no row at all is accepted', async () => {
    const file = path.join(h.dir, 'list_1.csv');
    fs.writeFileSync(
      file,
      'Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source\n' +
        ',F,WBRI,01/01/2015,9,,Police\n',
    );
    const before = await operationalCounts(h);
    const outcome = await h.service.importFiles([{ path: file, name: 'list_1.csv' }], {
      asAt: '2024-01-31',
      actor: ACTOR,
    });
    assert.equal(outcome.snapshot, null);
    assert.match(outcome.fatal ?? '', /could be accepted|No rows/);
    assert.ok(outcome.issues.some((i) => i.severity === 'error'));
    assert.deepEqual(await operationalCounts(h), before);
    assert.deepEqual(await h.analytics.snapshotIds(), [sampleId]);
  });

  it('validates local code mappings and records them in the change log', async () => {
    await assert.rejects(
      h.service.addMapping({ codeSet: 'primary_need', value: PSRMEM, code: 'ZZ' }, ACTOR),
      /not a code of primary_need/,
    );
    await assert.rejects(
      h.service.addMapping({ codeSet: 'nope', value: 'x', code: 'N1' }, ACTOR),
      /Unknown code set/,
    );
    await h.service.addMapping({ codeSet: 'primary_need', value: PSRMEM, code: 'N1' }, ACTOR);
    assert.deepEqual(await h.service.mappings(), [{ codeSet: 'primary_need', value: PSRMEM, code: 'N1' }]);
    const changes = await h.database.db
      .selectFrom('change_log')
      .selectAll()
      .where('entity_type', '=', 'code_mapping')
      .execute();
    assert.equal(changes.length, 1);
    assert.equal(changes[0]?.actor_email, ACTOR.email);
  });

  let rederivedId = '';
  it('re-derives a snapshot with the current mappings as a new snapshot naming the old one', async () => {
    const outcome = await h.service.rederive(sampleId, ACTOR);
    const s = outcome.snapshot;
    assert.ok(s, outcome.fatal ?? 'no snapshot');
    rederivedId = s.id;
    assert.notEqual(s.id, sampleId);
    assert.equal(s.replaces, sampleId);
    assert.equal(s.asAt, '2021-03-15');
    assert.deepEqual(await h.service.unrecognised(s.id), []);
    assert.equal(outcome.issues.filter((i) => i.code === 'AA006' && i.value === PSRMEM).length, 0);
    const rows = await h.analytics.query<{ primary_need: string | null; primary_need_raw: string | null }>(
      'SELECT primary_need, primary_need_raw FROM annex_a_list_6 WHERE snapshot_id = $1 AND primary_need_raw = $2',
      [s.id, PSRMEM],
    );
    assert.deepEqual(rows, [{ primary_need: 'N1', primary_need_raw: PSRMEM }]);
    // the old snapshot is unchanged
    assert.equal((await h.service.unrecognised(sampleId)).length, 1);
    assert.deepEqual(sourceFiles(h).length, 1, 'both snapshots share the one stored source file');
  });

  it('deletes a snapshot from both stores, logging it, and keeps source files still in use', async () => {
    await h.service.delete(sampleId, ACTOR);
    assert.equal(await h.service.get(sampleId), null);
    assert.deepEqual(await h.analytics.snapshotIds(), [rederivedId]);
    assert.equal(
      (await h.service.get(rederivedId))?.replaces,
      null,
      'the link to a deleted snapshot is cleared',
    );
    assert.equal(sourceFiles(h).length, 1);
    const log = await h.database.db
      .selectFrom('access_log')
      .selectAll()
      .where('action', '=', 'delete')
      .where('subject_id', '=', sampleId)
      .execute();
    assert.equal(log.length, 1);
    assert.equal(log[0]?.subject_type, 'snapshot');
    await h.service.delete(rederivedId, ACTOR);
    assert.deepEqual(sourceFiles(h), []);
    assert.deepEqual(await h.analytics.snapshotIds(), []);
    assert.deepEqual(await h.service.list(), []);
  });

  it('reconcile removes rows and source files no committed snapshot names', async () => {
    const writer = await h.analytics.beginSnapshot('orphan-1');
    writer.append({ list: 1, file: 'x.csv', sheet: null, row: 2, values: { child_id: 'C1' } });
    await writer.commit();
    fs.mkdirSync(path.join(h.dataDir, 'sources'), { recursive: true });
    fs.writeFileSync(path.join(h.dataDir, 'sources', 'a'.repeat(64)), 'x');
    fs.writeFileSync(path.join(h.dataDir, 'sources', '.incoming-0123'), 'x');
    const removed = await h.service.reconcile();
    assert.deepEqual(removed.snapshots, ['orphan-1']);
    assert.deepEqual(await h.analytics.snapshotIds(), []);
    assert.deepEqual(sourceFiles(h), []);
  });
});

describe('a generated council', () => {
  let h: Harness;
  let demo: DemoResult;
  before(async () => {
    h = await createHarness();
    demo = await generateDemoCouncil({
      outDir: path.join(h.dir, 'council'),
      children: 1000,
      asAt: '2025-03-31',
      seed: 7,
      format: 'xlsx',
      faults: 0.02,
    });
  });
  after(async () => {
    await h.close();
  });

  let snapshotId = '';
  const missedFaults = async (which: (f: DemoResult['faults'][number]) => boolean) => {
    const stored = await h.service.issues(snapshotId, { limit: 1_000_000, offset: 0 });
    const at = new Set(stored.rows.map((i) => `${i.file}|${i.sheet ?? ''}|${String(i.row)}|${i.severity}`));
    const expected = demo.faults.filter((f) => f.expectIssue !== 'none' && which(f));
    const missed = expected.filter(
      (f) => !at.has(`${f.file}|${f.sheet ?? ''}|${String(f.row)}|${f.expectIssue}`),
    );
    const byKind: Record<string, number> = {};
    for (const f of missed)
      byKind[`${f.kind} (${f.expectIssue})`] = (byKind[`${f.kind} (${f.expectIssue})`] ?? 0) + 1;
    return { expected: expected.length, byKind };
  };

  it('imports as a snapshot with the right rows, reporting injected faults at their rows', async () => {
    const file = demo.files.find((f) => f.endsWith('.xlsx')) ?? '';
    const outcome = await h.service.importFiles([{ path: file, name: path.basename(file) }], {
      asAt: '2025-03-31',
      actor: ACTOR,
    });
    const s = outcome.snapshot;
    assert.ok(s, outcome.fatal ?? 'no snapshot');
    snapshotId = s.id;
    assert.equal(s.asAtInferred, false);
    assert.equal(s.periodStart, '2024-10-01');
    const counts = await h.analytics.countRows(s.id);
    for (const n of LIST_NUMBERS) {
      assert.equal(s.lists[String(n)]?.rowsRead, demo.rowsPerList[n], `list ${n} rows read`);
      assert.equal(counts[n as ListNumber], s.lists[String(n)]?.rowsAccepted, `list ${n} rows stored`);
    }
    assert.equal((await h.service.issues(s.id, { limit: 1, offset: 0 })).total, outcome.issues.length);
    const { expected, byKind } = await missedFaults(() => true);
    assert.ok(expected >= 15, `only ${expected} faults`);
    assert.deepEqual(byKind, {}, 'fault kinds not reported at their row with their severity');
  });

  it('loads the demo council through loadDemoCouncil, once', async () => {
    const first = await loadDemoCouncil(h.service, {
      dataDir: h.dataDir,
      children: 150,
      asAt: '2025-03-31',
      seed: 3,
      actor: ACTOR,
    });
    assert.equal(first.asAt, '2025-03-31');
    assert.ok(first.issueCounts.warning + first.issueCounts.error + first.issueCounts.query > 0);
    const again = await loadDemoCouncil(h.service, {
      dataDir: h.dataDir,
      children: 150,
      asAt: '2025-03-31',
      seed: 3,
      actor: ACTOR,
    });
    assert.equal(again.id, first.id);
  });
});
