import { ALL_LISTS, ukDate } from './rule.ts';
import { eventDateKeys, listSpec } from '../spec.ts';
import type { Rule } from './rule.ts';
import type { ListNumber } from '../spec.ts';

const KEYS = new Map<ListNumber, string[]>(ALL_LISTS.map((n) => [n, eventDateKeys(listSpec(n))]));

/**
 * AA010: an event dated after the as-at date (today when no as-at date is given). Date of birth is not
 * checked (unborn children have an expected date of birth). The row is kept.
 */
export const dateAfterAsAt: Rule = {
  code: 'AA010',
  severity: 'warning',
  title: 'Date is after the as-at date',
  lists: ALL_LISTS,
  columns: [],
  create(env) {
    const what = env.asAt ? 'the as-at date' : 'today';
    return {
      row(input) {
        for (const key of KEYS.get(input.row.list) ?? []) {
          const v = input.row.values[key];
          if (typeof v !== 'string' || v <= env.rowAsAt) continue;
          env.report({
            source: input.source,
            row: input.row.row,
            column: key,
            value: input.rawText(key),
            message: `${input.source.headerOf(key) ?? key} (${ukDate(v)}) is after ${what} (${ukDate(env.rowAsAt)}): check the date. The row was kept.`,
          });
        }
      },
    };
  },
};
