import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test("AA018 an adopter's stage ending before it started excludes the row", async () => {
  const { result, rows } = await runList(11, [
    { adopter_id: 'P', date_stage1_start: '2020-05-02', date_stage1_end: '2020-05-01' },
  ]);
  assert.equal(issuesOf(result, 'AA018').length, 1);
  assert.equal(rows.length, 0);
});
