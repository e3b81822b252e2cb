import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'careleaver_pathway_overdue';

describe('careleaver_pathway_overdue', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    const c = { list: 9, pathway_plan_review_date: '2025-03-31', la_in_touch: 'YES' };
    await f.snapshot('s1', [
      { ...c, child_id: 'R', allocated_team: 'Leaving Care', personal_adviser: 'Pat Adviser' },
      { ...c, child_id: 'W', allocated_worker: 'Wes Worker', personal_adviser: 'Pat Adviser' },
      { ...c, child_id: 'N', pathway_plan_review_date: null },
      { ...c, child_id: 'D', la_in_touch: 'DIED' },
      { ...c, child_id: 'Q', la_in_touch: 'NREQ' },
      { ...c, child_id: 'F', la_in_touch: 'REFU' },
      { ...c, child_id: 'M', pathway_plan_review_date: '2025-08-31' },
    ]);
  });
  after(() => f.close());

  it('is due 6 months after the latest review: amber on the day (31 March + 6 months = 30 September), red after', async () => {
    const onDay = await f.entry(RULE, 's1', '2025-09-30', 'R');
    assert.deepEqual(
      [onDay?.limitDate, onDay?.rag, onDay?.team, onDay?.worker],
      ['2025-09-30', 'amber', 'Leaving Care', 'Pat Adviser'],
    );
    assert.equal(await ragOf(f, RULE, 's1', '2025-10-01', 'R'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2025-09-02', 'R'), 'amber', '28 days before');
    assert.equal(await ragOf(f, RULE, 's1', '2025-09-01', 'R'), 'not listed');
    assert.equal(
      (await f.entry(RULE, 's1', '2025-10-01', 'W'))?.worker,
      'Wes Worker',
      'the worker before the adviser',
    );
    assert.equal((await f.entry(RULE, 's1', '2026-03-01', 'M'))?.limitDate, '2026-02-28');
  });

  it('lists a care leaver with no review recorded as red with no limit date', async () => {
    const e = await f.entry(RULE, 's1', '2025-04-01', 'N');
    assert.deepEqual([e?.rag, e?.limitDate, e?.daysOver], ['red', null, null]);
  });

  it('leaves out care leavers who died or no longer require services', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-10-01', 'D'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2025-10-01', 'Q'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2025-10-01', 'F'), 'red', 'refused contact is still listed');
  });
});
