import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'careleaver_unsuitable_accommodation';

describe('careleaver_unsuitable_accommodation', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [
      {
        list: 9,
        child_id: 'U',
        accommodation_suitability: 'UNSUITABLE',
        accommodation_type: 'W',
        allocated_worker: 'Ola',
      },
      { list: 9, child_id: 'S', accommodation_suitability: 'SUITABLE', accommodation_type: 'U' },
      { list: 9, child_id: 'B', accommodation_suitability: null },
    ]);
  });
  after(() => f.close());

  it('lists care leavers in unsuitable accommodation, in red', async () => {
    const e = await f.entry(RULE, 's1', '2025-03-31', 'U');
    assert.deepEqual([e?.rag, e?.limitDate, e?.worker, e?.detail.accommodation], ['red', null, 'Ola', 'W']);
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'S'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'B'), 'not listed');
  });
});
