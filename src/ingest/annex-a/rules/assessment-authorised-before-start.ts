import { orderRule } from './rule.ts';

/** AA016: a social work assessment authorised before it started. */
export const assessmentAuthorisedBeforeStart = orderRule({
  code: 'AA016',
  severity: 'error',
  title: 'Assessment authorised before it started',
  list: 4,
  earlier: 'assessment_start_date',
  later: 'assessment_authorised_date',
  explain: 'an assessment cannot be authorised before it starts. The row was not imported.',
});
