import { ALL_LISTS } from './rule.ts';
import type { Rule } from './rule.ts';

/** AA008: a formula cell was saved without its calculated value. */
export const formulaNoValue: Rule = {
  code: 'AA008',
  severity: 'warning',
  title: 'Formula has no saved value',
  lists: ALL_LISTS,
  columns: [],
  create(env) {
    return {
      row(input) {
        for (const f of input.failures) {
          if (f.kind !== 'formula') continue;
          env.report({
            source: input.source,
            row: input.row.row,
            column: f.key,
            value: null,
            message: `${input.source.headerOf(f.key) ?? f.key} is a formula with no saved result: open the workbook in Excel, let it calculate and save it again, or paste the values. The value was read as blank.`,
          });
        }
      },
    };
  },
};
