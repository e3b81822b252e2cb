import { ALL_LISTS } from './rule.ts';
import type { Rule } from './rule.ts';

/** AA001: every row needs its child's (list 11: adopter's) identifier. */
export const missingId: Rule = {
  code: 'AA001',
  severity: 'error',
  title: 'Identifier is blank',
  lists: ALL_LISTS,
  columns: ['child_id', 'adopter_id'],
  create(env) {
    return {
      row(input) {
        const key = input.row.list === 11 ? 'adopter_id' : 'child_id';
        if (input.row.values[key] !== null && input.row.values[key] !== undefined) return;
        const who = key === 'adopter_id' ? "the adopter's identifier" : "the child's unique ID";
        env.report({
          source: input.source,
          row: input.row.row,
          column: key,
          value: input.rawText(key),
          message: `${input.source.headerOf(key) ?? key} is blank: every row needs ${who}. The row was not imported.`,
        });
      },
    };
  },
};
