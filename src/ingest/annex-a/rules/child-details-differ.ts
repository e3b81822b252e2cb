import { ukDate } from './rule.ts';
import { detach } from '../values.ts';
import type { Rule } from './rule.ts';

/** What is known of a child: details as first seen (gaps filled from later rows) and what was reported. */
class Known {
  gender: string;
  dob: string;
  readonly list: number;
  readonly row: number;
  genderReported = false;
  dobReported = false;
  constructor(gender: string, dob: string, list: number, row: number) {
    this.gender = gender;
    this.dob = dob;
    this.list = list;
    this.row = row;
  }
}

/** Children tracked at most: beyond this the check stops (and says so) to bound memory. */
export const MAX_TRACKED_CHILDREN = 1_000_000;

/**
 * AA026: the same child has a different gender or date of birth in another row (of the same or another
 * list). Reported once per child and field, on the row where the difference is first seen.
 */
export const childDetailsDiffer: Rule = {
  code: 'AA026',
  severity: 'warning',
  title: 'Gender or date of birth differs between rows for the same child',
  lists: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  columns: ['gender', 'date_of_birth'],
  create(env) {
    // child id → what was first seen (gaps filled from later rows) and which differences were reported
    const known = new Map<string, Known>();
    let full = false;
    return {
      accepted(input) {
        const r = input.row;
        if (r.list === 11) return;
        const id = r.values.child_id;
        if (typeof id !== 'string') return;
        const g = typeof r.values.gender === 'string' ? r.values.gender : '';
        const dob = typeof r.values.date_of_birth === 'string' ? r.values.date_of_birth : '';
        const prev = known.get(id);
        if (prev === undefined) {
          if (known.size >= MAX_TRACKED_CHILDREN) {
            if (!full) {
              full = true;
              env.report({
                source: input.source,
                row: r.row,
                column: null,
                value: null,
                message: `More than ${String(MAX_TRACKED_CHILDREN)} different children: gender and date of birth were compared between lists for the first ${String(MAX_TRACKED_CHILDREN)} only.`,
              });
            }
            return;
          }
          known.set(detach(id), new Known(g, dob, r.list, r.row));
          return;
        }
        const pg = prev.gender;
        const pdob = prev.dob;
        if (g && pg && g !== pg && !prev.genderReported) {
          prev.genderReported = true;
          env.report({
            source: input.source,
            row: r.row,
            column: 'gender',
            value: input.rawText('gender'),
            message: `Child ${id} has gender ${g} here but ${pg} in list ${String(prev.list)} row ${String(prev.row)}: a child's details should be the same in every list.`,
          });
        }
        if (dob && pdob && dob !== pdob && !prev.dobReported) {
          prev.dobReported = true;
          env.report({
            source: input.source,
            row: r.row,
            column: 'date_of_birth',
            value: input.rawText('date_of_birth'),
            message: `Child ${id} has date of birth ${ukDate(dob)} here but ${ukDate(pdob)} in list ${String(prev.list)} row ${String(prev.row)}: a child's details should be the same in every list.`,
          });
        }
        if (!pg) prev.gender = g;
        if (!pdob) prev.dob = dob;
      },
    };
  },
};
