/**
 * The Annex A lists: their columns, canonical headers (as in Ofsted's template and the sample workbook in
 * shared/samples/annex-a) and stable keys. The keys name the analytics database columns: never rename one.
 */

export type ListNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;
export type ColumnType = 'id' | 'text' | 'date' | 'integer' | 'number' | 'yesno' | 'code';

export interface ColumnSpec {
  /** stable snake_case key, e.g. 'child_id', 'date_of_referral' */
  key: string;
  /** canonical header exactly as in the Ofsted template / sample workbook */
  header: string;
  /** other headers councils use for the same column (matched tolerantly, like the header) */
  aliases?: string[];
  type: ColumnType;
  /** for type 'code': the code set in codes.ts */
  codeSet?: string;
  /** a list whose file lacks a required column is not read */
  required: boolean;
}

export interface ListSpec {
  list: ListNumber;
  /** e.g. 'Referrals' */
  title: string;
  columns: ColumnSpec[];
  /** true where each child (adopter for list 11) may appear only once */
  oneRowPerChild: boolean;
  /** the identifier column: 'child_id', or 'adopter_id' for list 11 */
  idKey: string;
  /** the date that defines the row (a row without it is unusable); null where the list has none */
  keyDate: string | null;
  /** words that identify the list in a sheet or file name, besides "List N" */
  nameHints: string[];
}

export const LIST_NUMBERS: readonly ListNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

const AGE_ALIASES = ['Age of Child (Years)', 'Age of Child', 'Age (Years)', 'Child Age', 'Age at Contact'];

function childId(): ColumnSpec {
  return {
    key: 'child_id',
    header: 'Child Unique ID',
    aliases: [
      'Child ID',
      'Child Unique Identifier',
      'Unique Child ID',
      'Child Identifier',
      'CHILD ID',
      'ChildID',
      'LA Child ID',
      'Child Ref',
    ],
    type: 'id',
    required: true,
  };
}

function gender(): ColumnSpec {
  return {
    key: 'gender',
    header: 'Gender',
    aliases: ['Sex', 'Gender of Child'],
    type: 'code',
    codeSet: 'gender',
    required: false,
  };
}

function ethnicity(): ColumnSpec {
  return {
    key: 'ethnicity',
    header: 'Ethnicity',
    aliases: ['Ethnic Origin', 'Ethnic Group', 'Ethnicity Code'],
    type: 'code',
    codeSet: 'ethnicity',
    required: false,
  };
}

function dob(): ColumnSpec {
  return {
    key: 'date_of_birth',
    header: 'Date of Birth',
    aliases: ['DOB', 'Birth Date', 'Child Date of Birth'],
    type: 'date',
    required: false,
  };
}

function age(header = 'Age'): ColumnSpec {
  const aliases = ['Age', ...AGE_ALIASES].filter((a) => a !== header);
  return { key: 'age', header, aliases, type: 'number', required: false };
}

function disability(header = 'Does the Child have a Disability'): ColumnSpec {
  return {
    key: 'disability',
    header,
    aliases: ['Disability', 'Does the child have a disability?', 'Disabled', 'Disability (Y/N)'],
    type: 'yesno',
    required: false,
  };
}

function team(): ColumnSpec {
  return {
    key: 'allocated_team',
    header: 'Allocated Team',
    aliases: ['Team', 'Allocated Team Name'],
    type: 'text',
    required: false,
  };
}

function worker(): ColumnSpec {
  return {
    key: 'allocated_worker',
    header: 'Allocated Worker',
    aliases: ['Worker', 'Allocated Social Worker', 'Social Worker', 'Allocated Worker Name'],
    type: 'text',
    required: false,
  };
}

function date(key: string, header: string, aliases: string[] = [], required = false): ColumnSpec {
  return { key, header, aliases, type: 'date', required };
}

function yesno(key: string, header: string, aliases: string[] = []): ColumnSpec {
  return { key, header, aliases, type: 'yesno', required: false };
}

function code(key: string, header: string, codeSet: string, aliases: string[] = []): ColumnSpec {
  return { key, header, aliases, type: 'code', codeSet, required: false };
}

function int(key: string, header: string, aliases: string[] = []): ColumnSpec {
  return { key, header, aliases, type: 'integer', required: false };
}

function text(key: string, header: string, aliases: string[] = []): ColumnSpec {
  return { key, header, aliases, type: 'text', required: false };
}

const common = (): ColumnSpec[] => [childId(), gender(), ethnicity(), dob(), age()];

export const ANNEX_A_LISTS: readonly ListSpec[] = [
  {
    list: 1,
    title: 'Contacts',
    oneRowPerChild: false,
    idKey: 'child_id',
    keyDate: 'date_of_contact',
    nameHints: ['contacts', 'contact'],
    columns: [
      ...common(),
      date('date_of_contact', 'Date of Contact', ['Contact Date'], true),
      code('contact_source', 'Contact Source', 'contact_source', ['Source of Contact']),
    ],
  },
  {
    list: 2,
    title: 'Early help',
    oneRowPerChild: false,
    idKey: 'child_id',
    keyDate: 'assessment_start_date',
    nameHints: ['early help', 'early_help', 'earlyhelp'],
    columns: [
      ...common(),
      date(
        'assessment_start_date',
        'Assessment start date',
        ['Early Help Assessment Start Date', 'EH Assessment Start Date'],
        true,
      ),
      date('assessment_completion_date', 'Assessment completion date', [
        'Early Help Assessment Completion Date',
        'EH Assessment Completion Date',
      ]),
      text('assessment_organisation', 'Organisation completing assessment', [
        'Organisation',
        'Completing Organisation',
      ]),
    ],
  },
  {
    list: 3,
    title: 'Referrals',
    oneRowPerChild: false,
    idKey: 'child_id',
    keyDate: 'date_of_referral',
    nameHints: ['referrals', 'referral'],
    columns: [
      ...common(),
      date('date_of_referral', 'Date of Referral', ['Referral Date'], true),
      code('referral_source', 'Referral Source', 'referral_source', ['Source of Referral']),
      yesno('referral_nfa', 'Referral NFA?', ['Referral NFA', 'NFA', 'Referral No Further Action']),
      int('referrals_last_12_months', 'Number of Referrals in Last 12 Months', [
        'Referrals in Last 12 Months',
        'Number of Previous Referrals in Last 12 Months',
      ]),
      team(),
      worker(),
    ],
  },
  {
    list: 4,
    title: 'Assessments',
    oneRowPerChild: false,
    idKey: 'child_id',
    keyDate: 'assessment_start_date',
    nameHints: ['assessments', 'assessment'],
    columns: [
      ...common(),
      disability(),
      date('assessment_start_date', 'Continuous Assessment Start Date', ['Assessment Start Date'], true),
      yesno('child_seen', 'Child Seen During Continuous Assessment', [
        'Child Seen',
        'Child Seen During Assessment',
      ]),
      date('assessment_authorised_date', 'Continuous Assessment Date of Authorisation', [
        'Assessment Date of Authorisation',
        'Date of Authorisation',
        'Assessment Authorisation Date',
      ]),
      yesno(
        'requires_social_care_support',
        "Was the child assessed as requiring LA children's social care support?",
        ['Requires Social Care Support', 'Assessment Outcome'],
      ),
      team(),
      worker(),
    ],
  },
  {
    list: 5,
    title: 'Section 47 enquiries and ICPCs',
    oneRowPerChild: false,
    idKey: 'child_id',
    keyDate: 'strategy_discussion_date',
    nameHints: ['section 47', 's47', 'icpc', 'section47'],
    columns: [
      ...common(),
      disability(),
      date(
        'strategy_discussion_date',
        'Strategy discussion initiating Section 47 Enquiry Start Date',
        ['Strategy Discussion Date', 'Section 47 Enquiry Start Date', 'S47 Start Date'],
        true,
      ),
      yesno('icpc_unnecessary', 'Was an Initial Child Protection Conference deemed unnecessary?', [
        'ICPC deemed unnecessary',
      ]),
      date('icpc_date', 'Date of Initial Child Protection Conference', ['ICPC Date', 'Date of ICPC']),
      yesno(
        'icpc_resulted_in_plan',
        'Did the Initial Child Protection Conference Result in a Child Protection Plan',
        ['ICPC Resulted in CP Plan', 'ICPC Outcome'],
      ),
      int('s47_last_12_months', 'Number of Section 47 Enquiries in the last 12 months', [
        'S47s in last 12 months',
      ]),
      int('icpcs_last_12_months', 'Number of ICPCs in the last 12 months', ['ICPCs in last 12 months']),
      team(),
      worker(),
    ],
  },
  {
    list: 6,
    title: 'Children in need',
    oneRowPerChild: false,
    idKey: 'child_id',
    keyDate: 'cin_start_date',
    nameHints: ['children in need', 'child in need', 'cin'],
    columns: [
      ...common(),
      disability(),
      date('cin_start_date', 'CIN Start Date', ['Child in Need Start Date', 'CIN Episode Start Date'], true),
      code('primary_need', 'Primary Need Code', 'primary_need', ['Primary Need', 'Category of Need']),
      date('date_last_seen', 'Date Child Was Last Seen', ['Date Last Seen', 'Date child last seen']),
      date('cin_closure_date', 'CIN Closure Date', ['CIN End Date', 'Child in Need Closure Date']),
      code('closure_reason', 'Reason for Closure', 'closure_reason', [
        'CIN Closure Reason',
        'Closure Reason',
      ]),
      code('case_status', 'Case Status', 'case_status'),
      team(),
      worker(),
    ],
  },
  {
    list: 7,
    title: 'Child protection',
    oneRowPerChild: false,
    idKey: 'child_id',
    keyDate: 'cp_start_date',
    nameHints: ['child protection', 'cp plans', 'cpp', 'protection'],
    columns: [
      ...common(),
      disability(),
      date(
        'cp_start_date',
        'Child Protection Plan Start Date',
        ['CP Plan Start Date', 'CPP Start Date'],
        true,
      ),
      code('initial_category_of_abuse', 'Initial Category of Abuse', 'abuse_category', ['Initial Category']),
      code('latest_category_of_abuse', 'Latest Category of Abuse', 'abuse_category', ['Latest Category']),
      date('date_last_statutory_visit', 'Date of the Last Statutory Visit', [
        'Date of Last Statutory Visit',
        'Last Statutory Visit',
      ]),
      yesno('seen_alone', 'Was the Child Seen Alone?', ['Child Seen Alone', 'Seen Alone']),
      date('date_latest_review_conference', 'Date of latest review conference', [
        'Latest Review Conference Date',
        'Date of Last Review Conference',
      ]),
      date('cp_end_date', 'Child Protection Plan End Date', ['CP Plan End Date', 'CPP End Date']),
      yesno(
        'epo_or_police_protection',
        'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
        [
          'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months',
          'EPO or Police Protection in Last Six Months',
        ],
      ),
      int('previous_cp_plans', 'Number of Previous Child Protection Plans', [
        'Previous CP Plans',
        'Number of Previous CP Plans',
      ]),
      team(),
      worker(),
    ],
  },
  {
    list: 8,
    title: 'Children in care',
    oneRowPerChild: true,
    idKey: 'child_id',
    keyDate: 'date_started_looked_after',
    nameHints: ['children in care', 'looked after', 'cla', 'lac', 'child in care'],
    columns: [
      ...common(),
      yesno('uasc', 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)', [
        'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))',
        'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months',
        'UASC',
      ]),
      disability(),
      date(
        'date_started_looked_after',
        'Date Started to be Looked After',
        ['Date Started Looked After', 'Date Became Looked After', 'CLA Start Date'],
        true,
      ),
      code('category_of_need', "Child's Category of Need", 'primary_need', [
        'Category of Need',
        'CLA Category of Need',
      ]),
      yesno(
        'second_period_last_12_months',
        'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
        ['Is this a second or subsequent period of being a Looked After Child within the last 12 months'],
      ),
      date('legal_status_start_date', 'Start date of current legal status', ['Legal Status Start Date']),
      code('legal_status', "Child's Legal Status", 'legal_status', ['Legal Status']),
      date('date_latest_review', 'Date of Latest Statutory Review', [
        'Latest Statutory Review Date',
        'Date of Last Statutory Review',
      ]),
      date('date_last_social_work_visit', 'Date of Last Social Work Visit', ['Last Social Work Visit']),
      code('permanence_plan', 'What is the permanence plan for this child?', 'permanence_plan', [
        'Permanence Plan',
      ]),
      date('date_last_iro_contact', 'Date of Last IRO Visit / Contact to the Child', [
        'Date of Last IRO Visit/Contact to the Child',
        'Date of Last IRO Contact',
      ]),
      date('date_last_health_assessment', 'Date of Last Health Assessment', ['Last Health Assessment']),
      date('date_last_dental_check', 'Date of Last Dental Check', ['Last Dental Check']),
      int('placements_last_12_months', 'Number of Placements in the Last 12 months', [
        'Placements in Last 12 Months',
      ]),
      date('date_ceased_looked_after', 'Date Ceased to be Looked After', [
        'Date Ceased Looked After',
        'CLA End Date',
      ]),
      code('reason_ceased', 'Reason Ceased to be Looked After', 'reason_ceased', [
        'Reason Ceased',
        'Reason Episode Ceased',
      ]),
      date('placement_start_date', 'Start Date of Most Recent Placement', ['Placement Start Date']),
      code('placement_type', 'Placement Type', 'placement_type'),
      code('placement_provider', 'Placement Provider', 'placement_provider'),
      text('placement_postcode', 'Placement postcode', ['Placement Post Code', 'Postcode of Placement']),
      text('placement_urn', 'URN of Placement', ['Placement URN', 'URN']),
      code('placement_location', 'Placement Location', 'placement_location', ['Placement Location (In/Out)']),
      text('placement_la', 'LA of Placement', ['Placement LA', 'Local Authority of Placement']),
      int(
        'missing_episodes_last_12_months',
        'Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months',
        [
          'Number of Episodes the Child has been Missing from their Placement in the last 12 months',
          'Missing Episodes in Last 12 Months',
        ],
      ),
      int(
        'absent_episodes_last_12_months',
        'Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months',
        [
          'Number of Episodes the Child has been Absent from their Placement in the last 12 months',
          'Absent Episodes in Last 12 Months',
        ],
      ),
      yesno(
        'return_interview_offered',
        'Was the child offered a Return Interview after their last missing episode (Y/N)?',
        [
          'Was the child offered a Return Interview after their last missing episode',
          'Return Interview Offered',
        ],
      ),
      yesno(
        'return_interview_accepted',
        'Did the child accept a Return Interview after their last missing episode (Y/N)?',
        [
          'Did the child accept a Return Interview after their last missing episode',
          'Return Interview Accepted',
        ],
      ),
      team(),
      worker(),
    ],
  },
  {
    list: 9,
    title: 'Care leavers',
    oneRowPerChild: true,
    idKey: 'child_id',
    keyDate: null,
    nameHints: ['care leavers', 'care leaver', 'leaving care'],
    columns: [
      ...common(),
      yesno('uasc', 'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)', [
        'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over',
        'UASC',
      ]),
      disability(),
      team(),
      worker(),
      text('personal_adviser', 'Allocated Personal Advisor', [
        'Allocated Personal Adviser',
        'Personal Adviser',
        'Personal Advisor',
      ]),
      code('eligibility_category', 'Eligibility Category', 'care_leaver_eligibility', ['Eligibility']),
      date('pathway_plan_review_date', 'Latest Pathway Plan Review Date', [
        'Pathway Plan Review Date',
        'Date of Latest Pathway Plan Review',
      ]),
      code('la_in_touch', 'LA in Touch', 'la_in_touch', ['In Touch', 'LA in touch with care leaver']),
      date('latest_contact_date', 'Latest Date of Contact', [
        'Date of Latest Contact',
        'Latest Contact Date',
      ]),
      code('accommodation_type', 'Type of Accommodation', 'accommodation', [
        'Accommodation Type',
        'Accommodation',
      ]),
      code('accommodation_suitability', 'Suitability of Accommodation', 'accommodation_suitability', [
        'Accommodation Suitability',
        'Suitability',
      ]),
      code('activity_status', 'Activity Status', 'activity', ['Main Activity', 'Activity']),
    ],
  },
  {
    list: 10,
    title: 'Adoption',
    oneRowPerChild: true,
    idKey: 'child_id',
    keyDate: null,
    nameHints: ['adoption', 'adoptions', 'children adopted'],
    columns: [
      childId(),
      {
        key: 'family_id',
        header: 'Family identifier',
        aliases: ['Family ID', 'Family Identifier (Adopters)'],
        type: 'id',
        required: false,
      },
      gender(),
      ethnicity(),
      dob(),
      age('Age of Child (Years)'),
      disability(),
      date('date_entered_care', 'Date the Child Entered Care', [
        'Date Child Entered Care',
        'Date Entered Care',
      ]),
      date('date_decision_adoption', 'Date of Decision that Child Should be Placed for Adoption', [
        'Date of Decision to Place for Adoption',
        'Date of ADM Decision',
      ]),
      date('date_placement_order', 'Date of Placement Order', ['Placement Order Date']),
      date('date_matched', 'Date of Matching Child and Prospective Adopters', [
        'Date Matched',
        'Date of Matching',
      ]),
      date('date_placed_for_adoption', 'Date Placed for Adoption', ['Date Placed with Adopters']),
      date('date_adoption_order', 'Date of Adoption Order', ['Adoption Order Date']),
      date(
        'date_decision_no_longer_adoption',
        'Date of Decision that Child Should No Longer be Placed for Adoption',
        ['Date of Decision No Longer to Place for Adoption'],
      ),
      code(
        'reason_no_longer_adoption',
        'Reason Why Child No Longer Placed for Adoption',
        'adoption_reversal_reason',
        ['Reason No Longer Placed for Adoption'],
      ),
      date(
        'date_ffa_placement',
        'Date the child was placed for fostering in FFA or concurrent planning placement',
        ['Date placed in FFA or concurrent planning placement', 'FFA Placement Date'],
      ),
    ],
  },
  {
    list: 11,
    title: 'Adopters',
    oneRowPerChild: true,
    idKey: 'adopter_id',
    keyDate: null,
    nameHints: ['adopters', 'adopter', 'prospective adopters'],
    columns: [
      {
        key: 'adopter_id',
        header: 'Individual adopter identifier',
        aliases: ['Adopter ID', 'Adopter Identifier', 'Individual Adopter ID'],
        type: 'id',
        required: true,
      },
      { key: 'family_id', header: 'Family identifier', aliases: ['Family ID'], type: 'id', required: false },
      gender(),
      ethnicity(),
      disability('Disability'),
      yesno('fostering_for_adoption', 'Is the (prospective) adopter fostering for adoption?', [
        'Fostering for Adoption',
        'FFA',
      ]),
      date('date_enquiry', 'Date enquiry received', ['Enquiry Date', 'Date of Enquiry']),
      date('date_stage1_start', 'Date Stage 1 started', ['Stage 1 Start Date']),
      date('date_stage1_end', 'Date Stage 1 ended', ['Stage 1 End Date']),
      date('date_stage2_start', 'Date Stage 2 started', ['Stage 2 Start Date']),
      date('date_stage2_end', 'Date Stage 2 ended', ['Stage 2 End Date']),
      date('date_application_submitted', 'Date application submitted', ['Application Submitted Date']),
      date('date_application_approved', 'Date application approved', [
        'Application Approved Date',
        'Date Approved',
      ]),
      date('date_matched', 'Date adopter matched with child(ren)', [
        'Date adopter matched with children',
        'Date Matched',
      ]),
      date('date_placed', 'Date child/children placed with adopter(s)', [
        'Date children placed with adopters',
        'Date Placed',
      ]),
      int('children_placed', 'No. of children placed', ['Number of children placed']),
      date('date_adoption_order', 'Date of Adoption Order', ['Adoption Order Date']),
      date('date_left_process', 'Date of leaving adoption process', ['Date left adoption process']),
      code('reason_left_process', 'Reason for leaving adoption process', 'adopter_leaving_reason', [
        'Reason left adoption process',
      ]),
    ],
  },
];

const BY_NUMBER = new Map<ListNumber, ListSpec>(ANNEX_A_LISTS.map((s) => [s.list, s]));

export function listSpec(n: ListNumber): ListSpec {
  const spec = BY_NUMBER.get(n);
  if (!spec) throw new RangeError(`There is no Annex A list ${String(n)}: lists are numbered 1 to 11.`);
  return spec;
}

export function isListNumber(n: number): n is ListNumber {
  return Number.isInteger(n) && n >= 1 && n <= 11;
}

/** Date columns that are events (every date except date of birth). */
export function eventDateKeys(spec: ListSpec): string[] {
  return spec.columns.filter((c) => c.type === 'date' && c.key !== 'date_of_birth').map((c) => c.key);
}
