import { ukDate } from './rule.ts';
import { detach } from '../values.ts';
import type { Rule, SourceRef } from './rule.ts';

/**
 * AA020: a child protection plan that started in the period with no ICPC for the child in list 5 on or
 * before the plan's start and within the period. A query: the ICPC may have been held by another council
 * (a transfer-in conference) or fall outside the list 5 period.
 */
export const cpPlanWithoutIcpc: Rule = {
  code: 'AA020',
  severity: 'query',
  title: 'Child protection plan with no ICPC in list 5',
  lists: [5, 7],
  columns: ['cp_start_date', 'icpc_date'],
  create(env) {
    const icpcs = new Map<string, string[]>();
    const plans: { source: SourceRef; row: number; child: string; start: string; raw: string | null }[] = [];
    let list5Seen = false;
    return {
      accepted(input) {
        const r = input.row;
        if (r.list === 5) {
          list5Seen = true;
          const id = r.values.child_id;
          const d = r.values.icpc_date;
          if (typeof id === 'string' && typeof d === 'string') {
            const a = icpcs.get(id);
            if (a) a.push(d);
            else icpcs.set(detach(id), [d]);
          }
        } else if (r.list === 7) {
          const id = r.values.child_id;
          const start = r.values.cp_start_date;
          if (typeof id === 'string' && typeof start === 'string') {
            plans.push({
              source: input.source,
              row: r.row,
              child: detach(id),
              start,
              raw: input.rawText('cp_start_date'),
            });
          }
        }
      },
      finish() {
        // without list 5 there is nothing to compare against: the missing list is reported elsewhere
        if (!list5Seen) return;
        const from = env.finalPeriodStart();
        const to = env.finalAsAt();
        for (const p of plans) {
          if (p.start < from || p.start > to) continue;
          const dates = icpcs.get(p.child) ?? [];
          if (dates.some((d) => d >= from && d <= p.start)) continue;
          env.report({
            source: p.source,
            row: p.row,
            column: 'cp_start_date',
            value: p.raw,
            message: `The child protection plan for child ${p.child} started on ${ukDate(p.start)}, in the period ${ukDate(from)} to ${ukDate(to)}, but list 5 has no initial child protection conference for the child between ${ukDate(from)} and that date. Check list 5, or whether the conference was held elsewhere (a transfer in).`,
          });
        }
      },
    };
  },
};
