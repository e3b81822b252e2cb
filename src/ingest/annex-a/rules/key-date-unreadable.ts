import { listSpec } from '../spec.ts';
import type { Rule } from './rule.ts';

/** AA003: the list's main date is not a date. */
export const keyDateUnreadable: Rule = {
  code: 'AA003',
  severity: 'error',
  title: "The list's main date is not a date",
  lists: [1, 2, 3, 4, 5, 6, 7, 8],
  columns: [],
  create(env) {
    return {
      row(input) {
        const key = listSpec(input.row.list).keyDate;
        if (!key) return;
        const f = input.failures.find((x) => x.key === key && x.kind === 'date');
        if (!f) return;
        env.report({
          source: input.source,
          row: input.row.row,
          column: key,
          value: f.raw,
          message: `${input.source.headerOf(key) ?? key} "${f.raw ?? ''}" is not a date: expected a date such as 31/01/2024 (day first) or 2024-01-31. The row was not imported.`,
        });
      },
    };
  },
};
