import { ALL_LISTS } from './rule.ts';
import type { Rule } from './rule.ts';

/** AA007: a yes/no column holds something other than yes, no or unknown. */
export const yesNoUnrecognised: Rule = {
  code: 'AA007',
  severity: 'warning',
  title: 'Yes/no value not recognised',
  lists: ALL_LISTS,
  columns: [],
  create(env) {
    return {
      row(input) {
        for (const f of input.failures) {
          if (f.kind !== 'yesno') continue;
          env.report({
            source: input.source,
            row: input.row.row,
            column: f.key,
            value: f.raw,
            message: `${input.source.headerOf(f.key) ?? f.key} "${f.raw ?? ''}" is not yes or no: expected Yes, No, Y, N, a) Yes, b) No, 1, 0, True, False or Unknown. The raw value was kept; the answer was left blank.`,
          });
        }
      },
    };
  },
};
