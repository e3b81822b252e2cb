import { unreadableValueRule } from './rule.ts';

/** AA008: a formula cell was saved without its calculated value. */
export const formulaNoValue = unreadableValueRule({
  code: 'AA008',
  title: 'Formula has no saved value',
  kinds: ['formula'],
  reportValue: false,
  message: (header) =>
    `${header} is a formula with no saved result: open the workbook in Excel, let it calculate and save it again, or paste the values. The value was read as blank.`,
});
