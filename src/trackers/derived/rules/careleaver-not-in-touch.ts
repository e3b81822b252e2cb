import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD } from './sql.ts';
import { CARE_LEAVER_TEAM_WORKER } from './careleaver-sql.ts';

export const careleaverNotInTouch: TrackerRuleDefinition = {
  id: 'careleaver_not_in_touch',
  title: 'Care leavers: local authority not in touch',
  description:
    'Care leavers whose "LA in touch" is No (code b). Refused contact, died, no longer requires services and ' +
    'returned home are other codes and are not listed. A status with no limit date: red.',
  service: 'careleavers',
  lists: [9],
  settings: [],
  rag: { kind: 'flag' },
  workingDays: false,
  detailLabels: { latest_contact: 'Latest contact' },
  sql: `
SELECT child_id, CAST(NULL AS DATE) AS limit_date, ${CARE_LEAVER_TEAM_WORKER},
       latest_contact_date AS latest_contact
FROM annex_a_list_9
WHERE snapshot_id = $snapshot AND la_in_touch = 'NO'
${FIRST_LIMIT_PER_CHILD}`,
};
