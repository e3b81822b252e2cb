import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cla_visit_overdue';

describe('cla_visit_overdue', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    // Visited Monday 3 March 2025: 6 weeks end on Monday 14 April; 3 months on 3 June.
    const c = { list: 8, date_started_looked_after: '2025-01-06', date_last_social_work_visit: '2025-03-03' };
    await f.snapshot('s1', [
      { ...c, child_id: 'S', placement_type: 'K2', permanence_plan: 'FOSTERING' },
      { ...c, child_id: 'U4', placement_type: 'U4' },
      { ...c, child_id: 'U1', placement_type: 'U1' },
      { ...c, child_id: 'LF', placement_type: 'U6', permanence_plan: 'FOSTERING' },
      { ...c, child_id: 'SF', placement_type: 'U6', permanence_plan: 'RETURN' },
      // Long-term, visited 30 November 2024: + 3 months clamps to 28 February 2025.
      {
        ...c,
        child_id: 'M',
        placement_type: 'U4',
        date_started_looked_after: '2024-10-01',
        date_last_social_work_visit: '2024-11-30',
      },
      // No visit recorded: from the start of care (3 March + 42 days = 14 April).
      { ...c, child_id: 'N', date_started_looked_after: '2025-03-03', date_last_social_work_visit: null },
      { ...c, child_id: 'C', date_ceased_looked_after: '2025-04-15' },
    ]);
  });
  after(() => f.close());

  it('gives 6 weeks from the last visit: amber on the limit day, red the day after', async () => {
    const onDay = await f.entry(RULE, 's1', '2025-04-14', 'S');
    assert.deepEqual(
      [onDay?.limitDate, onDay?.rag, onDay?.daysOver, onDay?.detail.long_term],
      ['2025-04-14', 'amber', 0, false],
    );
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-15', 'S'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-07', 'S'), 'amber', '7 days before');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-06', 'S'), 'not listed');
    assert.equal((await f.entry(RULE, 's1', '2025-04-15', 'N'))?.limitDate, '2025-04-14');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-15', 'SF'), 'red', 'U6 without a long-term plan');
  });

  it('gives 3 months where the placement is long-term', async () => {
    for (const child of ['U4', 'U1', 'LF']) {
      const e = await f.entry(RULE, 's1', '2025-06-03', child);
      assert.deepEqual([e?.limitDate, e?.rag, e?.detail.long_term], ['2025-06-03', 'amber', true], child);
      assert.equal(await ragOf(f, RULE, 's1', '2025-06-04', child), 'red', child);
      assert.equal(await ragOf(f, RULE, 's1', '2025-04-15', child), 'not listed', child);
    }
    assert.equal((await f.entry(RULE, 's1', '2025-03-01', 'M'))?.limitDate, '2025-02-28');
  });

  it('reads both intervals from the settings', async () => {
    const weeks = await f.entry(RULE, 's1', '2025-04-01', 'S', { cla_visit_weeks: 4 });
    assert.deepEqual([weeks?.limitDate, weeks?.rag], ['2025-03-31', 'red']);
    const months = await f.entry(RULE, 's1', '2025-05-04', 'U4', { cla_visit_long_term_months: 2 });
    assert.deepEqual([months?.limitDate, months?.rag], ['2025-05-03', 'red']);
  });

  it('leaves out a child who ceased to be looked after on the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-14', 'C'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-15', 'C'), 'not listed');
  });
});
