/**
 * Pre-proceedings flags, pure functions of the case, the local standards and today's date.
 *
 *  - Timescale: counted in days from the letter before proceedings (LBPSentDate). Green before
 *    `plo_amber_weeks` weeks (default 12), amber from that day, red from `plo_flag_weeks` weeks (default 16,
 *    the Public Law Working Group expectation). With the defaults and a letter on day 0: day 83 green,
 *    day 84 amber, day 112 red.
 *  - Recall: the case is recalled to a legal planning meeting `plo_recall_months` calendar months
 *    (default 5, seed 004) after the letter (`addCalendarMonths`, month ends clamped: a letter on 31 October
 *    is due for recall on 31 March, one on 30 September on 28 or 29 February). It is due (red) from that
 *    day until a recall meeting date is recorded.
 *  - Flags stop when pre-proceedings end: an outcome of "step down" or "issue proceedings", or the case is
 *    closed. A decision to continue pre-proceedings is recorded as an outcome but leaves the flags running:
 *    the case is still in pre-proceedings and still counted from the letter.
 */
import { addCalendarMonths, addDays, daysBetween } from '../../domain/dates.ts';

export type Rag = 'red' | 'amber' | 'green';

export interface PloStandards {
  plo_flag_weeks: number;
  plo_amber_weeks: number;
  plo_recall_months: number;
}

export interface PloFlagInput {
  lbpSentDate: string | null;
  outcome: string | null;
  status: string;
  recallMeetingDate: string | null;
}

export interface PloFlags {
  /** false when pre-proceedings have ended (outcome or closed) or no letter has been sent */
  active: boolean;
  /** why the flags are not running, when they are not */
  inactiveReason: string | null;
  rag: Rag | null;
  timescale: {
    rag: Rag;
    amberDate: string;
    limitDate: string;
    daysSinceLetter: number;
    weeksSinceLetter: number;
    /** days past the limit (negative: days remaining) */
    daysOver: number;
  } | null;
  recall: {
    dueDate: string;
    /** recall due and no recall meeting recorded */
    due: boolean;
    recalledOn: string | null;
  } | null;
  /** plain-English reasons, red and amber first */
  reasons: string[];
}

/** Outcomes that end pre-proceedings (and so the flags). */
export const ENDING_OUTCOMES = ['step_down', 'issue_proceedings'] as const;

const RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

export function worstRag(...rags: (Rag | null | undefined)[]): Rag | null {
  const present = rags.filter((r): r is Rag => !!r);
  if (!present.length) return null;
  return present.reduce((worst, r) => (RANK[r] < RANK[worst] ? r : worst));
}

export function ploFlags(c: PloFlagInput, standards: PloStandards, today: string): PloFlags {
  const none = (inactiveReason: string): PloFlags => ({
    active: false,
    inactiveReason,
    rag: null,
    timescale: null,
    recall: null,
    reasons: [],
  });
  if (c.status !== 'open') return none('The case is closed');
  if (c.outcome && (ENDING_OUTCOMES as readonly string[]).includes(c.outcome)) {
    return none('Pre-proceedings have ended: an outcome is recorded');
  }
  if (!c.lbpSentDate) return none('No letter before proceedings has been recorded yet');

  const days = daysBetween(c.lbpSentDate, today);
  const amberDate = addDays(c.lbpSentDate, standards.plo_amber_weeks * 7);
  const limitDate = addDays(c.lbpSentDate, standards.plo_flag_weeks * 7);
  const timescaleRag: Rag = today >= limitDate ? 'red' : today >= amberDate ? 'amber' : 'green';
  const weeks = Math.floor(days / 7);
  const dueDate = addCalendarMonths(c.lbpSentDate, standards.plo_recall_months);
  const recallDue = today >= dueDate && !c.recallMeetingDate;

  const reasons: string[] = [];
  if (recallDue) {
    reasons.push(
      `Recall to a legal planning meeting was due on ${dueDate} (${standards.plo_recall_months} months after the letter)`,
    );
  }
  if (timescaleRag === 'red') {
    reasons.push(
      `${weeks} weeks since the letter before proceedings: past ${standards.plo_flag_weeks} weeks`,
    );
  } else if (timescaleRag === 'amber') {
    reasons.push(
      `${weeks} weeks since the letter before proceedings: ${standards.plo_flag_weeks} weeks are reached on ${limitDate}`,
    );
  }
  return {
    active: true,
    inactiveReason: null,
    rag: worstRag(timescaleRag, recallDue ? 'red' : 'green'),
    timescale: {
      rag: timescaleRag,
      amberDate,
      limitDate,
      daysSinceLetter: days,
      weeksSinceLetter: weeks,
      daysOver: daysBetween(limitDate, today),
    },
    recall: { dueDate, due: recallDue, recalledOn: c.recallMeetingDate },
    reasons,
  };
}
