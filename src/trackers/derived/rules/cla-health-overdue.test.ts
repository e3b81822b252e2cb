import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cla_health_overdue';

describe('cla_health_overdue', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    const c = { list: 8, date_started_looked_after: '2024-06-03', date_last_health_assessment: '2025-02-10' };
    await f.snapshot('s1', [
      { ...c, child_id: 'O', date_of_birth: '2015-05-05' },
      { ...c, child_id: 'Y', date_of_birth: '2022-06-01' },
      // 5 on 11 February 2026.
      { ...c, child_id: 'T', date_of_birth: '2021-02-11' },
      // Born 29 February 2020: 5 on 1 March 2025 (not 28 February).
      { ...c, child_id: 'L', date_of_birth: '2020-02-29', date_last_health_assessment: '2024-08-27' },
      { ...c, child_id: 'D', date_of_birth: null },
      // No assessment since the start (one before it does not count): the initial one within 20 working days.
      {
        ...c,
        child_id: 'I',
        date_started_looked_after: '2025-03-03',
        date_last_health_assessment: '2025-01-05',
      },
      { ...c, child_id: 'C', date_of_birth: '2015-05-05', date_ceased_looked_after: '2026-02-11' },
    ]);
  });
  after(() => f.close());

  it('gives 12 months from the last assessment to children aged 5 or more', async () => {
    const onDay = await f.entry(RULE, 's1', '2026-02-10', 'O');
    assert.deepEqual([onDay?.limitDate, onDay?.rag, onDay?.detail.under_5], ['2026-02-10', 'amber', false]);
    assert.equal(await ragOf(f, RULE, 's1', '2026-02-11', 'O'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2026-01-13', 'O'), 'amber', '28 days before');
    assert.equal(await ragOf(f, RULE, 's1', '2026-01-12', 'O'), 'not listed');
    assert.equal(
      (await f.entry(RULE, 's1', '2026-02-11', 'D'))?.limitDate,
      '2026-02-10',
      'no date of birth: 12',
    );
  });

  it('gives 6 months to children under 5 on the as-at date', async () => {
    const e = await f.entry(RULE, 's1', '2025-08-11', 'Y');
    assert.deepEqual([e?.limitDate, e?.rag, e?.detail.under_5], ['2025-08-10', 'red', true]);
    assert.equal(await ragOf(f, RULE, 's1', '2025-08-10', 'Y'), 'amber');
    // The day before the fifth birthday: 6 months (overdue since August); on the birthday: 12 months.
    assert.deepEqual((await f.entry(RULE, 's1', '2026-02-10', 'T'))?.limitDate, '2025-08-10');
    assert.deepEqual((await f.entry(RULE, 's1', '2026-02-11', 'T'))?.limitDate, '2026-02-10');
    // 29 February birthday: under 5 on 28 February 2025 (6 months: 27 February), 5 on 1 March (27 August).
    assert.deepEqual((await f.entry(RULE, 's1', '2025-02-28', 'L'))?.limitDate, '2025-02-27');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-01', 'L'), 'not listed');
  });

  it('gives the initial health assessment 20 working days from the start of care', async () => {
    const e = await f.entry(RULE, 's1', '2025-04-01', 'I');
    assert.deepEqual([e?.limitDate, e?.rag], ['2025-03-31', 'red']);
  });

  it('leaves out a child who ceased on the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2026-02-10', 'C'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2026-02-11', 'C'), 'not listed');
  });
});
