/** Front door and assessment: contacts, early help, referrals, assessments (DOMAIN.md §3, issue 4). */
import { CHILD_COLUMNS, NO_AMOUNT, childColumns, inPeriod, list } from '../sql.ts';
import type { IndicatorDefinition } from '../types.ts';
import { monthsBefore, yes } from './shared.ts';

/** List 3 has a team and worker but no disability column. */
const REFERRAL_COLUMNS = childColumns({ team: true, disability: false });
/** Lists 1 and 2 have neither a team nor a disability column. */
const CONTACT_COLUMNS = childColumns({ team: false, disability: false });
const REFERRALS_IN_PERIOD = `FROM ${list(3)} AND ${inPeriod('date_of_referral')}`;
const AUTHORISED_IN_PERIOD = `FROM ${list(4)} AND ${inPeriod('assessment_authorised_date')}`;
const WORKING_DAYS = 'wd_elapsed(assessment_start_date, assessment_authorised_date)';
const PERIOD_CAVEAT =
  'DfE counts referrals in the year to 31 March; ours are those in the snapshot’s reporting period (usually 6 months).';

/** Every referral of the snapshot with a key of its own (referrals of a child on one day are separate units). */
const REFERRALS_KEYED = `SELECT *, row_number() OVER () AS unit_key FROM ${list(3)}`;

const ASSESSMENT_EVIDENCE = [
  { column: 'assessment_start_date', label: 'Assessment started' },
  { column: 'assessment_authorised_date', label: 'Authorised' },
  { column: 'working_days', label: 'Working days' },
] as const;

export const FRONT_DOOR: readonly IndicatorDefinition[] = [
  {
    id: 'contacts_count',
    title: 'Contacts',
    area: 'front_door',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'period',
    definition:
      'The number of contacts (List 1 rows) dated in the period, counting every contact of a child.',
    source: 'DOMAIN.md §3 (front door: contacts in period); seed 004 footnote 5',
    comparator: null,
    standards: [],
    sql: `SELECT ${CONTACT_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, date_of_contact, contact_source
      FROM ${list(1)} AND ${inPeriod('date_of_contact')}`,
    evidence: [
      { column: 'date_of_contact', label: 'Date of contact' },
      { column: 'contact_source', label: 'Contact source' },
    ],
  },
  {
    id: 'contacts_rate_per_10k',
    title: 'Contacts per 10,000 children',
    area: 'front_door',
    unit: 'rate_per_10k',
    aggregate: 'rate',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Contacts (List 1) dated in the period per 10,000 children aged 0 to 17 (ONS mid-year estimate for the council). ' +
      'The period is the snapshot’s reporting period, not a year.',
    source: 'DOMAIN.md §3 (front door: contacts in period and rate)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CONTACT_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, date_of_contact, contact_source
      FROM ${list(1)} AND ${inPeriod('date_of_contact')}`,
    evidence: [
      { column: 'date_of_contact', label: 'Date of contact' },
      { column: 'contact_source', label: 'Contact source' },
    ],
  },
  {
    id: 'early_help_assessments_count',
    title: 'Early help assessments started',
    area: 'front_door',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'period',
    definition: 'The number of early help assessments (List 2 rows) that started in the period.',
    source: 'DOMAIN.md §2–3 (List 2, early help); seed 004 data note 1 (CAFs initiated)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CONTACT_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT},
        assessment_start_date, assessment_completion_date, assessment_organisation
      FROM ${list(2)} AND ${inPeriod('assessment_start_date')}`,
    evidence: [
      { column: 'assessment_start_date', label: 'Early help assessment started' },
      { column: 'assessment_completion_date', label: 'Completed' },
      { column: 'assessment_organisation', label: 'Organisation' },
    ],
  },
  {
    id: 'referrals_count',
    title: 'Referrals',
    area: 'front_door',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'period',
    definition:
      'The number of referrals (List 3 rows) dated in the period, counting every referral of a child.',
    source: 'DOMAIN.md §3 (front door: referrals); seed 004 footnote 6',
    comparator: {
      measure: 'c1_referral_count',
      caveat: `${PERIOD_CAVEAT} A 6-month count is roughly half a year’s.`,
    },
    standards: [],
    sql: `SELECT ${REFERRAL_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, date_of_referral, referral_source
      ${REFERRALS_IN_PERIOD}`,
    evidence: [
      { column: 'date_of_referral', label: 'Date of referral' },
      { column: 'referral_source', label: 'Referral source' },
    ],
  },
  {
    id: 'referrals_rate_per_10k',
    title: 'Referrals per 10,000 children',
    area: 'front_door',
    unit: 'rate_per_10k',
    aggregate: 'rate',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Referrals (List 3) dated in the period per 10,000 children aged 0 to 17 (ONS mid-year estimate for the council).',
    source: 'DOMAIN.md §3 (front door: referrals and rate per 10,000); seed 004 footnote 6',
    comparator: {
      measure: 'c1_referral_rate_per_10k',
      caveat: `${PERIOD_CAVEAT} Over 6 months the rate is roughly half the annual rate DfE publishes.`,
    },
    standards: [],
    sql: `SELECT ${REFERRAL_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, date_of_referral, referral_source
      ${REFERRALS_IN_PERIOD}`,
    evidence: [
      { column: 'date_of_referral', label: 'Date of referral' },
      { column: 'referral_source', label: 'Referral source' },
    ],
  },
  {
    id: 'referrals_rereferral_12m_pct',
    title: 'Re-referrals within 12 months',
    area: 'front_door',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'low_good',
    period: 'period',
    definition:
      'Of the referrals (List 3) dated in the period, the percentage that were re-referrals: the child had at least ' +
      'one earlier referral in the 12 months before this one ("Number of Referrals in Last 12 Months" of 1 or more; ' +
      'where that is blank, another List 3 referral of the same child dated in the 12 calendar months before).',
    source: 'Issue 4; DOMAIN.md §3 (DfE: re-referrals within 12 months of a previous referral)',
    comparator: { measure: 'c1_rereferral_pct', caveat: PERIOD_CAVEAT },
    standards: [],
    // The latest earlier referral of the same child (strictly before this one's date), by a window over all
    // the snapshot's referrals: an earlier referral in [date − 12 months, date) exists if and only if it does.
    sql: `SELECT ${REFERRAL_COLUMNS},
        coalesce(referrals_last_12_months >= 1,
                 previous_referral >= ${monthsBefore('date_of_referral', 12)}, FALSE) AS in_numerator,
        ${NO_AMOUNT}, date_of_referral, referrals_last_12_months, previous_referral
      FROM (SELECT *, max(date_of_referral) OVER (PARTITION BY child_id ORDER BY date_of_referral
              RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL 1 DAY PRECEDING) AS previous_referral
            FROM ${list(3)}) r
      WHERE ${inPeriod('date_of_referral')}`,
    evidence: [
      { column: 'date_of_referral', label: 'Date of referral' },
      { column: 'referrals_last_12_months', label: 'Referrals in the 12 months before' },
      { column: 'previous_referral', label: 'Previous referral in this return' },
    ],
  },
  {
    id: 'referrals_nfa_pct',
    title: 'Referrals with no further action',
    area: 'front_door',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Of the referrals (List 3) dated in the period, the percentage recorded as "Referral NFA?" = Yes (no further action).',
    source: 'Issue 4; DOMAIN.md §3',
    comparator: { measure: 'c1_nfa_pct', caveat: PERIOD_CAVEAT },
    standards: [],
    sql: `SELECT ${REFERRAL_COLUMNS}, ${yes('referral_nfa')} AS in_numerator, ${NO_AMOUNT},
        date_of_referral, referral_nfa ${REFERRALS_IN_PERIOD}`,
    evidence: [
      { column: 'date_of_referral', label: 'Date of referral' },
      { column: 'referral_nfa', label: 'No further action' },
    ],
  },
  {
    id: 'referrals_to_assessment_pct',
    title: 'Referrals leading to an assessment',
    area: 'front_door',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Of the referrals (List 3) dated in the period, the percentage followed by a social work assessment (List 4) of ' +
      'the same child that started on or after the referral date, on or before the as-at date, and before the child’s ' +
      'next referral (on a later day), if any.',
    source:
      'DOMAIN.md §3 (% referrals leading to assessment); seed 004 footnote 6 (referrals progressing to assessment)',
    comparator: null,
    standards: [],
    sql: `WITH r AS (
        SELECT *, min(date_of_referral) OVER (PARTITION BY child_id ORDER BY date_of_referral
            RANGE BETWEEN INTERVAL 1 DAY FOLLOWING AND UNBOUNDED FOLLOWING) AS next_referral
        FROM (${REFERRALS_KEYED}) k),
      m AS (
        SELECT r.unit_key, min(a.assessment_start_date) AS assessment_start
        FROM r JOIN annex_a_list_4 a ON a.snapshot_id = $snapshot AND a.child_id = r.child_id
          AND a.assessment_start_date >= r.date_of_referral AND a.assessment_start_date <= $as_at
          AND (r.next_referral IS NULL OR a.assessment_start_date < r.next_referral)
        WHERE ${inPeriod('r.date_of_referral')}
        GROUP BY r.unit_key)
      SELECT ${REFERRAL_COLUMNS}, m.assessment_start IS NOT NULL AS in_numerator, ${NO_AMOUNT},
        date_of_referral, next_referral, m.assessment_start
      FROM r LEFT JOIN m USING (unit_key)
      WHERE ${inPeriod('date_of_referral')}`,
    evidence: [
      { column: 'date_of_referral', label: 'Date of referral' },
      { column: 'assessment_start', label: 'Assessment started' },
      { column: 'next_referral', label: 'Next referral' },
    ],
  },
  {
    id: 'referrals_with_early_help_pct',
    title: 'Referrals with an early help assessment',
    area: 'front_door',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Of the referrals (List 3) dated in the period, the percentage where the child had an early help assessment ' +
      '(List 2) that started in the 12 calendar months up to and including the referral date.',
    source: 'DOMAIN.md §3 (% children referred with an early help assessment); seed 004 data note 2',
    comparator: null,
    standards: [],
    sql: `WITH r AS (${REFERRALS_KEYED}),
      m AS (
        SELECT r.unit_key, max(e.assessment_start_date) AS early_help_start
        FROM r JOIN annex_a_list_2 e ON e.snapshot_id = $snapshot AND e.child_id = r.child_id
          AND e.assessment_start_date <= r.date_of_referral
          AND e.assessment_start_date >= ${monthsBefore('r.date_of_referral', 12)}
        WHERE ${inPeriod('r.date_of_referral')}
        GROUP BY r.unit_key)
      SELECT ${REFERRAL_COLUMNS}, m.early_help_start IS NOT NULL AS in_numerator, ${NO_AMOUNT},
        date_of_referral, m.early_help_start
      FROM r LEFT JOIN m USING (unit_key)
      WHERE ${inPeriod('date_of_referral')}`,
    evidence: [
      { column: 'date_of_referral', label: 'Date of referral' },
      { column: 'early_help_start', label: 'Early help assessment started' },
    ],
  },
  {
    id: 'assessments_45wd_pct',
    title: 'Assessments completed within 45 working days',
    area: 'front_door',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'period',
    definition:
      'Of the assessments (List 4) authorised in the period, the percentage authorised within 45 working days of ' +
      'their start (working days after the start day up to and including the authorisation day, weekends and ' +
      'England and Wales bank holidays excluded).',
    source: 'Issue 4; DOMAIN.md §3 (DfE table C2); seed 004 footnote 11',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${WORKING_DAYS} <= 45 AS in_numerator, ${NO_AMOUNT},
        assessment_start_date, assessment_authorised_date, ${WORKING_DAYS} AS working_days
      ${AUTHORISED_IN_PERIOD}`,
    evidence: ASSESSMENT_EVIDENCE,
  },
  {
    id: 'assessments_10wd_pct',
    title: 'Assessments completed within 10 working days',
    area: 'front_door',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Of the assessments (List 4) authorised in the period, the percentage authorised within 10 working days of their start.',
    source: 'Issue 4; seed 004 footnote 11',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${WORKING_DAYS} <= 10 AS in_numerator, ${NO_AMOUNT},
        assessment_start_date, assessment_authorised_date, ${WORKING_DAYS} AS working_days
      ${AUTHORISED_IN_PERIOD}`,
    evidence: ASSESSMENT_EVIDENCE,
  },
  {
    id: 'assessments_avg_working_days',
    title: 'Average working days to complete an assessment',
    area: 'front_door',
    unit: 'working_days',
    aggregate: 'mean',
    polarity: 'low_good',
    period: 'period',
    definition:
      'The mean number of working days from start to authorisation of the assessments (List 4) authorised in the period.',
    source: 'DOMAIN.md §3 (assessments: average working days)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, CAST(${WORKING_DAYS} AS DOUBLE) AS amount,
        assessment_start_date, assessment_authorised_date, ${WORKING_DAYS} AS working_days
      ${AUTHORISED_IN_PERIOD}`,
    evidence: ASSESSMENT_EVIDENCE,
  },
  {
    id: 'assessments_child_seen_pct',
    title: 'Assessments where the child was seen',
    area: 'front_door',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'period',
    definition:
      'Of the assessments (List 4) authorised in the period, the percentage recorded as "Child Seen During ' +
      'Continuous Assessment" = Yes (blank counts as not seen).',
    source: 'DOMAIN.md §3 (assessments: % child seen)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${yes('child_seen')} AS in_numerator, ${NO_AMOUNT},
        assessment_start_date, assessment_authorised_date, child_seen
      ${AUTHORISED_IN_PERIOD}`,
    evidence: [
      { column: 'assessment_start_date', label: 'Assessment started' },
      { column: 'assessment_authorised_date', label: 'Authorised' },
      { column: 'child_seen', label: 'Child seen' },
    ],
  },
  {
    id: 'assessments_nfa_pct',
    title: 'Assessments concluding no further action',
    area: 'front_door',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Of the assessments (List 4) authorised in the period, the percentage that found the child did not require ' +
      'children’s social care support ("Was the child assessed as requiring LA children’s social care support?" = No; ' +
      'blank is not counted as No).',
    source: 'DOMAIN.md §3 (assessments: % concluding no further action)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, coalesce(NOT requires_social_care_support, FALSE) AS in_numerator, ${NO_AMOUNT},
        assessment_start_date, assessment_authorised_date, requires_social_care_support
      ${AUTHORISED_IN_PERIOD}`,
    evidence: [
      { column: 'assessment_start_date', label: 'Assessment started' },
      { column: 'assessment_authorised_date', label: 'Authorised' },
      { column: 'requires_social_care_support', label: 'Requires social care support' },
    ],
  },
  {
    id: 'assessments_open_over_45wd_count',
    title: 'Open assessments older than 45 working days',
    area: 'front_door',
    unit: 'count',
    aggregate: 'count',
    polarity: 'low_good',
    period: 'at',
    definition:
      'Assessments (List 4) started on or before the as-at date and not authorised on or before it, with more than ' +
      '45 working days elapsed from the start to the as-at date.',
    source: 'Issue 4; DOMAIN.md §3',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT},
        assessment_start_date, wd_elapsed(assessment_start_date, $as_at) AS working_days
      FROM ${list(4)} AND assessment_start_date <= $as_at
        AND (assessment_authorised_date IS NULL OR assessment_authorised_date > $as_at)
        AND wd_elapsed(assessment_start_date, $as_at) > 45`,
    evidence: [
      { column: 'assessment_start_date', label: 'Assessment started' },
      { column: 'working_days', label: 'Working days open at the as-at date' },
    ],
  },
];
