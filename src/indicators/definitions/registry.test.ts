import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkMeasure } from '../../benchmarks/measures.ts';
import { STANDARDS } from '../../domain/standards.ts';
import { INDICATORS, indicatorById } from '../registry.ts';
import { AREAS } from '../types.ts';

/** The ids issue 4 fixes. */
const REQUIRED = [
  'referrals_rereferral_12m_pct',
  'referrals_nfa_pct',
  'assessments_45wd_pct',
  'assessments_10wd_pct',
  'assessments_open_over_45wd_count',
  's47_icpc_15wd_pct',
  's47_to_icpc_pct',
  'cp_rate_per_10k',
  'cp_second_subsequent_pct',
  'cp_open_2y_plus_pct',
  'cp_open_18m_plus_count',
  'cp_visited_in_standard_pct',
  'cin_rate_per_10k',
  'cla_rate_per_10k',
  'cla_3plus_placements_pct',
  'cla_review_in_time_pct',
  'cla_health_assessment_in_time_pct',
  'cla_missing_rhi_offered_pct',
  'careleavers_in_touch_pct',
  'careleavers_suitable_accommodation_pct',
  'careleavers_eet_pct',
  'careleavers_in_touch_17_18_pct',
  'careleavers_suitable_accommodation_17_18_pct',
  'careleavers_eet_17_18_pct',
  'adoption_a1_avg_days',
  'adoption_a2_avg_days',
  'caseload_avg_per_worker',
  'unallocated_open_count',
];

describe('the indicator registry', () => {
  it('has at least 45 indicators with unique ids, including every id issue 4 fixes', () => {
    assert.ok(INDICATORS.length >= 45, `only ${INDICATORS.length} indicators`);
    const ids = INDICATORS.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    const missing = REQUIRED.filter((id) => !indicatorById(id));
    assert.deepEqual(missing, []);
  });

  it('every indicator is complete: area, definition, source, evidence, standards that exist', () => {
    const standardKeys = new Set<string>(STANDARDS.map((s) => s.key));
    for (const d of INDICATORS) {
      assert.ok(d.area in AREAS, `${d.id}: area ${d.area}`);
      assert.ok(d.definition.length > 40, `${d.id}: definition too short`);
      assert.ok(/issue 4|DOMAIN\.md|seed/i.test(d.source), `${d.id}: source ${d.source}`);
      assert.ok(d.evidence.length >= 1, `${d.id}: no evidence columns`);
      for (const s of d.standards) assert.ok(standardKeys.has(s), `${d.id}: unknown standard ${s}`);
      if (d.subject === 'worker') assert.match(d.sql, /CAST\(NULL AS VARCHAR\) AS child_id/, d.id);
    }
  });

  it('every comparator names a DfE measure that exists, with the same unit family and a caveat', () => {
    const units: Record<string, string[]> = {
      percent: ['percent'],
      rate_per_10k: ['rate_per_10k'],
      count: ['count'],
      days: ['days'],
    };
    for (const d of INDICATORS) {
      if (!d.comparator) continue;
      const m = benchmarkMeasure(d.comparator.measure);
      assert.ok(m, `${d.id}: no benchmark measure ${d.comparator.measure}`);
      assert.ok(units[d.unit]?.includes(m.unit), `${d.id}: unit ${d.unit} vs measure unit ${m.unit}`);
      assert.ok(
        d.comparator.caveat && d.comparator.caveat.length > 20,
        `${d.id}: comparator without a caveat`,
      );
      if (m.polarity !== 'neutral') assert.equal(d.polarity, m.polarity, `${d.id}: polarity`);
    }
  });
});
