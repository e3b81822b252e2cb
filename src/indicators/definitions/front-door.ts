/** Front door and assessment: contacts, referrals, assessments (DOMAIN.md §3, issue 4). */
import { CHILD_COLUMNS, NO_AMOUNT, childColumns, inPeriod, list } from '../sql.ts';
import type { IndicatorDefinition } from '../types.ts';

/** List 3 has a team and worker but no disability column. */
const REFERRAL_COLUMNS = childColumns({ team: true, disability: false });
const REFERRALS_IN_PERIOD = `FROM ${list(3)} AND ${inPeriod('date_of_referral')}`;

export const FRONT_DOOR: readonly IndicatorDefinition[] = [
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
    comparator: {
      measure: 'c1_rereferral_pct',
      caveat:
        'DfE counts referrals in the year to 31 March; ours are those in the snapshot’s reporting period.',
    },
    standards: [],
    sql: `SELECT ${REFERRAL_COLUMNS},
        coalesce(r.referrals_last_12_months >= 1, EXISTS (
          SELECT 1 FROM annex_a_list_3 p
          WHERE p.snapshot_id = $snapshot AND p.child_id = r.child_id
            AND p.date_of_referral >= r.date_of_referral - INTERVAL 12 MONTH
            AND p.date_of_referral < r.date_of_referral)) AS in_numerator,
        ${NO_AMOUNT},
        r.date_of_referral, r.referrals_last_12_months
      FROM annex_a_list_3 r WHERE r.snapshot_id = $snapshot AND ${inPeriod('r.date_of_referral')}`,
    evidence: [
      { column: 'date_of_referral', label: 'Date of referral' },
      { column: 'referrals_last_12_months', label: 'Referrals in the 12 months before' },
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
    comparator: {
      measure: 'c1_nfa_pct',
      caveat:
        'DfE counts referrals in the year to 31 March; ours are those in the snapshot’s reporting period.',
    },
    standards: [],
    sql: `SELECT ${REFERRAL_COLUMNS}, coalesce(referral_nfa, FALSE) AS in_numerator, ${NO_AMOUNT},
        date_of_referral, referral_nfa ${REFERRALS_IN_PERIOD}`,
    evidence: [
      { column: 'date_of_referral', label: 'Date of referral' },
      { column: 'referral_nfa', label: 'No further action' },
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
    source: 'Issue 4; DOMAIN.md §3 (DfE table C2)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS},
        wd_elapsed(assessment_start_date, assessment_authorised_date) <= 45 AS in_numerator, ${NO_AMOUNT},
        assessment_start_date, assessment_authorised_date,
        wd_elapsed(assessment_start_date, assessment_authorised_date) AS working_days
      FROM ${list(4)} AND ${inPeriod('assessment_authorised_date')}`,
    evidence: [
      { column: 'assessment_start_date', label: 'Assessment started' },
      { column: 'assessment_authorised_date', label: 'Authorised' },
      { column: 'working_days', label: 'Working days' },
    ],
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
    sql: `SELECT ${CHILD_COLUMNS},
        wd_elapsed(assessment_start_date, assessment_authorised_date) <= 10 AS in_numerator, ${NO_AMOUNT},
        assessment_start_date, assessment_authorised_date,
        wd_elapsed(assessment_start_date, assessment_authorised_date) AS working_days
      FROM ${list(4)} AND ${inPeriod('assessment_authorised_date')}`,
    evidence: [
      { column: 'assessment_start_date', label: 'Assessment started' },
      { column: 'assessment_authorised_date', label: 'Authorised' },
      { column: 'working_days', label: 'Working days' },
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
