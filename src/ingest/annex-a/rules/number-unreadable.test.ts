import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA005 a number not understood is a warning', async () => {
  const { result, rows } = await runList(3, [
    { child_id: '1', date_of_referral: '2021-01-01', referrals_last_12_months: 'two' },
    { child_id: '2', date_of_referral: '2021-01-01', referrals_last_12_months: '1.5' },
    { child_id: '3', date_of_referral: '2021-01-01', referrals_last_12_months: '1,200' },
  ]);
  assert.deepEqual(
    issuesOf(result, 'AA005').map((i) => i.value),
    ['two', '1.5'],
  );
  assert.equal(rows.length, 3);
  assert.equal(rows[2]?.values.referrals_last_12_months, 1200);
});
