import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cla_review_overdue';

describe('cla_review_overdue', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    // Started Monday 3 March 2025: the first review within 20 working days, by Monday 31 March.
    const c = { list: 8, date_started_looked_after: '2025-03-03' };
    await f.snapshot('s1', [
      { ...c, child_id: 'F' },
      { ...c, child_id: 'B', date_latest_review: '2025-03-03' },
      // Reviewed 28 March (less than 3 months after the start): taken as the first, the second due by 28 June.
      { ...c, child_id: 'R1', date_latest_review: '2025-03-28' },
      // Reviewed exactly 3 months after the start (3 June): taken as the second, the next due by 3 December.
      { ...c, child_id: 'R3', date_latest_review: '2025-06-03' },
      // Reviewed 31 August 2025: six-monthly, + 6 months clamps to 28 February 2026.
      { ...c, child_id: 'M', date_latest_review: '2025-08-31' },
      { ...c, child_id: 'C', date_ceased_looked_after: '2025-04-01' },
    ]);
  });
  after(() => f.close());

  it('gives the first review 20 working days from the start', async () => {
    const onDay = await f.entry(RULE, 's1', '2025-03-31', 'F');
    assert.deepEqual(
      [onDay?.limitDate, onDay?.rag, onDay?.detail.next_review],
      ['2025-03-31', 'amber', 'first'],
    );
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-01', 'F'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-17', 'F'), 'amber', '14 days before');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-16', 'F'), 'not listed');
    assert.equal(
      (await f.entry(RULE, 's1', '2025-04-01', 'B'))?.limitDate,
      '2025-03-31',
      'a review on the start day is not counted',
    );
  });

  it('gives the second review 3 months after a first held less than 3 months after the start', async () => {
    const e = await f.entry(RULE, 's1', '2025-06-29', 'R1');
    assert.deepEqual([e?.limitDate, e?.rag, e?.detail.next_review], ['2025-06-28', 'red', 'second']);
    assert.equal(await ragOf(f, RULE, 's1', '2025-06-28', 'R1'), 'amber');
  });

  it('gives later reviews 6 months', async () => {
    const e = await f.entry(RULE, 's1', '2025-12-04', 'R3');
    assert.deepEqual([e?.limitDate, e?.rag, e?.detail.next_review], ['2025-12-03', 'red', 'six-monthly']);
    assert.equal(await ragOf(f, RULE, 's1', '2025-12-03', 'R3'), 'amber');
    assert.equal((await f.entry(RULE, 's1', '2026-03-01', 'M'))?.limitDate, '2026-02-28');
  });

  it('leaves out a child who ceased on the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'C'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-01', 'C'), 'not listed');
  });
});
