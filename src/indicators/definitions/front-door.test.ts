import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, openFixture, run, type Fixture } from '../test-support.ts';
import { drilldown } from '../runner.ts';
import { indicatorById } from '../registry.ts';

const A = '2025-09-30';
const child = (id: string, extra: Record<string, unknown> = {}) => ({
  child_id: id,
  gender: '2',
  ethnicity: 'WBRI',
  date_of_birth: '2015-06-01',
  allocated_team: 'Duty',
  allocated_worker: 'Sam Worker',
  ...extra,
});

describe('front door indicators on hand-made data', () => {
  let f: Fixture;
  before(async () => {
    f = await openFixture();
  });
  after(async () => f.close());

  it('re-referrals: the recorded count, else an earlier referral in the 12 months before', async () => {
    const id = await f.snapshot([
      // in period, recorded count 1 → re-referral
      { list: 3, values: child('R1', { date_of_referral: '2025-05-01', referrals_last_12_months: 1 }) },
      // in period, recorded 0 → not, even with an earlier referral (the field wins)
      { list: 3, values: child('R2', { date_of_referral: '2025-06-01', referrals_last_12_months: 0 }) },
      { list: 3, values: child('R2', { date_of_referral: '2025-01-01', referrals_last_12_months: 0 }) },
      // blank count; earlier referral exactly 12 months before → counts (window is [date − 12 months, date))
      { list: 3, values: child('R3', { date_of_referral: '2025-07-15' }) },
      { list: 3, values: child('R3', { date_of_referral: '2024-07-15' }) },
      // blank count; earlier referral 12 months and a day before → not
      { list: 3, values: child('R4', { date_of_referral: '2025-07-15' }) },
      { list: 3, values: child('R4', { date_of_referral: '2024-07-14' }) },
      // out of period (before 2025-04-01)
      { list: 3, values: child('R5', { date_of_referral: '2025-03-31', referrals_last_12_months: 3 }) },
    ]);
    const r = await run(f.store, 'referrals_rereferral_12m_pct', context(id, A));
    // in period: R1, R2 (Jun), R3 (Jul), R4 (Jul) = 4; re-referrals R1 and R3
    assert.deepEqual([r.value, r.numerator, r.denominator], [50, 2, 4]);
    assert.equal(r.periodStart, '2025-04-01');
    assert.equal(r.periodEnd, A);
    const team = r.breakdowns.find((b) => b.dimension === 'team' && b.key === 'Duty');
    assert.deepEqual([team?.numerator, team?.denominator], [2, 4]);
    const drill = await drilldown(f.store, indicatorById('referrals_rereferral_12m_pct')!, context(id, A), {
      part: 'numerator',
      scope: { kind: 'all' },
    });
    assert.deepEqual(
      drill.rows.map((x) => x.childId),
      ['R1', 'R3'],
    );
  });

  it('assessments within 45 working days: exactly 45 across the Christmas bank holidays counts', async () => {
    // 2025-12-01 + 45 working days = 2026-02-05 (25, 26 Dec and 1 Jan skipped)
    const asAt = '2026-03-31';
    const id = await f.snapshot([
      {
        list: 4,
        values: child('A1', {
          assessment_start_date: '2025-12-01',
          assessment_authorised_date: '2026-02-05',
        }),
      },
      {
        list: 4,
        values: child('A2', {
          assessment_start_date: '2025-12-01',
          assessment_authorised_date: '2026-02-06',
        }),
      },
      {
        list: 4,
        values: child('A3', {
          assessment_start_date: '2026-01-05',
          assessment_authorised_date: '2026-01-19',
        }),
      },
      // authorised before the period: not counted
      {
        list: 4,
        values: child('A4', {
          assessment_start_date: '2025-08-01',
          assessment_authorised_date: '2025-09-30',
        }),
      },
    ]);
    const ctx = context(id, asAt, { periodStart: '2025-10-01' });
    const r45 = await run(f.store, 'assessments_45wd_pct', ctx);
    assert.deepEqual([r45.numerator, r45.denominator, r45.value], [2, 3, 66.7]);
    const r10 = await run(f.store, 'assessments_10wd_pct', ctx);
    // A3: 5 Jan → 19 Jan = 10 working days
    assert.deepEqual([r10.numerator, r10.denominator, r10.value], [1, 3, 33.3]);
  });

  it('open assessments over 45 working days at the as-at date', async () => {
    const asAt = '2026-02-05';
    const id = await f.snapshot([
      // 45 working days exactly at A: not over
      { list: 4, values: child('O1', { assessment_start_date: '2025-12-01' }) },
      // 46
      { list: 4, values: child('O2', { assessment_start_date: '2025-11-28' }) },
      // authorised on A: closed at A
      {
        list: 4,
        values: child('O3', { assessment_start_date: '2025-10-01', assessment_authorised_date: asAt }),
      },
      // authorised after A: still open at A
      {
        list: 4,
        values: child('O4', {
          assessment_start_date: '2025-10-01',
          assessment_authorised_date: '2026-02-06',
        }),
      },
    ]);
    const r = await run(f.store, 'assessments_open_over_45wd_count', context(id, asAt));
    assert.deepEqual([r.value, r.numerator, r.denominator], [2, 2, null]);
  });

  it('NFA: null when there are no referrals in the period', async () => {
    const id = await f.snapshot([{ list: 3, values: child('N1', { date_of_referral: '2024-01-01' }) }]);
    const r = await run(f.store, 'referrals_nfa_pct', context(id, A));
    assert.deepEqual([r.value, r.numerator, r.denominator], [null, 0, 0]);
  });
});
