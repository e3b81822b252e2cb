/**
 * The DfE measures Oversight benchmarks against: what each is, where it comes from (file, column, filter) and
 * which direction is better. Values are stored per DfE reporting year, normalised to the year the period ends
 * (2025 = the year ending 31 March 2025, or at 31 March 2025; for the workforce census, at 30 September 2025;
 * for ONS, mid-2025).
 */

export type BenchmarkUnit = 'percent' | 'rate_per_10k' | 'count' | 'days' | 'fte';
export type BenchmarkPolarity = 'high_good' | 'low_good' | 'neutral';

export interface BenchmarkMeasure {
  id: string;
  title: string;
  unit: BenchmarkUnit;
  /** the DfE (or ONS) file the figures come from, as published on Explore Education Statistics */
  file: string;
  /** DfE's own definition in plain English, with how Oversight derived the figure where it did */
  definition: string;
  /** the period the published figure covers */
  periodNote: string;
  polarity: BenchmarkPolarity;
  /** the file's column and row filter the value is read from, or how it is derived */
  column: string;
}

const C1 = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv';
const B1 = 'b1_children_in_need_2013_to_2025.csv';
const C3 = 'c3_factors_identified_at_end_of_assessment_2018_to_2025.csv';
const D3 = 'd3_cpps_subsequent_plan_2013_to_2025.csv';
const D5 = 'd5_cpps_at31march_by_duration_2013_to_2025.csv';
const CLA = 'cla_number_and_rate_per_10k_children.csv';
const STABILITY = 'la_cla_placement_stability.csv';
const SWCOUNT = 'la_cla_swcount.csv';
const ACTIVITY = 'la_care_leavers_activity.csv';
const ACCOMMODATION = 'la_care_leavers_accommodation_suitability.csv';
const CSWW = 'csww_indicators_2017_to_2025.csv';
const ONS = 'ons_mid-year_population_estimates_2012_to_2024.csv';
const ADOPTION = 'national_cla_adopted_average_time_between_adoption_process_stages.csv';

const YEAR_TO_MARCH = 'year ending 31 March';
const AT_MARCH = 'at 31 March';
const CSWW_AT = 'at 30 September';

/** How DfE's rates per 10,000 are formed, and therefore how Oversight derives the ones DfE files leave out. */
export const RATE_NOTE =
  'Derived by Oversight as the count divided by the ONS mid-year estimate of children aged 0 to 17 for the same area, times 10,000, rounded to one decimal place. As DfE does, the year ending 31 March Y uses the mid-year estimate for Y − 1 (the latest published at 31 March Y; checked against the population column of the children looked after file); where that estimate is missing, the latest earlier one.';

const CARE_LEAVER_19_21 =
  'Care leavers now aged 19, 20 or 21 who were looked after for at least 13 weeks after their 14th birthday, including some time after their 16th birthday, with their situation recorded around their birthday in the year.';
const CARE_LEAVER_17_18 =
  'Care leavers now aged 17 or 18 who were looked after for at least 13 weeks after their 14th birthday, including some time after their 16th birthday, with their situation recorded around their birthday in the year.';
const IN_TOUCH_NOTE =
  'Derived by Oversight as 100 minus the published percentage in the breakdown "Total information not known" (DfE records activity as not known where the local authority is not in touch, the young person refuses contact or no longer needs services).';
const ADOPTION_NOTE =
  'DfE publishes these averages as years:months ("01:07" is 1 year 7 months); Oversight converts them to days at 30.44 days a month (365.25 ÷ 12), rounded to whole days, so each figure is only accurate to about ±15 days. England only; children of all ages ("Total").';
const C3_NOTE =
  'Derived by Oversight as the number of assessments with the factor divided by the number of assessments with at least one factor recorded (Episodes_with_assessment_factor), as a percentage to one decimal place. An assessment can record several factors.';

export const BENCHMARK_MEASURES: readonly BenchmarkMeasure[] = [
  // Front door (table C1)
  {
    id: 'c1_referral_count',
    title: 'Referrals in the year',
    unit: 'count',
    file: C1,
    definition:
      'Referrals to children’s social care received in the year, counting every referral of a child.',
    periodNote: YEAR_TO_MARCH,
    polarity: 'neutral',
    column: 'referral_count',
  },
  {
    id: 'c1_referral_rate_per_10k',
    title: 'Referrals per 10,000 children',
    unit: 'rate_per_10k',
    file: C1,
    definition: `Referrals received in the year per 10,000 children aged 0 to 17. ${RATE_NOTE}`,
    periodNote: YEAR_TO_MARCH,
    polarity: 'neutral',
    column: 'referral_count ÷ ONS population aged 0 to 17 (ons_population_0_17) × 10,000',
  },
  {
    id: 'c1_rereferral_pct',
    title: 'Re-referrals within 12 months',
    unit: 'percent',
    file: C1,
    definition:
      'Referrals in the year that came within 12 months of a previous referral of the same child, as a percentage of all referrals in the year.',
    periodNote: YEAR_TO_MARCH,
    polarity: 'low_good',
    column: 'rereferral_percent',
  },
  {
    id: 'c1_nfa_pct',
    title: 'Referrals resulting in no further action',
    unit: 'percent',
    file: C1,
    definition:
      'Referrals in the year that resulted in no further action (closed at referral without an assessment or other action), as a percentage of all referrals in the year.',
    periodNote: YEAR_TO_MARCH,
    polarity: 'neutral',
    column: 'no_further_action_percent',
  },
  // Children in need (table B1)
  {
    id: 'b1_cin_count',
    title: 'Children in need at 31 March',
    unit: 'count',
    file: B1,
    definition:
      'Children in need at 31 March: open episodes of need at 31 March (a child has at most one open episode, so this counts children). Includes children on a child protection plan and children looked after.',
    periodNote: AT_MARCH,
    polarity: 'neutral',
    column: 'At31_episodes',
  },
  {
    id: 'b1_cin_rate_per_10k',
    title: 'Children in need per 10,000 children',
    unit: 'rate_per_10k',
    file: B1,
    definition: `Children in need at 31 March per 10,000 children aged 0 to 17. The file has no rate column. ${RATE_NOTE}`,
    periodNote: AT_MARCH,
    polarity: 'neutral',
    column: 'At31_episodes ÷ ONS population aged 0 to 17 (ons_population_0_17) × 10,000',
  },
  // Assessment factors (table C3)
  ...(
    [
      [
        'c3_domestic_abuse_parent_pct',
        'Domestic abuse concerning a parent or carer',
        'Domestic_Abuse_parent',
      ],
      ['c3_mental_health_parent_pct', 'Mental health concerning a parent or carer', 'Mental_Health_parent'],
      ['c3_drug_misuse_parent_pct', 'Drug misuse concerning a parent or carer', 'Drug_Misuse_parent'],
      ['c3_neglect_pct', 'Neglect', 'Neglect'],
      ['c3_emotional_abuse_pct', 'Emotional abuse', 'Emotional_Abuse'],
    ] as const
  ).map(([id, factor, column]): BenchmarkMeasure => ({
    id,
    title: `Assessments identifying ${factor.charAt(0).toLowerCase()}${factor.slice(1)}`,
    unit: 'percent',
    file: C3,
    definition: `Assessments completed in the year where “${factor}” was identified as a factor at the end of the assessment, as a percentage of assessments with at least one factor recorded. ${C3_NOTE}`,
    periodNote: YEAR_TO_MARCH,
    polarity: 'neutral',
    column: `${column} ÷ Episodes_with_assessment_factor × 100`,
  })),
  // Child protection (tables D3 and D5)
  {
    id: 'd3_cp_subsequent_pct',
    title: 'Child protection plans that are a second or subsequent plan',
    unit: 'percent',
    file: D3,
    definition:
      'Child protection plans starting in the year where the child had been the subject of a plan before (at any time, not only in the last two years), as a percentage of all plans starting in the year.',
    periodNote: YEAR_TO_MARCH,
    polarity: 'low_good',
    column: 'CPP_subsequent_percent',
  },
  {
    id: 'd5_cp_count',
    title: 'Children on a child protection plan at 31 March',
    unit: 'count',
    file: D5,
    definition: 'Children who were the subject of a child protection plan at 31 March.',
    periodNote: AT_MARCH,
    polarity: 'neutral',
    column: 'CPP_At31',
  },
  {
    id: 'd5_cp_rate_per_10k',
    title: 'Child protection plans per 10,000 children',
    unit: 'rate_per_10k',
    file: D5,
    definition: `Children on a child protection plan at 31 March per 10,000 children aged 0 to 17. The file has no rate column. ${RATE_NOTE}`,
    periodNote: AT_MARCH,
    polarity: 'neutral',
    column: 'CPP_At31 ÷ ONS population aged 0 to 17 (ons_population_0_17) × 10,000',
  },
  {
    id: 'd5_cp_2y_plus_pct',
    title: 'Child protection plans open 2 years or more',
    unit: 'percent',
    file: D5,
    definition:
      'Child protection plans open at 31 March that had lasted 2 years or more, as a percentage of all plans open at 31 March.',
    periodNote: AT_MARCH,
    polarity: 'low_good',
    column: '2_years_or_more_percent',
  },
  // Children looked after
  {
    id: 'cla_count',
    title: 'Children looked after at 31 March',
    unit: 'count',
    file: CLA,
    definition: 'Children looked after by the local authority at 31 March.',
    periodNote: AT_MARCH,
    polarity: 'neutral',
    column: 'children_count where population_type = "Children looked after on 31 March each year"',
  },
  {
    id: 'cla_rate_per_10k',
    title: 'Children looked after per 10,000 children',
    unit: 'rate_per_10k',
    file: CLA,
    definition:
      'Children looked after at 31 March per 10,000 children aged 0 to 17, as published by DfE (whole numbers; the population is the ONS mid-year estimate for the previous year).',
    periodNote: AT_MARCH,
    polarity: 'neutral',
    column: 'rate_per_10000 where population_type = "Children looked after on 31 March each year"',
  },
  {
    id: 'cla_starts_rate_per_10k',
    title: 'Children starting to be looked after per 10,000 children',
    unit: 'rate_per_10k',
    file: CLA,
    definition:
      'Children who started to be looked after during the year per 10,000 children aged 0 to 17, as published by DfE.',
    periodNote: YEAR_TO_MARCH,
    polarity: 'neutral',
    column: 'rate_per_10000 where population_type = "Children starting to be looked after each year"',
  },
  {
    id: 'cla_3plus_placements_pct',
    title: 'Children looked after with 3 or more placements in the year',
    unit: 'percent',
    file: STABILITY,
    definition:
      'Children looked after at 31 March who had 3 or more placements during the year, as a percentage of all children looked after at 31 March (published as whole percentages).',
    periodNote: AT_MARCH,
    polarity: 'low_good',
    column:
      'children_percent where cla_group = "CLA on 31 March" and placement_stability = "With 3 or more placements during the year"',
  },
  {
    id: 'cla_long_term_stability_pct',
    title: 'Long-term placement stability',
    unit: 'percent',
    file: STABILITY,
    definition:
      'Children aged under 16 at 31 March who had been looked after continuously for at least 2.5 years, who were living in the same placement (with the same carer) for at least 2 years, as a percentage of all such children (published as whole percentages).',
    periodNote: AT_MARCH,
    polarity: 'high_good',
    column:
      'children_percent where cla_group = "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years" and placement_stability = "Living with the same carer for at least 2 years"',
  },
  {
    id: 'cla_3plus_social_workers_pct',
    title: 'Children looked after with 3 or more social workers in the year',
    unit: 'percent',
    file: SWCOUNT,
    definition:
      'Children looked after at 31 March who had 3 or more social workers during the year, as a percentage of all children looked after at 31 March.',
    periodNote: AT_MARCH,
    polarity: 'low_good',
    column:
      'percentage where cla_group = "CLA on 31 March" and sw_stability = "3 or more social workers during the year"',
  },
  // Care leavers
  ...(
    [
      ['19_21', '19 to 21 years', CARE_LEAVER_19_21],
      ['17_18', '17 to 18 years', CARE_LEAVER_17_18],
    ] as const
  ).flatMap(([suffix, age, cohort]): BenchmarkMeasure[] => [
    {
      id: `careleavers_eet_${suffix}_pct`,
      title: `Care leavers aged ${age.replace(' to ', '–').replace(' years', '')} in education, employment or training`,
      unit: 'percent',
      file: ACTIVITY,
      definition: `${cohort} Percentage in education, employment or training (higher education, other education, training, employment or an apprenticeship), of all such care leavers including those whose activity is not known.`,
      periodNote: YEAR_TO_MARCH,
      polarity: 'high_good',
      column: `care_leaver_percent where care_leaver_age = "${age}" and breakdown = "Total in education, employment or training"`,
    },
    {
      id: `careleavers_suitable_${suffix}_pct`,
      title: `Care leavers aged ${age.replace(' to ', '–').replace(' years', '')} in suitable accommodation`,
      unit: 'percent',
      file: ACCOMMODATION,
      definition: `${cohort} Percentage whose accommodation was considered suitable, of all such care leavers including those with no information.`,
      periodNote: YEAR_TO_MARCH,
      polarity: 'high_good',
      column: `care_leaver_percent where care_leaver_age = "${age}" and breakdown = "Accommodation considered suitable"`,
    },
    {
      id: `careleavers_in_touch_${suffix}_pct`,
      title: `Care leavers aged ${age.replace(' to ', '–').replace(' years', '')} the local authority is in touch with`,
      unit: 'percent',
      file: ACTIVITY,
      definition: `${cohort} Percentage the local authority was in touch with. ${IN_TOUCH_NOTE}`,
      periodNote: YEAR_TO_MARCH,
      polarity: 'high_good',
      column: `100 − care_leaver_percent where care_leaver_age = "${age}" and breakdown = "Total information not known"`,
    },
  ]),
  // Adoption (national only)
  ...(
    [
      [
        'adoption_entry_to_placed_days',
        'Average days from entering care to placement for adoption',
        '4. Total average time between entry into care and date placed for adoption',
        'Average time between a child entering care (the final period of care) and being placed with the adoptive family, for children adopted in the year.',
      ],
      [
        'adoption_entry_to_decision_days',
        'Average days from entering care to the decision to place for adoption',
        '1. Average time between entry into care and decision that child should be placed for adoption',
        'Average time between a child entering care and the local authority’s decision that the child should be placed for adoption, for children adopted in the year.',
      ],
      [
        'adoption_decision_to_match_days',
        'Average days from the decision to place for adoption to matching',
        '2. Average time between decision that child should be placed for adoption and matching of child and adopters',
        'Average time between the decision that a child should be placed for adoption and the child being matched with adopters, for children adopted in the year. (Not the same as A2, which counts from the placement order.)',
      ],
      [
        'adoption_entry_to_adoption_days',
        'Average days from entering care to adoption',
        '6. Total average time between entry into care and adoption',
        'Average time between a child entering care and the adoption order, for children adopted in the year.',
      ],
    ] as const
  ).map(([id, title, stage, definition]): BenchmarkMeasure => ({
    id,
    title,
    unit: 'days',
    file: ADOPTION,
    definition: `${definition} ${ADOPTION_NOTE}`,
    periodNote: `${YEAR_TO_MARCH} (children adopted in the year)`,
    polarity: 'low_good',
    column: `number where stage_of_adoption_process = "${stage}" and age_start_poc = "Total", years:months × 30.44`,
  })),
  // Workforce (children and family social workers, census at 30 September)
  {
    id: 'csww_turnover_rate',
    title: 'Social worker turnover rate',
    unit: 'percent',
    file: CSWW,
    definition:
      'Children and family social workers (FTE) who left the local authority in the year to 30 September, as a percentage of social workers in post (FTE) at 30 September.',
    periodNote: `year to 30 September`,
    polarity: 'low_good',
    column: 'turnover_rate_fte',
  },
  {
    id: 'csww_agency_rate',
    title: 'Agency social worker rate',
    unit: 'percent',
    file: CSWW,
    definition:
      'Agency children and family social workers (FTE) at 30 September, as a percentage of all social workers: agency plus those employed in post (FTE).',
    periodNote: CSWW_AT,
    polarity: 'low_good',
    column: 'agency_rate_fte',
  },
  {
    id: 'csww_vacancy_rate',
    title: 'Social worker vacancy rate',
    unit: 'percent',
    file: CSWW,
    definition:
      'Vacant children and family social worker posts (FTE) at 30 September, as a percentage of vacancies plus social workers in post (FTE).',
    periodNote: CSWW_AT,
    polarity: 'low_good',
    column: 'vacancy_rate_fte',
  },
  {
    id: 'csww_absence_rate',
    title: 'Social worker sickness absence rate',
    unit: 'percent',
    file: CSWW,
    definition:
      'Working days lost to sickness absence by children and family social workers in the year to 30 September, as a percentage of the working days available (in-post FTE times the working days in the year).',
    periodNote: `year to 30 September`,
    polarity: 'low_good',
    column: 'absence_rate_fte',
  },
  {
    id: 'csww_caseload_fte',
    title: 'Average caseload per case-holding social worker',
    unit: 'count',
    file: CSWW,
    definition:
      'Cases held by case-holding children and family social workers at 30 September divided by the full-time equivalent number of those case holders.',
    periodNote: CSWW_AT,
    polarity: 'low_good',
    column: 'caseload_fte',
  },
  {
    id: 'csww_inpost_fte',
    title: 'Children and family social workers in post (FTE)',
    unit: 'fte',
    file: CSWW,
    definition:
      'Children and family social workers employed by the local authority at 30 September, full-time equivalent.',
    periodNote: CSWW_AT,
    polarity: 'neutral',
    column: 'inpost_fte',
  },
  // Population
  {
    id: 'ons_population_0_17',
    title: 'Children aged 0 to 17 (ONS mid-year estimate)',
    unit: 'count',
    file: ONS,
    definition: 'ONS mid-year population estimate of children aged 0 to 17 living in the area.',
    periodNote: 'mid-year (30 June)',
    polarity: 'neutral',
    column: 'population_estimate where age_group = "Children aged 0 to 17 years"',
  },
];

const BY_ID = new Map(BENCHMARK_MEASURES.map((m) => [m.id, m]));

export function benchmarkMeasure(id: string): BenchmarkMeasure | undefined {
  return BY_ID.get(id);
}

/** Rates Oversight derives from a count measure and the ONS population (stored like the published ones). */
export const DERIVED_RATES: readonly { measure: string; count: string }[] = [
  { measure: 'c1_referral_rate_per_10k', count: 'c1_referral_count' },
  { measure: 'b1_cin_rate_per_10k', count: 'b1_cin_count' },
  { measure: 'd5_cp_rate_per_10k', count: 'd5_cp_count' },
];
