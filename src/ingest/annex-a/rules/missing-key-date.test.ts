import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA002 a blank key date excludes the row (an unreadable one is AA003, not both)', async () => {
  const { result, rows } = await runList(3, [
    { child_id: '1', date_of_referral: '' },
    { child_id: '2', date_of_referral: '13/13/2020' },
    { child_id: '3', date_of_referral: '01/02/2020' },
  ]);
  assert.deepEqual(
    issuesOf(result, 'AA002').map((i) => i.row),
    [2],
  );
  assert.deepEqual(
    rows.map((r) => r.values.child_id),
    ['3'],
  );
});
