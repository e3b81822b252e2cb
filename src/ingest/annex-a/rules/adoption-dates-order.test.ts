import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesOf, runList } from '../test-support/fixtures.ts';

test('AA024 adoption dates out of order', async () => {
  const { result } = await runList(10, [
    {
      child_id: '1',
      date_entered_care: '2020-01-01',
      date_decision_adoption: '2020-02-01',
      date_placement_order: '2020-01-15',
    },
    {
      child_id: '2',
      date_entered_care: '2020-01-01',
      date_decision_adoption: '2020-01-01',
      date_adoption_order: '2020-03-01',
    },
  ]);
  assert.deepEqual(
    issuesOf(result, 'AA024').map((i) => [i.row, i.column]),
    [[2, 'Date of Placement Order']],
  );
});
