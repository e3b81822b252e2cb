import type { TrackerRuleDefinition } from '../types.ts';
import { CHECKPOINT_DETAIL, checkpointSql } from './cp-plan-checkpoint.ts';

export const cpPlan18m: TrackerRuleDefinition = {
  id: 'cp_plan_18m',
  title: 'Child protection plans open 18 months',
  description:
    'Children whose child protection plan is open on the as-at date and started 18 months or more, but less than ' +
    '2 years, before it (the checkpoint is reached on the day start + 18 calendar months). Red: reached.',
  service: 'cp',
  lists: [7],
  settings: [],
  rag: { kind: 'checkpoint', reached: 'red' },
  workingDays: false,
  detailLabels: CHECKPOINT_DETAIL,
  sql: checkpointSql(18, 24),
};
