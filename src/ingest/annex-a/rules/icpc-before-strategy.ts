import { orderRule } from './rule.ts';

/** AA019: an ICPC dated before the strategy discussion that started the section 47 enquiry. */
export const icpcBeforeStrategy = orderRule({
  code: 'AA019',
  severity: 'warning',
  title: 'ICPC before the strategy discussion',
  list: 5,
  earlier: 'strategy_discussion_date',
  later: 'icpc_date',
  explain:
    'the conference should follow the strategy discussion that started the enquiry (DfE excludes such ICPCs from the 15-working-day measure). The row was kept.',
});
