import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, OPEN_ASSESSMENT, TEAM_WORKER } from './sql.ts';

export const assessmentOver45wd: TrackerRuleDefinition = {
  id: 'assessment_over_45wd',
  title: 'Assessments open beyond 45 working days',
  description:
    'Assessments started on or before the as-at date and not authorised on or before it, whose 45 working days ' +
    'have run out: the limit is the 45th working day after the start (weekends and bank holidays skipped). On ' +
    'the 45th working day the assessment is not yet late; red from the next day. Amber: within the warning ' +
    'window (working days) before the limit.',
  service: 'assessment',
  lists: [4],
  settings: [],
  rag: { kind: 'deadline', warning: 'tracker_warn_assessment_over_45wd' },
  workingDays: true,
  detailLabels: { assessment_start: 'Assessment started' },
  sql: `
SELECT child_id, wd_add(assessment_start_date, 45) AS limit_date, ${TEAM_WORKER},
       assessment_start_date AS assessment_start
FROM annex_a_list_4
WHERE snapshot_id = $snapshot AND ${OPEN_ASSESSMENT}
${FIRST_LIMIT_PER_CHILD}`,
};
