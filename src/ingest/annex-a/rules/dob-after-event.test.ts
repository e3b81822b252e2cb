import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA011 date of birth after an event', async () => {
  const { result } = await runList(7, [
    { child_id: '1', date_of_birth: '2020-01-02', cp_start_date: '2020-01-01' },
    { child_id: '2', date_of_birth: '2020-01-01', cp_start_date: '2020-01-01' },
  ]);
  assert.deepEqual(
    issuesOf(result, 'AA011').map((i) => i.row),
    [2],
  );
});
