import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD } from './sql.ts';
import { CARE_LEAVER_TEAM_WORKER } from './careleaver-sql.ts';

export const careleaverUnsuitableAccommodation: TrackerRuleDefinition = {
  id: 'careleaver_unsuitable_accommodation',
  title: 'Care leavers: unsuitable accommodation',
  description:
    'Care leavers whose accommodation is recorded as unsuitable (code b). A status with no limit date: red.',
  service: 'careleavers',
  lists: [9],
  settings: [],
  rag: { kind: 'flag' },
  workingDays: false,
  detailLabels: { accommodation: 'Type of accommodation', latest_contact: 'Latest contact' },
  sql: `
SELECT child_id, CAST(NULL AS DATE) AS limit_date, ${CARE_LEAVER_TEAM_WORKER},
       accommodation_type AS accommodation, latest_contact_date AS latest_contact
FROM annex_a_list_9
WHERE snapshot_id = $snapshot AND accommodation_suitability = 'UNSUITABLE'
${FIRST_LIMIT_PER_CHILD}`,
};
