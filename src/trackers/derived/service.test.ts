import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHarness, ACTOR } from '../../../test/snapshots/helpers.ts';
import type { Harness } from '../../../test/snapshots/helpers.ts';
import { writeListCsv } from '../../ingest/annex-a/test-support/fixtures.ts';
import type { ListNumber } from '../../ingest/annex-a/spec.ts';
import type { User } from '../../auth/users.ts';
import type { Role } from '../../auth/roles.ts';
import { updateSettings } from '../../store/settings.ts';
import { SYSTEM_ACTOR } from '../../store/change-log.ts';
import { DerivedTrackers } from './index.ts';

type Rows = Partial<Record<ListNumber, Record<string, string | number | null>[]>>;

function user(roles: Role[], extra: Partial<User> = {}): User {
  return {
    id: 1,
    email: 'u@example.gov.uk',
    name: 'Sam Worker',
    active: true,
    accessExpiresAt: null,
    roles,
    teams: [],
    hasPassword: false,
    ...extra,
  };
}

const week1: Rows = {
  7: [
    // 9 months on 1 March 2025; visited recently.
    {
      child_id: 'A',
      cp_start_date: '2024-06-01',
      date_last_statutory_visit: '2025-03-28',
      date_latest_review_conference: '2025-03-01',
      allocated_team: 'Safeguarding 1',
      allocated_worker: 'Sam Worker',
    },
  ],
  6: [
    // Last seen 3 February: 20 working days end 3 March, red on 31 March.
    {
      child_id: 'B',
      cin_start_date: '2025-01-06',
      date_last_seen: '2025-02-03',
      allocated_team: 'CIN 1',
      allocated_worker: 'Cas Worker',
    },
  ],
  8: [
    {
      child_id: 'C',
      date_started_looked_after: '2024-01-08',
      date_latest_review: '2025-02-01',
      date_last_social_work_visit: '2025-03-20',
      date_last_health_assessment: '2024-12-01',
      date_last_dental_check: '2024-12-01',
      placements_last_12_months: 3,
      allocated_team: 'Children in Care',
    },
  ],
};

const week2: Rows = {
  // A's plan ended on 10 April: off every CP tracker. B seen on 25 April. D new and not seen.
  7: [{ ...week1[7]![0]!, cp_end_date: '2025-04-10' }],
  6: [
    { ...week1[6]![0]!, date_last_seen: '2025-04-25' },
    {
      child_id: 'D',
      cin_start_date: '2025-02-03',
      date_last_seen: '2025-03-03',
      allocated_team: 'CIN 1',
      allocated_worker: 'Dee Worker',
    },
  ],
  // (A different IRO contact date only, so the file is not the same file as week 1's.)
  8: [{ ...week1[8]![0]!, date_last_iro_contact: '2025-04-02' }],
};

describe('DerivedTrackers over stored snapshots', () => {
  let h: Harness;
  let trackers: DerivedTrackers;
  let n = 0;
  const ids: Record<string, string> = {};

  async function importRows(rows: Rows, asAt: string): Promise<string> {
    n++;
    const dir = path.join(h.dir, `in${String(n)}`);
    fs.mkdirSync(dir);
    const files = [];
    for (const [list, r] of Object.entries(rows)) {
      const name = `List ${list}.csv`;
      files.push({ path: await writeListCsv(dir, name, Number(list) as ListNumber, r), name });
    }
    const outcome = await h.service.importFiles(files, { asAt, actor: ACTOR });
    assert.ok(outcome.snapshot, outcome.fatal ?? 'stored');
    assert.deepEqual(outcome.derivedErrors, []);
    return outcome.snapshot.id;
  }

  before(async () => {
    h = await createHarness();
    trackers = new DerivedTrackers({ db: h.database.db, analytics: h.analytics, snapshots: h.service });
    h.service.onStored(trackers.listener());
    ids.week1 = await importRows(week1, '2025-03-31');
    ids.week2 = await importRows(week2, '2025-04-30');
  });
  after(() => h.close());

  it('computes every stored snapshot through the snapshot listener', async () => {
    const run = await trackers.run(ids.week1!);
    assert.ok(run, 'a run is recorded');
    assert.equal(run.settings.cp_visit_working_days, 10);
    assert.equal(run.previousSnapshotId, null);
    const entries = await trackers.entries(ids.week1!);
    const keys = entries.map((e) => `${e.rule}:${e.childId}:${e.rag}`);
    for (const k of [
      'cp_plan_9m:A:amber',
      'cin_not_seen:B:red',
      'cla_3plus_placements:C:red',
      'unallocated:C:red',
    ])
      assert.ok(keys.includes(k), `${k} in ${keys.join(', ')}`);
    // C's review on 1 February 2025 (more than 3 months into care) is next due 1 August: not listed.
    assert.ok(!keys.some((k) => k.startsWith('cla_review_overdue:')), keys.join(', '));
    assert.equal(run.entryCount, entries.length);
    const b = entries.find((e) => e.rule === 'cin_not_seen' && e.childId === 'B')!;
    assert.deepEqual(
      [b.limitDate, b.daysOver, b.team, b.worker, b.ruleTitle],
      ['2025-03-03', 28, 'CIN 1', 'Cas Worker', 'Children in need not seen within the standard'],
    );
    assert.equal(b.detail.last_seen, '2025-02-03');
    assert.equal(b.detail.working_days_over, 20);
  });

  it('filters entries by rule, team and worker (case and spaces ignored) and RAG', async () => {
    assert.deepEqual(
      (await trackers.entries(ids.week1!, { team: ' cin 1 ' })).map((e) => e.childId),
      ['B'],
    );
    assert.deepEqual(
      (await trackers.entries(ids.week1!, { worker: 'SAM WORKER' })).map((e) => e.rule),
      ['cp_plan_9m'],
    );
    assert.deepEqual(
      (await trackers.entries(ids.week1!, { rule: 'unallocated', rag: 'red' })).map((e) => e.childId),
      ['C'],
    );
    assert.deepEqual(await trackers.entries(ids.week1!, { rule: 'unallocated', rag: 'amber' }), []);
  });

  it('records what is new and what was resolved against the previous snapshot by as-at date', async () => {
    const changes = await trackers.changes(ids.week2!);
    const keys = changes.map((c) => `${c.change}:${c.rule}:${c.childId}`).sort();
    assert.ok(keys.includes('new:cin_not_seen:D'), keys.join(', '));
    assert.ok(keys.includes('resolved:cin_not_seen:B'), keys.join(', '));
    assert.ok(keys.includes('resolved:cp_plan_9m:A'), keys.join(', '));
    assert.ok(!keys.some((k) => k.endsWith(':C') && k.includes('3plus')), 'still listed: no change');
    const resolved = changes.find((c) => c.rule === 'cin_not_seen' && c.childId === 'B')!;
    assert.deepEqual(
      [resolved.team, resolved.worker, resolved.previousSnapshotId],
      ['CIN 1', 'Cas Worker', ids.week1],
    );
    assert.deepEqual(
      await trackers.changes(ids.week1!),
      [],
      'the first snapshot has nothing to compare with',
    );
    const counts = await trackers.changeCounts(ids.week2!);
    assert.deepEqual(counts.cin_not_seen, { new: 1, resolved: 1 });
  });

  it('scopes entries by role', async () => {
    const all = await trackers.entries(ids.week1!);
    for (const role of ['admin', 'analyst', 'director', 'service_manager', 'qa_lead', 'inspector'] as const)
      assert.equal((await trackers.visibleTo(user([role]), ids.week1!)).length, all.length, role);
    assert.deepEqual(await trackers.visibleTo(user(['member']), ids.week1!), []);
    const own = await trackers.visibleTo(user(['social_worker'], { name: ' sam worker' }), ids.week1!);
    assert.deepEqual(
      own.map((e) => e.childId),
      ['A'],
    );
    const tm = await trackers.visibleTo(
      user(['team_manager'], { teams: [{ id: 1, name: 'Children in care' }] }),
      ids.week1!,
    );
    assert.deepEqual([...new Set(tm.map((e) => e.childId))], ['C']);
    const ro = await trackers.visibleTo(user(['reviewing_officer']), ids.week1!);
    assert.deepEqual([...new Set(ro.map((e) => e.childId))].sort(), ['A', 'C'], 'on a plan or in care');
    const roChanges = await trackers.changesVisibleTo(user(['reviewing_officer']), ids.week2!);
    assert.ok(roChanges.every((c) => c.childId === 'A' || c.childId === 'C'));
    assert.deepEqual(await trackers.changesVisibleTo(user(['member']), ids.week2!), []);
  });

  it('recomputes on demand with the current standards, replacing the entries in one go', async () => {
    await updateSettings(h.database.db, SYSTEM_ACTOR, { cin_seen_working_days: 60 });
    try {
      const result = await trackers.recompute(ids.week1!);
      assert.equal(result.entries, (await trackers.entries(ids.week1!)).length);
      assert.equal((await trackers.entries(ids.week1!, { rule: 'cin_not_seen' })).length, 0);
      assert.equal((await trackers.run(ids.week1!))?.settings.cin_seen_working_days, 60);
      // Week 2 compares against the recomputed week 1: B was no longer listed, so it is not "resolved".
      const keys = (await trackers.changes(ids.week2!)).map((c) => `${c.change}:${c.rule}:${c.childId}`);
      assert.ok(!keys.includes('resolved:cin_not_seen:B'), keys.join(', '));
    } finally {
      await updateSettings(h.database.db, SYSTEM_ACTOR, { cin_seen_working_days: 20 });
      await trackers.recompute(ids.week1!);
    }
    const keys = (await trackers.changes(ids.week2!)).map((c) => `${c.change}:${c.rule}:${c.childId}`);
    assert.ok(keys.includes('resolved:cin_not_seen:B'));
  });

  it('counts by rule and RAG over time, one point per as-at date', async () => {
    const points = await trackers.countsOverTime();
    assert.deepEqual(
      points.map((p) => p.asAt),
      ['2025-03-31', '2025-04-30'],
    );
    const week1Counts = await trackers.counts(ids.week1!);
    assert.deepEqual(points[0]!.counts, week1Counts);
    assert.deepEqual(points[1]!.counts.cin_not_seen, { red: 1, amber: 0, green: 0 });
    assert.equal(points[0]!.counts.cp_plan_9m.amber, 1);
  });

  it('rewrites changes when an earlier-dated snapshot arrives, and when the previous one is deleted', async () => {
    // A snapshot dated between the two: week 2 now compares with it.
    ids.mid = await importRows({ 6: [{ ...week1[6]![0]!, date_last_seen: '2025-04-07' }] }, '2025-04-15');
    let changes = await trackers.changes(ids.week2!);
    assert.ok(changes.every((c) => c.previousSnapshotId === ids.mid));
    assert.ok(
      changes.some((c) => c.change === 'new' && c.childId === 'C'),
      'C was not in the mid snapshot',
    );
    await h.service.delete(ids.mid, ACTOR);
    assert.equal(await trackers.run(ids.mid), null, 'its run went with it');
    changes = await trackers.changes(ids.week2!);
    assert.ok(changes.length > 0 && changes.every((c) => c.previousSnapshotId === ids.week1));
    assert.ok(changes.some((c) => c.change === 'resolved' && c.childId === 'B' && c.rule === 'cin_not_seen'));
  });

  it('computes a snapshot never computed when it is first asked for', async () => {
    const bare = new DerivedTrackers({ db: h.database.db, analytics: h.analytics, snapshots: h.service });
    await h.database.db.deleteFrom('tracker_runs').execute();
    await h.database.db.deleteFrom('tracker_entries').execute();
    const entries = await bare.entries(ids.week2!);
    assert.ok(entries.some((e) => e.childId === 'D'));
    assert.ok(await bare.run(ids.week1!), 'the previous snapshot was computed for the changes');
    await assert.rejects(bare.entries('no-such-snapshot'), /No snapshot no-such-snapshot/);
  });
});
