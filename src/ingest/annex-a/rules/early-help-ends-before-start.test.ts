import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA017 early help assessment completed before it started excludes the row', async () => {
  const { result, rows } = await runList(2, [
    { child_id: '1', assessment_start_date: '2020-05-02', assessment_completion_date: '2020-05-01' },
  ]);
  assert.equal(issuesOf(result, 'AA017').length, 1);
  assert.equal(rows.length, 0);
});
