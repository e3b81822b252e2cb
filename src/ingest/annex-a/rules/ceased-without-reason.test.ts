import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA021 ceased with no reason', async () => {
  const { result } = await runList(8, [
    { child_id: '1', date_started_looked_after: '2020-01-01', date_ceased_looked_after: '2020-06-01' },
    {
      child_id: '2',
      date_started_looked_after: '2020-01-01',
      date_ceased_looked_after: '2020-06-01',
      reason_ceased: 'E4A',
    },
  ]);
  assert.deepEqual(
    issuesOf(result, 'AA021').map((i) => i.row),
    [2],
  );
});
