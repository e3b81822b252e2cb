/** Children in care (List 8): numbers, stability, reviews, visits, health, missing, placements (DOMAIN.md §3, issue 4). */
import { CHILD_COLUMNS, NO_AMOUNT, ageAt, inPeriod, list, openAt } from '../sql.ts';
import type { IndicatorDefinition } from '../types.ts';
import { monthsBefore, monthsBeforeParam, onOrAfterUpToA, weeksBeforeParam, yes } from './shared.ts';

/** List 8 children looked after at A: started on or before A, ceased blank or after A. */
const LOOKED_AFTER = `FROM ${list(8)} AND ${openAt('date_started_looked_after', 'date_ceased_looked_after')}`;
/** …and looked after for more than 20 working days at A (their first review has fallen due). */
const LOOKED_AFTER_20WD = `${LOOKED_AFTER} AND wd_elapsed(date_started_looked_after, $as_at) > 20`;
/** …and looked after for 12 months or more at A. */
const LOOKED_AFTER_12M = `${LOOKED_AFTER} AND date_started_looked_after <= ${monthsBefore('$as_at', 12)}`;

const AT_CAVEAT =
  'DfE counts children looked after at 31 March (leaving out those looked after only under an agreed series of ' +
  'short breaks); ours is every List 8 child looked after on the snapshot’s as-at date.';

const STARTED = { column: 'date_started_looked_after', label: 'Started to be looked after' } as const;

/**
 * A placement is treated as long-term (visits every `cla_visit_long_term_months` months rather than every
 * `cla_visit_weeks` weeks) when it is a long-term foster placement (SSDA903 placement types U1, U4) or the
 * permanence plan is long-term fostering or long-term residential care, and the child has been in the placement
 * for 12 months or more (the Care Planning Regulations 2010, reg. 28: placement intended to last until 18, child
 * there at least a year).
 */
const LONG_TERM = `coalesce((placement_type IN ('U1', 'U4') OR permanence_plan IN ('FOSTERING', 'RESIDENTIAL'))
    AND placement_start_date <= ${monthsBefore('$as_at', 12)}, FALSE)`;

export const CHILDREN_IN_CARE: readonly IndicatorDefinition[] = [
  {
    id: 'cla_count',
    title: 'Children looked after',
    area: 'children_in_care',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'at',
    definition:
      'Children (List 8) looked after at the as-at date: started to be looked after on or before it, and Date Ceased ' +
      'to be Looked After blank or after it.',
    source: 'DOMAIN.md §3 (children in care: number at "as at"); seed 004 footnote 30',
    comparator: { measure: 'cla_count', caveat: AT_CAVEAT },
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, legal_status ${LOOKED_AFTER}`,
    evidence: [STARTED, { column: 'legal_status', label: 'Legal status' }],
  },
  {
    id: 'cla_rate_per_10k',
    title: 'Children looked after per 10,000 children',
    area: 'children_in_care',
    unit: 'rate_per_10k',
    aggregate: 'rate',
    polarity: 'neutral',
    period: 'at',
    definition:
      'Children (List 8) looked after at the as-at date (started on or before it, ceased blank or after it) per ' +
      '10,000 children aged 0 to 17 (ONS mid-year estimate for the council, latest year not after the as-at year).',
    source: 'Issue 4; DOMAIN.md §3 (England 2025: 67); seed 004 footnote 30',
    comparator: { measure: 'cla_rate_per_10k', caveat: AT_CAVEAT },
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, legal_status ${LOOKED_AFTER}`,
    evidence: [STARTED, { column: 'legal_status', label: 'Legal status' }],
  },
  {
    id: 'cla_starts_count',
    title: 'Children starting to be looked after',
    area: 'children_in_care',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'period',
    definition: 'Children (List 8) whose Date Started to be Looked After is in the period.',
    source: 'DOMAIN.md §3 (children in care: starts in period)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, legal_status
      FROM ${list(8)} AND ${inPeriod('date_started_looked_after')}`,
    evidence: [STARTED, { column: 'legal_status', label: 'Legal status' }],
  },
  {
    id: 'cla_second_period_12m_pct',
    title: 'Children starting a second period in care within 12 months',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'low_good',
    period: 'period',
    definition:
      'Of the children (List 8) who started to be looked after in the period, the percentage recorded as a second or ' +
      'subsequent period of being looked after within the last 12 months (blank counts as no).',
    source: 'DOMAIN.md §3 (children in care: second period in care within 12 months)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${yes('second_period_last_12_months')} AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, second_period_last_12_months
      FROM ${list(8)} AND ${inPeriod('date_started_looked_after')}`,
    evidence: [STARTED, { column: 'second_period_last_12_months', label: 'Second period within 12 months' }],
  },
  {
    id: 'cla_uasc_pct',
    title: 'Children looked after who are unaccompanied asylum-seeking children',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'neutral',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date, the percentage recorded as unaccompanied asylum-seeking ' +
      'children (UASC) within the last 12 months.',
    source: 'DOMAIN.md §3 (children in care: % UASC)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${yes('uasc')} AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, uasc ${LOOKED_AFTER}`,
    evidence: [STARTED, { column: 'uasc', label: 'UASC' }],
  },
  {
    id: 'cla_section20_pct',
    title: 'Children looked after under section 20',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'neutral',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date, the percentage whose legal status is V2 (single period ' +
      'of accommodation under section 20). Short-break codes V3 and V4 are not counted.',
    source: 'DOMAIN.md §3 (legal status mix: % section 20); seed 004 footnote 36',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, coalesce(legal_status = 'V2', FALSE) AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, legal_status, legal_status_start_date ${LOOKED_AFTER}`,
    evidence: [
      STARTED,
      { column: 'legal_status', label: 'Legal status' },
      { column: 'legal_status_start_date', label: 'Legal status since' },
    ],
  },
  {
    id: 'cla_3plus_placements_pct',
    title: 'Children looked after with 3 or more placements in 12 months',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'low_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date, the percentage with "Number of Placements in the ' +
      'Last 12 months" of 3 or more (blank counts as fewer).',
    source: 'Issue 4; DOMAIN.md §3 (seed 004: 10%); seed 004 footnote 49',
    comparator: {
      measure: 'cla_3plus_placements_pct',
      caveat:
        'DfE counts children looked after at 31 March with 3 or more placements in the year to 31 March; ours are ' +
        'those looked after on the as-at date, with the placements recorded for the 12 months before it.',
    },
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, coalesce(placements_last_12_months >= 3, FALSE) AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, placements_last_12_months ${LOOKED_AFTER}`,
    evidence: [STARTED, { column: 'placements_last_12_months', label: 'Placements in the last 12 months' }],
  },
  {
    id: 'cla_long_term_stability_pct',
    title: 'Long-term placement stability',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date who are aged under 16 on it and have been looked after ' +
      'for 2.5 years or more (started on or before the date 30 calendar months before), the percentage whose most ' +
      'recent placement started on or before the date 2 calendar years before the as-at date.',
    source: 'DOMAIN.md §3 (England 2025: 69%); seed 004 footnote 50',
    comparator: {
      measure: 'cla_long_term_stability_pct',
      caveat:
        'DfE measures at 31 March and counts "living with the same carer" (a change of placement type with the same ' +
        'carer, such as foster carers adopting, still counts); ours uses the start of the most recent placement on the as-at date.',
    },
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, coalesce(placement_start_date <= ${monthsBefore('$as_at', 24)}, FALSE) AS in_numerator,
        ${NO_AMOUNT}, date_started_looked_after, placement_start_date, ${ageAt('date_of_birth')} AS age
      ${LOOKED_AFTER} AND ${ageAt('date_of_birth')} < 16
        AND date_started_looked_after <= ${monthsBefore('$as_at', 30)}`,
    evidence: [
      STARTED,
      { column: 'placement_start_date', label: 'Current placement started' },
      { column: 'age', label: 'Age at the as-at date' },
    ],
  },
  {
    id: 'cla_review_in_time_pct',
    title: 'Children looked after with a review in time',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date for more than 20 working days, the percentage whose ' +
      'Date of Latest Statutory Review is within the 6 calendar months before the as-at date (on or after the date 6 ' +
      'months before, on or before the as-at date, and not before the child started to be looked after).',
    source: 'Issue 4; DOMAIN.md §3 (reviews on time); seed 004 footnote 47',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS},
        coalesce(${onOrAfterUpToA('date_latest_review', monthsBefore('$as_at', 6))}
          AND date_latest_review >= date_started_looked_after, FALSE) AS in_numerator,
        ${NO_AMOUNT}, date_started_looked_after, date_latest_review ${LOOKED_AFTER_20WD}`,
    evidence: [STARTED, { column: 'date_latest_review', label: 'Latest statutory review' }],
  },
  {
    id: 'cla_visits_in_time_pct',
    title: 'Children looked after visited within the statutory interval',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date, the percentage whose Date of Last Social Work Visit is ' +
      'on or before the as-at date and no more than the visit interval before it: 6 weeks (standard ' +
      'cla_visit_weeks), or 3 months (standard cla_visit_long_term_months) where the placement is long-term. A ' +
      'placement counts as long-term when it is a long-term foster placement (placement type U1 or U4) or the ' +
      'permanence plan is long-term fostering or long-term residential care, and the child has been in it for 12 ' +
      'months or more (Care Planning Regulations 2010, reg. 28).',
    source: 'DOMAIN.md §3 (visits: 6 weeks; 3 months where long-term); seed 004 footnote 42',
    comparator: null,
    standards: ['cla_visit_weeks', 'cla_visit_long_term_months'],
    sql: `SELECT ${CHILD_COLUMNS},
        coalesce(${onOrAfterUpToA('date_last_social_work_visit', 'visit_due_from')}, FALSE) AS in_numerator,
        ${NO_AMOUNT}, date_started_looked_after, placement_type, permanence_plan, placement_start_date,
        long_term_placement, date_last_social_work_visit, visit_due_from
      FROM (SELECT *, ${LONG_TERM} AS long_term_placement,
          CASE WHEN ${LONG_TERM} THEN ${monthsBeforeParam('$as_at', '$cla_visit_long_term_months')}
               ELSE ${weeksBeforeParam('$as_at', '$cla_visit_weeks')} END AS visit_due_from
        ${LOOKED_AFTER}) c`,
    evidence: [
      STARTED,
      { column: 'placement_type', label: 'Placement type' },
      { column: 'permanence_plan', label: 'Permanence plan' },
      { column: 'placement_start_date', label: 'Placement started' },
      { column: 'long_term_placement', label: 'Long-term placement' },
      { column: 'date_last_social_work_visit', label: 'Last social work visit' },
      { column: 'visit_due_from', label: 'In time if on or after' },
    ],
  },
  {
    id: 'cla_iro_contact_pct',
    title: 'Children looked after with IRO contact in the last 6 months',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date for more than 20 working days, the percentage whose ' +
      'Date of Last IRO Visit / Contact is within the 6 calendar months before the as-at date (the longest interval ' +
      'between reviews, before each of which the IRO should speak with the child) and not before the child started ' +
      'to be looked after.',
    source: 'DOMAIN.md §3 (children in care: IRO contact)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS},
        coalesce(${onOrAfterUpToA('date_last_iro_contact', monthsBefore('$as_at', 6))}
          AND date_last_iro_contact >= date_started_looked_after, FALSE) AS in_numerator,
        ${NO_AMOUNT}, date_started_looked_after, date_last_iro_contact ${LOOKED_AFTER_20WD}`,
    evidence: [STARTED, { column: 'date_last_iro_contact', label: 'Last IRO visit or contact' }],
  },
  {
    id: 'cla_health_assessment_in_time_pct',
    title: 'Children looked after with a health assessment in time',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date for 12 months or more (started on or before the date ' +
      '12 calendar months before), the percentage whose Date of Last Health Assessment is on or before the as-at date ' +
      'and on or after the date 12 calendar months before it (6 months for children under 5 on the as-at date).',
    source: 'Issue 4; DOMAIN.md §3; seed 004 footnote 51',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS},
        coalesce(${onOrAfterUpToA('date_last_health_assessment', 'due_from')}, FALSE) AS in_numerator,
        ${NO_AMOUNT}, date_started_looked_after, age, date_last_health_assessment, due_from
      FROM (SELECT *, ${ageAt('date_of_birth')} AS age,
          CASE WHEN ${ageAt('date_of_birth')} < 5 THEN ${monthsBefore('$as_at', 6)}
               ELSE ${monthsBefore('$as_at', 12)} END AS due_from
        ${LOOKED_AFTER_12M}) c`,
    evidence: [
      STARTED,
      { column: 'age', label: 'Age at the as-at date' },
      { column: 'date_last_health_assessment', label: 'Last health assessment' },
      { column: 'due_from', label: 'In time if on or after' },
    ],
  },
  {
    id: 'cla_dental_in_time_pct',
    title: 'Children looked after with a dental check in time',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date for 12 months or more, the percentage whose Date of ' +
      'Last Dental Check is on or before the as-at date and on or after the date 12 calendar months before it.',
    source: 'DOMAIN.md §3 (dental check within 12 months); seed 004 footnote 52',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS},
        coalesce(${onOrAfterUpToA('date_last_dental_check', monthsBefore('$as_at', 12))}, FALSE) AS in_numerator,
        ${NO_AMOUNT}, date_started_looked_after, date_last_dental_check ${LOOKED_AFTER_12M}`,
    evidence: [STARTED, { column: 'date_last_dental_check', label: 'Last dental check' }],
  },
  {
    id: 'cla_permanence_plan_pct',
    title: 'Children looked after with a permanence plan recorded',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date, the percentage with a permanence plan recorded ' +
      '("What is the permanence plan for this child?" not blank).',
    source: 'DOMAIN.md §3 (% with a permanence plan recorded)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, permanence_plan IS NOT NULL AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, permanence_plan ${LOOKED_AFTER}`,
    evidence: [STARTED, { column: 'permanence_plan', label: 'Permanence plan' }],
  },
  {
    id: 'cla_missing_children_count',
    title: 'Children looked after who went missing',
    area: 'children_in_care',
    unit: 'count',
    aggregate: 'count',
    polarity: 'low_good',
    period: 'at',
    definition:
      'Children (List 8) looked after at the as-at date with at least one episode of being missing from their ' +
      'placement in the last 12 months.',
    source: 'DOMAIN.md §3 (missing: children with missing episodes); seed 004 data note (missing children)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, missing_episodes_last_12_months
      ${LOOKED_AFTER} AND missing_episodes_last_12_months >= 1`,
    evidence: [STARTED, { column: 'missing_episodes_last_12_months', label: 'Missing episodes (12 months)' }],
  },
  {
    id: 'cla_missing_rhi_offered_pct',
    title: 'Missing children offered a return interview',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date with at least one missing episode in the last 12 ' +
      'months, the percentage offered a return interview after their last missing episode (blank counts as not offered).',
    source: 'Issue 4; DOMAIN.md §3; seed 004 footnote 78',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${yes('return_interview_offered')} AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, missing_episodes_last_12_months, return_interview_offered
      ${LOOKED_AFTER} AND missing_episodes_last_12_months >= 1`,
    evidence: [
      STARTED,
      { column: 'missing_episodes_last_12_months', label: 'Missing episodes (12 months)' },
      { column: 'return_interview_offered', label: 'Return interview offered' },
    ],
  },
  {
    id: 'cla_missing_rhi_accepted_pct',
    title: 'Missing children accepting a return interview',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date with at least one missing episode in the last 12 ' +
      'months who were offered a return interview, the percentage who accepted it (blank counts as not accepted).',
    source: 'DOMAIN.md §3 (missing: % accepted)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${yes('return_interview_accepted')} AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, missing_episodes_last_12_months, return_interview_accepted
      ${LOOKED_AFTER} AND missing_episodes_last_12_months >= 1 AND return_interview_offered`,
    evidence: [
      STARTED,
      { column: 'missing_episodes_last_12_months', label: 'Missing episodes (12 months)' },
      { column: 'return_interview_accepted', label: 'Return interview accepted' },
    ],
  },
  {
    id: 'cla_out_of_area_pct',
    title: 'Children looked after placed out of area',
    area: 'children_in_care',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'low_good',
    period: 'at',
    definition:
      'Of the children (List 8) looked after at the as-at date, the percentage whose Placement Location is "Out" ' +
      '(outside the council’s area; blank counts as not out).',
    source: 'DOMAIN.md §3 (% placed out of area); seed 004 footnote 34',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, coalesce(placement_location = 'OUT', FALSE) AS in_numerator, ${NO_AMOUNT},
        date_started_looked_after, placement_location, placement_la ${LOOKED_AFTER}`,
    evidence: [
      STARTED,
      { column: 'placement_location', label: 'Placement location' },
      { column: 'placement_la', label: 'LA of placement' },
    ],
  },
];
