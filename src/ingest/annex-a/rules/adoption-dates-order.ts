import { dateValue, headerName, ukDate } from './rule.ts';
import type { Rule } from './rule.ts';

/** The adoption journey in order (list 10). */
const STEPS = [
  'date_entered_care',
  'date_decision_adoption',
  'date_placement_order',
  'date_matched',
  'date_placed_for_adoption',
  'date_adoption_order',
] as const;

/**
 * AA024: adoption dates out of order: entered care ≤ decision ≤ placement order ≤ match ≤ placed ≤ adoption
 * order. Each date is compared with the latest earlier step that has a date; one warning per step out of order.
 */
export const adoptionDatesOrder: Rule = {
  code: 'AA024',
  severity: 'warning',
  title: 'Adoption dates out of order',
  lists: [10],
  columns: STEPS,
  create(env) {
    return {
      row(input) {
        if (input.row.list !== 10) return;
        let prev: { key: string; date: string } | null = null;
        for (const key of STEPS) {
          const d = dateValue(input.row, key);
          if (d === null) continue;
          if (prev && d < prev.date) {
            env.report({
              source: input.source,
              row: input.row.row,
              column: key,
              value: input.rawText(key),
              message: `${headerName(input, key)} (${ukDate(d)}) is before ${headerName(input, prev.key)} (${ukDate(prev.date)}): expected entered care, decision, placement order, match, placement and adoption order in that order. The row was kept.`,
            });
          } else {
            prev = { key, date: d };
          }
        }
      },
    };
  },
};
