import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpPlanRulesListing, openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cp_plan_15m';

describe('cp_plan_15m', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [
      { list: 7, child_id: 'P', cp_start_date: '2024-01-15' },
      // 29 February 2024 + 15 months is 29 May 2025 (no clamp needed).
      { list: 7, child_id: 'L', cp_start_date: '2024-02-29' },
      // The plan ends on the day it reaches 15 months: closed, not listed.
      { list: 7, child_id: 'E', cp_start_date: '2024-01-15', cp_end_date: '2025-04-15' },
    ]);
  });
  after(() => f.close());

  it('lists a plan from exactly 15 months (amber), not the day before', async () => {
    const e = await f.entry(RULE, 's1', '2025-04-15', 'P');
    assert.deepEqual([e?.limitDate, e?.rag, e?.daysOver], ['2025-04-15', 'amber', 0]);
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-14', 'P'), 'not listed');
  });

  it('stays until the day before 18 months', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-07-14', 'P'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-07-15', 'P'), 'not listed');
  });

  it('lists the child under the highest checkpoint reached only', async () => {
    assert.deepEqual(await cpPlanRulesListing(f, 's1', '2025-04-15', 'P'), [RULE]);
  });

  it('counts months from 29 February as addCalendarMonths does', async () => {
    assert.equal((await f.entry(RULE, 's1', '2025-05-29', 'L'))?.limitDate, '2025-05-29');
    assert.equal(await ragOf(f, RULE, 's1', '2025-05-29', 'L'), 'amber');
  });

  it('leaves out a plan ending on the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-15', 'E'), 'not listed');
  });
});
