/**
 * The DfE children in need census 2026 pre-proceedings items and where each is kept, so the recorded cases
 * can later be returned. The item names follow the census (PPStartDate, LBPSentDate, FGDMMeetingOffer,
 * FGDMMeetingFac, InitialPPMeetingDate, ReviewMeetingsCount, StepDecisionDate, PPOutcome, CourtAppDate).
 * The census codes for PPOutcome are not yet published in the repository's shared material: the values
 * returned below are Oversight's own, and must be mapped to the DfE codes when the specification is final.
 */
import type { PloCase } from './service.ts';

export interface CensusItem {
  /** the census item name */
  item: string;
  /** the column of plo_cases it is stored in, or how it is derived */
  column: string;
  /** the PloCase field */
  field: keyof PloCase | null;
  type: 'date' | 'boolean' | 'count' | 'code';
  description: string;
}

export const CENSUS_ITEMS: readonly CensusItem[] = [
  {
    item: 'PPStartDate',
    column: 'pp_start_date',
    field: 'ppStartDate',
    type: 'date',
    description: 'Date the child entered pre-proceedings',
  },
  {
    item: 'LBPSentDate',
    column: 'lbp_sent_date',
    field: 'lbpSentDate',
    type: 'date',
    description: 'Date the letter before proceedings was sent',
  },
  {
    item: 'FGDMMeetingOffer',
    column: 'fgdm_offered',
    field: 'fgdmOffered',
    type: 'boolean',
    description: 'Whether a family group decision-making meeting was offered',
  },
  {
    item: 'FGDMMeetingFac',
    column: 'fgdm_held',
    field: 'fgdmHeld',
    type: 'boolean',
    description: 'Whether a family group decision-making meeting was facilitated (held)',
  },
  {
    item: 'InitialPPMeetingDate',
    column: 'initial_pp_meeting_date',
    field: 'initialPpMeetingDate',
    type: 'date',
    description: 'Date of the initial pre-proceedings meeting',
  },
  {
    item: 'ReviewMeetingsCount',
    column: 'jsonb_array_length(review_meeting_dates)',
    field: 'reviewMeetingDates',
    type: 'count',
    description: 'Number of pre-proceedings review meetings held (derived from the dates recorded)',
  },
  {
    item: 'StepDecisionDate',
    column: 'step_decision_date',
    field: 'stepDecisionDate',
    type: 'date',
    description: 'Date of the decision on the outcome of pre-proceedings',
  },
  {
    item: 'PPOutcome',
    column: 'outcome',
    field: 'outcome',
    type: 'code',
    description: 'Outcome of pre-proceedings: step down, continue, issue proceedings',
  },
  {
    item: 'CourtAppDate',
    column: 'court_app_date',
    field: 'courtAppDate',
    type: 'date',
    description: 'Date the application to court was made',
  },
];

export type CensusRecord = Record<string, string | number | boolean | null>;

/** One census record per child of the case (a sibling group gives one record for each child). */
export function censusRecords(c: PloCase): CensusRecord[] {
  return c.childIds.map((childId) => {
    const record: CensusRecord = { LAchildID: childId };
    for (const item of CENSUS_ITEMS) {
      const value = item.field ? c[item.field] : null;
      if (item.type === 'count') record[item.item] = Array.isArray(value) ? value.length : 0;
      else record[item.item] = (value as string | boolean | null | undefined) ?? null;
    }
    return record;
  });
}
