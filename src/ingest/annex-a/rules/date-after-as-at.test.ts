import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA010 date after as-at is a warning on the day after, not on the day', async () => {
  const { result, rows } = await runList(
    1,
    [
      { child_id: '1', date_of_contact: '2021-03-31' },
      { child_id: '2', date_of_contact: '2021-04-01' },
    ],
    { asAt: '2021-03-31' },
  );
  assert.deepEqual(
    issuesOf(result, 'AA010').map((i) => i.row),
    [3],
  );
  assert.equal(rows.length, 2);
});
