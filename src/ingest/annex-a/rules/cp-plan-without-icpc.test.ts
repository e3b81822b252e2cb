import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA020 CP plan in the period with no ICPC in list 5 is a query', async () => {
  const { result } = await runList(
    7,
    [
      { child_id: 'A', cp_start_date: '2021-02-01' },
      { child_id: 'B', cp_start_date: '2021-02-01' },
      { child_id: 'C', cp_start_date: '2020-01-01' },
    ],
    { asAt: '2021-03-31' },
    [{ list: 5, rows: [{ child_id: 'A', strategy_discussion_date: '2021-01-10', icpc_date: '2021-02-01' }] }],
  );
  const q = issuesOf(result, 'AA020');
  assert.equal(q.length, 1);
  assert.equal(q[0]?.severity, 'query');
  assert.ok(q[0]?.message.includes('child B'));
});

test('AA020 without list 5 there is nothing to compare with', async () => {
  const { result } = await runList(7, [{ child_id: 'B', cp_start_date: '2021-02-01' }], {
    asAt: '2021-03-31',
  });
  assert.equal(issuesOf(result, 'AA020').length, 0);
});
