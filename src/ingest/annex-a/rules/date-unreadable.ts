import { ALL_LISTS } from './rule.ts';
import { listSpec } from '../spec.ts';
import type { Rule } from './rule.ts';

/** AA004: a date other than the list's main date is not a date (the value is left blank). */
export const dateUnreadable: Rule = {
  code: 'AA004',
  severity: 'warning',
  title: 'Date is not a date',
  lists: ALL_LISTS,
  columns: [],
  create(env) {
    return {
      row(input) {
        const keyDate = listSpec(input.row.list).keyDate;
        for (const f of input.failures) {
          if (f.kind !== 'date' || f.key === keyDate) continue;
          env.report({
            source: input.source,
            row: input.row.row,
            column: f.key,
            value: f.raw,
            message: `${input.source.headerOf(f.key) ?? f.key} "${f.raw ?? ''}" is not a date: expected a date such as 31/01/2024 (day first) or 2024-01-31. The value was left blank.`,
          });
        }
      },
    };
  },
};
