import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STANDARD_DEFAULTS } from '../../domain/standards.ts';
import { trackerRule } from './rules/index.ts';
import { classify, compareEntries, evaluateRule, ruleParams } from './runner.ts';
import { openRuleFixture } from './test-support.ts';
import type { RuleFixture } from './test-support.ts';
import type { TrackerRuleDefinition } from './types.ts';

const S = STANDARD_DEFAULTS;

describe('classify: the limit day and the warning window', () => {
  const deadline = trackerRule('cp_review_overdue'); // window 14 days
  const wd = trackerRule('assessment_over_45wd'); // window 10 working days

  it('treats the limit date of a deadline as the last day allowed', () => {
    assert.deepEqual(classify(deadline, '2025-04-10', '2025-04-10', S), { rag: 'amber', daysOver: 0 });
    assert.deepEqual(classify(deadline, '2025-04-10', '2025-04-11', S), { rag: 'red', daysOver: 1 });
    assert.deepEqual(classify(deadline, '2025-04-10', '2025-03-27', S), { rag: 'amber', daysOver: -14 });
    assert.equal(classify(deadline, '2025-04-10', '2025-03-26', S), null);
    assert.equal(
      classify(deadline, '2025-04-10', '2025-04-09', { ...S, tracker_warn_cp_review_overdue: 0 }),
      null,
    );
    assert.deepEqual(classify(deadline, null, '2025-04-11', S), { rag: 'red', daysOver: null });
  });

  it('counts a working-day window in working days', () => {
    // 5 February 2026 limit; 22 January is 10 working days before, 21 January 11.
    assert.equal(classify(wd, '2026-02-05', '2026-01-22', S)?.rag, 'amber');
    assert.equal(classify(wd, '2026-02-05', '2026-01-21', S), null);
  });

  it('treats the limit date of a checkpoint as the day it is reached', () => {
    assert.deepEqual(classify(trackerRule('cp_plan_18m'), '2025-07-15', '2025-07-15', S), {
      rag: 'red',
      daysOver: 0,
    });
    assert.equal(classify(trackerRule('cp_plan_18m'), '2025-07-15', '2025-07-14', S), null);
    assert.deepEqual(classify(trackerRule('cp_plan_9m'), '2024-10-15', '2024-09-17', S), {
      rag: 'green',
      daysOver: -28,
    });
    assert.equal(classify(trackerRule('cp_plan_9m'), '2024-10-15', '2024-09-16', S), null);
  });

  it('sorts red first, then most days over, undated after dated, then child id', () => {
    const rows = [
      { rag: 'amber' as const, daysOver: 0, childId: 'a' },
      { rag: 'red' as const, daysOver: null, childId: 'b' },
      { rag: 'red' as const, daysOver: 3, childId: 'c' },
      { rag: 'red' as const, daysOver: 9, childId: 'd' },
      { rag: 'red' as const, daysOver: 9, childId: 'a' },
    ];
    assert.deepEqual(
      rows.sort(compareEntries).map((r) => r.childId),
      ['a', 'd', 'c', 'b', 'a'],
    );
  });
});

describe('evaluateRule', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    await f.snapshot('s1', [{ list: 7, child_id: 'X', cp_start_date: '2024-01-01' }]);
  });
  after(() => f.close());

  it('binds only the parameters the SQL names', () => {
    assert.deepEqual(
      Object.keys(
        ruleParams(trackerRule('careleaver_not_in_touch'), {
          snapshotId: 's',
          asAt: '2025-01-01',
          settings: S,
        }),
      ),
      ['snapshot'],
    );
    assert.deepEqual(
      Object.keys(
        ruleParams(trackerRule('cla_visit_overdue'), { snapshotId: 's', asAt: '2025-01-01', settings: S }),
      ).sort(),
      ['as_at', 'cla_visit_long_term_months', 'cla_visit_weeks', 'snapshot'],
    );
  });

  it('refuses a rule whose SQL lists a child twice', async () => {
    const broken: TrackerRuleDefinition = {
      ...trackerRule('cp_plan_2y'),
      sql: `SELECT child_id, NULL AS limit_date, NULL AS team, NULL AS worker FROM annex_a_list_7
            WHERE snapshot_id = $snapshot UNION ALL
            SELECT child_id, NULL, NULL, NULL FROM annex_a_list_7 WHERE snapshot_id = $snapshot`,
    };
    await assert.rejects(
      evaluateRule(broken, f.analytics, { snapshotId: 's1', asAt: '2025-01-01', settings: S }),
      /returned child X twice/,
    );
  });

  it('runs every rule on an empty snapshot', async () => {
    await f.snapshot('empty', []);
    for (const id of ['cp_plan_9m', 'unallocated', 'cla_visit_overdue', 'careleaver_not_in_touch'] as const)
      assert.deepEqual(await f.run(id, 'empty', '2025-01-01'), []);
  });
});
