import { orderRule } from './rule.ts';

/** AA015: a child ceased to be looked after before they started. */
export const claCeasedBeforeStart = orderRule({
  code: 'AA015',
  severity: 'error',
  title: 'Ceased to be looked after before starting',
  list: 8,
  earlier: 'date_started_looked_after',
  later: 'date_ceased_looked_after',
  explain: 'a period of care cannot end before it starts. The row was not imported.',
});
