import type { TrackerRuleDefinition } from '../types.ts';
import { LOOKED_AFTER, OPEN_ASSESSMENT, OPEN_CIN, OPEN_CP_PLAN, clean } from './sql.ts';

export const unallocated: TrackerRuleDefinition = {
  id: 'unallocated',
  title: 'Unallocated open cases',
  description:
    'Children open on the as-at date (an assessment not authorised by it, a child in need episode not closed ' +
    'by it, a child protection plan not ended by it, looked after and not ceased by it, or any care leaver ' +
    'row) where no open row names an allocated worker (for care leavers, a personal adviser counts). The team ' +
    'shown is the first named on the open rows, in the order care, protection, need, assessment, leaving care. ' +
    'A status with no limit date: red; "open since" is the earliest start among the open rows.',
  service: 'allocation',
  lists: [4, 6, 7, 8, 9],
  settings: [],
  rag: { kind: 'flag' },
  workingDays: false,
  detailLabels: { open_lists: 'Open in lists', open_since: 'Open since' },
  sql: `
WITH open_rows AS (
  SELECT child_id, 1 AS priority, 8 AS list, date_started_looked_after AS opened,
         ${clean('allocated_team')} AS team, ${clean('allocated_worker')} AS worker
  FROM annex_a_list_8 WHERE snapshot_id = $snapshot AND ${LOOKED_AFTER}
  UNION ALL
  SELECT child_id, 2, 7, cp_start_date, ${clean('allocated_team')}, ${clean('allocated_worker')}
  FROM annex_a_list_7 WHERE snapshot_id = $snapshot AND ${OPEN_CP_PLAN}
  UNION ALL
  SELECT child_id, 3, 6, cin_start_date, ${clean('allocated_team')}, ${clean('allocated_worker')}
  FROM annex_a_list_6 WHERE snapshot_id = $snapshot AND ${OPEN_CIN}
  UNION ALL
  SELECT child_id, 4, 4, assessment_start_date, ${clean('allocated_team')}, ${clean('allocated_worker')}
  FROM annex_a_list_4 WHERE snapshot_id = $snapshot AND ${OPEN_ASSESSMENT}
  UNION ALL
  SELECT child_id, 5, 9, CAST(NULL AS DATE), ${clean('allocated_team')},
         coalesce(${clean('allocated_worker')}, ${clean('personal_adviser')})
  FROM annex_a_list_9 WHERE snapshot_id = $snapshot
)
SELECT child_id, CAST(NULL AS DATE) AS limit_date,
       first(team ORDER BY priority, opened DESC NULLS LAST) FILTER (WHERE team IS NOT NULL) AS team,
       CAST(NULL AS VARCHAR) AS worker,
       string_agg(DISTINCT CAST(list AS VARCHAR), ', ' ORDER BY CAST(list AS VARCHAR)) AS open_lists,
       min(opened) AS open_since
FROM open_rows
GROUP BY child_id
HAVING count(worker) = 0`,
};
