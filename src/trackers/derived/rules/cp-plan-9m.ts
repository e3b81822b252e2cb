import type { TrackerRuleDefinition } from '../types.ts';
import { CHECKPOINT_DETAIL, checkpointSql } from './cp-plan-checkpoint.ts';

export const cpPlan9m: TrackerRuleDefinition = {
  id: 'cp_plan_9m',
  title: 'Child protection plans open 9 months',
  description:
    'Children whose child protection plan is open on the as-at date and started 9 months or more, but less than ' +
    '12 months, before it (a plan reaches 9 months on the day start + 9 calendar months). Amber: reached. ' +
    'Green: plans that reach 9 months within the warning window (approaching).',
  service: 'cp',
  lists: [7],
  settings: [],
  rag: { kind: 'checkpoint', reached: 'amber', approaching: 'tracker_warn_cp_plan_9m' },
  workingDays: false,
  detailLabels: CHECKPOINT_DETAIL,
  // Every open plan below 12 months: the runner keeps those reached (amber) or within the window (green).
  sql: checkpointSql(9, 12, true),
};
