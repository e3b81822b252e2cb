import type { TrackerRuleDefinition } from '../types.ts';
import { A, FIRST_LIMIT_PER_CHILD, TEAM_WORKER } from './sql.ts';

export const s47NoIcpc15wd: TrackerRuleDefinition = {
  id: 's47_no_icpc_15wd',
  title: 'Section 47 enquiries with no ICPC beyond 15 working days',
  description:
    'Section 47 enquiries whose strategy discussion was on or before the as-at date, with no initial child ' +
    'protection conference held on or before it and the conference not recorded as unnecessary (blank counts ' +
    'as not). The limit is the 15th working day after the strategy discussion: on it the conference is not yet ' +
    'late; red from the next working day. Amber: within the warning window (working days) before the limit.',
  service: 'assessment',
  lists: [5],
  settings: [],
  rag: { kind: 'deadline', warning: 'tracker_warn_s47_no_icpc_15wd' },
  workingDays: true,
  detailLabels: { strategy_discussion: 'Strategy discussion', icpc_unnecessary: 'ICPC deemed unnecessary' },
  sql: `
SELECT child_id, wd_add(strategy_discussion_date, 15) AS limit_date, ${TEAM_WORKER},
       strategy_discussion_date AS strategy_discussion, icpc_unnecessary
FROM annex_a_list_5
WHERE snapshot_id = $snapshot AND strategy_discussion_date <= ${A}
  AND (icpc_date IS NULL OR icpc_date > ${A})
  AND icpc_unnecessary IS NOT TRUE
${FIRST_LIMIT_PER_CHILD}`,
};
