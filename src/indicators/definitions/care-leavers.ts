/** Care leavers (List 9): in touch, accommodation, activity, pathway plans (DOMAIN.md §3, issue 4). */
import { CHILD_COLUMNS, NO_AMOUNT, ageAt, list } from '../sql.ts';
import type { Comparator, IndicatorDefinition } from '../types.ts';
import { monthsBefore, onOrAfterUpToA } from './shared.ts';

const AGE = ageAt('date_of_birth');

/** LA in touch = Yes (SSDA903 code YES; Died, Refused, No longer requires services and Returned home are not). */
const IN_TOUCH = `coalesce(la_in_touch = 'YES', FALSE)`;
const SUITABLE = `coalesce(accommodation_suitability = 'SUITABLE', FALSE)`;
/** Education, employment or training: activity codes F1–F5 (full time) and P1–P5 (part time); G4–G6 are NEET. */
const EET = `coalesce(activity_status LIKE 'F%' OR activity_status LIKE 'P%', FALSE)`;

const DFE_CAVEAT =
  'DfE’s cohort is care leavers who turned that age during the year to 31 March, with their situation recorded ' +
  'around their birthday; ours is everyone in List 9 of that age on the as-at date, with their latest recorded situation.';

interface Variant {
  readonly id: string;
  readonly measure: string;
  readonly title: string;
  readonly what: string;
  readonly test: string;
  readonly evidence: { column: string; label: string };
}

const VARIANTS: readonly Variant[] = [
  {
    id: 'careleavers_in_touch',
    measure: 'careleavers_in_touch',
    title: 'the local authority is in touch with',
    what: 'with "LA in Touch" = Yes',
    test: IN_TOUCH,
    evidence: { column: 'la_in_touch', label: 'LA in touch' },
  },
  {
    id: 'careleavers_suitable_accommodation',
    measure: 'careleavers_suitable',
    title: 'in suitable accommodation',
    what: 'whose accommodation is recorded as suitable',
    test: SUITABLE,
    evidence: { column: 'accommodation_suitability', label: 'Accommodation suitability' },
  },
  {
    id: 'careleavers_eet',
    measure: 'careleavers_eet',
    title: 'in education, employment or training',
    what: 'whose Activity Status is education, employment or training (codes beginning F or P: F1–F5, P1–P5)',
    test: EET,
    evidence: { column: 'activity_status', label: 'Activity' },
  },
];

function variant(v: Variant, ages: readonly [number, number], suffix: string): IndicatorDefinition {
  const comparator: Comparator = {
    measure: `${v.measure}_${ages[0] === 19 ? '19_21' : '17_18'}_pct`,
    caveat: DFE_CAVEAT,
  };
  return {
    id: `${v.id}${suffix}_pct`,
    title: `Care leavers aged ${ages[0]}–${ages[1]} ${v.title}`,
    area: 'care_leavers',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      `Of the care leavers (List 9) aged ${ages[0]} to ${ages[1]} on the as-at date (age from the date of birth), ` +
      `the percentage ${v.what}.`,
    source: 'Issue 4; DOMAIN.md §3 (DfE comparators in la_care_leavers_*); seed 004 footnotes 70, 73',
    comparator,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, ${v.test} AS in_numerator, ${NO_AMOUNT},
        ${AGE} AS age, eligibility_category, ${v.evidence.column}, latest_contact_date
      FROM ${list(9)} AND ${AGE} BETWEEN ${ages[0]} AND ${ages[1]}`,
    evidence: [
      { column: 'age', label: 'Age at the as-at date' },
      { column: 'eligibility_category', label: 'Eligibility' },
      v.evidence,
      { column: 'latest_contact_date', label: 'Latest contact' },
    ],
  };
}

export const CARE_LEAVERS: readonly IndicatorDefinition[] = [
  {
    id: 'careleavers_count',
    title: 'Care leavers',
    area: 'care_leavers',
    unit: 'count',
    aggregate: 'count',
    polarity: 'neutral',
    period: 'at',
    definition:
      'Young people in List 9 (relevant, former relevant and qualifying care leavers) in the snapshot, of any age.',
    source: 'DOMAIN.md §3 (care leavers: number by eligibility)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS}, TRUE AS in_numerator, ${NO_AMOUNT}, ${AGE} AS age, eligibility_category
      FROM ${list(9)}`,
    evidence: [
      { column: 'age', label: 'Age at the as-at date' },
      { column: 'eligibility_category', label: 'Eligibility' },
    ],
  },
  ...VARIANTS.map((v) => variant(v, [19, 21], '')),
  ...VARIANTS.map((v) => variant(v, [17, 18], '_17_18')),
  {
    id: 'careleavers_pathway_plan_in_time_pct',
    title: 'Care leavers with a pathway plan reviewed in the last 6 months',
    area: 'care_leavers',
    unit: 'percent',
    aggregate: 'share',
    polarity: 'high_good',
    period: 'at',
    definition:
      'Of the young people in List 9, the percentage whose Latest Pathway Plan Review Date is on or before the as-at ' +
      'date and on or after the date 6 calendar months before it.',
    source: 'DOMAIN.md §3 (% pathway plan reviewed within 6 months)',
    comparator: null,
    standards: [],
    sql: `SELECT ${CHILD_COLUMNS},
        coalesce(${onOrAfterUpToA('pathway_plan_review_date', monthsBefore('$as_at', 6))}, FALSE) AS in_numerator,
        ${NO_AMOUNT}, ${AGE} AS age, eligibility_category, pathway_plan_review_date
      FROM ${list(9)}`,
    evidence: [
      { column: 'age', label: 'Age at the as-at date' },
      { column: 'eligibility_category', label: 'Eligibility' },
      { column: 'pathway_plan_review_date', label: 'Latest pathway plan review' },
    ],
  },
];
