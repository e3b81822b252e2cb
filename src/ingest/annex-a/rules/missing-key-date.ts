import { listSpec } from '../spec.ts';
import type { Rule } from './rule.ts';

/** AA002: the date that defines the row (date of contact, of referral, CIN start…) is blank. */
export const missingKeyDate: Rule = {
  code: 'AA002',
  severity: 'error',
  title: "The list's main date is blank",
  lists: [1, 2, 3, 4, 5, 6, 7, 8],
  columns: [
    'date_of_contact',
    'assessment_start_date',
    'date_of_referral',
    'strategy_discussion_date',
    'cin_start_date',
    'cp_start_date',
    'date_started_looked_after',
  ],
  create(env) {
    return {
      row(input) {
        const key = listSpec(input.row.list).keyDate;
        if (!key || input.row.values[key] !== null) return;
        // an unreadable date is reported by AA003, not again here
        if (input.failures.some((f) => f.key === key && f.kind === 'date')) return;
        env.report({
          source: input.source,
          row: input.row.row,
          column: key,
          value: input.rawText(key),
          message: `${input.source.headerOf(key) ?? key} is blank: a date is needed for every row of this list. The row was not imported.`,
        });
      },
    };
  },
};
