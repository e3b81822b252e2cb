import { ukDate } from './rule.ts';
import { ageInYears } from '../values.ts';
import type { Rule, SourceRef } from './rule.ts';

/**
 * AA023: a care leaver (list 9) aged under 16 or over 25 at the as-at date. Checked once all rows are read,
 * so that without a given as-at date the latest event date can be used.
 */
export const careLeaverAge: Rule = {
  code: 'AA023',
  severity: 'warning',
  title: 'Care leaver aged outside 16 to 25',
  lists: [9],
  columns: ['date_of_birth'],
  create(env) {
    const pending: { source: SourceRef; row: number; dob: string; raw: string | null }[] = [];
    return {
      accepted(input) {
        if (input.row.list !== 9) return;
        const dob = input.row.values.date_of_birth;
        if (typeof dob === 'string')
          pending.push({
            source: input.source,
            row: input.row.row,
            dob,
            raw: input.rawText('date_of_birth'),
          });
      },
      finish() {
        const asAt = env.finalAsAt();
        for (const p of pending) {
          const age = ageInYears(p.dob, asAt);
          if (age >= 16 && age <= 25) continue;
          env.report({
            source: p.source,
            row: p.row,
            column: 'date_of_birth',
            value: p.raw,
            message: `A care leaver born on ${ukDate(p.dob)} is ${String(age)} on ${ukDate(asAt)}: care leavers are aged 16 to 25. Check the date of birth, or whether the young person belongs in this list. The row was kept.`,
          });
        }
      },
    };
  },
};
