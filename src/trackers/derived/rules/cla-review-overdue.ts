import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, LOOKED_AFTER, TEAM_WORKER, plusMonths } from './sql.ts';

export const claReviewOverdue: TrackerRuleDefinition = {
  id: 'cla_review_overdue',
  title: 'Children in care: reviews overdue',
  description:
    'Children looked after on the as-at date whose statutory review is due: the first within 20 working days of ' +
    'starting to be looked after, the second within 3 months of the first, then every 6 months. Annex A gives ' +
    'only the latest review: with none after the start, the first is due; a latest review held less than 3 ' +
    'months after the start is taken as the first (the next is due 3 months after it); a later one as the ' +
    'second or after (next due 6 months after it). A review due by the limit day is not overdue on it; red from ' +
    'the next day. Amber: within the warning window (days) before the limit.',
  service: 'cla',
  lists: [8],
  settings: [],
  rag: { kind: 'deadline', warning: 'tracker_warn_cla_review_overdue' },
  workingDays: false,
  detailLabels: {
    started_looked_after: 'Started to be looked after',
    latest_review: 'Latest statutory review',
    next_review: 'Review due',
  },
  sql: `
WITH care AS (
  SELECT *, CASE WHEN date_latest_review > date_started_looked_after THEN date_latest_review END AS review
  FROM annex_a_list_8
  WHERE snapshot_id = $snapshot AND ${LOOKED_AFTER}
)
SELECT child_id,
       CASE WHEN review IS NULL THEN wd_add(date_started_looked_after, 20)
            WHEN review < ${plusMonths('date_started_looked_after', 3)} THEN ${plusMonths('review', 3)}
            ELSE ${plusMonths('review', 6)} END AS limit_date,
       ${TEAM_WORKER},
       date_started_looked_after AS started_looked_after, date_latest_review AS latest_review,
       CASE WHEN review IS NULL THEN 'first' WHEN review < ${plusMonths('date_started_looked_after', 3)} THEN 'second'
            ELSE 'six-monthly' END AS next_review
FROM care
${FIRST_LIMIT_PER_CHILD}`,
};
