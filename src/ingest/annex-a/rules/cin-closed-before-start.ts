import { orderRule } from './rule.ts';

/** AA013: a child in need episode closed before it started. */
export const cinClosedBeforeStart = orderRule({
  code: 'AA013',
  severity: 'error',
  title: 'Child in need episode closed before it started',
  list: 6,
  earlier: 'cin_start_date',
  later: 'cin_closure_date',
  explain: 'an episode cannot close before it starts. The row was not imported.',
});
