import { ALL_LISTS } from './rule.ts';
import { CODE_DATA } from '../codes.ts';
import type { Rule } from './rule.ts';

function examples(codeSet: string): string {
  const rows = CODE_DATA[codeSet] ?? [];
  const shown = rows.slice(0, 4).map(([code, label]) => `${code} (${label})`);
  return rows.length > 4 ? `${shown.join(', ')}…` : shown.join(', ');
}

/** AA006: a coded value matches no code of its code set nor a local mapping (kept raw, code left blank). */
export const codeUnrecognised: Rule = {
  code: 'AA006',
  severity: 'warning',
  title: 'Code not recognised',
  lists: ALL_LISTS,
  columns: [],
  create(env) {
    return {
      row(input) {
        for (const f of input.failures) {
          if (f.kind !== 'code') continue;
          env.report({
            source: input.source,
            row: input.row.row,
            column: f.key,
            value: f.raw,
            message: `${input.source.headerOf(f.key) ?? f.key} "${f.raw ?? ''}" is not a recognised code: expected one of ${examples(f.codeSet ?? '')} as a code, a label or in the template's "a) CODE" form, or add a local mapping. The raw value was kept; the code was left blank.`,
          });
        }
      },
    };
  },
};
