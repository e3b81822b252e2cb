import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'unallocated';
const A = '2025-03-31';

describe('unallocated', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [
      { list: 6, child_id: 'CIN', cin_start_date: '2025-01-06', allocated_team: 'CIN 1' },
      { list: 6, child_id: 'BLANK', cin_start_date: '2025-01-06', allocated_worker: '   ' },
      // An open CIN episode without a worker, but an open plan with one: allocated.
      { list: 6, child_id: 'CP', cin_start_date: '2025-01-06' },
      { list: 7, child_id: 'CP', cp_start_date: '2025-02-01', allocated_worker: 'Sam' },
      // Closed on the as-at date, nothing else open: not open, not listed.
      { list: 6, child_id: 'CLOSED', cin_start_date: '2025-01-06', cin_closure_date: A },
      // A worker only on a closed row does not allocate the open one.
      {
        list: 6,
        child_id: 'OLD',
        cin_start_date: '2024-01-06',
        cin_closure_date: '2024-06-01',
        allocated_worker: 'Ex',
      },
      { list: 4, child_id: 'OLD', assessment_start_date: '2025-03-03', allocated_team: 'Duty' },
      // Assessments: authorised on the as-at date (closed) or after it (open).
      { list: 4, child_id: 'AUTH', assessment_start_date: '2025-03-03', assessment_authorised_date: A },
      {
        list: 4,
        child_id: 'LATER',
        assessment_start_date: '2025-03-03',
        assessment_authorised_date: '2025-04-01',
      },
      // Looked after and on a CIN episode, no workers: the care team is the one shown; open since the earlier start.
      {
        list: 8,
        child_id: 'CLA',
        date_started_looked_after: '2025-02-01',
        allocated_team: 'Children in Care',
      },
      { list: 6, child_id: 'CLA', cin_start_date: '2024-12-01', allocated_team: 'CIN 2' },
      // Care leavers: a personal adviser counts as allocation.
      { list: 9, child_id: 'PA', personal_adviser: 'Pat' },
      { list: 9, child_id: 'NOPA', allocated_team: 'Leaving Care' },
      // A plan ending on the as-at date is not open.
      { list: 7, child_id: 'ENDED', cp_start_date: '2025-01-01', cp_end_date: A },
      { list: 8, child_id: 'CEASED', date_started_looked_after: '2025-01-01', date_ceased_looked_after: A },
    ]);
  });
  after(() => f.close());

  it('lists open children with no allocated worker on any open row, in red', async () => {
    const e = await f.entry(RULE, 's1', A, 'CIN');
    assert.deepEqual(
      [e?.rag, e?.limitDate, e?.team, e?.worker, e?.detail.open_lists, e?.detail.open_since],
      ['red', null, 'CIN 1', null, '6', '2025-01-06'],
    );
    assert.equal(await ragOf(f, RULE, 's1', A, 'BLANK'), 'red', 'a blank worker is no worker');
    assert.equal(await ragOf(f, RULE, 's1', A, 'OLD'), 'red');
    assert.equal((await f.entry(RULE, 's1', A, 'OLD'))?.team, 'Duty');
    assert.equal(await ragOf(f, RULE, 's1', A, 'LATER'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', A, 'NOPA'), 'red');
  });

  it('shows the care team first and the earliest open start', async () => {
    const e = await f.entry(RULE, 's1', A, 'CLA');
    assert.deepEqual(
      [e?.team, e?.detail.open_lists, e?.detail.open_since],
      ['Children in Care', '6, 8', '2024-12-01'],
    );
  });

  it('leaves out allocated children and children with nothing open on the as-at date', async () => {
    for (const child of ['CP', 'CLOSED', 'AUTH', 'PA', 'ENDED', 'CEASED'])
      assert.equal(await ragOf(f, RULE, 's1', A, child), 'not listed', child);
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-30', 'ENDED'), 'red', 'open the day before it ended');
  });
});
