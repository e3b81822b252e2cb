import type { TrackerRuleDefinition } from '../types.ts';
import { CHECKPOINT_DETAIL, checkpointSql } from './cp-plan-checkpoint.ts';

export const cpPlan12m: TrackerRuleDefinition = {
  id: 'cp_plan_12m',
  title: 'Child protection plans open 12 months',
  description:
    'Children whose child protection plan is open on the as-at date and started 12 months or more, but less than ' +
    '15 months, before it (the checkpoint is reached on the day start + 12 calendar months). Amber: reached.',
  service: 'cp',
  lists: [7],
  settings: [],
  rag: { kind: 'checkpoint', reached: 'amber' },
  workingDays: false,
  detailLabels: CHECKPOINT_DETAIL,
  sql: checkpointSql(12, 15),
};
