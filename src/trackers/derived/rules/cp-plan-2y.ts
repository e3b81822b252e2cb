import type { TrackerRuleDefinition } from '../types.ts';
import { CHECKPOINT_DETAIL, checkpointSql } from './cp-plan-checkpoint.ts';

export const cpPlan2y: TrackerRuleDefinition = {
  id: 'cp_plan_2y',
  title: 'Child protection plans open 2 years or more',
  description:
    'Children whose child protection plan is open on the as-at date and started 2 years or more before it (the ' +
    'checkpoint is reached on the second anniversary of the start, 29 February counting as 28 February). Red.',
  service: 'cp',
  lists: [7],
  settings: [],
  rag: { kind: 'checkpoint', reached: 'red' },
  workingDays: false,
  detailLabels: CHECKPOINT_DETAIL,
  sql: checkpointSql(24, null),
};
