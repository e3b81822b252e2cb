/**
 * Child protection and children in need: section 47 enquiries and ICPCs (List 5), children in need (List 6)
 * and child protection plans (List 7) (DOMAIN.md §3, issue 4).
 */
import { CHILD_COLUMNS, NO_AMOUNT, inPeriod, list, openAt } from '../sql.ts';
import type { IndicatorDefinition } from '../types.ts';
import { latestChildColumns, monthsAfter, monthsBefore, yes } from './shared.ts';

const AT_CAVEAT = 'DfE counts at 31 March; ours is the position on the snapshot’s as-at date.';
const YEAR_CAVEAT =
  'DfE counts plans starting in the year to 31 March; ours are those starting in the snapshot’s reporting period (usually 6 months).';

const S47_DAYS = 'wd_elapsed(strategy_discussion_date, icpc_date)';
/** ICPCs dated in the period, leaving out an ICPC dated before its strategy discussion (as DfE table C4 does). */
const ICPCS_IN_PERIOD = `FROM ${list(5)} AND ${inPeriod('icpc_date')} AND icpc_date >= strategy_discussion_date`;
const S47S_IN_PERIOD = `FROM ${list(5)} AND ${inPeriod('strategy_discussion_date')}`;

const PLANS_OPEN = `FROM ${list(7)} AND ${openAt('cp_start_date', 'cp_end_date')}`;
const PLAN_EVIDENCE = [
  { column: 'cp_start_date', label: 'Plan started' },
  { column: 'cp_end_date', label: 'Plan ended' },
] as const;

/** Children with a List 6 episode open at A, one row each (team, worker… from the latest-started open episode). */
const CIN_CHILDREN_AT = `SELECT ${latestChildColumns('cin_start_date')}, TRUE AS in_numerator, ${NO_AMOUNT},
    max(cin_start_date) AS cin_start_date, count(*) AS open_episodes,
    arg_max_null(primary_need, cin_start_date) AS primary_need
  FROM ${list(6)} AND ${openAt('cin_start_date', 'cin_closure_date')}
  GROUP BY child_id`;
const CIN_EVIDENCE = [
  { column: 'cin_start_date', label: 'CIN episode started' },
  { column: 'open_episodes', label: 'Open episodes' },
  { column: 'primary_need', label: 'Primary need' },
] as const;

export const CHILD_PROTECTION: readonly IndicatorDefinition[] = [
  {
    id: 's47_rate_per_10k',
    title: 'Section 47 enquiries per 10,000 children',
    area: 'child_protection',
    unit: 'rate_per_10k',
    aggregate: 'rate',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Section 47 enquiries (List 5 rows) whose initiating strategy discussion is dated in the period, per 10,000 ' +
      'children aged 0 to 17 (ONS mid-year estimate for the council).',
    source: 'DOMAIN.md §3 (section 47: rate per 10,000)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, strategy_discussion_date, icpc_date
      ${S47S_IN_PERIOD}`,
    evidence: [
      { column: 'strategy_discussion_date', label: 'Strategy discussion' },
      { column: 'icpc_date', label: 'ICPC' },
    ],
  },
  {
    id: 's47_to_icpc_pct',
    title: 'Section 47 enquiries leading to an ICPC',
    area: 'child_protection',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Of the section 47 enquiries (List 5) whose strategy discussion is dated in the period, the percentage with an ' +
      'initial child protection conference: a Date of ICPC on or before the as-at date, and the ICPC not recorded as ' +
      'deemed unnecessary.',
    source: 'Issue 4; DOMAIN.md §3',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS},
        (icpc_date IS NOT NULL AND icpc_date <= $as_at AND NOT ${yes('icpc_unnecessary')}) AS in_numerator,
        ${NO_AMOUNT}, strategy_discussion_date, icpc_unnecessary, icpc_date
      ${S47S_IN_PERIOD}`,
    evidence: [
      { column: 'strategy_discussion_date', label: 'Strategy discussion' },
      { column: 'icpc_unnecessary', label: 'ICPC deemed unnecessary' },
      { column: 'icpc_date', label: 'ICPC' },
    ],
  },
  {
    id: 's47_icpc_15wd_pct',
    title: 'ICPCs within 15 working days of the strategy discussion',
    area: 'child_protection',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'period',
    definition:
      'Of the List 5 rows with an initial child protection conference dated in the period, the percentage held within ' +
      '15 working days of the strategy discussion that initiated the section 47 enquiry (working days after the ' +
      'discussion up to and including the ICPC day). As in DfE table C4, an ICPC dated before its strategy ' +
      'discussion is left out.',
    source: 'Issue 4; DOMAIN.md §3 (DfE table C4); seed 004 footnote 20',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${S47_DAYS} <= 15 AS in_numerator, ${NO_AMOUNT},
        strategy_discussion_date, icpc_date, ${S47_DAYS} AS working_days
      ${ICPCS_IN_PERIOD}`,
    evidence: [
      { column: 'strategy_discussion_date', label: 'Strategy discussion' },
      { column: 'icpc_date', label: 'ICPC' },
      { column: 'working_days', label: 'Working days' },
    ],
  },
  {
    id: 'icpc_to_plan_pct',
    title: 'ICPCs resulting in a child protection plan',
    area: 'child_protection',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Of the List 5 rows with an initial child protection conference dated in the period (not before its strategy ' +
      'discussion), the percentage recorded as resulting in a child protection plan (blank counts as no).',
    source: 'DOMAIN.md §3 (section 47: % ICPCs resulting in a plan)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${yes('icpc_resulted_in_plan')} AS in_numerator, ${NO_AMOUNT},
        strategy_discussion_date, icpc_date, icpc_resulted_in_plan
      ${ICPCS_IN_PERIOD}`,
    evidence: [
      { column: 'strategy_discussion_date', label: 'Strategy discussion' },
      { column: 'icpc_date', label: 'ICPC' },
      { column: 'icpc_resulted_in_plan', label: 'Resulted in a plan' },
    ],
  },
  {
    id: 'cin_count',
    title: 'Children in need',
    area: 'child_protection',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'at',
    definition:
      'Distinct children with a children in need episode (List 6) open at the as-at date: started on or before it and ' +
      'not closed on or before it. Includes children on a plan or looked after, as DfE does.',
    source: 'DOMAIN.md §3 (children in need: number at "as at"); seed 004 footnote 12',
    comparator: { measure: 'b1_cin_count', caveat: AT_CAVEAT },
    standards: [],
    sql: CIN_CHILDREN_AT,
    evidence: CIN_EVIDENCE,
  },
  {
    id: 'cin_rate_per_10k',
    title: 'Children in need per 10,000 children',
    area: 'child_protection',
    unit: 'rate_per_10k',
    aggregate: 'rate',
    polarity: 'neutral',
    period: 'at',
    definition:
      'Distinct children with a children in need episode (List 6) open at the as-at date, per 10,000 children aged ' +
      '0 to 17 (ONS mid-year estimate for the council, latest year not after the as-at year).',
    source: 'Issue 4; DOMAIN.md §3',
    comparator: { measure: 'b1_cin_rate_per_10k', caveat: AT_CAVEAT },
    standards: [],
    sql: CIN_CHILDREN_AT,
    evidence: CIN_EVIDENCE,
  },
  {
    id: 'cin_seen_in_standard_pct',
    title: 'Children in need seen within the visiting standard',
    area: 'child_protection',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the distinct children with a children in need episode (List 6) open at the as-at date, leaving out episodes ' +
      'whose case status is "Looked after child" (visited on the care interval instead), the percentage whose latest ' +
      '"Date Child Was Last Seen" on or before the as-at date is within the local child in need visiting standard ' +
      '(default 20 working days): working days after that date up to and including the as-at date no more than the standard.',
    source:
      'DOMAIN.md §3 (children in need: last seen within the local visiting standard); standard cin_seen_working_days',
    comparator: null,
    standards: ['cin_seen_working_days'],
    sql: `SELECT ${latestChildColumns('cin_start_date')},
        coalesce(wd_elapsed(max(date_last_seen) FILTER (WHERE date_last_seen <= $as_at), $as_at)
                 <= $cin_seen_working_days, FALSE) AS in_numerator,
        ${NO_AMOUNT}, max(cin_start_date) AS cin_start_date,
        max(date_last_seen) FILTER (WHERE date_last_seen <= $as_at) AS date_last_seen,
        wd_elapsed(max(date_last_seen) FILTER (WHERE date_last_seen <= $as_at), $as_at) AS working_days_since_seen
      FROM ${list(6)} AND ${openAt('cin_start_date', 'cin_closure_date')}
        AND (case_status IS NULL OR case_status <> 'LAC')
      GROUP BY child_id`,
    evidence: [
      { column: 'cin_start_date', label: 'CIN episode started' },
      { column: 'date_last_seen', label: 'Last seen' },
      { column: 'working_days_since_seen', label: 'Working days since seen' },
    ],
  },
  {
    id: 'cp_count',
    title: 'Child protection plans',
    area: 'child_protection',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'at',
    definition:
      'Child protection plans (List 7) open at the as-at date: started on or before it and not ended on or before it.',
    source: 'DOMAIN.md §3 (child protection: plans at "as at"); seed 004 footnote 17',
    comparator: { measure: 'd5_cp_count', caveat: AT_CAVEAT },
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, cp_start_date, cp_end_date ${PLANS_OPEN}`,
    evidence: PLAN_EVIDENCE,
  },
  {
    id: 'cp_rate_per_10k',
    title: 'Child protection plans per 10,000 children',
    area: 'child_protection',
    unit: 'rate_per_10k',
    aggregate: 'rate',
    polarity: 'neutral',
    period: 'at',
    definition:
      'Child protection plans (List 7) open at the as-at date per 10,000 children aged 0 to 17 (ONS mid-year ' +
      'estimate for the council, latest year not after the as-at year).',
    source: 'Issue 4; DOMAIN.md §3; seed 004 footnote 17',
    comparator: { measure: 'd5_cp_rate_per_10k', caveat: AT_CAVEAT },
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, cp_start_date, cp_end_date ${PLANS_OPEN}`,
    evidence: PLAN_EVIDENCE,
  },
  {
    id: 'cp_second_subsequent_pct',
    title: 'Second or subsequent child protection plans',
    area: 'child_protection',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'low_good',
    period: 'period',
    definition:
      'Of the child protection plans (List 7) that started in the period, the percentage with "Number of Previous ' +
      'Child Protection Plans" of 1 or more (blank counts as none).',
    source: 'Issue 4; DOMAIN.md §3; seed 004 footnote 18',
    comparator: { measure: 'd3_cp_subsequent_pct', caveat: YEAR_CAVEAT },
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, coalesce(previous_cp_plans >= 1, FALSE) AS in_numerator, ${NO_AMOUNT},
        cp_start_date, previous_cp_plans
      FROM ${list(7)} AND ${inPeriod('cp_start_date')}`,
    evidence: [
      { column: 'cp_start_date', label: 'Plan started' },
      { column: 'previous_cp_plans', label: 'Previous plans' },
    ],
  },
  {
    id: 'cp_open_2y_plus_pct',
    title: 'Child protection plans open 2 years or more',
    area: 'child_protection',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'low_good',
    period: 'at',
    definition:
      'Of the child protection plans (List 7) open at the as-at date, the percentage that started on or before the ' +
      'date 2 calendar years before it.',
    source: 'Issue 4; DOMAIN.md §3; seed 004 footnote 25',
    comparator: { measure: 'd5_cp_2y_plus_pct', caveat: AT_CAVEAT },
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, cp_start_date <= ${monthsBefore('$as_at', 24)} AS in_numerator, ${NO_AMOUNT},
        cp_start_date, cp_end_date ${PLANS_OPEN}`,
    evidence: PLAN_EVIDENCE,
  },
  {
    id: 'cp_open_18m_plus_count',
    title: 'Child protection plans open 18 months or more',
    area: 'child_protection',
    unit: 'count',
    aggregate: 'count',
    polarity: 'low_good',
    period: 'at',
    definition:
      'Child protection plans (List 7) open at the as-at date that started on or before the date 18 calendar months before it.',
    source: 'Issue 4; DOMAIN.md §3 (seed 004 reviews them monthly); seed 004 footnote 26',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, cp_start_date, cp_end_date
      ${PLANS_OPEN} AND cp_start_date <= ${monthsBefore('$as_at', 18)}`,
    evidence: PLAN_EVIDENCE,
  },
  {
    id: 'cp_visited_in_standard_pct',
    title: 'Children on a plan visited within the standard',
    area: 'child_protection',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the child protection plans (List 7) open at the as-at date, the percentage whose Date of the Last Statutory ' +
      'Visit is on or before the as-at date and within the local child protection visit standard before it (default ' +
      '10 working days): working days after the visit up to and including the as-at date no more than the standard. ' +
      'A blank visit date is not in time.',
    source: 'Issue 4; DOMAIN.md §3; seed 004 footnote 24; standard cp_visit_working_days',
    comparator: null,
    standards: ['cp_visit_working_days'],
    sql: `SELECT ${CHILD_COLUMNS},
        coalesce(date_last_statutory_visit <= $as_at
          AND wd_elapsed(date_last_statutory_visit, $as_at) <= $cp_visit_working_days, FALSE) AS in_numerator,
        ${NO_AMOUNT}, cp_start_date, date_last_statutory_visit,
        CASE WHEN date_last_statutory_visit <= $as_at THEN wd_elapsed(date_last_statutory_visit, $as_at) END
          AS working_days_since_visit
      ${PLANS_OPEN}`,
    evidence: [
      { column: 'cp_start_date', label: 'Plan started' },
      { column: 'date_last_statutory_visit', label: 'Last statutory visit' },
      { column: 'working_days_since_visit', label: 'Working days since the visit' },
    ],
  },
  {
    id: 'cp_seen_alone_pct',
    title: 'Children on a plan seen alone',
    area: 'child_protection',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the child protection plans (List 7) open at the as-at date, the percentage recorded as "Was the Child Seen ' +
      'Alone?" = Yes at the last statutory visit (blank counts as not seen alone).',
    source: 'DOMAIN.md §3 (child protection: % seen alone)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${yes('seen_alone')} AS in_numerator, ${NO_AMOUNT},
        cp_start_date, date_last_statutory_visit, seen_alone ${PLANS_OPEN}`,
    evidence: [
      { column: 'cp_start_date', label: 'Plan started' },
      { column: 'date_last_statutory_visit', label: 'Last statutory visit' },
      { column: 'seen_alone', label: 'Seen alone' },
    ],
  },
  {
    id: 'cp_review_in_time_pct',
    title: 'Child protection review conferences on time',
    area: 'child_protection',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the child protection plans (List 7) open at the as-at date whose first review conference has fallen due ' +
      '(the plan started more than 3 calendar months before the as-at date), the percentage not overdue: the latest ' +
      'review conference is on or after the plan start and on or before the as-at date, and the as-at date is no more ' +
      'than 6 calendar months after it. A plan with no review recorded is overdue once 3 months have passed. Annex A ' +
      'holds only the latest review, so a late earlier review cannot be seen.',
    source: 'DOMAIN.md §3 (review conferences: first within 3 months, then at most every 6 months)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, next_review_due >= $as_at AS in_numerator, ${NO_AMOUNT},
        cp_start_date, date_latest_review_conference, next_review_due
      FROM (SELECT *, CASE
          WHEN date_latest_review_conference >= cp_start_date AND date_latest_review_conference <= $as_at
            THEN ${monthsAfter('date_latest_review_conference', 6)}
          ELSE ${monthsAfter('cp_start_date', 3)} END AS next_review_due
        ${PLANS_OPEN}) p
      WHERE ${monthsAfter('cp_start_date', 3)} < $as_at`,
    evidence: [
      { column: 'cp_start_date', label: 'Plan started' },
      { column: 'date_latest_review_conference', label: 'Latest review conference' },
      { column: 'next_review_due', label: 'Next review due by' },
    ],
  },
  {
    id: 'cp_epo_police_6m_count',
    title: 'Children on a plan subject to an EPO or police protection',
    area: 'child_protection',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'period',
    definition:
      'Distinct children in List 7 (plans open at the as-at date or ended in the period) recorded as "Subject to ' +
      'Emergency Protection Order or Protected Under Police Powers in Last Six Months" = Yes on any of their plans.',
    source: 'DOMAIN.md §3 (child protection: police protection/EPO in last 6 months)',
    comparator: null,
    standards: [],
    sql: `SELECT ${latestChildColumns('cp_start_date')}, TRUE AS in_numerator, ${NO_AMOUNT},
        max(cp_start_date) AS cp_start_date, arg_max_null(cp_end_date, cp_start_date) AS cp_end_date
      FROM ${list(7)} AND cp_start_date <= $as_at AND (cp_end_date IS NULL OR cp_end_date >= $period_start)
      GROUP BY child_id
      HAVING bool_or(coalesce(epo_or_police_protection, FALSE))`,
    evidence: PLAN_EVIDENCE,
  },
];
