import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA006 a code not recognised is a warning: raw kept, code blank', async () => {
  const { result, rows } = await runList(1, [
    { child_id: '1', date_of_contact: '2021-01-01', contact_source: 'Pigeon' },
    { child_id: '2', date_of_contact: '2021-01-01', contact_source: 'q) 6: Police' },
  ]);
  const hits = issuesOf(result, 'AA006');
  assert.equal(hits.length, 1);
  assert.equal(hits[0]?.value, 'Pigeon');
  assert.equal(rows[0]?.raw.contact_source, 'Pigeon');
  assert.equal(rows[0]?.values.contact_source, null);
  assert.equal(rows[1]?.values.contact_source, '6');
});
