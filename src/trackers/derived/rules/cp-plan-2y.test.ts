import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpPlanRulesListing, openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cp_plan_2y';

describe('cp_plan_2y', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [
      { list: 7, child_id: 'P', cp_start_date: '2024-01-15' },
      // 29 February 2024 + 24 months clamps to 2026-02-28.
      { list: 7, child_id: 'L', cp_start_date: '2024-02-29' },
      // The plan ends on the day it reaches 24 months: closed, not listed.
      { list: 7, child_id: 'E', cp_start_date: '2024-01-15', cp_end_date: '2026-01-15' },
    ]);
  });
  after(() => f.close());

  it('lists a plan from exactly 24 months (red), not the day before', async () => {
    const e = await f.entry(RULE, 's1', '2026-01-15', 'P');
    assert.deepEqual([e?.limitDate, e?.rag, e?.daysOver], ['2026-01-15', 'red', 0]);
    assert.equal(await ragOf(f, RULE, 's1', '2026-01-14', 'P'), 'not listed');
  });

  it('stays red however long the plan runs', async () => {
    const e = await f.entry(RULE, 's1', '2027-01-15', 'P');
    assert.deepEqual([e?.rag, e?.daysOver], ['red', 365]);
  });

  it('lists the child under the highest checkpoint reached only', async () => {
    assert.deepEqual(await cpPlanRulesListing(f, 's1', '2026-01-15', 'P'), [RULE]);
  });

  it('counts months from 29 February as addCalendarMonths does', async () => {
    assert.equal((await f.entry(RULE, 's1', '2026-02-28', 'L'))?.limitDate, '2026-02-28');
    assert.equal(await ragOf(f, RULE, 's1', '2026-02-28', 'L'), 'red');
  });

  it('leaves out a plan ending on the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2026-01-15', 'E'), 'not listed');
  });
});
