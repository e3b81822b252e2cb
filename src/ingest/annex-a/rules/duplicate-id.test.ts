import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA025 a child twice in list 8: the later row is excluded', async () => {
  const base = { date_started_looked_after: '2020-01-01' };
  const { result, rows } = await runList(8, [
    { child_id: 'A', ...base },
    { child_id: '', ...base },
    { child_id: 'A', ...base },
  ]);
  const dup = issuesOf(result, 'AA025');
  assert.equal(dup.length, 1);
  assert.equal(dup[0]?.row, 4, 'CSV line number, header = 1');
  assert.equal(rows.length, 1);
});

test('AA025 lists with many rows per child are not checked', async () => {
  const { result, rows } = await runList(1, [
    { child_id: 'A', date_of_contact: '2021-01-01' },
    { child_id: 'A', date_of_contact: '2021-01-02' },
  ]);
  assert.equal(issuesOf(result, 'AA025').length, 0);
  assert.equal(rows.length, 2);
});
