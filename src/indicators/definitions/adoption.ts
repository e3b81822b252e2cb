/** Adoption (List 10) and prospective adopters (List 11) (DOMAIN.md §3, issue 4). */
import { NO_AMOUNT, childColumns, inPeriod, list } from '../sql.ts';
import type { IndicatorDefinition } from '../types.ts';
import { ADOPTER_COLUMNS, daysBetween, monthsAfter } from './shared.ts';

/** List 10 has a disability column but no team or worker. */
const ADOPTION_COLUMNS = childColumns({ team: false, disability: true });
const ADOPTED_IN_PERIOD = `FROM ${list(10)} AND ${inPeriod('date_adoption_order')}`;

export const ADOPTION: readonly IndicatorDefinition[] = [
  {
    id: 'adoption_a1_avg_days',
    title: 'A1: average days from entering care to placement with the adoptive family',
    area: 'adoption',
    unit: 'days',
    aggregate: 'mean',
    polarity: 'low_good',
    period: 'period',
    definition:
      'For the children (List 10) with a Date of Adoption Order in the period, the mean number of calendar days from ' +
      'the Date the Child Entered Care to the Date Placed for Adoption (children missing either date are left out). ' +
      'The adoption scorecard threshold is 426 days (14 months).',
    source: 'Issue 4; DOMAIN.md §3 (A1, threshold 426 days); seed 004 footnote 66',
    comparator: {
      measure: 'adoption_entry_to_placed_days',
      caveat:
        'England only, for children adopted in the year to 31 March, published in years and months (accurate to ' +
        'about ±15 days); ours covers children adopted in the snapshot’s reporting period.',
    },
    standards: [],
    sql: `SELECT ${ADOPTION_COLUMNS}, TRUE AS in_numerator,
        ${daysBetween('date_entered_care', 'date_placed_for_adoption')} AS amount,
        ${daysBetween('date_entered_care', 'date_placed_for_adoption')} AS days,
        date_entered_care, date_placed_for_adoption, date_adoption_order
      ${ADOPTED_IN_PERIOD} AND date_entered_care IS NOT NULL AND date_placed_for_adoption IS NOT NULL`,
    evidence: [
      { column: 'date_entered_care', label: 'Entered care' },
      { column: 'date_placed_for_adoption', label: 'Placed for adoption' },
      { column: 'date_adoption_order', label: 'Adoption order' },
      { column: 'days', label: 'Days' },
    ],
  },
  {
    id: 'adoption_a2_avg_days',
    title: 'A2: average days from placement order to match with adopters',
    area: 'adoption',
    unit: 'days',
    aggregate: 'mean',
    polarity: 'low_good',
    period: 'period',
    definition:
      'For the children (List 10) with a Date of Matching Child and Prospective Adopters in the period, the mean ' +
      'number of calendar days from the Date of Placement Order to the Date of Matching (children without a ' +
      'placement order date are left out). The adoption scorecard threshold is 121 days.',
    source: 'Issue 4; DOMAIN.md §3 (A2, threshold 121 days); seed 004 footnote 66',
    comparator: null,
    standards: [],
    sql: `SELECT ${ADOPTION_COLUMNS}, TRUE AS in_numerator,
        ${daysBetween('date_placement_order', 'date_matched')} AS amount,
        ${daysBetween('date_placement_order', 'date_matched')} AS days, date_placement_order, date_matched
      FROM ${list(10)} AND ${inPeriod('date_matched')} AND date_placement_order IS NOT NULL`,
    evidence: [
      { column: 'date_placement_order', label: 'Placement order' },
      { column: 'date_matched', label: 'Matched' },
      { column: 'days', label: 'Days' },
    ],
  },
  {
    id: 'adoption_a10_avg_days',
    title: 'A10: average days from entering care to placement, adjusted for foster carer adoptions',
    area: 'adoption',
    unit: 'days',
    aggregate: 'mean',
    polarity: 'low_good',
    period: 'period',
    definition:
      'As A1 (children with a Date of Adoption Order in the period, days from entering care), but counting to the ' +
      'earlier of the Date Placed for Adoption and the date the child was placed in a fostering for adoption or ' +
      'concurrent planning placement, for children placed with the carers who then adopted them. Annex A records no ' +
      'other date of placement with foster carers who later adopt, so other foster carer adoptions count as in A1.',
    source: 'DOMAIN.md §3 (A10)',
    comparator: null,
    standards: [],
    sql: `SELECT ${ADOPTION_COLUMNS}, TRUE AS in_numerator,
        ${daysBetween('date_entered_care', 'least(date_ffa_placement, date_placed_for_adoption)')} AS amount,
        ${daysBetween('date_entered_care', 'least(date_ffa_placement, date_placed_for_adoption)')} AS days,
        date_entered_care, date_ffa_placement, date_placed_for_adoption, date_adoption_order
      ${ADOPTED_IN_PERIOD} AND date_entered_care IS NOT NULL
        AND (date_placed_for_adoption IS NOT NULL OR date_ffa_placement IS NOT NULL)`,
    evidence: [
      { column: 'date_entered_care', label: 'Entered care' },
      { column: 'date_ffa_placement', label: 'FFA or concurrent placement' },
      { column: 'date_placed_for_adoption', label: 'Placed for adoption' },
      { column: 'date_adoption_order', label: 'Adoption order' },
      { column: 'days', label: 'Days' },
    ],
  },
  {
    id: 'adoption_reversals_pct',
    title: 'Adoption decisions reversed',
    area: 'adoption',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'low_good',
    period: 'year',
    definition:
      'Of the children in List 10 (those with a decision that they should be placed for adoption, open or concluded ' +
      'in the 12 months before the as-at date) whose decision is dated on or before the as-at date, the percentage ' +
      'with a Date of Decision that Child Should No Longer be Placed for Adoption on or before the as-at date.',
    source: 'DOMAIN.md §3 (adoption: % decisions reversed)',
    comparator: null,
    standards: [],
    sql: `SELECT ${ADOPTION_COLUMNS}, coalesce(date_decision_no_longer_adoption <= $as_at, FALSE) AS in_numerator,
        ${NO_AMOUNT}, date_decision_adoption, date_decision_no_longer_adoption, reason_no_longer_adoption
      FROM ${list(10)} AND date_decision_adoption <= $as_at`,
    evidence: [
      { column: 'date_decision_adoption', label: 'Decision to place for adoption' },
      { column: 'date_decision_no_longer_adoption', label: 'Decision reversed' },
      { column: 'reason_no_longer_adoption', label: 'Reason' },
    ],
  },
  {
    id: 'adopters_enquiries_count',
    title: 'Adopter enquiries',
    area: 'adoption',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'period',
    definition: 'Prospective adopters (List 11) whose enquiry was received in the period.',
    source: 'DOMAIN.md §3 (adopters: enquiries)',
    comparator: null,
    standards: [],
    sql: `SELECT ${ADOPTER_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, family_id, date_enquiry
      FROM ${list(11)} AND ${inPeriod('date_enquiry')}`,
    evidence: [
      { column: 'family_id', label: 'Family' },
      { column: 'date_enquiry', label: 'Enquiry received' },
    ],
  },
  {
    id: 'adopters_approved_count',
    title: 'Adopters approved',
    area: 'adoption',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'period',
    definition: 'Prospective adopters (List 11) whose application was approved in the period.',
    source: 'DOMAIN.md §3 (adopters: approvals)',
    comparator: null,
    standards: [],
    sql: `SELECT ${ADOPTER_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, family_id, date_application_approved
      FROM ${list(11)} AND ${inPeriod('date_application_approved')}`,
    evidence: [
      { column: 'family_id', label: 'Family' },
      { column: 'date_application_approved', label: 'Approved' },
    ],
  },
  {
    id: 'adopters_enquiry_to_approval_avg_days',
    title: 'Average days from enquiry to approval',
    area: 'adoption',
    unit: 'days',
    aggregate: 'mean',
    polarity: 'low_good',
    period: 'period',
    definition:
      'For the prospective adopters (List 11) approved in the period, the mean number of calendar days from the ' +
      'enquiry to the approval of their application (adopters without an enquiry date are left out).',
    source: 'DOMAIN.md §3 (adopters: time from enquiry to approval)',
    comparator: null,
    standards: [],
    sql: `SELECT ${ADOPTER_COLUMNS}, TRUE AS in_numerator,
        ${daysBetween('date_enquiry', 'date_application_approved')} AS amount,
        ${daysBetween('date_enquiry', 'date_application_approved')} AS days,
        family_id, date_enquiry, date_application_approved
      FROM ${list(11)} AND ${inPeriod('date_application_approved')} AND date_enquiry IS NOT NULL`,
    evidence: [
      { column: 'family_id', label: 'Family' },
      { column: 'date_enquiry', label: 'Enquiry received' },
      { column: 'date_application_approved', label: 'Approved' },
      { column: 'days', label: 'Days' },
    ],
  },
  {
    id: 'adopters_stage1_2m_pct',
    title: 'Adopters completing stage 1 within 2 months',
    area: 'adoption',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'period',
    definition:
      'Of the prospective adopters (List 11) whose stage 1 ended in the period (with a stage 1 start date), the ' +
      'percentage whose stage 1 ended on or before the date 2 calendar months after it started.',
    source: 'DOMAIN.md §3 (adopters: stage 1 within 2 months)',
    comparator: null,
    standards: [],
    sql: `SELECT ${ADOPTER_COLUMNS}, date_stage1_end <= ${monthsAfter('date_stage1_start', 2)} AS in_numerator,
        ${NO_AMOUNT}, family_id, date_stage1_start, date_stage1_end
      FROM ${list(11)} AND ${inPeriod('date_stage1_end')} AND date_stage1_start IS NOT NULL`,
    evidence: [
      { column: 'family_id', label: 'Family' },
      { column: 'date_stage1_start', label: 'Stage 1 started' },
      { column: 'date_stage1_end', label: 'Stage 1 ended' },
    ],
  },
  {
    id: 'adopters_stage2_4m_pct',
    title: 'Adopters completing stage 2 within 4 months',
    area: 'adoption',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'period',
    definition:
      'Of the prospective adopters (List 11) whose stage 2 ended in the period (with a stage 2 start date), the ' +
      'percentage whose stage 2 ended on or before the date 4 calendar months after it started.',
    source: 'DOMAIN.md §3 (adopters: stage 2 within 4 months)',
    comparator: null,
    standards: [],
    sql: `SELECT ${ADOPTER_COLUMNS}, date_stage2_end <= ${monthsAfter('date_stage2_start', 4)} AS in_numerator,
        ${NO_AMOUNT}, family_id, date_stage2_start, date_stage2_end
      FROM ${list(11)} AND ${inPeriod('date_stage2_end')} AND date_stage2_start IS NOT NULL`,
    evidence: [
      { column: 'family_id', label: 'Family' },
      { column: 'date_stage2_start', label: 'Stage 2 started' },
      { column: 'date_stage2_end', label: 'Stage 2 ended' },
    ],
  },
];
