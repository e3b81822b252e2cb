import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cp_plan_9m';

describe('cp_plan_9m', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [
      { list: 7, child_id: 'P', cp_start_date: '2024-01-15', allocated_team: 'Safeguarding 2' },
      // 31 May + 9 months clamps to 28 February 2025.
      { list: 7, child_id: 'M', cp_start_date: '2024-05-31' },
      // Ends on 1 November 2024: open on 31 October, closed on 1 November.
      { list: 7, child_id: 'E', cp_start_date: '2024-01-15', cp_end_date: '2024-11-01' },
    ]);
  });
  after(() => f.close());

  it('is amber from exactly 9 months (the day itself) until the day before 12 months', async () => {
    const e = await f.entry(RULE, 's1', '2024-10-15', 'P');
    assert.deepEqual(
      [e?.limitDate, e?.rag, e?.daysOver, e?.team],
      ['2024-10-15', 'amber', 0, 'Safeguarding 2'],
    );
    assert.equal(e?.detail.plan_start, '2024-01-15');
    assert.equal(await ragOf(f, RULE, 's1', '2025-01-14', 'P'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-01-15', 'P'), 'not listed', 'at 12 months it moves on');
  });

  it('lists plans approaching 9 months green within the window (28 days by default)', async () => {
    const e = await f.entry(RULE, 's1', '2024-10-14', 'P');
    assert.deepEqual([e?.rag, e?.daysOver], ['green', -1]);
    assert.equal(await ragOf(f, RULE, 's1', '2024-09-17', 'P'), 'green');
    assert.equal(await ragOf(f, RULE, 's1', '2024-09-16', 'P'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2024-10-14', 'P', { tracker_warn_cp_plan_9m: 0 }), 'not listed');
  });

  it('clamps month ends as addCalendarMonths does', async () => {
    assert.equal((await f.entry(RULE, 's1', '2025-02-28', 'M'))?.limitDate, '2025-02-28');
    assert.equal(await ragOf(f, RULE, 's1', '2025-02-28', 'M'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-02-27', 'M'), 'green');
  });

  it('leaves out a plan that ends on the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2024-10-31', 'E'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2024-11-01', 'E'), 'not listed');
  });
});
