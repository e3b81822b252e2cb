import { dateValue, headerName, ukDate } from './rule.ts';
import type { Rule } from './rule.ts';

const PAIRS: readonly (readonly [string, string])[] = [
  ['date_stage1_start', 'date_stage1_end'],
  ['date_stage2_start', 'date_stage2_end'],
];

/** AA018: an adopter's stage 1 or stage 2 ended before it started. */
export const adopterStageEndsBeforeStart: Rule = {
  code: 'AA018',
  severity: 'error',
  title: "Adopter's stage ended before it started",
  lists: [11],
  columns: PAIRS.flat(),
  create(env) {
    return {
      row(input) {
        if (input.row.list !== 11) return;
        for (const [start, end] of PAIRS) {
          const a = dateValue(input.row, start);
          const b = dateValue(input.row, end);
          if (a === null || b === null || b >= a) continue;
          env.report({
            source: input.source,
            row: input.row.row,
            column: end,
            value: input.rawText(end),
            message: `${headerName(input, end)} (${ukDate(b)}) is before ${headerName(input, start)} (${ukDate(a)}): a stage cannot end before it starts. The row was not imported.`,
          });
        }
      },
    };
  },
};
