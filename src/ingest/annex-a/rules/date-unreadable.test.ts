import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA004 another unreadable date is a warning: the value is blank, the row kept', async () => {
  const { result, rows } = await runList(3, [
    { child_id: '3', date_of_referral: '01/02/2020', date_of_birth: 'soon' },
  ]);
  assert.equal(issuesOf(result, 'AA004')[0]?.value, 'soon');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.values.date_of_birth, null);
});
