import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA003 an unreadable key date excludes the row', async () => {
  const { result, rows } = await runList(3, [
    { child_id: '2', date_of_referral: '13/13/2020' },
    { child_id: '3', date_of_referral: '01/02/2020' },
  ]);
  const hits = issuesOf(result, 'AA003');
  assert.equal(hits.length, 1);
  assert.equal(hits[0]?.value, '13/13/2020');
  assert.deepEqual(
    rows.map((r) => r.values.child_id),
    ['3'],
  );
});
