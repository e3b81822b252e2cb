import { ALL_LISTS } from './rule.ts';
import type { Rule } from './rule.ts';

/** AA005: a number or count is not a number (the value is left blank). */
export const numberUnreadable: Rule = {
  code: 'AA005',
  severity: 'warning',
  title: 'Number is not a number',
  lists: ALL_LISTS,
  columns: [],
  create(env) {
    return {
      row(input) {
        for (const f of input.failures) {
          if (f.kind !== 'number' && f.kind !== 'integer') continue;
          const expected = f.kind === 'integer' ? 'a whole number such as 0, 1 or 2' : 'a number';
          env.report({
            source: input.source,
            row: input.row.row,
            column: f.key,
            value: f.raw,
            message: `${input.source.headerOf(f.key) ?? f.key} "${f.raw ?? ''}" is not ${expected}. The value was left blank.`,
          });
        }
      },
    };
  },
};
