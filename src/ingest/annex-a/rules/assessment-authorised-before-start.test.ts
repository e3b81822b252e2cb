import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA016 assessment authorised before it started excludes the row', async () => {
  const { result, rows } = await runList(4, [
    { child_id: '1', assessment_start_date: '2020-05-02', assessment_authorised_date: '2020-05-01' },
  ]);
  assert.equal(issuesOf(result, 'AA016').length, 1);
  assert.equal(rows.length, 0);
});
