import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, LOOKED_AFTER, TEAM_WORKER } from './sql.ts';

export const cla3plusPlacements: TrackerRuleDefinition = {
  id: 'cla_3plus_placements',
  title: 'Children in care: 3 or more placements in 12 months',
  description:
    'Children looked after on the as-at date whose number of placements in the last 12 months is 3 or more. A ' +
    'status with no limit date: red.',
  service: 'cla',
  lists: [8],
  settings: [],
  rag: { kind: 'flag' },
  workingDays: false,
  detailLabels: {
    placements: 'Placements in the last 12 months',
    placement_start: 'Latest placement started',
  },
  sql: `
SELECT child_id, CAST(NULL AS DATE) AS limit_date, ${TEAM_WORKER},
       placements_last_12_months AS placements, placement_start_date AS placement_start
FROM annex_a_list_8
WHERE snapshot_id = $snapshot AND ${LOOKED_AFTER} AND placements_last_12_months >= 3
${FIRST_LIMIT_PER_CHILD}`,
};
