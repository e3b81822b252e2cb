/**
 * Care proceedings flags, pure: weeks since the application was issued against the 26-week timescale
 * (Children and Families Act 2014; the local standard `proceedings_weeks`), amber from
 * `proceedings_amber_weeks` (default 20). Day 0 is the issue date: day 139 green, day 140 amber, day 182 red.
 * The flags stop when a final order is recorded or the proceedings are closed.
 */
import { addDays, daysBetween } from '../../domain/dates.ts';
import type { Rag } from '../plo/flags.ts';

export interface ProceedingsStandards {
  proceedings_weeks: number;
  proceedings_amber_weeks: number;
}

export interface ProceedingsFlagInput {
  issueDate: string;
  finalOrderDate: string | null;
  status: string;
}

export interface ProceedingsFlags {
  active: boolean;
  inactiveReason: string | null;
  rag: Rag | null;
  weeksSinceIssue: number;
  daysSinceIssue: number;
  amberDate: string;
  limitDate: string;
  daysOver: number;
  reasons: string[];
}

export function proceedingsFlags(
  p: ProceedingsFlagInput,
  standards: ProceedingsStandards,
  today: string,
): ProceedingsFlags {
  const end = p.finalOrderDate ?? today;
  const days = daysBetween(p.issueDate, end);
  const weeks = Math.floor(days / 7);
  const amberDate = addDays(p.issueDate, standards.proceedings_amber_weeks * 7);
  const limitDate = addDays(p.issueDate, standards.proceedings_weeks * 7);
  const base = {
    weeksSinceIssue: weeks,
    daysSinceIssue: days,
    amberDate,
    limitDate,
    daysOver: daysBetween(limitDate, end),
  };
  if (p.status !== 'open')
    return { ...base, active: false, inactiveReason: 'The proceedings are closed', rag: null, reasons: [] };
  if (p.finalOrderDate) {
    return {
      ...base,
      active: false,
      inactiveReason: `Final order made after ${weeks} weeks`,
      rag: null,
      reasons: [],
    };
  }
  const rag: Rag = today >= limitDate ? 'red' : today >= amberDate ? 'amber' : 'green';
  const reasons =
    rag === 'red'
      ? [`${weeks} weeks since issue: past ${standards.proceedings_weeks} weeks`]
      : rag === 'amber'
        ? [`${weeks} weeks since issue: ${standards.proceedings_weeks} weeks are reached on ${limitDate}`]
        : [];
  return { ...base, active: true, inactiveReason: null, rag, reasons };
}
