import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA013 CIN closed before it started excludes the row; the same day is fine', async () => {
  const { result, rows } = await runList(6, [
    { child_id: '1', cin_start_date: '2020-05-02', cin_closure_date: '2020-05-01' },
    { child_id: '2', cin_start_date: '2020-05-02', cin_closure_date: '2020-05-02' },
  ]);
  assert.equal(issuesOf(result, 'AA013').length, 1);
  assert.equal(rows.length, 1);
});
