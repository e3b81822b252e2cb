import { ukDate } from './rule.ts';
import type { Rule } from './rule.ts';

/** AA021: a child in list 8 has a date ceased to be looked after but no reason. */
export const ceasedWithoutReason: Rule = {
  code: 'AA021',
  severity: 'warning',
  title: 'Ceased to be looked after with no reason',
  lists: [8],
  columns: ['date_ceased_looked_after', 'reason_ceased'],
  create(env) {
    return {
      row(input) {
        if (input.row.list !== 8) return;
        const ceased = input.row.values.date_ceased_looked_after;
        if (typeof ceased !== 'string') return;
        // an unrecognised reason is reported by AA006; only a blank one here
        if (input.row.values.reason_ceased !== null || input.row.raw.reason_ceased) return;
        env.report({
          source: input.source,
          row: input.row.row,
          column: 'reason_ceased',
          value: null,
          message: `The child ceased to be looked after on ${ukDate(ceased)} but ${input.source.headerOf('reason_ceased') ?? 'Reason Ceased to be Looked After'} is blank: give the reason (E11–E17, E2–E9, X1). The row was kept.`,
        });
      },
    };
  },
};
