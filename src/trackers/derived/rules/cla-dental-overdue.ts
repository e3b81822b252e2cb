import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, LOOKED_AFTER, TEAM_WORKER, plusMonths } from './sql.ts';

export const claDentalOverdue: TrackerRuleDefinition = {
  id: 'cla_dental_overdue',
  title: 'Children in care: dental checks overdue',
  description:
    'Children looked after on the as-at date whose dental check is due: within 12 months of the last one, at ' +
    'every age (as the SSDA903 dental check measure; a check before the child started to be looked after ' +
    'counts). With none recorded, the first is due 12 months after the child started to be looked after, so a ' +
    'baby is never due before their first birthday (a baby looked after from birth is due on it). Checked by ' +
    'the limit day: not overdue on it; red from the next day. Amber: within the warning window (days) before ' +
    'the limit.',
  service: 'cla',
  lists: [8],
  settings: [],
  rag: { kind: 'deadline', warning: 'tracker_warn_cla_dental_overdue' },
  workingDays: false,
  detailLabels: {
    started_looked_after: 'Started to be looked after',
    last_check: 'Last dental check',
    date_of_birth: 'Date of birth',
  },
  sql: `
SELECT child_id,
       ${plusMonths('coalesce(date_last_dental_check, date_started_looked_after)', 12)} AS limit_date,
       ${TEAM_WORKER},
       date_started_looked_after AS started_looked_after, date_last_dental_check AS last_check, date_of_birth
FROM annex_a_list_8
WHERE snapshot_id = $snapshot AND ${LOOKED_AFTER}
${FIRST_LIMIT_PER_CHILD}`,
};
