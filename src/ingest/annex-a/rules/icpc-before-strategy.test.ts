import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA019 ICPC before strategy discussion is a warning', async () => {
  const { result, rows } = await runList(5, [
    { child_id: '1', strategy_discussion_date: '2020-05-02', icpc_date: '2020-05-01' },
  ]);
  assert.equal(issuesOf(result, 'AA019').length, 1);
  assert.equal(rows.length, 1);
});
