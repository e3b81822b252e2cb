import { ALL_LISTS, ukDate } from './rule.ts';
import { eventDateKeys, listSpec } from '../spec.ts';
import type { Rule } from './rule.ts';
import type { ListNumber } from '../spec.ts';

const KEYS = new Map<ListNumber, string[]>(ALL_LISTS.map((n) => [n, eventDateKeys(listSpec(n))]));
/** Lists where work can start before birth (pre-birth contacts, assessments and plans). */
const UNBORN_POSSIBLE = new Set<ListNumber>([1, 2, 3, 4, 5, 6, 7]);

/** AA011: the date of birth is after an event in the same row (one message per row, naming the earliest event). */
export const dobAfterEvent: Rule = {
  code: 'AA011',
  severity: 'warning',
  title: 'Date of birth is after an event',
  lists: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  columns: ['date_of_birth'],
  create(env) {
    return {
      row(input) {
        const dob = input.row.values.date_of_birth;
        if (typeof dob !== 'string') return;
        let earliest: { key: string; date: string } | null = null;
        for (const key of KEYS.get(input.row.list) ?? []) {
          const v = input.row.values[key];
          if (typeof v === 'string' && v < dob && (earliest === null || v < earliest.date))
            earliest = { key, date: v };
        }
        if (!earliest) return;
        const unborn = UNBORN_POSSIBLE.has(input.row.list)
          ? ' If this is an unborn child, the expected date of birth is later than the event: check it.'
          : '';
        env.report({
          source: input.source,
          row: input.row.row,
          column: 'date_of_birth',
          value: input.rawText('date_of_birth'),
          message: `Date of birth (${ukDate(dob)}) is after ${input.source.headerOf(earliest.key) ?? earliest.key} (${ukDate(earliest.date)}): an event cannot come before the child was born.${unborn}`,
        });
      },
    };
  },
};
