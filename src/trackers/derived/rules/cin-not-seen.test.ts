import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openRuleFixture, ragOf } from '../test-support.ts';
import type { RuleFixture } from '../test-support.ts';

const RULE = 'cin_not_seen';

describe('cin_not_seen', () => {
  let f: RuleFixture;
  before(async () => {
    f = await openRuleFixture();
    // Seen Monday 3 March 2025: 20 working days end on Monday 31 March.
    const c = { list: 6, cin_start_date: '2025-01-06', date_last_seen: '2025-03-03' };
    await f.snapshot('s1', [
      { ...c, child_id: 'S', allocated_team: 'CIN 1', allocated_worker: 'Cas Worker' },
      { ...c, child_id: 'N', date_last_seen: null, cin_start_date: '2025-03-03' },
      { ...c, child_id: 'C', cin_closure_date: '2025-04-01' },
      // On a plan open at A: covered by the CP visits tracker instead.
      { ...c, child_id: 'P' },
      { list: 7, child_id: 'P', cp_start_date: '2025-02-01' },
      // Plan ended on 2025-03-15: back to the CIN standard.
      { ...c, child_id: 'Q' },
      { list: 7, child_id: 'Q', cp_start_date: '2025-02-01', cp_end_date: '2025-03-15' },
      // Looked after until the as-at date 2025-04-01 (ceased on it): listed on that day, not the day before.
      { ...c, child_id: 'L' },
      {
        list: 8,
        child_id: 'L',
        date_started_looked_after: '2025-02-01',
        date_ceased_looked_after: '2025-04-01',
      },
    ]);
  });
  after(() => f.close());

  it('is amber on the limit day (20 working days after last seen) and red the day after', async () => {
    const onDay = await f.entry(RULE, 's1', '2025-03-31', 'S');
    assert.deepEqual(
      [onDay?.limitDate, onDay?.rag, onDay?.team, onDay?.worker],
      ['2025-03-31', 'amber', 'CIN 1', 'Cas Worker'],
    );
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-01', 'S'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-24', 'S'), 'amber', '5 working days before');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-21', 'S'), 'not listed');
    assert.equal((await f.entry(RULE, 's1', '2025-04-01', 'N'))?.limitDate, '2025-03-31', 'from the start');
  });

  it('reads the standard from the settings', async () => {
    const e = await f.entry(RULE, 's1', '2025-03-18', 'S', { cin_seen_working_days: 10 });
    assert.deepEqual([e?.limitDate, e?.rag], ['2025-03-17', 'red']);
  });

  it('leaves out closed episodes, and children on a plan or looked after at the as-at date', async () => {
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-01', 'C'), 'not listed', 'closed on the as-at date');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'C'), 'amber');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-01', 'P'), 'not listed');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-01', 'Q'), 'red');
    assert.equal(await ragOf(f, RULE, 's1', '2025-03-31', 'L'), 'not listed', 'looked after');
    assert.equal(await ragOf(f, RULE, 's1', '2025-04-01', 'L'), 'red', 'ceased on the as-at date');
  });
});
