import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  figureView,
  formatDate,
  formatValue,
  periodText,
  standardsText,
} from '../../src/web/routes/dashboard/format.ts';
import { breakdownLine, breakdownTabs, orderRows } from '../../src/web/routes/dashboard/breakdowns.ts';
import { latestOf } from '../../src/web/routes/dashboard/data.ts';
import { headlineDefinitions, measureRow } from '../../src/web/routes/dashboard/model.ts';
import { indicatorById } from '../../src/indicators/registry.ts';
import type { StoredResult } from '../../src/indicators/service.ts';
import type { BreakdownRow, IndicatorDefinition } from '../../src/indicators/types.ts';
import type { Comparison } from '../../src/benchmarks/index.ts';
import type { SnapshotSummary } from '../../src/snapshots/index.ts';

const def = (id: string): IndicatorDefinition => {
  const d = indicatorById(id);
  assert.ok(d, `indicator ${id} exists`);
  return d;
};

const stored = (over: Partial<StoredResult>): StoredResult => ({
  indicatorId: 'x',
  snapshotId: 's1',
  value: 37.5,
  numerator: 3,
  denominator: 8,
  periodStart: '2025-04-01',
  periodEnd: '2025-09-30',
  asAt: '2025-09-30',
  standards: {},
  population: null,
  computedAt: new Date(),
  ...over,
});

describe('dashboard figures: units, missing values and small numbers', () => {
  it('writes values in their units', () => {
    assert.equal(formatValue(37.5, 'percent'), '37.5%');
    assert.equal(formatValue(50, 'percent'), '50.0%');
    assert.equal(formatValue(412.25, 'rate_per_10k'), '412.3 per 10,000');
    assert.equal(formatValue(1234, 'count'), '1,234');
    assert.equal(formatValue(16.25, 'count', 'mean'), '16.3');
    assert.equal(formatValue(16, 'count', 'mean'), '16.0');
    assert.equal(formatValue(426, 'days'), '426 days');
    assert.equal(formatValue(12.5, 'working_days'), '12.5 working days');
    assert.equal(formatValue(230.4, 'fte'), '230.4 FTE');
    assert.equal(formatValue(null, 'percent'), 'No data');
    assert.equal(formatDate('2025-09-30'), '30 September 2025');
    assert.equal(formatDate('2025-09-30', true), '30 Sep 2025');
  });

  it('says which period a figure covers', () => {
    assert.equal(periodText(def('referrals_nfa_pct'), stored({})), '1 April 2025 to 30 September 2025');
    assert.equal(
      periodText({ ...def('referrals_nfa_pct'), period: 'at' }, stored({})),
      'At 30 September 2025',
    );
  });

  it('withholds small numbers and the figures worked out from them, only for aggregate audiences', () => {
    const nfa = def('referrals_nfa_pct');
    const open = figureView(nfa, stored({}), { suppress: false });
    assert.deepEqual([open.text, open.numerator.text, open.denominator.text], ['37.5%', '3', '8']);
    const member = figureView(nfa, stored({}), { suppress: true });
    assert.equal(member.suppressed, true);
    assert.equal(member.value, null);
    assert.deepEqual(
      [member.text, member.numerator.text, member.denominator.text],
      ['Withheld (fewer than 5)', 'Fewer than 5', '8'],
    );
    // 0 and 5 or more are not small.
    const fine = figureView(nfa, stored({ value: 0, numerator: 0, denominator: 5 }), { suppress: true });
    assert.deepEqual([fine.text, fine.suppressed], ['0.0%', false]);
    // A count of 3 is withheld; a rate keeps its population but withholds a small count.
    const count = figureView(def('referrals_count'), stored({ value: 3, numerator: 3, denominator: null }), {
      suppress: true,
    });
    assert.deepEqual([count.text, count.numerator.text], ['Withheld (fewer than 5)', 'Fewer than 5']);
    const rate = figureView(
      def('referrals_rate_per_10k'),
      stored({ value: 0.6, numerator: 3, denominator: 50_000 }),
      { suppress: true },
    );
    assert.deepEqual(
      [rate.text, rate.numerator.text, rate.denominator.text],
      ['Withheld (fewer than 5)', 'Fewer than 5', '50,000'],
    );
    // A mean is withheld when it averages fewer than 5 units, whatever its total.
    const mean = figureView(
      def('assessments_avg_working_days'),
      stored({ value: 30, numerator: 90, denominator: 3 }),
      {
        suppress: true,
      },
    );
    assert.deepEqual(
      [mean.text, mean.numerator.text, mean.denominator.text],
      ['Withheld (fewer than 5)', 'Withheld (fewer than 5)', 'Fewer than 5'],
    );
  });

  it('says why a figure has no value', () => {
    const rate = figureView(
      def('referrals_rate_per_10k'),
      stored({ value: null, numerator: 8, denominator: null }),
      {
        suppress: false,
      },
    );
    assert.match(rate.reason!, /no population is set/);
    assert.equal(rate.needsSetting, true);
    const share = figureView(
      def('referrals_nfa_pct'),
      stored({ value: null, numerator: 0, denominator: 0 }),
      {
        suppress: false,
      },
    );
    assert.match(share.reason!, /the denominator is empty/);
    assert.equal(share.needsSetting, false);
    const missing = figureView(def('referrals_nfa_pct'), undefined, { suppress: false });
    assert.equal(missing.text, 'Not computed');
  });

  it('names the local standards a figure used', () => {
    assert.deepEqual(standardsText({ cp_visit_working_days: 15 }), [
      { label: 'Child protection visit standard', value: '15 working days' },
    ]);
  });
});

describe('dashboard breakdowns', () => {
  const row = (dimension: BreakdownRow['dimension'], key: string, n = 5, d = 10): BreakdownRow => ({
    dimension,
    key,
    value: d ? Math.round((n / d) * 1000) / 10 : null,
    numerator: n,
    denominator: d,
  });

  it('puts age bands in age order and "not known" last', () => {
    const keys = ['10-15', '1-4', 'Not known', 'Under 1', '18+', '5-9', '16-17', 'Unborn'];
    assert.deepEqual(
      orderRows(
        'age_band',
        keys.map((k) => row('age_band', k)),
        [],
      ).map((r) => r.key),
      ['Unborn', 'Under 1', '1-4', '5-9', '10-15', '16-17', '18+', 'Not known'],
    );
  });

  it('puts a team manager’s teams first, matching names ignoring case and spaces', () => {
    const rows = ['Alpha', 'Not recorded', 'south ', 'Beta'].map((k) => row('team', k));
    assert.deepEqual(
      orderRows('team', rows, [' South']).map((r) => r.key),
      ['south ', 'Alpha', 'Beta', 'Not recorded'],
    );
  });

  it('links each line to its numerator and denominator, except where there is nothing to list', () => {
    const nfa = def('referrals_nfa_pct');
    const drill = (part: string) => `/x?part=${part}`;
    const line = breakdownLine(nfa, row('team', 'North', 2, 5), {
      suppress: false,
      own: false,
      drillHref: drill,
    });
    assert.deepEqual(
      [line.numeratorHref, line.denominatorHref],
      ['/x?part=numerator', '/x?part=denominator'],
    );
    const none = breakdownLine(nfa, row('team', 'North', 0, 5), {
      suppress: false,
      own: false,
      drillHref: drill,
    });
    assert.equal(none.numeratorHref, null);
    const member = breakdownLine(nfa, row('team', 'North', 2, 5), {
      suppress: true,
      own: false,
      drillHref: null,
    });
    assert.deepEqual(
      [member.value.text, member.numerator.text, member.denominator.text],
      ['Withheld (fewer than 5)', 'Fewer than 5', '5'],
    );
    assert.equal(member.numeratorHref, null);
  });

  it('leaves out the worker tab when asked, and dimensions without rows', () => {
    const rows = [row('team', 'North'), row('worker', 'Nora'), row('gender', 'Female')];
    const tabs = breakdownTabs(def('referrals_nfa_pct'), rows, {
      suppress: true,
      showWorkers: false,
      ownTeams: [],
      drillHref: null,
    });
    assert.deepEqual(
      tabs.map((t) => t.id),
      ['by-team', 'by-gender'],
    );
  });
});

describe('dashboard rows and snapshots', () => {
  it('rates a measure row against its comparison, and not a withheld figure', () => {
    const rereferral = def('referrals_rereferral_12m_pct');
    const comparison = {
      measure: 'c1_rereferral_pct',
      title: 'Re-referrals',
      unit: 'percent',
      definition: '',
      periodNote: 'year ending 31 March',
      year: 2025,
      england: 22.6,
      region: { name: 'East Midlands', value: 21 },
      neighbours: { model: '2025', average: 23, median: 24, withData: 3, members: [] },
      la: { name: 'Derby', value: 20 },
      quartile: 'B',
      rank: 2,
      rankOf: 4,
      quartileBounds: [19.5, 22, 24.75],
      source: { file: 'c1.csv', year: 2025 },
    } as Comparison;
    const opts = { suppress: false, tolerancePoints: 2, query: '' };
    const red = measureRow(
      rereferral,
      stored({ value: 30, numerator: 30, denominator: 100 }),
      comparison,
      opts,
    );
    assert.equal(red.rag?.label, 'Red');
    assert.equal(red.comparison?.england, '22.6%');
    assert.equal(red.comparison?.rank, '2 of 4');
    const amber = measureRow(
      rereferral,
      stored({ value: 24.5, numerator: 49, denominator: 200 }),
      comparison,
      opts,
    );
    assert.equal(amber.rag?.label, 'Amber');
    const withheld = measureRow(rereferral, stored({ value: 25, numerator: 1, denominator: 4 }), comparison, {
      ...opts,
      suppress: true,
    });
    assert.equal(withheld.rag, null);
  });

  it('has every measure with a DfE comparator among the headlines', () => {
    const headlines = new Set(headlineDefinitions().map((d) => d.id));
    assert.ok(headlines.has('referrals_rereferral_12m_pct'));
    assert.ok(headlines.has('referrals_count'), 'a key count');
    assert.ok(!headlines.has('referrals_to_assessment_pct'), 'no comparator, not a key count');
  });

  it('finds the latest snapshot as the snapshot service does', () => {
    const s = (id: string, asAt: string, importedAt: string) =>
      ({ id, asAt, importedAt: new Date(importedAt) }) as SnapshotSummary;
    assert.equal(
      latestOf([
        s('a', '2025-09-30', '2025-10-01T10:00:00Z'),
        s('b', '2025-12-31', '2026-01-02T10:00:00Z'),
        s('c', '2025-12-31', '2026-01-03T10:00:00Z'),
        s('d', '2025-06-30', '2026-02-01T10:00:00Z'),
      ])?.id,
      'c',
    );
    assert.equal(latestOf([]), null);
  });
});
