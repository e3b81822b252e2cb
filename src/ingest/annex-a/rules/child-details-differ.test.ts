import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA026 gender or date of birth differs between lists', async () => {
  const { result } = await runList(
    1,
    [{ child_id: 'A', gender: 'F', date_of_birth: '2010-01-01', date_of_contact: '2021-01-01' }],
    {},
    [
      {
        list: 3,
        rows: [{ child_id: 'A', gender: 'M', date_of_birth: '2010-01-01', date_of_referral: '2021-01-02' }],
      },
    ],
  );
  const hits = issuesOf(result, 'AA026');
  assert.equal(hits.length, 1);
  assert.equal(hits[0]?.column, 'Gender');
  assert.ok(hits[0]?.message.includes('list 1 row 2'));
});

test('AA026 each difference is reported once per child; a blank fills in from a later row', async () => {
  const { result } = await runList(1, [
    { child_id: 'A', gender: '', date_of_birth: '2010-01-01', date_of_contact: '2021-01-01' },
    { child_id: 'A', gender: 'M', date_of_birth: '2010-01-01', date_of_contact: '2021-01-02' },
    { child_id: 'A', gender: 'F', date_of_birth: '2010-01-02', date_of_contact: '2021-01-03' },
    { child_id: 'A', gender: 'F', date_of_birth: '2010-01-03', date_of_contact: '2021-01-04' },
  ]);
  assert.deepEqual(
    issuesOf(result, 'AA026').map((i) => [i.row, i.column]),
    [
      [4, 'Gender'],
      [4, 'Date of Birth'],
    ],
  );
});
