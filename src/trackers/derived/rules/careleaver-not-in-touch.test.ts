import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'careleaver_not_in_touch';

describe('careleaver_not_in_touch', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [
      {
        list: 9,
        child_id: 'NO',
        la_in_touch: 'NO',
        latest_contact_date: '2024-11-02',
        allocated_team: 'Leaving Care',
      },
      { list: 9, child_id: 'YES', la_in_touch: 'YES' },
      { list: 9, child_id: 'REFU', la_in_touch: 'REFU' },
      { list: 9, child_id: 'RHOM', la_in_touch: 'RHOM' },
      { list: 9, child_id: 'BLANK', la_in_touch: null },
    ]);
  });
  after(() => f.close());

  it('lists care leavers whose LA in touch is No, in red, with the latest contact', async () => {
    const e = await f.entry(RULE, 's1', '2025-03-31', 'NO');
    assert.deepEqual(
      [e?.rag, e?.limitDate, e?.team, e?.detail.latest_contact],
      ['red', null, 'Leaving Care', '2024-11-02'],
    );
    for (const child of ['YES', 'REFU', 'RHOM', 'BLANK'])
      assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', child), 'not listed', child);
  });
});
