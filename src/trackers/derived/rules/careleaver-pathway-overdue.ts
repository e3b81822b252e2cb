import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, plusMonths } from './sql.ts';
import { CARE_LEAVER_TEAM_WORKER } from './careleaver-sql.ts';

export const careleaverPathwayOverdue: TrackerRuleDefinition = {
  id: 'careleaver_pathway_overdue',
  title: 'Care leavers: pathway plan reviews overdue',
  description:
    'Care leavers whose latest pathway plan review is more than 6 months before the as-at date (the review is ' +
    'due by the day 6 calendar months after the last: not overdue on that day, red from the next), or who have ' +
    'no review recorded (red, no limit date). Care leavers recorded as died or no longer requiring services are ' +
    'left out. Amber: within the warning window (days) before the limit.',
  service: 'careleavers',
  lists: [9],
  settings: [],
  rag: { kind: 'deadline', warning: 'tracker_warn_careleaver_pathway_overdue' },
  workingDays: false,
  detailLabels: { latest_review: 'Latest pathway plan review', in_touch: 'LA in touch' },
  sql: `
SELECT child_id, ${plusMonths('pathway_plan_review_date', 6)} AS limit_date, ${CARE_LEAVER_TEAM_WORKER},
       pathway_plan_review_date AS latest_review, la_in_touch AS in_touch
FROM annex_a_list_9
WHERE snapshot_id = $snapshot AND (la_in_touch IS NULL OR la_in_touch NOT IN ('DIED', 'NREQ'))
${FIRST_LIMIT_PER_CHILD}`,
};
