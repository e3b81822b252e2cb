import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, openFixture, run, type Fixture } from '../test-support.ts';

const A = '2025-09-30';
const adopted = (id: string, extra: Record<string, unknown>) => ({
  list: 10,
  values: {
    child_id: id,
    gender: 'F',
    ethnicity: 'WBRI',
    date_of_birth: '2022-01-01',
    disability: false,
    ...extra,
  },
});
const adopter = (id: string, extra: Record<string, unknown>) => ({
  list: 11,
  values: { adopter_id: id, family_id: `FAM-${id}`, gender: 'F', ethnicity: 'WIRI', ...extra },
});

describe('adoption and adopter indicators on hand-made data', () => {
  let f: Fixture;
  before(async () => {
    f = await openFixture();
  });
  after(async () => f.close());

  it('A1 and A10 for children adopted in the period (orders on the first and last days count)', async () => {
    const id = await f.snapshot([
      // 365 days (2024 is a leap year: 1 Jan → 31 Dec)
      adopted('D1', {
        date_entered_care: '2024-01-01',
        date_placed_for_adoption: '2024-12-31',
        date_adoption_order: '2025-04-01',
      }),
      // 366 days; placed in FFA 92 days after entering care
      adopted('D2', {
        date_entered_care: '2023-06-01',
        date_ffa_placement: '2023-09-01',
        date_placed_for_adoption: '2024-06-01',
        date_adoption_order: A,
      }),
      // adopted before the period
      adopted('D3', {
        date_entered_care: '2023-01-01',
        date_placed_for_adoption: '2023-06-01',
        date_adoption_order: '2025-03-31',
      }),
      // no date placed for adoption: not in A1; FFA 91 days after entering care (29 Feb 2024 between)
      adopted('D4', {
        date_entered_care: '2023-12-01',
        date_ffa_placement: '2024-03-01',
        date_adoption_order: '2025-06-01',
      }),
      adopted('D5', {
        date_entered_care: '2023-01-01',
        date_placed_for_adoption: '2024-01-01',
        date_adoption_order: '2025-10-01',
      }),
    ]);
    const ctx = context(id, A);
    const a1 = await run(f.store, 'adoption_a1_avg_days', ctx);
    assert.deepEqual([a1.value, a1.numerator, a1.denominator], [365.5, 731, 2]);
    const a10 = await run(f.store, 'adoption_a10_avg_days', ctx);
    // (365 + 92 + 91) ÷ 3 = 182.67
    assert.deepEqual([a10.value, a10.numerator, a10.denominator], [182.7, 548, 3]);
    const empty = await run(
      f.store,
      'adoption_a1_avg_days',
      context(id, '2024-09-30', { periodStart: '2024-04-01' }),
    );
    assert.deepEqual([empty.value, empty.denominator], [null, 0]);
  });

  it('A2 for children matched in the period', async () => {
    const id = await f.snapshot([
      adopted('M1', { date_placement_order: '2025-01-10', date_matched: '2025-05-11' }), // 121 days
      adopted('M2', { date_placement_order: '2025-02-01', date_matched: '2025-06-01' }), // 120
      adopted('M3', { date_placement_order: '2025-01-01', date_matched: '2025-03-31' }), // before the period
      adopted('M4', { date_matched: '2025-06-01' }), // no placement order
      adopted('M5', { date_placement_order: '2025-03-01', date_matched: '2025-04-01' }), // 31
    ]);
    const r = await run(f.store, 'adoption_a2_avg_days', context(id, A));
    // (121 + 120 + 31) ÷ 3 = 90.67
    assert.deepEqual([r.value, r.numerator, r.denominator], [90.7, 272, 3]);
  });

  it('decisions no longer to place for adoption', async () => {
    const id = await f.snapshot([
      adopted('X1', { date_decision_adoption: '2025-01-01', date_decision_no_longer_adoption: '2025-06-01' }),
      adopted('X2', { date_decision_adoption: '2025-01-01' }),
      adopted('X3', { date_decision_adoption: '2025-10-01' }),
      adopted('X4', { date_decision_adoption: '2024-06-01', date_decision_no_longer_adoption: '2025-10-01' }),
    ]);
    const r = await run(f.store, 'adoption_reversals_pct', context(id, A));
    assert.deepEqual([r.numerator, r.denominator, r.value], [1, 3, 33.3]);
    assert.equal(r.periodStart, '2024-10-01');
  });

  it('adopters: enquiries, approvals, enquiry to approval, stage 1 within 2 months, stage 2 within 4', async () => {
    const id = await f.snapshot([
      // stage 1 of exactly 2 months
      adopter('AD1', {
        date_enquiry: '2025-04-01',
        date_stage1_start: '2025-04-10',
        date_stage1_end: '2025-06-10',
      }),
      adopter('AD2', {
        date_enquiry: '2025-03-31',
        date_stage1_start: '2025-04-10',
        date_stage1_end: '2025-06-11',
      }),
      // stage 2 of exactly 4 months (31 Jan + 4 months = 31 May); approved 273 days after the enquiry
      adopter('AD3', {
        date_enquiry: '2024-10-01',
        date_stage1_start: '2024-10-15',
        date_stage1_end: '2024-12-15',
        date_stage2_start: '2025-01-31',
        date_stage2_end: '2025-05-31',
        date_application_approved: '2025-07-01',
      }),
      // 28 Feb + 4 months = 28 Jun: ended a day late; approved on A, 333 days after the enquiry
      adopter('AD4', {
        date_enquiry: '2024-11-01',
        date_stage2_start: '2025-02-28',
        date_stage2_end: '2025-06-29',
        date_application_approved: A,
      }),
      adopter('AD5', { date_application_approved: '2025-05-01' }),
      adopter('AD6', { date_enquiry: '2024-06-01', date_application_approved: '2025-03-31' }),
      adopter('AD7', { date_enquiry: A }),
      adopter('AD8', { date_stage2_start: '2025-03-01', date_stage2_end: '2025-07-01' }),
    ]);
    const ctx = context(id, A);
    assert.equal((await run(f.store, 'adopters_enquiries_count', ctx)).value, 2);
    assert.equal((await run(f.store, 'adopters_approved_count', ctx)).value, 3);
    const avg = await run(f.store, 'adopters_enquiry_to_approval_avg_days', ctx);
    assert.deepEqual([avg.value, avg.numerator, avg.denominator], [303, 606, 2]);
    const s1 = await run(f.store, 'adopters_stage1_2m_pct', ctx);
    assert.deepEqual([s1.numerator, s1.denominator, s1.value], [1, 2, 50]);
    const s2 = await run(f.store, 'adopters_stage2_4m_pct', ctx);
    assert.deepEqual([s2.numerator, s2.denominator, s2.value], [2, 3, 66.7]);
  });
});
