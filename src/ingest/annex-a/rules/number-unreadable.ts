import { unreadableValueRule } from './rule.ts';

/** AA005: a number or count is not a number (the value is left blank). */
export const numberUnreadable = unreadableValueRule({
  code: 'AA005',
  title: 'Number is not a number',
  kinds: ['number', 'integer'],
  reportValue: true,
  message: (header, f) =>
    `${header} "${f.raw ?? ''}" is not ${f.kind === 'integer' ? 'a whole number such as 0, 1 or 2' : 'a number'}. The value was left blank.`,
});
