import { listSpec } from '../spec.ts';
import { detach } from '../values.ts';
import type { ListNumber } from '../spec.ts';
import type { Rule } from './rule.ts';

/**
 * AA025: a child (list 11: adopter) appears twice in a list that has one row each (lists 8, 9, 10, 11).
 * Decided as rows stream: the first row is kept, later ones are excluded.
 */
export const duplicateId: Rule = {
  code: 'AA025',
  severity: 'error',
  title: 'Identifier appears twice in a one-row-per-child list',
  lists: [8, 9, 10, 11],
  columns: ['child_id', 'adopter_id'],
  create(env) {
    const seen = new Map<ListNumber, Map<string, number>>();
    return {
      row(input) {
        const spec = listSpec(input.row.list);
        if (!spec.oneRowPerChild) return;
        const id = input.row.values[spec.idKey];
        if (typeof id !== 'string') return;
        const first = seen.get(spec.list)?.get(id);
        if (first === undefined) return;
        const who = spec.list === 11 ? 'adopter' : 'child';
        env.report({
          source: input.source,
          row: input.row.row,
          column: spec.idKey,
          value: input.rawText(spec.idKey),
          message: `${who === 'child' ? 'Child' : 'Adopter'} ${id} is already in list ${String(spec.list)} (row ${String(first)}): this list has one row per ${who}. The first row was kept and this one was not imported.`,
        });
      },
      accepted(input) {
        const spec = listSpec(input.row.list);
        if (!spec.oneRowPerChild) return;
        const id = input.row.values[spec.idKey];
        if (typeof id !== 'string') return;
        let m = seen.get(spec.list);
        if (!m) seen.set(spec.list, (m = new Map()));
        if (!m.has(id)) m.set(detach(id), input.row.row);
      },
    };
  },
};
