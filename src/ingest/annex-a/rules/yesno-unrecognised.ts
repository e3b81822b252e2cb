import { unreadableValueRule } from './rule.ts';

/** AA007: a yes/no column holds something other than yes, no or unknown. */
export const yesNoUnrecognised = unreadableValueRule({
  code: 'AA007',
  title: 'Yes/no value not recognised',
  kinds: ['yesno'],
  reportValue: true,
  message: (header, f) =>
    `${header} "${f.raw ?? ''}" is not yes or no: expected Yes, No, Y, N, a) Yes, b) No, 1, 0, True, False or Unknown. The raw value was kept; the answer was left blank.`,
});
