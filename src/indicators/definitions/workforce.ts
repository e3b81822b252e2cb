/** Workforce and caseloads from Annex A: open children per allocated worker, unallocated children (issue 4). */
import { NO_AMOUNT, list, openAt } from '../sql.ts';
import type { IndicatorDefinition } from '../types.ts';
import { WORKER_COLUMNS } from './shared.ts';

const rows = (n: number, open: string | null) =>
  `SELECT child_id, nullif(trim(allocated_team), '') AS team, nullif(trim(allocated_worker), '') AS worker,
      gender, ethnicity, date_of_birth, disability, ${n} AS src_list
    FROM ${list(n)}${open ? ` AND ${open}` : ''}`;

/**
 * The rows open at A that make a child part of a caseload: List 4 assessments started and not yet authorised,
 * List 6 episodes not closed, List 7 plans not ended, List 8 children not ceased, and every List 9 care leaver.
 */
const OPEN_ROWS = `open_rows AS (
    ${rows(4, openAt('assessment_start_date', 'assessment_authorised_date'))}
    UNION ALL ${rows(6, openAt('cin_start_date', 'cin_closure_date'))}
    UNION ALL ${rows(7, openAt('cp_start_date', 'cp_end_date'))}
    UNION ALL ${rows(8, openAt('date_started_looked_after', 'date_ceased_looked_after'))}
    UNION ALL ${rows(9, null)})`;

const byList = (n: number, name: string) =>
  `count(DISTINCT child_id) FILTER (WHERE src_list = ${n}) AS ${name}`;

/** One row per allocated worker (names matched ignoring case and surrounding spaces) with their open children. */
const WORKERS = `${OPEN_ROWS},
  workers AS (
    SELECT lower(worker) AS worker_key, mode(worker) AS worker, mode(team) AS team,
      count(DISTINCT child_id) AS open_children, ${byList(4, 'open_assessments')}, ${byList(6, 'children_in_need')},
      ${byList(7, 'cp_plans')}, ${byList(8, 'looked_after')}, ${byList(9, 'care_leavers')}
    FROM open_rows WHERE worker IS NOT NULL GROUP BY lower(worker))`;

const WORKER_EVIDENCE = [
  { column: 'open_children', label: 'Open children' },
  { column: 'open_assessments', label: 'Open assessments (children)' },
  { column: 'children_in_need', label: 'Children in need' },
  { column: 'cp_plans', label: 'On a child protection plan' },
  { column: 'looked_after', label: 'Looked after' },
  { column: 'care_leavers', label: 'Care leavers' },
] as const;

const OPEN_DEFINITION =
  'open at the as-at date (a List 4 assessment started and not yet authorised, a List 6 episode not closed, a ' +
  'List 7 plan not ended, a List 8 child not ceased to be looked after, or any List 9 care leaver)';

export const WORKFORCE: readonly IndicatorDefinition[] = [
  {
    id: 'caseload_avg_per_worker',
    title: 'Average caseload per allocated worker',
    area: 'workforce',
    unit: 'count',
    aggregate: 'mean',
    polarity: 'low_good',
    period: 'at',
    definition:
      `The mean, over allocated workers with at least one child, of the number of distinct children ${OPEN_DEFINITION} ` +
      'for whom they are the Allocated Worker. A child open on several lists counts once per worker.',
    source: 'Issue 4; DOMAIN.md §3 (caseload per allocated worker); seed 004 footnote 29',
    comparator: {
      measure: 'csww_caseload_fte',
      caveat:
        'DfE divides the cases held at 30 September by the full-time equivalent of case-holding social workers; ' +
        'ours counts children per named allocated worker on the as-at date, from the Annex A lists only, whatever ' +
        'the worker’s hours.',
    },
    subject: 'worker',
    standards: [],
    sql: `WITH ${WORKERS}
      SELECT ${WORKER_COLUMNS}, TRUE AS in_numerator, CAST(open_children AS DOUBLE) AS amount,
        open_children, open_assessments, children_in_need, cp_plans, looked_after, care_leavers
      FROM workers`,
    evidence: WORKER_EVIDENCE,
  },
  {
    id: 'workers_with_caseload_over_standard_count',
    title: 'Workers with more children than the caseload standard',
    area: 'workforce',
    unit: 'count',
    aggregate: 'count',
    polarity: 'low_good',
    period: 'at',
    definition:
      `Allocated workers holding more distinct children ${OPEN_DEFINITION} than the local caseload standard ` +
      '(default 18).',
    source: 'Issue 4 (caseload view, standard default 18); DOMAIN.md §3; standard caseload_standard',
    comparator: null,
    subject: 'worker',
    standards: ['caseload_standard'],
    sql: `WITH ${WORKERS}
      SELECT ${WORKER_COLUMNS}, open_children > $caseload_standard AS in_numerator, ${NO_AMOUNT},
        open_children, open_assessments, children_in_need, cp_plans, looked_after, care_leavers
      FROM workers`,
    evidence: WORKER_EVIDENCE,
  },
  {
    id: 'unallocated_open_count',
    title: 'Open children with no allocated worker',
    area: 'workforce',
    unit: 'count',
    aggregate: 'count',
    polarity: 'low_good',
    period: 'at',
    definition: `Distinct children ${OPEN_DEFINITION} with no Allocated Worker on any of their open rows (blank or spaces only).`,
    source: 'Issue 4; DOMAIN.md §3 (unallocated open cases)',
    comparator: null,
    standards: [],
    sql: `WITH ${OPEN_ROWS}
      SELECT child_id, mode(team) AS team, CAST(NULL AS VARCHAR) AS worker, any_value(gender) AS gender,
        any_value(ethnicity) AS ethnicity, any_value(date_of_birth) AS date_of_birth,
        any_value(disability) AS disability, TRUE AS in_numerator, ${NO_AMOUNT},
        string_agg(DISTINCT CAST(src_list AS VARCHAR), ', ' ORDER BY CAST(src_list AS VARCHAR)) AS open_lists
      FROM open_rows GROUP BY child_id HAVING bool_and(worker IS NULL)`,
    evidence: [{ column: 'open_lists', label: 'Open on lists' }],
  },
];
