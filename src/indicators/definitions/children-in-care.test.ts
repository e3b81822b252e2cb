import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, openFixture, run, type Fixture } from '../test-support.ts';
import { drilldown } from '../runner.ts';
import { indicatorById } from '../registry.ts';

const A = '2025-09-30';
const child = (id: string, extra: Record<string, unknown> = {}) => ({
  child_id: id,
  gender: 'F',
  ethnicity: 'MWBC',
  date_of_birth: '2012-01-01',
  disability: false,
  date_started_looked_after: '2020-01-01',
  allocated_team: 'Children in Care',
  allocated_worker: 'Ali Worker',
  ...extra,
});

describe('children in care indicators on hand-made data', () => {
  let f: Fixture;
  before(async () => {
    f = await openFixture();
  });
  after(async () => f.close());

  it('looked after at A (ceased on A is not), rate per 10,000, starts and second periods', async () => {
    const id = await f.snapshot([
      { list: 8, values: child('K1', { date_ceased_looked_after: A }) },
      { list: 8, values: child('K2', { date_ceased_looked_after: '2025-10-01' }) },
      { list: 8, values: child('K3', { date_started_looked_after: A }) },
      { list: 8, values: child('K4', { date_started_looked_after: '2025-10-01' }) },
      {
        list: 8,
        values: child('K5', { date_started_looked_after: '2025-04-01', second_period_last_12_months: true }),
      },
      {
        list: 8,
        values: child('K6', {
          date_started_looked_after: '2025-05-01',
          date_ceased_looked_after: '2025-06-01',
          second_period_last_12_months: false,
        }),
      },
      { list: 8, values: child('K7', { date_started_looked_after: '2025-03-31' }) },
    ]);
    const ctx = context(id, A, { population: 3000 });
    assert.equal((await run(f.store, 'cla_count', ctx)).value, 4);
    const rate = await run(f.store, 'cla_rate_per_10k', ctx);
    // 4 ÷ 3,000 × 10,000 = 13.33…
    assert.deepEqual([rate.value, rate.numerator, rate.denominator], [13.3, 4, 3000]);
    assert.equal((await run(f.store, 'cla_starts_count', ctx)).value, 3);
    const second = await run(f.store, 'cla_second_period_12m_pct', ctx);
    assert.deepEqual([second.numerator, second.denominator, second.value], [1, 3, 33.3]);
  });

  it('UASC, section 20, 3 or more placements, out of area and permanence plans of children looked after at A', async () => {
    const id = await f.snapshot([
      {
        list: 8,
        values: child('U1', {
          uasc: true,
          legal_status: 'V2',
          placements_last_12_months: 3,
          placement_location: 'OUT',
          permanence_plan: 'FOSTERING',
        }),
      },
      {
        list: 8,
        values: child('U2', {
          uasc: false,
          legal_status: 'C2',
          placements_last_12_months: 2,
          placement_location: 'IN',
        }),
      },
      { list: 8, values: child('U3', { legal_status: 'V3', permanence_plan: 'RETURN' }) },
      {
        list: 8,
        values: child('U4', {
          date_ceased_looked_after: A,
          uasc: true,
          legal_status: 'V2',
          placements_last_12_months: 5,
          placement_location: 'OUT',
        }),
      },
    ]);
    const ctx = context(id, A);
    const triple = async (indicator: string) => {
      const r = await run(f.store, indicator, ctx);
      return [r.numerator, r.denominator, r.value];
    };
    assert.deepEqual(await triple('cla_uasc_pct'), [1, 3, 33.3]);
    assert.deepEqual(await triple('cla_section20_pct'), [1, 3, 33.3]);
    assert.deepEqual(await triple('cla_3plus_placements_pct'), [1, 3, 33.3]);
    assert.deepEqual(await triple('cla_out_of_area_pct'), [1, 3, 33.3]);
    assert.deepEqual(await triple('cla_permanence_plan_pct'), [2, 3, 66.7]);
    const none = await run(f.store, 'cla_3plus_placements_pct', context(id, '2019-09-30'));
    assert.deepEqual([none.value, none.denominator], [null, 0]);
  });

  it('long-term stability: under 16, in care 2.5 years, same placement 2 years (exact days count)', async () => {
    const id = await f.snapshot([
      {
        list: 8,
        values: child('T1', { date_started_looked_after: '2023-03-30', placement_start_date: '2023-09-30' }),
      },
      {
        list: 8,
        values: child('T2', { date_started_looked_after: '2023-03-31', placement_start_date: '2023-03-31' }),
      },
      // 15 on A (16 tomorrow): in the cohort; placement a day short of 2 years
      {
        list: 8,
        values: child('T3', { date_of_birth: '2009-10-01', placement_start_date: '2023-10-01' }),
      },
      // 16 on A: out of the cohort
      { list: 8, values: child('T4', { date_of_birth: '2009-09-30', placement_start_date: '2021-01-01' }) },
      { list: 8, values: child('T5', {}) },
    ]);
    const r = await run(f.store, 'cla_long_term_stability_pct', context(id, A));
    assert.deepEqual([r.numerator, r.denominator, r.value], [1, 3, 33.3]);
  });

  it('reviews and IRO contact: looked after more than 20 working days, latest within 6 months', async () => {
    const id = await f.snapshot([
      // 2 Sep → 30 Sep = 20 working days: not yet more than 20
      { list: 8, values: child('W1', { date_started_looked_after: '2025-09-02' }) },
      // 1 Sep: 21 working days; no review
      {
        list: 8,
        values: child('W2', { date_started_looked_after: '2025-09-01', date_last_iro_contact: '2025-09-15' }),
      },
      // exactly 6 months before A
      {
        list: 8,
        values: child('W3', {
          date_started_looked_after: '2024-01-01',
          date_latest_review: '2025-03-30',
          date_last_iro_contact: '2025-03-30',
        }),
      },
      // 6 months and a day
      {
        list: 8,
        values: child('W4', {
          date_started_looked_after: '2024-01-01',
          date_latest_review: '2025-03-29',
          date_last_iro_contact: '2025-03-29',
        }),
      },
      {
        list: 8,
        values: child('W5', {
          date_started_looked_after: '2025-08-01',
          date_latest_review: '2025-08-20',
          date_last_iro_contact: '2025-08-20',
        }),
      },
      // a review before this period of care began
      {
        list: 8,
        values: child('W6', {
          date_started_looked_after: '2025-05-01',
          date_latest_review: '2025-04-15',
          date_last_iro_contact: '2025-04-15',
        }),
      },
      // ceased on A
      {
        list: 8,
        values: child('W7', {
          date_started_looked_after: '2024-01-01',
          date_ceased_looked_after: A,
          date_latest_review: '2025-09-01',
        }),
      },
    ]);
    const ctx = context(id, A);
    const reviews = await run(f.store, 'cla_review_in_time_pct', ctx);
    assert.deepEqual([reviews.numerator, reviews.denominator, reviews.value], [2, 5, 40]);
    const iro = await run(f.store, 'cla_iro_contact_pct', ctx);
    assert.deepEqual([iro.numerator, iro.denominator, iro.value], [3, 5, 60]);
  });

  it('health assessments within 12 months (6 for under-5s) and dental checks, for children in care 12 months', async () => {
    const id = await f.snapshot([
      // in care exactly 12 months; assessed exactly 12 months before A
      {
        list: 8,
        values: child('H1', {
          date_started_looked_after: '2024-09-30',
          date_last_health_assessment: '2024-09-30',
          date_last_dental_check: '2024-09-30',
        }),
      },
      // in care 12 months less a day: not counted
      {
        list: 8,
        values: child('H2', {
          date_started_looked_after: '2024-10-01',
          date_last_health_assessment: '2025-09-01',
        }),
      },
      {
        list: 8,
        values: child('H3', {
          date_last_health_assessment: '2024-09-29',
          date_last_dental_check: '2024-09-29',
        }),
      },
      // 4 on A: 6 months; exactly 6 months before A counts
      {
        list: 8,
        values: child('H4', {
          date_of_birth: '2020-10-01',
          date_started_looked_after: '2022-01-01',
          date_last_health_assessment: '2025-03-30',
          date_last_dental_check: '2025-03-29',
        }),
      },
      {
        list: 8,
        values: child('H5', {
          date_of_birth: '2020-10-01',
          date_started_looked_after: '2022-01-01',
          date_last_health_assessment: '2025-03-29',
          date_last_dental_check: '2024-10-01',
        }),
      },
      // 5 on A: 12 months
      {
        list: 8,
        values: child('H6', {
          date_of_birth: '2020-09-30',
          date_started_looked_after: '2022-01-01',
          date_last_health_assessment: '2025-01-01',
          date_last_dental_check: A,
        }),
      },
      { list: 8, values: child('H7', {}) },
      {
        list: 8,
        values: child('H8', {
          date_last_health_assessment: '2025-10-01',
          date_last_dental_check: '2025-10-01',
        }),
      },
    ]);
    const ctx = context(id, A);
    const health = await run(f.store, 'cla_health_assessment_in_time_pct', ctx);
    // cohort H1, H3–H8 = 7; in time H1, H4, H6
    assert.deepEqual([health.numerator, health.denominator, health.value], [3, 7, 42.9]);
    const dental = await run(f.store, 'cla_dental_in_time_pct', ctx);
    // in time H1, H4, H5, H6
    assert.deepEqual([dental.numerator, dental.denominator, dental.value], [4, 7, 57.1]);
  });

  it('visits within 6 weeks, or 3 months in a long-term placement (exact last days count)', async () => {
    const id = await f.snapshot([
      // 19 Aug is 42 days (6 weeks) before A
      { list: 8, values: child('V1', { placement_type: 'U6', date_last_social_work_visit: '2025-08-19' }) },
      { list: 8, values: child('V2', { placement_type: 'U6', date_last_social_work_visit: '2025-08-18' }) },
      // long-term foster placement for exactly 12 months: 3 months, exactly
      {
        list: 8,
        values: child('V3', {
          placement_type: 'U4',
          placement_start_date: '2024-09-30',
          date_last_social_work_visit: '2025-06-30',
        }),
      },
      {
        list: 8,
        values: child('V4', {
          placement_type: 'U4',
          placement_start_date: '2024-09-30',
          date_last_social_work_visit: '2025-06-29',
        }),
      },
      // long-term placement type but there less than 12 months: 6 weeks
      {
        list: 8,
        values: child('V5', {
          placement_type: 'U4',
          placement_start_date: '2024-10-01',
          date_last_social_work_visit: '2025-07-15',
        }),
      },
      // children's home with a long-term residential permanence plan, there for years
      {
        list: 8,
        values: child('V6', {
          placement_type: 'K2',
          permanence_plan: 'RESIDENTIAL',
          placement_start_date: '2023-01-01',
          date_last_social_work_visit: '2025-07-15',
        }),
      },
      { list: 8, values: child('V7', { placement_type: 'U6' }) },
      { list: 8, values: child('V8', { placement_type: 'U6', date_last_social_work_visit: '2025-10-01' }) },
    ]);
    const r = await run(f.store, 'cla_visits_in_time_pct', context(id, A));
    assert.deepEqual([r.numerator, r.denominator, r.value], [3, 8, 37.5]);
    assert.deepEqual(r.standards, { cla_visit_weeks: 6, cla_visit_long_term_months: 3 });
    const drill = await drilldown(f.store, indicatorById('cla_visits_in_time_pct')!, context(id, A), {
      part: 'denominator',
      scope: { kind: 'all' },
    });
    const byId = Object.fromEntries(drill.rows.map((x) => [x.childId, x.evidence]));
    assert.equal(byId.V3?.long_term_placement, true);
    assert.equal(byId.V3?.visit_due_from, '2025-06-30');
    assert.equal(byId.V5?.long_term_placement, false);
    assert.equal(byId.V5?.visit_due_from, '2025-08-19');
    // 7 weeks (49 days: from 12 Aug) brings V2 in; V5's visit on 15 Jul is still too old
    const seven = await run(
      f.store,
      'cla_visits_in_time_pct',
      context(id, A, { standards: { cla_visit_weeks: 7 } }),
    );
    assert.deepEqual([seven.numerator, seven.value], [4, 50]);
  });

  it('missing children, return interviews offered and accepted', async () => {
    const id = await f.snapshot([
      {
        list: 8,
        values: child('M1', {
          missing_episodes_last_12_months: 2,
          return_interview_offered: true,
          return_interview_accepted: true,
        }),
      },
      {
        list: 8,
        values: child('M2', { missing_episodes_last_12_months: 1, return_interview_offered: false }),
      },
      { list: 8, values: child('M3', { missing_episodes_last_12_months: 1 }) },
      {
        list: 8,
        values: child('M4', { missing_episodes_last_12_months: 0, return_interview_offered: true }),
      },
      {
        list: 8,
        values: child('M5', {
          missing_episodes_last_12_months: 3,
          return_interview_offered: true,
          return_interview_accepted: false,
        }),
      },
      {
        list: 8,
        values: child('M6', { missing_episodes_last_12_months: 1, return_interview_offered: true }),
      },
      {
        list: 8,
        values: child('M7', {
          date_ceased_looked_after: A,
          missing_episodes_last_12_months: 5,
          return_interview_offered: true,
        }),
      },
    ]);
    const ctx = context(id, A);
    assert.equal((await run(f.store, 'cla_missing_children_count', ctx)).value, 5);
    const offered = await run(f.store, 'cla_missing_rhi_offered_pct', ctx);
    assert.deepEqual([offered.numerator, offered.denominator, offered.value], [3, 5, 60]);
    const accepted = await run(f.store, 'cla_missing_rhi_accepted_pct', ctx);
    assert.deepEqual([accepted.numerator, accepted.denominator, accepted.value], [1, 3, 33.3]);
    const none = await f.snapshot([{ list: 8, values: child('Z1', { missing_episodes_last_12_months: 0 }) }]);
    const empty = await run(f.store, 'cla_missing_rhi_offered_pct', context(none, A));
    assert.deepEqual([empty.value, empty.numerator, empty.denominator], [null, 0, 0]);
  });
});
