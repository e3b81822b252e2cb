import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cla_3plus_placements';

describe('cla_3plus_placements', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    const c = { list: 8, date_started_looked_after: '2024-03-01' };
    await f.snapshot('s1', [
      {
        ...c,
        child_id: 'T3',
        placements_last_12_months: 3,
        allocated_team: 'CiC 1',
        allocated_worker: 'Kim',
      },
      { ...c, child_id: 'T2', placements_last_12_months: 2 },
      { ...c, child_id: 'TN', placements_last_12_months: null },
      { ...c, child_id: 'C4', placements_last_12_months: 4, date_ceased_looked_after: '2025-03-31' },
    ]);
  });
  after(() => f.close());

  it('lists children with 3 or more placements in red, with no limit date', async () => {
    const e = await f.entry(RULE, 's1', '2025-03-31', 'T3');
    assert.deepEqual(
      [e?.rag, e?.limitDate, e?.daysOver, e?.team, e?.worker, e?.detail.placements],
      ['red', null, null, 'CiC 1', 'Kim', 3],
    );
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'T2'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'TN'), 'not listed');
  });

  it('lists only children looked after on the as-at date (ceasing on it: not)', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-30', 'C4'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'C4'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2024-02-29', 'T3'), 'not listed', 'before care started');
  });
});
