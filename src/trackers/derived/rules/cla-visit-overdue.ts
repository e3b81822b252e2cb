import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, LOOKED_AFTER, TEAM_WORKER, plusDays, plusMonths } from './sql.ts';

/**
 * A long-term placement: placement type U1 or U4 (foster placement, long term), or a foster placement not for
 * adoption (U3, U6) where the permanence plan is long-term fostering.
 */
export const LONG_TERM = `(placement_type IN ('U1', 'U4') OR (permanence_plan = 'FOSTERING' AND placement_type IN ('U3', 'U6')))`;

export const claVisitOverdue: TrackerRuleDefinition = {
  id: 'cla_visit_overdue',
  title: 'Children in care: visits overdue',
  description:
    'Children looked after on the as-at date who are to be visited within 6 weeks (the visit interval setting) ' +
    'of their last social work visit, or of the day they started to be looked after where no later visit is ' +
    'recorded; within 3 months (a setting) where the placement is long-term: placement type U1 or U4, or U3/U6 ' +
    'with a permanence plan of long-term fostering. Visited by the limit day: not overdue on it; red from the ' +
    'next day. Amber: within the warning window (days) before the limit.',
  service: 'cla',
  lists: [8],
  settings: ['cla_visit_weeks', 'cla_visit_long_term_months'],
  rag: { kind: 'deadline', warning: 'tracker_warn_cla_visit_overdue' },
  workingDays: false,
  detailLabels: {
    started_looked_after: 'Started to be looked after',
    last_visit: 'Last social work visit',
    long_term: 'Long-term placement',
    placement_type: 'Placement type',
  },
  sql: `
WITH care AS (
  SELECT *, greatest(date_started_looked_after, coalesce(date_last_social_work_visit, date_started_looked_after)) AS base,
         ${LONG_TERM} AS long_term
  FROM annex_a_list_8
  WHERE snapshot_id = $snapshot AND ${LOOKED_AFTER}
)
SELECT child_id,
       CASE WHEN long_term THEN ${plusMonths('base', '$cla_visit_long_term_months')}
            ELSE ${plusDays('base', '7 * $cla_visit_weeks')} END AS limit_date,
       ${TEAM_WORKER},
       date_started_looked_after AS started_looked_after, date_last_social_work_visit AS last_visit,
       long_term, placement_type
FROM care
${FIRST_LIMIT_PER_CHILD}`,
};
