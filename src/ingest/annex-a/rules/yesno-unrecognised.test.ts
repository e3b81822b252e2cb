import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA007 yes/no not understood is a warning; the raw value is kept', async () => {
  const { result, rows } = await runList(3, [
    { child_id: '1', date_of_referral: '2021-01-01', referral_nfa: 'maybe' },
    { child_id: '2', date_of_referral: '2021-01-01', referral_nfa: 'a) Yes' },
  ]);
  assert.equal(issuesOf(result, 'AA007').length, 1);
  assert.equal(rows.length, 2);
  assert.equal(rows[0]?.raw.referral_nfa, 'maybe');
  assert.equal(rows[0]?.values.referral_nfa, null);
  assert.equal(rows[1]?.values.referral_nfa, true);
});
