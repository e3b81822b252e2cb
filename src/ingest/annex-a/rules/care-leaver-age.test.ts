import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA023 care leaver aged outside 16–25 (16th and 25th birthdays are inside)', async () => {
  const { result } = await runList(
    9,
    [
      { child_id: '1', date_of_birth: '2005-03-31' },
      { child_id: '2', date_of_birth: '2005-04-01' },
      { child_id: '3', date_of_birth: '1995-04-01' },
      { child_id: '4', date_of_birth: '1995-03-31' },
    ],
    { asAt: '2021-03-31' },
  );
  assert.deepEqual(
    issuesOf(result, 'AA023').map((i) => i.row),
    [3, 5],
  );
});
