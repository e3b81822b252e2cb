import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA015 ceased to be looked after before starting excludes the row', async () => {
  const { result, rows } = await runList(8, [
    {
      child_id: '1',
      date_started_looked_after: '2020-05-02',
      date_ceased_looked_after: '2020-05-01',
      reason_ceased: 'E8',
    },
  ]);
  assert.equal(issuesOf(result, 'AA015').length, 1);
  assert.equal(rows.length, 0);
});
