import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, openFixture, run, type Fixture } from '../test-support.ts';
import { drilldown } from '../runner.ts';
import { indicatorById } from '../registry.ts';

const A = '2025-09-30';
const child = (id: string, extra: Record<string, unknown> = {}) => ({
  child_id: id,
  gender: 'M',
  ethnicity: 'BAFR',
  date_of_birth: '2014-03-01',
  disability: false,
  allocated_team: 'Safeguarding 1',
  allocated_worker: 'Jo Worker',
  ...extra,
});

describe('child protection and children in need indicators on hand-made data', () => {
  let f: Fixture;
  before(async () => {
    f = await openFixture();
  });
  after(async () => f.close());

  it('ICPCs within 15 working days (across the May bank holidays) and ICPCs resulting in a plan', async () => {
    const id = await f.snapshot([
      // 1 May → 23 May 2025: 15 working days (5 May skipped)
      {
        list: 5,
        values: child('S1', {
          strategy_discussion_date: '2025-05-01',
          icpc_date: '2025-05-23',
          icpc_resulted_in_plan: true,
        }),
      },
      // 1 May → 27 May: 16 working days (26 May skipped too)
      {
        list: 5,
        values: child('S2', {
          strategy_discussion_date: '2025-05-01',
          icpc_date: '2025-05-27',
          icpc_resulted_in_plan: false,
        }),
      },
      // ICPC dated before its strategy discussion: left out, as DfE does
      {
        list: 5,
        values: child('S3', {
          strategy_discussion_date: '2025-06-10',
          icpc_date: '2025-06-09',
          icpc_resulted_in_plan: true,
        }),
      },
      // ICPC on the period's first day, 8 working days after a discussion before the period
      { list: 5, values: child('S4', { strategy_discussion_date: '2025-03-20', icpc_date: '2025-04-01' }) },
      // ICPC before the period
      { list: 5, values: child('S5', { strategy_discussion_date: '2025-03-20', icpc_date: '2025-03-31' }) },
    ]);
    const ctx = context(id, A);
    const r = await run(f.store, 's47_icpc_15wd_pct', ctx);
    assert.deepEqual([r.numerator, r.denominator, r.value], [2, 3, 66.7]);
    const drill = await drilldown(f.store, indicatorById('s47_icpc_15wd_pct')!, ctx, {
      part: 'denominator',
      scope: { kind: 'all' },
    });
    assert.deepEqual(
      drill.rows.map((x) => [x.childId, x.evidence.working_days, x.inNumerator]),
      [
        ['S1', 15, true],
        ['S2', 16, false],
        ['S4', 8, true],
      ],
    );
    const plans = await run(f.store, 'icpc_to_plan_pct', ctx);
    assert.deepEqual([plans.numerator, plans.denominator, plans.value], [1, 3, 33.3]);
  });

  it('section 47 enquiries leading to an ICPC, and their rate per 10,000', async () => {
    const id = await f.snapshot([
      { list: 5, values: child('Q1', { strategy_discussion_date: '2025-04-01', icpc_date: '2025-04-20' }) },
      { list: 5, values: child('Q2', { strategy_discussion_date: '2025-05-01', icpc_unnecessary: true }) },
      { list: 5, values: child('Q3', { strategy_discussion_date: A }) },
      // a date, but recorded as deemed unnecessary: not counted
      {
        list: 5,
        values: child('Q4', {
          strategy_discussion_date: '2025-06-01',
          icpc_unnecessary: true,
          icpc_date: '2025-06-20',
        }),
      },
      // ICPC after the as-at date: not yet held
      { list: 5, values: child('Q5', { strategy_discussion_date: '2025-09-20', icpc_date: '2025-10-01' }) },
      // strategy discussion before the period
      { list: 5, values: child('Q6', { strategy_discussion_date: '2025-03-31', icpc_date: '2025-04-10' }) },
    ]);
    const ctx = context(id, A, { population: 1000 });
    const r = await run(f.store, 's47_to_icpc_pct', ctx);
    assert.deepEqual([r.numerator, r.denominator, r.value], [1, 5, 20]);
    const rate = await run(f.store, 's47_rate_per_10k', ctx);
    assert.deepEqual([rate.numerator, rate.value], [5, 50]);
    const empty = await run(
      f.store,
      's47_to_icpc_pct',
      context(id, '2024-09-30', { periodStart: '2024-04-01' }),
    );
    assert.deepEqual([empty.value, empty.numerator, empty.denominator], [null, 0, 0]);
  });

  it('children in need at A: distinct children, closed on A is not open', async () => {
    const id = await f.snapshot([
      { list: 6, values: child('C1', { cin_start_date: '2024-01-01' }) },
      { list: 6, values: child('C1', { cin_start_date: '2025-02-01' }) },
      { list: 6, values: child('C2', { cin_start_date: '2025-01-01', cin_closure_date: A }) },
      { list: 6, values: child('C3', { cin_start_date: '2025-01-01', cin_closure_date: '2025-10-01' }) },
      { list: 6, values: child('C4', { cin_start_date: A }) },
      { list: 6, values: child('C5', { cin_start_date: '2025-10-01' }) },
      { list: 6, values: child('C6', { cin_start_date: '2024-01-01', cin_closure_date: '2024-06-01' }) },
      { list: 6, values: child('C6', { cin_start_date: '2025-05-01', allocated_team: 'Disabled Children' }) },
    ]);
    const ctx = context(id, A, { population: 800 });
    const count = await run(f.store, 'cin_count', ctx);
    assert.deepEqual([count.value, count.numerator], [4, 4]);
    const rate = await run(f.store, 'cin_rate_per_10k', ctx);
    // 4 ÷ 800 × 10,000 = 50
    assert.deepEqual([rate.value, rate.numerator, rate.denominator], [50, 4, 800]);
    const team = rate.breakdowns.find((b) => b.dimension === 'team' && b.key === 'Disabled Children');
    assert.deepEqual([team?.numerator, team?.value], [1, null]);
    const drill = await drilldown(f.store, indicatorById('cin_count')!, ctx, {
      part: 'numerator',
      scope: { kind: 'all' },
    });
    assert.deepEqual(
      drill.rows.map((x) => [x.childId, x.evidence.open_episodes]),
      [
        ['C1', 2],
        ['C3', 1],
        ['C4', 1],
        ['C6', 1],
      ],
    );
  });

  it('children in need seen within the standard: exactly 20 working days counts; children in care left out', async () => {
    const id = await f.snapshot([
      // 2 Sep → 30 Sep 2025 = 20 working days
      { list: 6, values: child('N1', { cin_start_date: '2025-01-01', date_last_seen: '2025-09-02' }) },
      { list: 6, values: child('N2', { cin_start_date: '2025-01-01', date_last_seen: '2025-09-01' }) },
      { list: 6, values: child('N3', { cin_start_date: '2025-01-01' }) },
      {
        list: 6,
        values: child('N4', {
          cin_start_date: '2025-01-01',
          date_last_seen: '2025-01-01',
          case_status: 'LAC',
        }),
      },
      { list: 6, values: child('N5', { cin_start_date: '2024-01-01', date_last_seen: '2025-08-01' }) },
      { list: 6, values: child('N5', { cin_start_date: '2025-03-01', date_last_seen: '2025-09-10' }) },
      // seen only after A: not in time at A
      { list: 6, values: child('N6', { cin_start_date: '2025-01-01', date_last_seen: '2025-10-01' }) },
    ]);
    const r = await run(f.store, 'cin_seen_in_standard_pct', context(id, A));
    assert.deepEqual([r.numerator, r.denominator, r.value], [2, 5, 40]);
    assert.deepEqual(r.standards, { cin_seen_working_days: 20 });
    const wider = await run(
      f.store,
      'cin_seen_in_standard_pct',
      context(id, A, { standards: { cin_seen_working_days: 21 } }),
    );
    assert.deepEqual([wider.numerator, wider.value], [3, 60]);
  });

  it('plans open at A and their rate: a plan ending on A is not open', async () => {
    const id = await f.snapshot([
      { list: 7, values: child('P1', { cp_start_date: '2025-01-01', cp_end_date: A }) },
      { list: 7, values: child('P2', { cp_start_date: '2025-01-01', cp_end_date: '2025-10-01' }) },
      { list: 7, values: child('P3', { cp_start_date: A }) },
      { list: 7, values: child('P4', { cp_start_date: '2025-10-01' }) },
      { list: 7, values: child('P5', { cp_start_date: '2024-11-11' }) },
    ]);
    const ctx = context(id, A, { population: 1500 });
    const count = await run(f.store, 'cp_count', ctx);
    assert.equal(count.value, 3);
    const rate = await run(f.store, 'cp_rate_per_10k', ctx);
    // 3 ÷ 1,500 × 10,000 = 20
    assert.deepEqual([rate.value, rate.numerator, rate.denominator], [20, 3, 1500]);
  });

  it('plans open 2 years or more and 18 months or more: the exact anniversaries count', async () => {
    const id = await f.snapshot([
      { list: 7, values: child('Y1', { cp_start_date: '2023-09-30' }) },
      { list: 7, values: child('Y2', { cp_start_date: '2023-10-01' }) },
      { list: 7, values: child('Y3', { cp_start_date: '2024-03-30' }) },
      { list: 7, values: child('Y4', { cp_start_date: '2024-03-31' }) },
      { list: 7, values: child('Y5', { cp_start_date: '2023-01-01', cp_end_date: A }) },
      { list: 7, values: child('Y6', { cp_start_date: '2022-01-01', cp_end_date: '2025-10-01' }) },
    ]);
    const ctx = context(id, A);
    const twoYears = await run(f.store, 'cp_open_2y_plus_pct', ctx);
    // open: Y1, Y2, Y3, Y4, Y6; started on or before 30 Sep 2023: Y1, Y6
    assert.deepEqual([twoYears.numerator, twoYears.denominator, twoYears.value], [2, 5, 40]);
    const eighteen = await run(f.store, 'cp_open_18m_plus_count', ctx);
    // started on or before 30 Mar 2024: Y1, Y2, Y3, Y6
    assert.equal(eighteen.value, 4);
    // A = 31 Aug 2025: 18 months before is 29 Feb 2024 (a leap day)
    const leap = await f.snapshot([
      { list: 7, values: child('L1', { cp_start_date: '2024-02-29' }) },
      { list: 7, values: child('L2', { cp_start_date: '2024-03-01' }) },
      { list: 7, values: child('L3', { cp_start_date: '2023-08-31' }) },
      { list: 7, values: child('L4', { cp_start_date: '2023-09-01' }) },
    ]);
    const leapCtx = context(leap, '2025-08-31');
    // 18 months: L1 (the leap day itself), L3 and L4; 2 years (on or before 31 Aug 2023): L3
    assert.equal((await run(f.store, 'cp_open_18m_plus_count', leapCtx)).value, 3);
    const leap2y = await run(f.store, 'cp_open_2y_plus_pct', leapCtx);
    assert.deepEqual([leap2y.numerator, leap2y.denominator], [1, 4]);
  });

  it('second or subsequent plans starting in the period', async () => {
    const id = await f.snapshot([
      { list: 7, values: child('G1', { cp_start_date: '2025-04-01', previous_cp_plans: 1 }) },
      { list: 7, values: child('G2', { cp_start_date: '2025-05-01', previous_cp_plans: 0 }) },
      { list: 7, values: child('G3', { cp_start_date: '2025-06-01' }) },
      { list: 7, values: child('G4', { cp_start_date: A, previous_cp_plans: 3 }) },
      { list: 7, values: child('G5', { cp_start_date: '2025-03-31', previous_cp_plans: 2 }) },
    ]);
    const r = await run(f.store, 'cp_second_subsequent_pct', context(id, A));
    assert.deepEqual([r.numerator, r.denominator, r.value], [2, 4, 50]);
  });

  it('children on a plan visited within 10 working days (across the August bank holiday) and seen alone', async () => {
    const asAt = '2025-09-02';
    const id = await f.snapshot([
      // 18 Aug → 2 Sep 2025: 10 working days (25 Aug skipped): the standard's last day
      {
        list: 7,
        values: child('V1', {
          cp_start_date: '2025-01-01',
          date_last_statutory_visit: '2025-08-18',
          seen_alone: true,
        }),
      },
      // 15 Aug: 11 working days
      {
        list: 7,
        values: child('V2', {
          cp_start_date: '2025-01-01',
          date_last_statutory_visit: '2025-08-15',
          seen_alone: true,
        }),
      },
      // visited on A
      {
        list: 7,
        values: child('V3', {
          cp_start_date: '2025-01-01',
          date_last_statutory_visit: asAt,
          seen_alone: false,
        }),
      },
      // a visit dated after A does not count
      {
        list: 7,
        values: child('V4', { cp_start_date: '2025-01-01', date_last_statutory_visit: '2025-09-03' }),
      },
      // never visited
      { list: 7, values: child('V5', { cp_start_date: '2025-08-30' }) },
      // plan ended on A: not open
      {
        list: 7,
        values: child('V6', {
          cp_start_date: '2025-01-01',
          cp_end_date: asAt,
          date_last_statutory_visit: asAt,
        }),
      },
    ]);
    const r = await run(f.store, 'cp_visited_in_standard_pct', context(id, asAt));
    assert.deepEqual([r.numerator, r.denominator, r.value], [2, 5, 40]);
    assert.deepEqual(r.standards, { cp_visit_working_days: 10 });
    const eleven = await run(
      f.store,
      'cp_visited_in_standard_pct',
      context(id, asAt, { standards: { cp_visit_working_days: 11 } }),
    );
    assert.deepEqual([eleven.numerator, eleven.value], [3, 60]);
    const alone = await run(f.store, 'cp_seen_alone_pct', context(id, asAt));
    assert.deepEqual([alone.numerator, alone.denominator, alone.value], [2, 5, 40]);
    const none = await run(f.store, 'cp_visited_in_standard_pct', context(id, '2024-09-30'));
    assert.deepEqual([none.value, none.denominator], [null, 0]);
  });

  it('review conferences: first due 3 months after the start, then 6 months after the latest', async () => {
    const id = await f.snapshot([
      // started exactly 3 months before A: first review due on A, not yet overdue → not counted
      { list: 7, values: child('R1', { cp_start_date: '2025-06-30' }) },
      // started 3 months and a day before, no review → overdue
      { list: 7, values: child('R2', { cp_start_date: '2025-06-29' }) },
      // first review held → next due 20 Jan 2026
      {
        list: 7,
        values: child('R3', { cp_start_date: '2025-06-29', date_latest_review_conference: '2025-07-20' }),
      },
      // latest review exactly 6 months before A → due on A → in time
      {
        list: 7,
        values: child('R4', { cp_start_date: '2024-01-10', date_latest_review_conference: '2025-03-30' }),
      },
      // 6 months and a day → overdue
      {
        list: 7,
        values: child('R5', { cp_start_date: '2024-01-10', date_latest_review_conference: '2025-03-29' }),
      },
      // a review before the plan started belongs to an earlier plan
      {
        list: 7,
        values: child('R6', { cp_start_date: '2024-01-10', date_latest_review_conference: '2023-12-01' }),
      },
    ]);
    const r = await run(f.store, 'cp_review_in_time_pct', context(id, A));
    assert.deepEqual([r.numerator, r.denominator, r.value], [2, 5, 40]);
  });

  it('children subject to an EPO or police protection in the last six months: once each', async () => {
    const id = await f.snapshot([
      { list: 7, values: child('E1', { cp_start_date: '2025-05-01', epo_or_police_protection: true }) },
      {
        list: 7,
        values: child('E2', {
          cp_start_date: '2025-01-01',
          cp_end_date: '2025-04-01',
          epo_or_police_protection: true,
        }),
      },
      { list: 7, values: child('E3', { cp_start_date: '2025-05-01', epo_or_police_protection: false }) },
      {
        list: 7,
        values: child('E4', {
          cp_start_date: '2024-01-01',
          cp_end_date: '2025-03-31',
          epo_or_police_protection: true,
        }),
      },
      {
        list: 7,
        values: child('E5', {
          cp_start_date: '2024-01-01',
          cp_end_date: '2025-05-01',
          epo_or_police_protection: true,
        }),
      },
      { list: 7, values: child('E5', { cp_start_date: '2025-06-01', epo_or_police_protection: false }) },
    ]);
    const r = await run(f.store, 'cp_epo_police_6m_count', context(id, A));
    assert.equal(r.value, 3);
  });
});
