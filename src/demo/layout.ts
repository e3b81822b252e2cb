/**
 * The shape of the Annex A workbook the demo council writes: sheet and file names, and each list's columns
 * with the canonical headers copied exactly from the sample workbook
 * (shared/samples/annex-a/Annex_A_2024_Jan.xlsx, including its curly quotes in List 8 and the doubled ")" of
 * the List 8 UASC header), so the demo files look like a council's.
 */

export type DemoListNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;
export const DEMO_LISTS: readonly DemoListNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** How a column's values are written: dates as Excel dates (xlsx) or dd/mm/yyyy (csv); ints as numbers. */
export type ColumnKind = 'id' | 'text' | 'date' | 'int';

export interface DemoColumn {
  header: string;
  kind: ColumnKind;
}

const COMMON: DemoColumn[] = [
  { header: 'Child Unique ID', kind: 'id' },
  { header: 'Gender', kind: 'text' },
  { header: 'Ethnicity', kind: 'text' },
  { header: 'Date of Birth', kind: 'date' },
  { header: 'Age', kind: 'int' },
];
const DISABILITY: DemoColumn = { header: 'Does the Child have a Disability', kind: 'text' };
const ALLOCATED: DemoColumn[] = [
  { header: 'Allocated Team', kind: 'text' },
  { header: 'Allocated Worker', kind: 'text' },
];

const t = (header: string): DemoColumn => ({ header, kind: 'text' });
const d = (header: string): DemoColumn => ({ header, kind: 'date' });
const n = (header: string): DemoColumn => ({ header, kind: 'int' });

export const LIST_COLUMNS: Record<DemoListNumber, readonly DemoColumn[]> = {
  1: [...COMMON, d('Date of Contact'), t('Contact Source')],
  2: [
    ...COMMON,
    d('Assessment start date'),
    d('Assessment completion date'),
    t('Organisation completing assessment'),
  ],
  3: [
    ...COMMON,
    d('Date of Referral'),
    t('Referral Source'),
    t('Referral NFA?'),
    n('Number of Referrals in Last 12 Months'),
    ...ALLOCATED,
  ],
  4: [
    ...COMMON,
    DISABILITY,
    d('Continuous Assessment Start Date'),
    t('Child Seen During Continuous Assessment'),
    d('Continuous Assessment Date of Authorisation'),
    t("Was the child assessed as requiring LA children's social care support?"),
    ...ALLOCATED,
  ],
  5: [
    ...COMMON,
    DISABILITY,
    d('Strategy discussion initiating Section 47 Enquiry Start Date'),
    t('Was an Initial Child Protection Conference deemed unnecessary?'),
    d('Date of Initial Child Protection Conference'),
    t('Did the Initial Child Protection Conference Result in a Child Protection Plan'),
    n('Number of Section 47 Enquiries in the last 12 months'),
    n('Number of ICPCs in the last 12 months'),
    ...ALLOCATED,
  ],
  6: [
    ...COMMON,
    DISABILITY,
    d('CIN Start Date'),
    t('Primary Need Code'),
    d('Date Child Was Last Seen'),
    d('CIN Closure Date'),
    t('Reason for Closure'),
    t('Case Status'),
    ...ALLOCATED,
  ],
  7: [
    ...COMMON,
    DISABILITY,
    d('Child Protection Plan Start Date'),
    t('Initial Category of Abuse'),
    t('Latest Category of Abuse'),
    d('Date of the Last Statutory Visit'),
    t('Was the Child Seen Alone?'),
    d('Date of latest review conference'),
    d('Child Protection Plan End Date'),
    t('Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)'),
    n('Number of Previous Child Protection Plans'),
    ...ALLOCATED,
  ],
  8: [
    ...COMMON,
    t('Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))'),
    DISABILITY,
    d('Date Started to be Looked After'),
    t("Child's Category of Need"),
    t('Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)'),
    d('Start date of current legal status'),
    t("Child's Legal Status"),
    d('Date of Latest Statutory Review'),
    d('Date of Last Social Work Visit'),
    t('What is the permanence plan for this child?'),
    d('Date of Last IRO Visit / Contact to the Child'),
    d('Date of Last Health Assessment'),
    d('Date of Last Dental Check'),
    n('Number of Placements in the Last 12 months'),
    d('Date Ceased to be Looked After'),
    t('Reason Ceased to be Looked After'),
    d('Start Date of Most Recent Placement'),
    t('Placement Type'),
    t('Placement Provider'),
    t('Placement postcode'),
    t('URN of Placement'),
    t('Placement Location'),
    t('LA of Placement'),
    n('Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months'),
    n('Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the last 12 months'),
    t('Was the child offered a Return Interview after their last missing episode (Y/N)?'),
    t('Did the child accept a Return Interview after their last missing episode (Y/N)?'),
    ...ALLOCATED,
  ],
  9: [
    ...COMMON,
    t('Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)'),
    DISABILITY,
    ...ALLOCATED,
    t('Allocated Personal Advisor'),
    t('Eligibility Category'),
    d('Latest Pathway Plan Review Date'),
    t('LA in Touch'),
    d('Latest Date of Contact'),
    t('Type of Accommodation'),
    t('Suitability of Accommodation'),
    t('Activity Status'),
  ],
  10: [
    { header: 'Child Unique ID', kind: 'id' },
    { header: 'Family identifier', kind: 'id' },
    t('Gender'),
    t('Ethnicity'),
    d('Date of Birth'),
    n('Age of Child (Years)'),
    DISABILITY,
    d('Date the Child Entered Care'),
    d('Date of Decision that Child Should be Placed for Adoption'),
    d('Date of Placement Order'),
    d('Date of Matching Child and Prospective Adopters'),
    d('Date Placed for Adoption'),
    d('Date of Adoption Order'),
    d('Date of Decision that Child Should No Longer be Placed for Adoption'),
    t('Reason Why Child No Longer Placed for Adoption'),
    d('Date the child was placed for fostering in FFA or concurrent planning placement'),
  ],
  11: [
    { header: 'Individual adopter identifier', kind: 'id' },
    { header: 'Family identifier', kind: 'id' },
    t('Gender'),
    t('Ethnicity'),
    t('Disability'),
    t('Is the (prospective) adopter fostering for adoption?'),
    d('Date enquiry received'),
    d('Date Stage 1 started'),
    d('Date Stage 1 ended'),
    d('Date Stage 2 started'),
    d('Date Stage 2 ended'),
    d('Date application submitted'),
    d('Date application approved'),
    d('Date adopter matched with child(ren)'),
    d('Date child/children placed with adopter(s)'),
    n('No. of children placed'),
    d('Date of Adoption Order'),
    d('Date of leaving adoption process'),
    t('Reason for leaving adoption process'),
  ],
};

/** The canonical headers of each list, in order. */
export const ANNEX_A_HEADERS: Record<DemoListNumber, readonly string[]> = Object.fromEntries(
  DEMO_LISTS.map((l) => [l, LIST_COLUMNS[l].map((c) => c.header)]),
) as unknown as Record<DemoListNumber, readonly string[]>;

/**
 * The date that defines a row (a row without a readable one is unusable), as in the importer's list spec;
 * null where the list has none (9–11).
 */
export const KEY_DATE_HEADER: Record<DemoListNumber, string | null> = {
  1: 'Date of Contact',
  2: 'Assessment start date',
  3: 'Date of Referral',
  4: 'Continuous Assessment Start Date',
  5: 'Strategy discussion initiating Section 47 Enquiry Start Date',
  6: 'CIN Start Date',
  7: 'Child Protection Plan Start Date',
  8: 'Date Started to be Looked After',
  9: null,
  10: null,
  11: null,
};

export const sheetName = (list: DemoListNumber): string => `List ${list}`;
export const csvFileName = (list: DemoListNumber): string => `list_${list}.csv`;
export const XLSX_FILE_NAME = 'annex-a.xlsx';
export const FAULTS_FILE_NAME = 'faults.json';

/** Index of a header in a list, throwing on a typo (a programming error, caught by the tests). */
export function columnIndex(list: DemoListNumber, header: string): number {
  const i = ANNEX_A_HEADERS[list].indexOf(header);
  if (i < 0) throw new Error(`List ${list} has no column "${header}"`);
  return i;
}
