import type { TrackerRuleDefinition } from '../types.ts';
import { FIRST_LIMIT_PER_CHILD, LOOKED_AFTER, TEAM_WORKER } from './sql.ts';

export const claMissingNoRhi: TrackerRuleDefinition = {
  id: 'cla_missing_no_rhi',
  title: 'Children in care: missing with no return interview offered',
  description:
    'Children looked after on the as-at date with at least one missing episode in the last 12 months whose ' +
    'return interview after the last episode is not recorded as offered (No, or blank). Annex A gives no date ' +
    'for the episode, so the 72-hour limit cannot be dated: a status, red.',
  service: 'cla',
  lists: [8],
  settings: [],
  rag: { kind: 'flag' },
  workingDays: false,
  detailLabels: {
    missing_episodes: 'Missing episodes in the last 12 months',
    offered: 'Return interview offered',
  },
  sql: `
SELECT child_id, CAST(NULL AS DATE) AS limit_date, ${TEAM_WORKER},
       missing_episodes_last_12_months AS missing_episodes, return_interview_offered AS offered
FROM annex_a_list_8
WHERE snapshot_id = $snapshot AND ${LOOKED_AFTER}
  AND missing_episodes_last_12_months >= 1 AND return_interview_offered IS NOT TRUE
${FIRST_LIMIT_PER_CHILD}`,
};
