import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA014 CP plan ended before it started excludes the row', async () => {
  const { result, rows } = await runList(7, [
    { child_id: '1', cp_start_date: '2020-05-02', cp_end_date: '2020-05-01' },
  ]);
  assert.equal(issuesOf(result, 'AA014').length, 1);
  assert.equal(rows.length, 0);
});
