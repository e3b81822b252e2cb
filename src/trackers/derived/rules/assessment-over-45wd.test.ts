import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'assessment_over_45wd';

describe('assessment_over_45wd', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [
      // Monday 1 December 2025 + 45 working days, skipping 25, 26 December and 1 January: Thursday 5 February 2026.
      { list: 4, child_id: 'A', assessment_start_date: '2025-12-01', allocated_worker: 'Ali Worker' },
      // Authorised on 6 February 2026.
      {
        list: 4,
        child_id: 'D',
        assessment_start_date: '2025-12-01',
        assessment_authorised_date: '2026-02-06',
      },
      // Two open assessments: the earlier limit decides.
      { list: 4, child_id: 'T', assessment_start_date: '2025-12-08' },
      { list: 4, child_id: 'T', assessment_start_date: '2025-11-03' },
    ]);
  });
  after(() => f.close());

  it('is not late on exactly the 45th working day across the bank holidays, and red the next day', async () => {
    const onDay = await f.entry(RULE, 's1', '2026-02-05', 'A');
    assert.deepEqual(
      [onDay?.limitDate, onDay?.rag, onDay?.daysOver, onDay?.detail.working_days_over],
      ['2026-02-05', 'amber', 0, -0],
    );
    const next = await f.entry(RULE, 's1', '2026-02-06', 'A');
    assert.deepEqual([next?.rag, next?.daysOver, next?.detail.working_days_over], ['red', 1, 1]);
    assert.equal(next?.worker, 'Ali Worker');
    // Saturday 7 and Sunday 8 February add calendar days, not working days.
    const monday = await f.entry(RULE, 's1', '2026-02-09', 'A');
    assert.deepEqual([monday?.daysOver, monday?.detail.working_days_over], [4, 2]);
  });

  it('is amber from 10 working days before the limit (22 January 2026)', async () => {
    const e = await f.entry(RULE, 's1', '2026-01-22', 'A');
    assert.deepEqual([e?.rag, e?.detail.working_days_over], ['amber', -10]);
    assert.equal(await ragOf(f, RULE, 's1', '2026-01-21', 'A'), 'not listed');
  });

  it('stops listing an assessment authorised on or before the as-at date', async () => {
    assert.equal(
      await ragOf(f, RULE, 's1', '2026-02-05', 'D'),
      'amber',
      'authorised after the as-at date: open',
    );
    assert.equal(await ragOf(f, RULE, 's1', '2026-02-06', 'D'), 'not listed', 'authorised on the as-at date');
  });

  it('lists a child once, by the assessment whose limit falls first', async () => {
    const t = (await f.run(RULE, 's1', '2026-02-06')).filter((e) => e.childId === 'T');
    assert.equal(t.length, 1);
    assert.equal(t[0]?.detail.assessment_start, '2025-11-03');
  });
});
