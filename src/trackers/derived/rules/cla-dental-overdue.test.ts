import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cla_dental_overdue';

describe('cla_dental_overdue', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    const c = { list: 8, date_started_looked_after: '2025-03-03', date_of_birth: '2015-05-05' };
    await f.snapshot('s1', [
      { ...c, child_id: 'K', date_last_dental_check: '2025-01-31' },
      // A check before care started counts.
      { ...c, child_id: 'P', date_last_dental_check: '2024-12-01' },
      { ...c, child_id: 'N' },
      // A baby looked after from birth: first due on the first birthday.
      { ...c, child_id: 'B', date_of_birth: '2025-06-10', date_started_looked_after: '2025-06-10' },
      // Under 5 with a check: 12 months too.
      { ...c, child_id: 'Y', date_of_birth: '2022-01-01', date_last_dental_check: '2025-01-31' },
      // 29 February + 12 months clamps to 28 February.
      { ...c, child_id: 'L', date_started_looked_after: '2024-01-01', date_last_dental_check: '2024-02-29' },
      { ...c, child_id: 'C', date_last_dental_check: '2025-01-31', date_ceased_looked_after: '2026-02-01' },
    ]);
  });
  after(() => f.close());

  it('gives 12 months from the last check: amber on the limit day, red the day after', async () => {
    const onDay = await f.entry(RULE, 's1', '2026-01-31', 'K');
    assert.deepEqual([onDay?.limitDate, onDay?.rag, onDay?.daysOver], ['2026-01-31', 'amber', 0]);
    assert.equal(await ragOf(f, RULE, 's1', '2026-02-01', 'K'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2026-01-03', 'K'), 'amber', '28 days before');
    assert.equal(await ragOf(f, RULE, 's1', '2026-01-02', 'K'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2026-02-01', 'Y'), 'red', 'the same for an under-5');
    assert.equal((await f.entry(RULE, 's1', '2025-12-02', 'P'))?.limitDate, '2025-12-01');
    assert.equal((await f.entry(RULE, 's1', '2025-03-01', 'L'))?.limitDate, '2025-02-28');
  });

  it('with no check recorded, gives 12 months from the start of care (a baby: not before the first birthday)', async () => {
    assert.equal((await f.entry(RULE, 's1', '2026-03-04', 'N'))?.limitDate, '2026-03-03');
    assert.equal(await ragOf(f, RULE, 's1', '2026-06-10', 'B'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2026-06-11', 'B'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2026-05-12', 'B'), 'not listed');
  });

  it('leaves out a child who ceased on the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2026-01-31', 'C'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2026-02-01', 'C'), 'not listed');
  });
});
