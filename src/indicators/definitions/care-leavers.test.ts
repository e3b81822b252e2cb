import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, openFixture, run, type Fixture } from '../test-support.ts';
import { drilldown } from '../runner.ts';
import { indicatorById } from '../registry.ts';

const A = '2025-09-30';
const leaver = (
  id: string,
  dob: string,
  inTouch: string | null,
  suitability: string | null,
  activity: string | null,
  extra: Record<string, unknown> = {},
) => ({
  list: 9,
  values: {
    child_id: id,
    gender: 'M',
    ethnicity: 'WBRI',
    date_of_birth: dob,
    disability: false,
    allocated_team: 'Leaving Care',
    allocated_worker: 'Pat Adviser',
    eligibility_category: 'FORMER_RELEVANT',
    la_in_touch: inTouch,
    accommodation_suitability: suitability,
    activity_status: activity,
    ...extra,
  },
});

describe('care leaver indicators on hand-made data', () => {
  let f: Fixture;
  let id = '';
  before(async () => {
    f = await openFixture();
    id = await f.snapshot([
      leaver('L16', '2008-10-01', 'YES', 'SUITABLE', 'F1'), // 16 on A (17 tomorrow)
      leaver('L17', '2008-09-30', 'YES', 'SUITABLE', 'F2', { pathway_plan_review_date: '2025-03-30' }), // 17 today
      leaver('L17b', '2008-01-01', 'YES', null, null),
      leaver('L18', '2006-10-01', 'NO', 'UNSUITABLE', 'G5', { pathway_plan_review_date: '2025-03-29' }), // 18, 19 tomorrow
      leaver('L19', '2006-09-30', 'YES', 'SUITABLE', 'P3', { pathway_plan_review_date: A }), // 19 today
      leaver('L19b', '2006-01-01', 'DIED', 'UNSUITABLE', 'P5'),
      leaver('L20', '2005-01-01', 'REFU', null, 'G6'),
      leaver('L21', '2003-10-01', 'NO', 'SUITABLE', 'F4'), // 21, 22 tomorrow
      leaver('L22', '2003-09-30', 'YES', 'SUITABLE', 'F1', { pathway_plan_review_date: '2025-10-01' }), // 22 today
    ]);
  });
  after(async () => f.close());

  const figure = async (indicator: string) => {
    const r = await run(f.store, indicator, context(id, A));
    return [r.numerator, r.denominator, r.value];
  };

  it('aged 19–21 on A (19 today in, 22 today out): in touch, suitable accommodation, EET (F or P codes)', async () => {
    // cohort: L19, L19b, L20, L21
    assert.deepEqual(await figure('careleavers_in_touch_pct'), [1, 4, 25]);
    assert.deepEqual(await figure('careleavers_suitable_accommodation_pct'), [2, 4, 50]);
    assert.deepEqual(await figure('careleavers_eet_pct'), [3, 4, 75]);
    const drill = await drilldown(f.store, indicatorById('careleavers_eet_pct')!, context(id, A), {
      part: 'denominator',
      scope: { kind: 'all' },
    });
    assert.deepEqual(
      drill.rows.map((x) => [x.childId, x.evidence.age, x.inNumerator]),
      [
        ['L19', 19, true],
        ['L19b', 19, true],
        ['L20', 20, false],
        ['L21', 21, true],
      ],
    );
  });

  it('aged 17–18 on A (17 today in, 16 out; 18 until the 19th birthday)', async () => {
    // cohort: L17, L17b, L18
    assert.deepEqual(await figure('careleavers_in_touch_17_18_pct'), [2, 3, 66.7]);
    assert.deepEqual(await figure('careleavers_suitable_accommodation_17_18_pct'), [1, 3, 33.3]);
    assert.deepEqual(await figure('careleavers_eet_17_18_pct'), [1, 3, 33.3]);
  });

  it('care leavers in all, and pathway plans reviewed in the 6 months up to A', async () => {
    const count = await run(f.store, 'careleavers_count', context(id, A));
    assert.equal(count.value, 9);
    // L17 (exactly 6 months before) and L19 (on A); L18 is a day too early, L22 after A
    assert.deepEqual(await figure('careleavers_pathway_plan_in_time_pct'), [2, 9, 22.2]);
  });

  it('null when nobody is of the age', async () => {
    const only16 = await f.snapshot([leaver('Y16', '2009-09-30', 'YES', 'SUITABLE', 'F1')]);
    for (const indicator of ['careleavers_eet_pct', 'careleavers_in_touch_17_18_pct']) {
      const r = await run(f.store, indicator, context(only16, A));
      assert.deepEqual([r.value, r.numerator, r.denominator], [null, 0, 0], indicator);
    }
  });
});
