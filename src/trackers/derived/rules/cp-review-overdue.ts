import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, OPEN_CP_PLAN, TEAM_WORKER, plusMonths } from './sql.ts';

export const cpReviewOverdue: TrackerRuleDefinition = {
  id: 'cp_review_overdue',
  title: 'Child protection review conferences overdue',
  description:
    'Children on a child protection plan open on the as-at date whose review conference is due: the first ' +
    'within 3 months of the plan start, then within 6 months of the latest review conference (a review dated ' +
    'on or before the plan start is not counted). A conference due by the limit day is not overdue on it; red ' +
    'from the next day. Amber: within the warning window (days) before the limit.',
  service: 'cp',
  lists: [7],
  settings: [],
  rag: { kind: 'deadline', warning: 'tracker_warn_cp_review_overdue' },
  workingDays: false,
  detailLabels: { plan_start: 'Plan started', latest_review: 'Latest review conference' },
  sql: `
SELECT child_id,
       CASE WHEN date_latest_review_conference > cp_start_date
            THEN ${plusMonths('date_latest_review_conference', 6)}
            ELSE ${plusMonths('cp_start_date', 3)} END AS limit_date,
       ${TEAM_WORKER},
       cp_start_date AS plan_start, date_latest_review_conference AS latest_review
FROM annex_a_list_7
WHERE snapshot_id = $snapshot AND ${OPEN_CP_PLAN}
${FIRST_LIMIT_PER_CHILD}`,
};
