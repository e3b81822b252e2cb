import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA001 a blank identifier excludes the row', async () => {
  const base = { date_started_looked_after: '2020-01-01' };
  const { result, rows } = await runList(8, [
    { child_id: 'A', ...base },
    { child_id: '', ...base },
  ]);
  const hits = issuesOf(result, 'AA001');
  assert.equal(hits.length, 1);
  assert.equal(hits[0]?.row, 3);
  assert.equal(hits[0]?.severity, 'error');
  assert.deepEqual(
    rows.map((r) => r.values.child_id),
    ['A'],
  );
});

test('AA001 list 11 needs the adopter identifier', async () => {
  const { result, rows } = await runList(11, [
    { adopter_id: '', family_id: 'F1' },
    { adopter_id: 'P1', family_id: 'F1' },
  ]);
  assert.equal(issuesOf(result, 'AA001')[0]?.column, 'Individual adopter identifier');
  assert.equal(rows.length, 1);
});
