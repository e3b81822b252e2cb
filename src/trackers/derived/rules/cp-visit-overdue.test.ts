import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cp_visit_overdue';

describe('cp_visit_overdue', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [
      // Visited Monday 14 April 2025: 10 working days, skipping Good Friday and Easter Monday, end Wed 30 April.
      {
        list: 7,
        child_id: 'V',
        cp_start_date: '2025-03-03',
        date_last_statutory_visit: '2025-04-14',
        allocated_team: ' Safeguarding 1 ',
        allocated_worker: 'Sam Worker',
      },
      // No visit recorded: counted from the plan start (Monday 3 March → Monday 17 March).
      { list: 7, child_id: 'N', cp_start_date: '2025-03-03' },
      // A visit before the plan started does not count: from the start.
      { list: 7, child_id: 'B', cp_start_date: '2025-03-03', date_last_statutory_visit: '2025-02-01' },
      // The plan ended on 2025-05-02: open on 1 May, closed on 2 May.
      { list: 7, child_id: 'E', cp_start_date: '2025-03-03', cp_end_date: '2025-05-02' },
      // Two open plans: the one whose limit falls first decides.
      { list: 7, child_id: 'T', cp_start_date: '2025-03-03', date_last_statutory_visit: '2025-04-14' },
      { list: 7, child_id: 'T', cp_start_date: '2025-03-10', date_last_statutory_visit: '2025-03-10' },
      // A plan starting after the as-at date is not open.
      { list: 7, child_id: 'F', cp_start_date: '2025-06-01' },
    ]);
  });
  after(() => f.close());

  it('is amber on the limit day itself, red from the day after, and not listed before the window', async () => {
    const onDay = await f.entry(RULE, 's1', '2025-04-30', 'V');
    assert.deepEqual(
      {
        limit: onDay?.limitDate,
        rag: onDay?.rag,
        days: onDay?.daysOver,
        wd: onDay?.detail.working_days_over,
      },
      { limit: '2025-04-30', rag: 'amber', days: 0, wd: -0 },
    );
    assert.equal(onDay?.team, 'Safeguarding 1');
    assert.equal(onDay?.worker, 'Sam Worker');
    assert.deepEqual(onDay?.detail.last_visit, '2025-04-14');
    const next = await f.entry(RULE, 's1', '2025-05-01', 'V');
    assert.deepEqual([next?.rag, next?.daysOver, next?.detail.working_days_over], ['red', 1, 1]);
    // Monday 5 May 2025 is a bank holiday: Tuesday 6 May is 3 working days over (1, 2, 6 May), 6 days.
    const later = await f.entry(RULE, 's1', '2025-05-06', 'V');
    assert.deepEqual([later?.daysOver, later?.detail.working_days_over], [6, 3]);
    // Default warning: 2 working days. 28 April is 2 working days before 30 April; 25 April is 3.
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-28', 'V'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-25', 'V'), 'not listed');
    assert.equal(
      await ragOf(f, RULE, 's1', '2025-04-25', 'V', { tracker_warn_cp_visit_overdue: 3 }),
      'amber',
    );
  });

  it('counts from the plan start when no visit (or only an earlier one) is recorded', async () => {
    for (const child of ['N', 'B']) {
      assert.equal((await f.entry(RULE, 's1', '2025-03-17', child))?.limitDate, '2025-03-17');
      assert.equal(await ragOf(f, RULE, 's1', '2025-03-17', child), 'amber');
      assert.equal(await ragOf(f, RULE, 's1', '2025-03-18', child), 'red');
    }
  });

  it('reads the visit standard from the settings', async () => {
    const e = await f.entry(RULE, 's1', '2025-04-30', 'V', { cp_visit_working_days: 20 });
    assert.equal(
      e,
      undefined,
      '20 working days (5 May a bank holiday): due 15 May, not within 2 working days',
    );
    const due = await f.entry(RULE, 's1', '2025-05-16', 'V', { cp_visit_working_days: 20 });
    assert.deepEqual([due?.limitDate, due?.rag], ['2025-05-15', 'red']);
  });

  it('leaves out plans that ended on or before the as-at date and plans not yet started', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-05-01', 'E'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2025-05-02', 'E'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2025-05-02', 'F'), 'not listed');
  });

  it('lists a child once, by the plan whose limit falls first', async () => {
    const entries = (await f.run(RULE, 's1', '2025-05-01')).filter((e) => e.childId === 'T');
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.limitDate, '2025-03-24');
  });
});
