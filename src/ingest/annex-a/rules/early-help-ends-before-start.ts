import { orderRule } from './rule.ts';

/** AA017: an early help assessment completed before it started. */
export const earlyHelpEndsBeforeStart = orderRule({
  code: 'AA017',
  severity: 'error',
  title: 'Early help assessment completed before it started',
  list: 2,
  earlier: 'assessment_start_date',
  later: 'assessment_completion_date',
  explain: 'an assessment cannot be completed before it starts. The row was not imported.',
});
