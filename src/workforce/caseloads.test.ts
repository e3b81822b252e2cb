import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, openFixture, run, type Fixture } from '../indicators/test-support.ts';
import { computeCaseloads, openChildren } from './caseloads.ts';

const A = '2025-09-30';
const row = (list: number, id: string, team: string | null, worker: string | null, extra = {}) => ({
  list,
  values: {
    child_id: id,
    gender: '2',
    ethnicity: 'WBRI',
    date_of_birth: '2012-06-01',
    allocated_team: team,
    allocated_worker: worker,
    ...extra,
  },
});
const cin = (start: string, closed: string | null = null) => ({
  cin_start_date: start,
  cin_closure_date: closed,
});
const cp = (start: string, end: string | null = null) => ({ cp_start_date: start, cp_end_date: end });
const cla = (start: string, ceased: string | null = null) => ({
  date_started_looked_after: start,
  date_ceased_looked_after: ceased,
});
const assessment = (start: string, authorised: string | null = null) => ({
  assessment_start_date: start,
  assessment_authorised_date: authorised,
});

describe('caseloads on a hand-made snapshot', () => {
  let f: Fixture;
  let id: string;
  before(async () => {
    f = await openFixture();
    id = await f.snapshot([
      // Sam Worker, Team A: C1 open on CIN and CP (counts once), C2 looked after, C3 assessment not authorised
      row(6, 'C1', 'Team A', 'Sam Worker', cin('2025-01-01')),
      row(7, 'C1', 'Team A', 'Sam Worker', cp('2025-02-01')),
      row(8, 'C2', 'Team A', 'Sam Worker', cla('2024-01-01')),
      row(4, 'C3', 'Team A', 'Sam Worker', assessment('2025-09-01')),
      // the same worker written differently (case, spaces) on a care leaver row: any List 9 row is open
      row(9, 'C8', 'Team A', '  sam worker ', {}),
      // not open at A: plan ended ON A, CIN closed before A, assessment authorised on A, CIN starting after A,
      // looked after ceased on A
      row(7, 'C4', 'Team A', 'Closed Worker', cp('2025-01-01', A)),
      row(6, 'C5', 'Team A', 'Closed Worker', cin('2025-01-01', '2025-06-01')),
      row(4, 'C6', 'Team A', 'Closed Worker', assessment('2025-08-01', A)),
      row(6, 'C7', 'Team A', 'Closed Worker', cin('2025-10-01')),
      row(8, 'C14', 'Team A', 'Closed Worker', cla('2023-01-01', A)),
      // Pat Other, Team B: C9 care leaver, C10 CIN (its open assessment has no worker: still allocated)
      row(9, 'C9', 'Team B', 'Pat Other', {}),
      row(6, 'C10', 'Team B', 'Pat Other', cin('2025-03-01')),
      row(4, 'C10', 'Team B', null, assessment('2025-09-10')),
      // C13 is held by both workers (CIN with Pat in Team B, CP with Sam in Team A): counts for each
      row(6, 'C13', 'Team B', 'Pat Other', cin('2025-04-01')),
      row(7, 'C13', 'Team A', 'Sam Worker', cp('2025-05-01')),
      // unallocated: C11 (Team B), C12 (no team, a blank worker)
      row(6, 'C11', 'Team B', null, cin('2025-07-01')),
      row(7, 'C12', null, '   ', cp('2025-07-01')),
      // a child with a worker only on a closed row and none on the open row is unallocated too
      row(6, 'C15', 'Team B', 'Closed Worker', cin('2024-01-01', '2024-06-01')),
      row(6, 'C15', 'Team B', null, cin('2025-08-01')),
    ]);
  });
  after(async () => f.close());

  it('counts distinct open children per worker and team, with the standard and the unallocated', async () => {
    const c = await computeCaseloads(f.store, { snapshotId: id, asAt: A, standard: 3 });
    assert.deepEqual(c.workers, [
      { worker: 'Sam Worker', team: 'Team A', children: 5, overStandard: true },
      // exactly the standard is not over it
      { worker: 'Pat Other', team: 'Team B', children: 3, overStandard: false },
    ]);
    assert.equal(c.openChildren, 10); // C1 C2 C3 C8 C9 C10 C11 C12 C13 C15
    assert.equal(c.workerCount, 2);
    assert.equal(c.averagePerWorker, 4); // (5 + 3) / 2
    assert.equal(c.overStandard, 1);
    assert.equal(c.unallocated, 3); // C11 C12 C15
    assert.deepEqual(c.teams, [
      { team: 'Not recorded', children: 1, workers: 0, average: null, overStandard: 0, unallocated: 1 },
      { team: 'Team A', children: 5, workers: 1, average: 5, overStandard: 1, unallocated: 0 },
      { team: 'Team B', children: 5, workers: 1, average: 3, overStandard: 0, unallocated: 2 },
    ]);
  });

  it('agrees with the caseload indicators on the same snapshot', async () => {
    const c = await computeCaseloads(f.store, { snapshotId: id, asAt: A, standard: 3 });
    const ctx = context(id, A, { standards: { caseload_standard: 3 } });
    const avg = await run(f.store, 'caseload_avg_per_worker', ctx);
    assert.equal(avg.value, c.averagePerWorker);
    assert.equal((await run(f.store, 'unallocated_open_count', ctx)).value, c.unallocated);
    assert.equal(
      (await run(f.store, 'workers_with_caseload_over_standard_count', ctx)).value,
      c.overStandard,
    );
  });

  it('follows the standard it is given', async () => {
    const c = await computeCaseloads(f.store, { snapshotId: id, asAt: A, standard: 5 });
    assert.equal(c.overStandard, 0);
    assert.ok(c.workers.every((w) => !w.overStandard));
  });

  it('moves with the as-at date: the day before the plan ends it is still open', async () => {
    const c = await computeCaseloads(f.store, { snapshotId: id, asAt: '2025-09-29', standard: 18 });
    // C4 (plan ends 30 Sep), C6 (authorised 30 Sep) and C14 (ceased 30 Sep) are open on the 29th
    assert.deepEqual(
      c.workers.map((w) => [w.worker, w.children]),
      [
        ['Sam Worker', 5],
        ['Closed Worker', 3],
        ['Pat Other', 3],
      ],
    );
  });

  it('lists one worker’s open children within the row scope', async () => {
    const list = (scope: Parameters<typeof openChildren>[1]['scope'], worker = 'SAM WORKER') =>
      openChildren(f.store, { snapshotId: id, asAt: A, scope, select: { worker } }).then((r) =>
        r.map((c) => c.childId),
      );
    assert.deepEqual(await list({ kind: 'all' }), ['C1', 'C13', 'C2', 'C3', 'C8']);
    const all = await openChildren(f.store, {
      snapshotId: id,
      asAt: A,
      scope: { kind: 'all' },
      select: { worker: 'Sam Worker' },
    });
    assert.deepEqual(all[0], { childId: 'C1', teams: 'Team A', lists: [6, 7], openSince: '2025-01-01' });
    assert.equal(all.find((c) => c.childId === 'C8')!.openSince, null);
    assert.deepEqual(await list({ kind: 'teams', teams: [' team a'] }), ['C1', 'C13', 'C2', 'C3', 'C8']);
    assert.deepEqual(await list({ kind: 'teams', teams: ['Team B'] }), []);
    assert.deepEqual(await list({ kind: 'own', worker: 'Pat Other' }), []);
    assert.deepEqual(await list({ kind: 'own', worker: 'Sam Worker' }), ['C1', 'C13', 'C2', 'C3', 'C8']);
    assert.deepEqual(await list({ kind: 'reviewed' }), ['C1', 'C13', 'C2']);
    assert.deepEqual(await list({ kind: 'none' }), []);
    assert.deepEqual(await list({ kind: 'all' }, 'Closed Worker'), []);
  });

  it('lists the unallocated children, by team and scope', async () => {
    const list = (select: { unallocated: true; team?: string }, scope = { kind: 'all' } as const) =>
      openChildren(f.store, { snapshotId: id, asAt: A, scope, select }).then((r) => r.map((c) => c.childId));
    assert.deepEqual(await list({ unallocated: true }), ['C11', 'C12', 'C15']);
    assert.deepEqual(await list({ unallocated: true, team: 'Team B' }), ['C11', 'C15']);
    assert.deepEqual(await list({ unallocated: true, team: 'Not recorded' }), ['C12']);
  });
});
