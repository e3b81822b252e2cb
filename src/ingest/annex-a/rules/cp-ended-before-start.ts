import { orderRule } from './rule.ts';

/** AA014: a child protection plan ended before it started. */
export const cpEndedBeforeStart = orderRule({
  code: 'AA014',
  severity: 'error',
  title: 'Child protection plan ended before it started',
  list: 7,
  earlier: 'cp_start_date',
  later: 'cp_end_date',
  explain: 'a plan cannot end before it starts. The row was not imported.',
});
