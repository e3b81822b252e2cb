import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, openFixture, run, type Fixture } from '../test-support.ts';
import { drilldown } from '../runner.ts';
import { indicatorById } from '../registry.ts';

const A = '2025-09-30';
const row = (list: number, id: string, worker: string | null, extra: Record<string, unknown> = {}) => ({
  list,
  values: {
    child_id: id,
    gender: 'F',
    ethnicity: 'AIND',
    date_of_birth: '2012-05-05',
    disability: false,
    allocated_team: worker?.trim().toLowerCase() === 'alex worker' ? 'Assessment' : 'Duty',
    allocated_worker: worker,
    ...extra,
  },
});

describe('caseload indicators on hand-made data', () => {
  let f: Fixture;
  let id = '';
  before(async () => {
    f = await openFixture();
    id = await f.snapshot([
      // Sam: C1 (open assessment and open CIN: once), C4 (care leaver), C5 (plan; name in other case and
      // spaces), C11 (assessment authorised after A: still open at A) = 4
      row(4, 'C1', 'Sam Worker', { assessment_start_date: '2025-09-01' }),
      row(6, 'C1', 'Sam Worker', { cin_start_date: '2025-09-01' }),
      row(9, 'C4', 'Sam Worker'),
      row(7, 'C5', ' sam worker ', { cp_start_date: '2025-01-01' }),
      row(4, 'C11', 'Sam Worker', {
        assessment_start_date: '2025-09-01',
        assessment_authorised_date: '2025-10-01',
      }),
      // not open at A: plan ended on A, ceased on A
      row(7, 'C2', 'Sam Worker', { cp_start_date: '2025-01-01', cp_end_date: A }),
      row(8, 'C3', 'Sam Worker', { date_started_looked_after: '2024-01-01', date_ceased_looked_after: A }),
      // Alex: C6 and C8 = 2
      row(6, 'C6', 'Alex Worker', { cin_start_date: '2024-01-01' }),
      row(7, 'C8', 'Alex Worker', { cp_start_date: '2025-02-01' }),
      row(6, 'C8', null, { cin_start_date: '2025-01-01' }),
      // unallocated: C7 (blank and spaces only), C12 (care leaver without a worker)
      row(6, 'C7', null, { cin_start_date: '2025-01-01' }),
      row(8, 'C7', '   ', { date_started_looked_after: '2025-02-01' }),
      row(9, 'C12', null),
      // closed at A, no worker: not counted
      row(6, 'C9', null, { cin_start_date: '2025-01-01', cin_closure_date: A }),
      row(4, 'C10', null, { assessment_start_date: '2025-09-01', assessment_authorised_date: A }),
    ]);
  });
  after(async () => f.close());

  it('average open children per allocated worker, one row per worker', async () => {
    const r = await run(f.store, 'caseload_avg_per_worker', context(id, A));
    // (4 + 2) ÷ 2 workers
    assert.deepEqual([r.value, r.numerator, r.denominator], [3, 6, 2]);
    const duty = r.breakdowns.find((b) => b.dimension === 'team' && b.key === 'Duty');
    assert.deepEqual([duty?.value, duty?.denominator], [4, 1]);
    assert.deepEqual(
      r.breakdowns.map((b) => b.dimension).filter((d, i, all) => all.indexOf(d) === i),
      ['team'],
    );
    const drill = await drilldown(f.store, indicatorById('caseload_avg_per_worker')!, context(id, A), {
      part: 'denominator',
      scope: { kind: 'all' },
    });
    assert.deepEqual(
      drill.rows.map((x) => [x.childId, x.worker, x.amount, x.evidence.cp_plans, x.evidence.care_leavers]),
      [
        [null, 'Alex Worker', 2, 1, 0],
        [null, 'Sam Worker', 4, 1, 1],
      ],
    );
  });

  it('workers over the caseload standard (more than the standard)', async () => {
    const byDefault = await run(f.store, 'workers_with_caseload_over_standard_count', context(id, A));
    assert.deepEqual([byDefault.value, byDefault.standards], [0, { caseload_standard: 18 }]);
    const three = await run(
      f.store,
      'workers_with_caseload_over_standard_count',
      context(id, A, { standards: { caseload_standard: 3 } }),
    );
    assert.equal(three.value, 1);
    const four = await run(
      f.store,
      'workers_with_caseload_over_standard_count',
      context(id, A, { standards: { caseload_standard: 4 } }),
    );
    assert.equal(four.value, 0);
  });

  it('open children with no allocated worker on any open row', async () => {
    const r = await run(f.store, 'unallocated_open_count', context(id, A));
    assert.deepEqual([r.value, r.numerator, r.denominator], [2, 2, null]);
    const drill = await drilldown(f.store, indicatorById('unallocated_open_count')!, context(id, A), {
      part: 'numerator',
      scope: { kind: 'all' },
    });
    assert.deepEqual(
      drill.rows.map((x) => [x.childId, x.evidence.open_lists]),
      [
        ['C12', '9'],
        ['C7', '6, 8'],
      ],
    );
  });

  it('no workers: the average is null', async () => {
    const empty = await f.snapshot([row(6, 'Z1', null, { cin_start_date: '2025-01-01' })]);
    const r = await run(f.store, 'caseload_avg_per_worker', context(empty, A));
    assert.deepEqual([r.value, r.denominator], [null, 0]);
  });
});
