/**
 * Local standards: the limits a council sets for itself where statute leaves a choice (DOMAIN.md §3–4), with
 * the defaults given there. Indicators and trackers read them from the settings; each stored figure records
 * the values it used, so a changed standard is visible next to the figure.
 */
export interface StandardDefinition {
  readonly key: string;
  readonly label: string;
  readonly hint: string;
  readonly unit: 'working days' | 'days' | 'weeks' | 'months' | 'hours' | 'children' | 'percentage points';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** which part of the product reads it */
  readonly group: 'indicators' | 'trackers' | 'recorded' | 'dashboard';
}

export const STANDARDS = [
  {
    key: 'cp_visit_working_days',
    label: 'Child protection visit standard',
    hint: 'A child on a plan is seen at least this often. Many councils use 10 working days; seed 004 used 4 weeks.',
    unit: 'working days',
    default: 10,
    min: 1,
    max: 60,
    group: 'indicators',
  },
  {
    key: 'contact_decision_hours',
    label: 'Contact decision time',
    hint: 'A contact to the front door is decided within this many hours.',
    unit: 'hours',
    default: 24,
    min: 1,
    max: 240,
    group: 'indicators',
  },
  {
    key: 'cin_seen_working_days',
    label: 'Child in need visiting standard',
    hint: 'A child in need is seen at least this often.',
    unit: 'working days',
    default: 20,
    min: 1,
    max: 120,
    group: 'indicators',
  },
  {
    key: 'cla_visit_weeks',
    label: 'Child in care visit interval',
    hint: 'The statutory interval is 6 weeks.',
    unit: 'weeks',
    default: 6,
    min: 1,
    max: 26,
    group: 'indicators',
  },
  {
    key: 'cla_visit_long_term_months',
    label: 'Child in care visit interval in a long-term placement',
    hint: 'Where the placement is agreed as long-term (seed 004 footnote 42: 3 months).',
    unit: 'months',
    default: 3,
    min: 1,
    max: 12,
    group: 'indicators',
  },
  {
    key: 'caseload_standard',
    label: 'Caseload standard',
    hint: 'Workers holding more children than this are highlighted.',
    unit: 'children',
    default: 18,
    min: 1,
    max: 100,
    group: 'dashboard',
  },
  {
    key: 'rag_tolerance_points',
    label: 'Tolerance for amber against a benchmark',
    hint: 'A figure within this many points of the comparator, on the wrong side, is amber rather than red.',
    unit: 'percentage points',
    default: 2,
    min: 0,
    max: 50,
    group: 'dashboard',
  },
  {
    key: 'plo_flag_weeks',
    label: 'Pre-proceedings timescale',
    hint: 'A case in pre-proceedings is flagged red this many weeks after the letter before proceedings (Public Law Working Group: 16 weeks).',
    unit: 'weeks',
    default: 16,
    min: 1,
    max: 52,
    group: 'recorded',
  },
  {
    key: 'plo_amber_weeks',
    label: 'Pre-proceedings warning',
    hint: 'A case in pre-proceedings is amber from this many weeks after the letter before proceedings.',
    unit: 'weeks',
    default: 12,
    min: 1,
    max: 52,
    group: 'recorded',
  },
  {
    key: 'plo_recall_months',
    label: 'Recall to the legal planning meeting',
    hint: 'A case still in pre-proceedings this many calendar months after the letter is recalled to a legal planning meeting (seed 004: 5 months).',
    unit: 'months',
    default: 5,
    min: 1,
    max: 24,
    group: 'recorded',
  },
  {
    key: 'proceedings_weeks',
    label: 'Care proceedings timescale',
    hint: 'Care proceedings are expected to finish within this many weeks of issue (Children and Families Act 2014: 26 weeks).',
    unit: 'weeks',
    default: 26,
    min: 1,
    max: 104,
    group: 'recorded',
  },
  {
    key: 'proceedings_amber_weeks',
    label: 'Care proceedings warning',
    hint: 'Care proceedings are amber from this many weeks after issue.',
    unit: 'weeks',
    default: 20,
    min: 1,
    max: 104,
    group: 'recorded',
  },
  {
    key: 'tracker_warn_cp_plan_9m',
    label: 'Child protection plans approaching 9 months',
    hint: 'Plans this many days short of 9 months are listed green ("approaching") on the 9-month tracker. 0 lists none.',
    unit: 'days',
    default: 28,
    min: 0,
    max: 90,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_cp_visit_overdue',
    label: 'Warning before a child protection visit is due',
    hint: 'A child on a plan is amber on the visits tracker this many working days before the visit is due. 0: amber only on the day.',
    unit: 'working days',
    default: 2,
    min: 0,
    max: 20,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_cp_review_overdue',
    label: 'Warning before a child protection review conference is due',
    hint: 'Amber this many days before the review conference is due.',
    unit: 'days',
    default: 14,
    min: 0,
    max: 90,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_assessment_over_45wd',
    label: 'Warning before an assessment reaches 45 working days',
    hint: 'An open assessment is amber this many working days before its 45th working day.',
    unit: 'working days',
    default: 10,
    min: 0,
    max: 44,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_s47_no_icpc_15wd',
    label: 'Warning before an ICPC is due',
    hint: 'A section 47 enquiry with no conference is amber this many working days before its 15th working day.',
    unit: 'working days',
    default: 5,
    min: 0,
    max: 14,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_cin_not_seen',
    label: 'Warning before a child in need visit is due',
    hint: 'Amber this many working days before a child in need is due to be seen.',
    unit: 'working days',
    default: 5,
    min: 0,
    max: 60,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_cla_visit_overdue',
    label: 'Warning before a child in care visit is due',
    hint: 'Amber this many days before a child in care is due a visit.',
    unit: 'days',
    default: 7,
    min: 0,
    max: 60,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_cla_review_overdue',
    label: 'Warning before a child in care review is due',
    hint: 'Amber this many days before a statutory review is due.',
    unit: 'days',
    default: 14,
    min: 0,
    max: 90,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_cla_health_overdue',
    label: 'Warning before a health assessment is due',
    hint: 'Amber this many days before a child in care is due a health assessment.',
    unit: 'days',
    default: 28,
    min: 0,
    max: 120,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_cla_dental_overdue',
    label: 'Warning before a dental check is due',
    hint: 'Amber this many days before a child in care is due a dental check.',
    unit: 'days',
    default: 28,
    min: 0,
    max: 120,
    group: 'trackers',
  },
  {
    key: 'tracker_warn_careleaver_pathway_overdue',
    label: 'Warning before a pathway plan review is due',
    hint: 'Amber this many days before a care leaver’s pathway plan review is due.',
    unit: 'days',
    default: 28,
    min: 0,
    max: 120,
    group: 'trackers',
  },
] as const satisfies readonly StandardDefinition[];

export type StandardKey = (typeof STANDARDS)[number]['key'];
export type Standards = Record<StandardKey, number>;

export const STANDARD_DEFAULTS = Object.fromEntries(STANDARDS.map((s) => [s.key, s.default])) as {
  readonly [K in StandardKey]: number;
};

export function standardDefinition(key: string): StandardDefinition | undefined {
  return (STANDARDS as readonly StandardDefinition[]).find((s) => s.key === key);
}

/** A form value for a standard, checked: a whole number between min and max, or an error message. */
export function parseStandard(key: StandardKey, raw: string): { value: number } | { error: string } {
  const s = standardDefinition(key)!;
  const text = raw.trim();
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(value) || value < s.min || value > s.max) {
    return {
      error: `Enter the ${s.label.toLowerCase()} as a whole number of ${s.unit} from ${s.min} to ${s.max}`,
    };
  }
  return { value };
}
