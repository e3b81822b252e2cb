import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cla_missing_no_rhi';

describe('cla_missing_no_rhi', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    const c = { list: 8, date_started_looked_after: '2024-03-01', missing_episodes_last_12_months: 1 };
    await f.snapshot('s1', [
      { ...c, child_id: 'NO', return_interview_offered: false },
      { ...c, child_id: 'BL', return_interview_offered: null },
      { ...c, child_id: 'YES', return_interview_offered: true },
      { ...c, child_id: 'ZERO', missing_episodes_last_12_months: 0, return_interview_offered: false },
      { ...c, child_id: 'NULL', missing_episodes_last_12_months: null },
      { ...c, child_id: 'C', return_interview_offered: false, date_ceased_looked_after: '2025-03-31' },
    ]);
  });
  after(() => f.close());

  it('lists looked-after children missing at least once with no return interview recorded as offered', async () => {
    const e = await f.entry(RULE, 's1', '2025-03-31', 'NO');
    assert.deepEqual(
      [e?.rag, e?.limitDate, e?.detail.missing_episodes, e?.detail.offered],
      ['red', null, 1, false],
    );
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'BL'), 'red', 'blank: not recorded as offered');
    for (const child of ['YES', 'ZERO', 'NULL'])
      assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', child), 'not listed', child);
  });

  it('leaves out a child who ceased on the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-30', 'C'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'C'), 'not listed');
  });
});
