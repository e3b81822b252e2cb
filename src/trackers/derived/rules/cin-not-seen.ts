import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, LOOKED_AFTER, OPEN_CIN, OPEN_CP_PLAN, TEAM_WORKER } from './sql.ts';

export const cinNotSeen: TrackerRuleDefinition = {
  id: 'cin_not_seen',
  title: 'Children in need not seen within the standard',
  description:
    'Children in need episodes open on the as-at date, where the child is to be seen within the child in need ' +
    'visiting standard (default 20 working days) of the date last seen, or of the episode start where no later ' +
    'date is recorded. Children on an open child protection plan or looked after on the as-at date are left ' +
    'out: their own, stricter, visit trackers cover them. Seen by the limit day: not overdue on it; red from the ' +
    'next day. Amber: within the warning window (working days) before the limit.',
  service: 'cin',
  lists: [6, 7, 8],
  settings: ['cin_seen_working_days'],
  rag: { kind: 'deadline', warning: 'tracker_warn_cin_not_seen' },
  workingDays: true,
  detailLabels: { cin_start: 'Episode started', last_seen: 'Last seen' },
  sql: `
SELECT child_id,
       wd_add(greatest(cin_start_date, coalesce(date_last_seen, cin_start_date)),
              CAST($cin_seen_working_days AS INTEGER)) AS limit_date,
       ${TEAM_WORKER},
       cin_start_date AS cin_start, date_last_seen AS last_seen
FROM annex_a_list_6 AS cin
WHERE snapshot_id = $snapshot AND ${OPEN_CIN}
  AND NOT EXISTS (SELECT 1 FROM annex_a_list_7 AS p
                  WHERE p.snapshot_id = $snapshot AND p.child_id = cin.child_id AND ${OPEN_CP_PLAN})
  AND NOT EXISTS (SELECT 1 FROM annex_a_list_8 AS l
                  WHERE l.snapshot_id = $snapshot AND l.child_id = cin.child_id AND ${LOOKED_AFTER})
${FIRST_LIMIT_PER_CHILD}`,
};
