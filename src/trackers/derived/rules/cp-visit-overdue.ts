import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, OPEN_CP_PLAN, TEAM_WORKER } from './sql.ts';

export const cpVisitOverdue: TrackerRuleDefinition = {
  id: 'cp_visit_overdue',
  title: 'Child protection visits overdue',
  description:
    'Children on a child protection plan open on the as-at date who are to be visited within the child ' +
    'protection visit standard (default 10 working days) of their last statutory visit, or of the plan start ' +
    'where no visit after the start is recorded. The limit is that many working days after it: a child visited ' +
    'by the limit day is not overdue on it, and is red from the next day. Amber: within the warning window ' +
    '(working days) before the limit.',
  service: 'cp',
  lists: [7],
  settings: ['cp_visit_working_days'],
  rag: { kind: 'deadline', warning: 'tracker_warn_cp_visit_overdue' },
  workingDays: true,
  detailLabels: { plan_start: 'Plan started', last_visit: 'Last statutory visit' },
  sql: `
SELECT child_id,
       wd_add(greatest(cp_start_date, coalesce(date_last_statutory_visit, cp_start_date)),
              CAST($cp_visit_working_days AS INTEGER)) AS limit_date,
       ${TEAM_WORKER},
       cp_start_date AS plan_start, date_last_statutory_visit AS last_visit
FROM annex_a_list_7
WHERE snapshot_id = $snapshot AND ${OPEN_CP_PLAN}
${FIRST_LIMIT_PER_CHILD}`,
};
