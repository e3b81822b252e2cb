import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createHarness, ACTOR } from '../../../test/snapshots/helpers.ts';
import type { Harness } from '../../../test/snapshots/helpers.ts';
import { generateDemoCouncil } from '../../demo/index.ts';
import { DerivedTrackers, TRACKER_RULE_IDS } from './index.ts';
import type { TrackerEntry } from './index.ts';
import { expectedEntries } from './reference.test-support.ts';
import type { Expected, Row } from './reference.test-support.ts';

const AS_AT = '2025-09-30';

function key(e: Expected | TrackerEntry): string {
  const id = 'childId' in e ? e.childId : '';
  return [e.rule, id, e.limitDate ?? '-', e.rag, e.team ?? '-', e.worker ?? '-'].join(' | ');
}

describe('derived trackers on a generated council (500 children)', () => {
  let h: Harness;
  let entries: TrackerEntry[];
  let expected: Expected[];

  before(async () => {
    h = await createHarness();
    const demo = await generateDemoCouncil({
      outDir: path.join(h.dir, 'demo'),
      children: 500,
      asAt: AS_AT,
      seed: 11,
      format: 'csv',
      faults: 0,
    });
    const files = demo.files
      .filter((f) => f.endsWith('.csv'))
      .map((f) => ({ path: f, name: path.basename(f) }));
    const outcome = await h.service.importFiles(files, { asAt: AS_AT, actor: ACTOR });
    assert.ok(outcome.snapshot, outcome.fatal ?? 'stored');
    const trackers = new DerivedTrackers({ db: h.database.db, analytics: h.analytics, snapshots: h.service });
    await trackers.recompute(outcome.snapshot.id);
    entries = await trackers.entries(outcome.snapshot.id);
    const lists: Record<number, Row[]> = {};
    for (const n of [4, 5, 6, 7, 8, 9])
      lists[n] = await h.analytics.query<Row>(`SELECT * FROM annex_a_list_${n} WHERE snapshot_id = $1`, [
        outcome.snapshot.id,
      ]);
    expected = expectedEntries(lists, AS_AT);
  });
  after(() => h.close());

  for (const rule of TRACKER_RULE_IDS) {
    it(`${rule} lists exactly the children its rule implies`, () => {
      const got = entries
        .filter((e) => e.rule === rule)
        .map(key)
        .sort();
      const want = expected
        .filter((e) => e.rule === rule)
        .map((e) => key({ ...e, childId: e.childId } as TrackerEntry))
        .sort();
      assert.deepEqual(got, want);
    });
  }

  it('exercises most rules on the demo data (a rule listing nobody proves little)', () => {
    const listed = new Set(entries.map((e) => e.rule));
    const empty = TRACKER_RULE_IDS.filter((r) => !listed.has(r));
    assert.ok(empty.length <= 4, `rules listing no child: ${empty.join(', ')}`);
    for (const rag of ['red', 'amber', 'green'] as const)
      assert.ok(
        entries.some((e) => e.rag === rag),
        rag,
      );
  });
});
