import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, LOOKED_AFTER, TEAM_WORKER, ageAtA, plusMonths } from './sql.ts';

export const claHealthOverdue: TrackerRuleDefinition = {
  id: 'cla_health_overdue',
  title: 'Children in care: health assessments overdue',
  description:
    'Children looked after on the as-at date whose health assessment is due: within 12 months of the last one, ' +
    'or 6 months for children under 5 on the as-at date (age from the date of birth; without one, 12 months). ' +
    'Where no assessment since the child started to be looked after is recorded, the initial health assessment ' +
    'is due within 20 working days of the start. Assessed by the limit day: not overdue on it; red from the ' +
    'next day. Amber: within the warning window (days) before the limit.',
  service: 'cla',
  lists: [8],
  settings: [],
  rag: { kind: 'deadline', warning: 'tracker_warn_cla_health_overdue' },
  workingDays: false,
  detailLabels: {
    started_looked_after: 'Started to be looked after',
    last_assessment: 'Last health assessment',
    under_5: 'Under 5',
  },
  sql: `
WITH care AS (
  SELECT *,
         CASE WHEN date_last_health_assessment >= date_started_looked_after THEN date_last_health_assessment END AS assessed,
         coalesce(${ageAtA('date_of_birth')} < 5, false) AS under_5
  FROM annex_a_list_8
  WHERE snapshot_id = $snapshot AND ${LOOKED_AFTER}
)
SELECT child_id,
       CASE WHEN assessed IS NULL THEN wd_add(date_started_looked_after, 20)
            WHEN under_5 THEN ${plusMonths('assessed', 6)}
            ELSE ${plusMonths('assessed', 12)} END AS limit_date,
       ${TEAM_WORKER},
       date_started_looked_after AS started_looked_after, date_last_health_assessment AS last_assessment, under_5
FROM care
${FIRST_LIMIT_PER_CHILD}`,
};
