import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cp_review_overdue';

describe('cp_review_overdue', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [
      // No review yet: the first is due within 3 months of the start, by 10 April 2025.
      { list: 7, child_id: 'F', cp_start_date: '2025-01-10' },
      // A review dated on the start day is not a review: still the first due.
      { list: 7, child_id: 'S', cp_start_date: '2025-01-10', date_latest_review_conference: '2025-01-10' },
      // Reviewed on 1 April 2025: the next within 6 months, by 1 October 2025.
      { list: 7, child_id: 'R', cp_start_date: '2025-01-10', date_latest_review_conference: '2025-04-01' },
      // 31 August + 6 months clamps to 28 February.
      { list: 7, child_id: 'M', cp_start_date: '2025-02-20', date_latest_review_conference: '2025-08-31' },
      // Ended on the as-at date: not listed.
      { list: 7, child_id: 'E', cp_start_date: '2025-01-10', cp_end_date: '2025-04-11' },
    ]);
  });
  after(() => f.close());

  it('gives the first review 3 months from the plan start: amber on the limit day, red the day after', async () => {
    const onDay = await f.entry(RULE, 's1', '2025-04-10', 'F');
    assert.deepEqual([onDay?.limitDate, onDay?.rag, onDay?.daysOver], ['2025-04-10', 'amber', 0]);
    const next = await f.entry(RULE, 's1', '2025-04-11', 'F');
    assert.deepEqual([next?.rag, next?.daysOver], ['red', 1]);
    assert.equal((await f.entry(RULE, 's1', '2025-04-11', 'S'))?.limitDate, '2025-04-10');
  });

  it('is amber within 14 days before the limit and not listed earlier', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-27', 'F'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-26', 'F'), 'not listed');
    assert.equal(
      await ragOf(f, RULE, 's1', '2025-03-26', 'F', { tracker_warn_cp_review_overdue: 15 }),
      'amber',
    );
  });

  it('gives later reviews 6 months from the latest review conference', async () => {
    const e = await f.entry(RULE, 's1', '2025-10-02', 'R');
    assert.deepEqual([e?.limitDate, e?.rag, e?.daysOver], ['2025-10-01', 'red', 1]);
    assert.equal(e?.detail.latest_review, '2025-04-01');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-11', 'R'), 'not listed');
    assert.equal((await f.entry(RULE, 's1', '2026-03-01', 'M'))?.limitDate, '2026-02-28');
  });

  it('leaves out a plan ending on the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-10', 'E'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-11', 'E'), 'not listed');
  });
});
