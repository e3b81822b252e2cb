import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 's47_no_icpc_15wd';

describe('s47_no_icpc_15wd', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    // Strategy discussion Monday 14 April 2025: 15 working days (Good Friday, Easter Monday and 5 May skipped)
    // end on Thursday 8 May 2025.
    const s = { list: 5, strategy_discussion_date: '2025-04-14' };
    await f.snapshot('s1', [
      { ...s, child_id: 'N' },
      { ...s, child_id: 'U', icpc_unnecessary: true },
      { ...s, child_id: 'X', icpc_unnecessary: false },
      { ...s, child_id: 'H', icpc_date: '2025-05-09', icpc_resulted_in_plan: true },
    ]);
  });
  after(() => f.close());

  it('is amber on the 15th working day and red from the next', async () => {
    const onDay = await f.entry(RULE, 's1', '2025-05-08', 'N');
    assert.deepEqual([onDay?.limitDate, onDay?.rag, onDay?.daysOver], ['2025-05-08', 'amber', 0]);
    const next = await f.entry(RULE, 's1', '2025-05-09', 'N');
    assert.deepEqual([next?.rag, next?.detail.working_days_over], ['red', 1]);
    assert.equal(await ragOf(f, RULE, 's1', '2025-05-09', 'X'), 'red', 'recorded as necessary');
  });

  it('is amber from 5 working days before the limit', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-05-01', 'N'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-30', 'N'), 'amber', '30 April is 5 working days before');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-29', 'N'), 'not listed');
  });

  it('leaves out enquiries whose conference was deemed unnecessary or was held by the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-05-09', 'U'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2025-05-08', 'H'), 'amber', 'held after the as-at date');
    assert.equal(await ragOf(f, RULE, 's1', '2025-05-09', 'H'), 'not listed', 'held on the as-at date');
  });

  it('leaves out enquiries whose strategy discussion is after the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-13', 'N'), 'not listed');
  });
});
