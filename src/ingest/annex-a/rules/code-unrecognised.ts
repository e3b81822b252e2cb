import { unreadableValueRule } from './rule.ts';
import { CODE_DATA } from '../codes.ts';

function examples(codeSet: string): string {
  const rows = CODE_DATA[codeSet] ?? [];
  const shown = rows.slice(0, 4).map(([code, label]) => `${code} (${label})`);
  return rows.length > 4 ? `${shown.join(', ')}…` : shown.join(', ');
}

/** AA006: a coded value matches no code of its code set nor a local mapping (kept raw, code left blank). */
export const codeUnrecognised = unreadableValueRule({
  code: 'AA006',
  title: 'Code not recognised',
  kinds: ['code'],
  reportValue: true,
  message: (header, f) =>
    `${header} "${f.raw ?? ''}" is not a recognised code: expected one of ${examples(f.codeSet ?? '')} as a code, a label or in the template's "a) CODE" form, or add a local mapping. The raw value was kept; the code was left blank.`,
});
