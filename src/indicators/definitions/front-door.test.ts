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
/** Lists 1 and 2 have no team or worker. */
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  child_id: id,
  gender: 'F',
  ethnicity: 'WBRI',
  date_of_birth: '2015-06-01',
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

  it('re-referrals: a same-day referral is not an earlier one; history before the period counts', async () => {
    const id = await f.snapshot([
      // two referrals on one day, blank counts: neither is before the other
      { list: 3, values: child('S1', { date_of_referral: '2025-06-10' }) },
      { list: 3, values: child('S1', { date_of_referral: '2025-06-10' }) },
      // blank count; the earlier referral is before the period but within 12 months
      { list: 3, values: child('S2', { date_of_referral: '2025-04-01' }) },
      { list: 3, values: child('S2', { date_of_referral: '2024-10-01' }) },
      // recorded count 2 on the as-at date itself
      { list: 3, values: child('S3', { date_of_referral: A, referrals_last_12_months: 2 }) },
    ]);
    const r = await run(f.store, 'referrals_rereferral_12m_pct', context(id, A));
    // in period: S1 ×2, S2 (1 Apr, the period's first day), S3 (A) = 4; re-referrals S2 and S3
    assert.deepEqual([r.numerator, r.denominator, r.value], [2, 4, 50]);
  });

  it('NFA: Yes counts, No and blank do not; the period runs from its first day to A inclusive', async () => {
    const id = await f.snapshot([
      { list: 3, values: child('F1', { date_of_referral: '2025-04-01', referral_nfa: true }) },
      { list: 3, values: child('F2', { date_of_referral: A, referral_nfa: true }) },
      { list: 3, values: child('F3', { date_of_referral: '2025-06-01', referral_nfa: false }) },
      { list: 3, values: child('F4', { date_of_referral: '2025-06-01' }) },
      // outside the period on either side
      { list: 3, values: child('F5', { date_of_referral: '2025-03-31', referral_nfa: true }) },
      { list: 3, values: child('F6', { date_of_referral: '2025-10-01', referral_nfa: true }) },
    ]);
    const r = await run(f.store, 'referrals_nfa_pct', context(id, A));
    assert.deepEqual([r.numerator, r.denominator, r.value], [2, 4, 50]);
  });

  it('contacts, early help and referral counts and rates per 10,000', async () => {
    const id = await f.snapshot([
      { list: 1, values: person('K1', { date_of_contact: '2025-04-01', contact_source: '6' }) },
      { list: 1, values: person('K1', { date_of_contact: '2025-05-01', contact_source: '2A' }) },
      { list: 1, values: person('K2', { date_of_contact: A, contact_source: '1A' }) },
      { list: 1, values: person('K3', { date_of_contact: '2025-03-31' }) },
      { list: 2, values: person('K1', { assessment_start_date: '2025-04-01' }) },
      {
        list: 2,
        values: person('K2', {
          assessment_start_date: '2025-03-31',
          assessment_completion_date: '2025-05-01',
        }),
      },
      { list: 3, values: child('K1', { date_of_referral: '2025-05-02' }) },
      { list: 3, values: child('K2', { date_of_referral: '2024-05-02' }) },
    ]);
    const ctx = context(id, A, { population: 2000 });
    const contacts = await run(f.store, 'contacts_count', ctx);
    assert.deepEqual([contacts.value, contacts.numerator, contacts.denominator], [3, 3, null]);
    const contactRate = await run(f.store, 'contacts_rate_per_10k', ctx);
    // 3 ÷ 2,000 × 10,000 = 15
    assert.deepEqual([contactRate.value, contactRate.numerator, contactRate.denominator], [15, 3, 2000]);
    assert.equal(contactRate.population?.value, 2000);
    const eh = await run(f.store, 'early_help_assessments_count', ctx);
    assert.equal(eh.value, 1);
    const referrals = await run(f.store, 'referrals_count', ctx);
    assert.equal(referrals.value, 1);
    const referralRate = await run(f.store, 'referrals_rate_per_10k', ctx);
    assert.deepEqual([referralRate.value, referralRate.numerator], [5, 1]);
    // no population: a rate has no value, but still its count
    const noPopulation = await run(f.store, 'referrals_rate_per_10k', context(id, A));
    assert.deepEqual([noPopulation.value, noPopulation.numerator, noPopulation.denominator], [null, 1, null]);
  });

  it('referrals leading to an assessment: on or after the referral, before the next referral, by A', async () => {
    const id = await f.snapshot([
      // assessment the same day → yes
      { list: 3, values: child('T1', { date_of_referral: '2025-05-01' }) },
      { list: 4, values: child('T1', { assessment_start_date: '2025-05-01' }) },
      // assessment the day before the referral → no
      { list: 3, values: child('T2', { date_of_referral: '2025-05-01' }) },
      { list: 4, values: child('T2', { assessment_start_date: '2025-04-30' }) },
      // two referrals, one assessment after the second: it belongs to the second
      { list: 3, values: child('T3', { date_of_referral: '2025-05-01' }) },
      { list: 3, values: child('T3', { date_of_referral: '2025-06-01' }) },
      { list: 4, values: child('T3', { assessment_start_date: '2025-06-01' }) },
      // assessment after A → no
      { list: 3, values: child('T4', { date_of_referral: A }) },
      { list: 4, values: child('T4', { assessment_start_date: '2025-10-01' }) },
    ]);
    const r = await run(f.store, 'referrals_to_assessment_pct', context(id, A));
    // referrals: T1, T2, T3 (May), T3 (June), T4 = 5; with an assessment: T1, T3 (June)
    assert.deepEqual([r.numerator, r.denominator, r.value], [2, 5, 40]);
    const drill = await drilldown(f.store, indicatorById('referrals_to_assessment_pct')!, context(id, A), {
      part: 'numerator',
      scope: { kind: 'all' },
    });
    assert.deepEqual(
      drill.rows.map((x) => [x.childId, x.evidence.date_of_referral, x.evidence.assessment_start]),
      [
        ['T1', '2025-05-01', '2025-05-01'],
        ['T3', '2025-06-01', '2025-06-01'],
      ],
    );
  });

  it('referrals with an early help assessment in the 12 months up to the referral', async () => {
    const id = await f.snapshot([
      // early help started exactly 12 months before → yes
      { list: 3, values: child('E1', { date_of_referral: '2025-07-15' }) },
      { list: 2, values: person('E1', { assessment_start_date: '2024-07-15' }) },
      // 12 months and a day before → no
      { list: 3, values: child('E2', { date_of_referral: '2025-07-15' }) },
      { list: 2, values: person('E2', { assessment_start_date: '2024-07-14' }) },
      // on the referral day → yes; after it → no
      { list: 3, values: child('E3', { date_of_referral: '2025-07-15' }) },
      { list: 2, values: person('E3', { assessment_start_date: '2025-07-15' }) },
      { list: 3, values: child('E4', { date_of_referral: '2025-07-15' }) },
      { list: 2, values: person('E4', { assessment_start_date: '2025-07-16' }) },
    ]);
    const r = await run(f.store, 'referrals_with_early_help_pct', context(id, A));
    assert.deepEqual([r.numerator, r.denominator, r.value], [2, 4, 50]);
  });

  it('assessments: average working days, child seen and no further action', async () => {
    const asAt = '2026-03-31';
    const id = await f.snapshot([
      // 45 working days across Christmas; seen; needs support
      {
        list: 4,
        values: child('V1', {
          assessment_start_date: '2025-12-01',
          assessment_authorised_date: '2026-02-05',
          child_seen: true,
          requires_social_care_support: true,
        }),
      },
      // 10 working days; not seen; no support needed
      {
        list: 4,
        values: child('V2', {
          assessment_start_date: '2026-01-05',
          assessment_authorised_date: '2026-01-19',
          child_seen: false,
          requires_social_care_support: false,
        }),
      },
      // 0 working days (same day); blanks
      {
        list: 4,
        values: child('V3', {
          assessment_start_date: '2026-03-02',
          assessment_authorised_date: '2026-03-02',
        }),
      },
      // not authorised: not counted
      { list: 4, values: child('V4', { assessment_start_date: '2026-03-02' }) },
    ]);
    const ctx = context(id, asAt, { periodStart: '2025-10-01' });
    const avg = await run(f.store, 'assessments_avg_working_days', ctx);
    // (45 + 10 + 0) ÷ 3 = 18.3
    assert.deepEqual([avg.value, avg.numerator, avg.denominator], [18.3, 55, 3]);
    const seen = await run(f.store, 'assessments_child_seen_pct', ctx);
    assert.deepEqual([seen.numerator, seen.denominator, seen.value], [1, 3, 33.3]);
    const nfa = await run(f.store, 'assessments_nfa_pct', ctx);
    assert.deepEqual([nfa.numerator, nfa.denominator, nfa.value], [1, 3, 33.3]);
    const empty = await run(f.store, 'assessments_avg_working_days', context(id, '2025-09-30'));
    assert.deepEqual([empty.value, empty.denominator], [null, 0]);
  });

  it('NFA: null when there are no referrals in the period', async () => {
    const id = await f.snapshot([{ list: 3, values: child('N1', { date_of_referral: '2024-01-01' }) }]);
    const r = await run(f.store, 'referrals_nfa_pct', context(id, A));
    assert.deepEqual([r.value, r.numerator, r.denominator], [null, 0, 0]);
  });
});
