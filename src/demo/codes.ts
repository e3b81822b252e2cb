/**
 * The coded values the demo council writes, in the Ofsted template styles of shared/ANNEX_A_CODES.md, with
 * the weights used to draw them. Weights are approximate national mixes; where a figure comes from a DfE
 * file in shared/data/dfe the file is named, otherwise the source is the DfE publication it was taken from
 * (those tables are not in shared/ and the figures are rounded).
 */
import { Weighted } from './prng.ts';
import type { Rng } from './prng.ts';

/** One coded value: as written in the template style, its code, its label and a sampling weight. */
export interface CodeValue {
  written: string;
  code: string;
  label: string;
  weight: number;
}

export class CodeSet {
  readonly values: readonly CodeValue[];
  private sampler: Weighted<CodeValue> | null = null;
  private readonly byCode: Map<string, CodeValue>;

  constructor(values: readonly CodeValue[]) {
    this.values = values;
    this.byCode = new Map(values.map((v) => [v.code, v]));
  }

  sample(rng: Rng): string {
    // Built on first use: sets only ever written by code (weights 0) have no sampler.
    this.sampler ??= new Weighted(this.values.map((v) => [v, v.weight] as const));
    return this.sampler.sample(rng).written;
  }

  /** The written value of a code (throws on an unknown code: a programming error). */
  w(code: string): string {
    const v = this.byCode.get(code);
    if (!v) throw new Error(`Unknown code ${code}`);
    return v.written;
  }

  find(written: string): CodeValue | undefined {
    return this.values.find((v) => v.written === written);
  }

  /** True when `label` names exactly one value of the set (so a label-only value is unambiguous). */
  labelIsUnique(label: string): boolean {
    const l = label.toLowerCase();
    return this.values.filter((v) => v.label.toLowerCase() === l).length === 1;
  }
}

/** `a) WBRI` style: letter, code; label given separately. */
const lettered = (entries: readonly (readonly [string, string, string, number])[]): CodeSet =>
  new CodeSet(
    entries.map(([letter, code, label, weight]) => ({ written: `${letter}) ${code}`, code, label, weight })),
  );

/** `q) 6: Police` style. */
const letteredCodeLabel = (entries: readonly (readonly [string, string, string, number])[]): CodeSet =>
  new CodeSet(
    entries.map(([letter, code, label, weight]) => ({
      written: `${letter}) ${code}: ${label}`,
      code,
      label,
      weight,
    })),
  );

/** `E1: Placement order` style. */
const codeColonLabel = (entries: readonly (readonly [string, string, number])[]): CodeSet =>
  new CodeSet(
    entries.map(([code, label, weight]) => ({ written: `${code}: ${label}`, code, label, weight })),
  );

/** `N1 - Abuse or neglect` style. */
const codeDashLabel = (entries: readonly (readonly [string, string, number])[]): CodeSet =>
  new CodeSet(
    entries.map(([code, label, weight]) => ({ written: `${code} - ${label}`, code, label, weight })),
  );

/** `a) Yes` style, where the code is the label. */
const letteredLabel = (entries: readonly (readonly [string, string, number])[]): CodeSet =>
  new CodeSet(
    entries.map(([letter, label, weight]) => ({
      written: `${letter}) ${label}`,
      code: label,
      label,
      weight,
    })),
  );

// Gender: CIN census 2025 roughly 52% male among children in need (DfE Characteristics of children in need).
export const GENDER = letteredLabel([
  ['a', 'Male', 52],
  ['b', 'Female', 47.4],
  ['c', 'Not stated/recorded', 0.5],
  ['d', 'Neither', 0.1],
]);

// Ethnicity of children in need, England 2025, approximate (DfE Characteristics of children in need).
export const ETHNICITY = lettered([
  ['a', 'WBRI', 'White British', 62],
  ['b', 'WIRI', 'White Irish', 0.5],
  ['c', 'WIRT', 'Traveller of Irish heritage', 0.3],
  ['d', 'WOTH', 'Any other White background', 6],
  ['e', 'WROM', 'Gypsy/Roma', 0.8],
  ['f', 'MWBC', 'White and Black Caribbean', 2.5],
  ['g', 'MWBA', 'White and Black African', 1.2],
  ['h', 'MWAS', 'White and Asian', 1.3],
  ['i', 'MOTH', 'Any other Mixed background', 3],
  ['j', 'AIND', 'Indian', 1.2],
  ['k', 'APKN', 'Pakistani', 3],
  ['l', 'ABAN', 'Bangladeshi', 1.3],
  ['m', 'AOTH', 'Any other Asian background', 1.5],
  ['n', 'BCRB', 'Caribbean', 1.3],
  ['o', 'BAFR', 'African', 4],
  ['p', 'BOTH', 'Any other Black background', 1.3],
  ['q', 'CHNE', 'Chinese', 0.2],
  ['r', 'OOTH', 'Any other ethnic group', 3],
  ['s', 'REFU', 'Refused', 0.5],
  ['s', 'NOBT', 'Information not yet obtained', 4],
]);

// Ethnicity of unaccompanied asylum-seeking children: mostly other ethnic groups and Black African.
export const ETHNICITY_UASC = lettered([
  ['o', 'BAFR', 'African', 35],
  ['r', 'OOTH', 'Any other ethnic group', 40],
  ['m', 'AOTH', 'Any other Asian background', 20],
  ['d', 'WOTH', 'Any other White background', 5],
]);

// Contact and referral sources, England 2025, approximate (DfE Characteristics of children in need, table C1
// sources; police 29%, schools 21%, health 14%, LA services 10%, individuals 8%).
const SOURCES: readonly (readonly [string, string, string, number])[] = [
  ['a', '1A', 'Individual', 4],
  ['b', '1B', 'Individual', 1.5],
  ['c', '1C', 'Individual', 1],
  ['d', '1D', 'Individual', 1],
  ['i', '3C', 'Health services', 0.5],
  ['e', '2A', 'Schools', 21],
  ['f', '2B', 'Education services', 2],
  ['g', '3A', 'Health services', 1.5],
  ['h', '3B', 'Health services', 2],
  ['j', '3D', 'Health services', 2],
  ['k', '3E', 'Health services', 2.5],
  ['l', '3F', 'Health services', 5.5],
  ['o', '5B', 'LA services', 4],
  ['p', '5C', 'LA services', 2],
  ['n', '5A', 'LA services', 4],
  ['m', '4', 'Housing', 2],
  ['q', '6', 'Police', 29],
  ['r', '7', 'Other legal agency', 5],
  ['s', '8', 'Other', 5],
  ['t', '9', 'Anonymous', 1.5],
  ['u', '10', 'Unknown', 2],
];
export const CONTACT_SOURCE = letteredCodeLabel(SOURCES);
export const REFERRAL_SOURCE = CONTACT_SOURCE;

/** Yes/No written `a) Yes` / `b) No` (the sample's style for disability, seen alone, UASC, ...). */
export const YN_LETTERED = letteredLabel([
  ['a', 'Yes', 1],
  ['b', 'No', 1],
  ['c', 'Unknown', 0],
]);
/** Yes/No written plainly (the sample's style for Referral NFA?, Child seen, ICPC columns, FFA). */
export const YN_PLAIN = new CodeSet([
  { written: 'Yes', code: 'Yes', label: 'Yes', weight: 1 },
  { written: 'No', code: 'No', label: 'No', weight: 1 },
]);

// Primary need at assessment, children in need England 2025 approximate (DfE Characteristics of children in
// need, table B3: abuse or neglect 57%, family dysfunction 13%, disability 9%, acute stress 8%).
export const PRIMARY_NEED = codeDashLabel([
  ['N1', 'Abuse or neglect', 57],
  ['N2', "Child's disability", 9],
  ['N3', 'Parental disability or illness', 3],
  ['N4', 'Family in acute stress', 8],
  ['N5', 'Family dysfunction', 13],
  ['N6', 'Socially unacceptable behaviour', 2],
  ['N7', 'Low income', 0.3],
  ['N8', 'Absent parenting', 3],
  ['N9', 'Cases other than children in need', 3.7],
  ['N0', 'Not stated', 1],
]);

// Category of need of children looked after, England 2025 approximate (DfE Children looked after, table A1:
// abuse or neglect 65%, absent parenting 12% (mostly UASC), family dysfunction 11%, acute stress 5%).
export const CLA_NEED = codeDashLabel([
  ['N1', 'Abuse or neglect', 65],
  ['N2', "Child's disability", 3],
  ['N3', 'Parental disability or illness', 2.5],
  ['N4', 'Family in acute stress', 5],
  ['N5', 'Family dysfunction', 11],
  ['N6', 'Socially unacceptable behaviour', 1.5],
  ['N7', 'Low income', 0.1],
  ['N8', 'Absent parenting', 4],
  ['N9', 'Cases other than children in need', 0.4],
  ['N0', 'Not stated', 0],
]);

export const CLOSURE_REASON = codeDashLabel([
  ['RC1', 'Adopted', 0],
  ['RC2', 'Died', 0.2],
  ['RC3', 'Child arrangements order', 1.5],
  ['RC4', 'Special guardianship order', 1.5],
  ['RC5', 'Transferred to services of another local authority', 6],
  ['RC6', 'Transferred to adult social care services', 1.5],
  ['RC7', 'Services ceased for any other reason, including child no longer in need', 89.3],
  ['RC8', 'Case closed after assessment, no further action', 0],
]);

export const CASE_STATUS = letteredLabel([
  ['a', 'Looked after child', 0],
  ['b', 'Child Protection plan', 0],
  ['c', 'Child in need plan', 0],
  ['d', 'Open assessment', 0],
  ['e', 'Closed episode', 0],
]);

// Initial category of abuse of child protection plans, England 2025 approximate (DfE Characteristics of
// children in need, table D2: neglect 51%, emotional 37%, physical 6%, sexual 4%, multiple 2%).
export const ABUSE_CATEGORY = letteredLabel([
  ['a', 'Neglect', 51],
  ['b', 'Physical abuse', 6],
  ['c', 'Sexual abuse', 4],
  ['d', 'Emotional abuse', 37],
  ['e', 'Multiple/not recommended', 2],
]);

// Legal status of children looked after at 31 March, England 2025 approximate (DfE Children looked after,
// table A1: care orders 66% (full 57%, interim 9%), placement orders 8%, section 20 17%, youth justice 1%).
export const LEGAL_STATUS = codeColonLabel([
  ['E1', 'Placement order', 8],
  ['C1', 'ICO', 9],
  ['C2', 'FCO', 57],
  ['D1', 'Freeing order', 0],
  ['V2', 'Single period under S20', 17],
  ['L1', 'Police protection LA accommodation', 0.2],
  ['L2', 'EPO', 0.2],
  ['L3', 'Child assessment order LA accommodation', 0],
  ['J1', 'Remanded to LA or youth detention', 0.6],
  ['J2', 'LA accommodation under PACE', 0.2],
  ['J3', 'Youth rehabilitation order', 0.2],
  ['V3', 'Short term breaks, episodes recorded', 0],
  ['V4', 'Short term breaks, agreements recorded', 0],
]);

export const PERMANENCE_PLAN = letteredLabel([
  ['a', 'Return to family', 12],
  ['b', 'Adoption', 0],
  ['c', 'SGO/CAO', 10],
  ['d', 'Supported living in the community', 8],
  ['e', 'Long-term residential placement', 6],
  ['f', 'Long-term fostering', 58],
  ['g', 'other', 6],
]);

export const CEASED_REASON = new CodeSet(
  (
    [
      ['a', 'E11', 'Adopted - application unopposed'],
      ['b', 'E12', 'Adopted - consent dispensed'],
      ['r', 'E15', 'Age assessment determined child was 18 or over'],
      ['c', 'E2', 'Died'],
      ['d', 'E3', 'Care taken by another LA'],
      ['f', 'E4B', 'Returned home to live with parents or relatives - not part of planning'],
      ['e', 'E4A', 'Returned home to live with parents or relatives - part of planning'],
      ['g', 'E13', 'Parents, relatives or other with no parental responsibility'],
      ['h', 'E41', 'Residence order granted'],
      ['i', 'E45', 'Special Guardianship Orders - former carer relative/friend'],
      ['j', 'E46', 'Special Guardianship Orders - former carer other'],
      ['k', 'E47', 'Special Guardianship Orders - relative/friend'],
      ['l', 'E48', 'Special Guardianship Orders - other'],
      ['m', 'E5', 'Moved into independent living - supported'],
      ['n', 'E6', 'Moved into independent living - no support'],
      ['o', 'E7', 'Transferred to residential care funded by adult social services'],
      ['p', 'E9', 'Sentenced to custody'],
      ['q', 'E14', 'Accommodation on remand ended'],
      ['s', 'E16', 'Child moved abroad'],
      ['t', 'E8', 'Care ceased for any other reason'],
      ['u', 'X1', 'CodeError'],
      ['v', 'E17', 'Aged 18+ and remained with current carers'],
    ] as const
  ).map(([letter, code, label]) => ({ written: `${letter}) ${code}: ${label}`, code, label, weight: 0 })),
);

// Reasons for leaving care under 18, England 2025 approximate (DfE Children looked after, table D1: returned
// home 34%, special guardianship 13%, adopted 9% (drawn separately), other 20%).
export const CEASED_UNDER_18 = new Weighted<string>([
  ['E4A', 27],
  ['E4B', 4],
  ['E13', 6],
  ['E41', 3],
  ['E45', 3],
  ['E46', 2],
  ['E47', 7],
  ['E48', 1],
  ['E3', 3],
  ['E8', 12],
  ['E9', 1],
  ['E14', 3],
  ['E15', 1],
  ['E16', 0.5],
  ['E2', 0.3],
]);
// Reasons for leaving care at 18 (DfE Children looked after, table D1, age 18 leavers approximate).
export const CEASED_AT_18 = new Weighted<string>([
  ['E5', 40],
  ['E6', 4],
  ['E17', 20],
  ['E8', 28],
  ['E7', 3],
  ['E9', 1],
  ['E13', 4],
]);

export const PLACEMENT_TYPE = new CodeSet(
  (
    [
      ['c', 'U3', 'Foster placement - relative - not FFA'],
      ['f', 'U6', 'Foster placement - not FFA'],
      ['a', 'U1', 'Foster placement - relatives - long term'],
      ['d', 'U4', 'Foster placement - long term'],
      ['b', 'U2', 'Foster placement - relative - FFA'],
      ['e', 'U5', 'Foster placement - FFA'],
      ['g', 'A3', 'Placed for adoption - consent - current foster'],
      ['h', 'A4', 'Placed for adoption - consent - not foster'],
      ['j', 'A6', 'Placed for adoption - order - not foster'],
      ['i', 'A5', 'Placed for adoption - order - foster'],
      ['k', 'P1', 'Placed with parents'],
      ['l', 'P2', 'Independent living'],
      ['m', 'P3', 'Residential employment'],
      ['n', 'H5', 'Residential accommodation'],
      ['o', 'K1', "Secure Children's Homes"],
      ['p', 'K2', "Children's Homes"],
      ['q', 'R1', 'Residential Care Home'],
      ['r', 'R2', 'NHS/Health Trust'],
      ['s', 'R3', 'Family Centre or Mother and Baby Unit'],
      ['t', 'R5', 'Young Offender Institution'],
      ['u', 'S1', 'Residential school'],
      ['v', 'Z1', 'Other placements'],
      ['x', 'T1', 'Temporary placement - hospital'],
      ['z', 'T3', 'Temporary placement - carer holiday'],
      ['y', 'T2', 'Temporary placement - holiday'],
      ['zz', 'T4', 'Temporary placement - seven days or less'],
      ['w', 'T0', 'Temporary placement'],
    ] as const
  ).map(([letter, code, label]) => ({ written: `${letter}) ${code}: ${label}`, code, label, weight: 0 })),
);

// Placement type of children looked after at 31 March, England 2025 approximate (DfE Children looked after,
// table A1: foster placements 68% (kinship 18%), children's homes 11%, independent/semi-independent 9%,
// placed with parents 6%, placed for adoption 2%).
export const PLACEMENT_UNDER_16 = new Weighted<string>([
  ['U6', 34],
  ['U4', 15],
  ['U3', 9],
  ['U1', 9],
  ['K2', 10],
  ['P1', 7],
  ['S1', 1],
  ['K1', 0.3],
  ['R1', 0.5],
  ['R2', 0.3],
  ['Z1', 1],
]);
export const PLACEMENT_16_PLUS = new Weighted<string>([
  ['U6', 25],
  ['U4', 12],
  ['U3', 5],
  ['U1', 5],
  ['K2', 16],
  ['H5', 28],
  ['P2', 3],
  ['P1', 3],
  ['R5', 1],
  ['Z1', 2],
]);

export const PLACEMENT_PROVIDER = new CodeSet(
  (
    [
      ['a', 'PR0', 'Parents/Parental responsibility'],
      ['b', 'PR1', 'Own provision'],
      ['c', 'PR2', 'Other LA provision'],
      ['d', 'PR3', 'Other public provision'],
      ['e', 'PR4', 'Private provision'],
      ['f', 'PR5', 'Voluntary/third sector'],
    ] as const
  ).map(([letter, code, label]) => ({ written: `${letter}) ${code}: ${label}`, code, label, weight: 0 })),
);

export const PLACEMENT_LOCATION = letteredLabel([
  ['a', 'In', 1],
  ['b', 'Out', 1],
]);

export const ELIGIBILITY = letteredLabel([
  ['a', 'Relevant child', 0],
  ['b', 'Former relevant child', 0],
  ['c', 'Qualifying care leaver', 0],
]);

export const LA_IN_TOUCH = new CodeSet(
  (
    [
      ['a', 'Yes', 'Y'],
      ['b', 'No', 'N'],
      ['c', 'Died', 'Died'],
      ['d', 'Refu', 'Refu'],
      ['e', 'NREQ', 'NREQ'],
      ['f', 'Rhom', 'Rhom'],
    ] as const
  ).map(([letter, code, label]) => ({ written: `${letter}) ${code}`, code, label, weight: 0 })),
);

export const ACCOMMODATION = codeColonLabel([
  ['B', 'Parents/relatives', 9],
  ['C', 'Community home/residential care', 3],
  ['D', 'Semi-independent, transitional accommodation and self-contained accommodation', 22],
  ['E', 'Supported lodgings', 5],
  ['G', 'Abroad', 0.5],
  ['H', 'Deported', 0.1],
  ['K', 'Ordinary lodgings, without formal support', 3],
  ['R', 'Residence not known', 0],
  ['S', 'No fixed adobe/homeless', 1],
  ['T', 'Foyers and similar supported accommodation', 3],
  ['U', 'Independent living', 38],
  ['V', 'Emergency accommodation', 1],
  ['W', 'Bed and breakfast', 0.4],
  ['X', 'In custody', 2],
  ['Y', 'Other accommodation', 3],
  ['Z', 'With former foster carers', 9],
]);

export const SUITABILITY = letteredLabel([
  ['a', 'Suitable', 1],
  ['b', 'Unsuitable', 1],
]);

export const ACTIVITY = codeColonLabel([
  ['F1', 'Full time in higher education', 0],
  ['P1', 'Part time in higher education', 0],
  ['F2', 'Full time in education other than higher', 0],
  ['P2', 'Part time in education other than higher', 0],
  ['F3', 'Full time in training or employment', 0],
  ['P3', 'Part time in training or employment', 0],
  ['G4', 'Not in education, employment or training - illness or disability', 0],
  ['G5', 'Not in education, employment or training - other', 0],
  ['G6', 'Not in education, employment or training - pregnancy or parenting', 0],
]);

// Activity of care leavers, England 2025, from shared/data/dfe/la_care_leavers_activity.csv (national rows):
// aged 17–18: education other than higher 48%, higher 3%, training/employment incl. apprenticeships 13%,
// NEET illness/disability 3%, NEET other 25%, NEET parenting 2%, not known 6% (EET 64%);
// aged 19–21: other than higher 21%, higher 6%, training/employment 27%, NEET illness 9%, other 27%,
// parenting 4%, not known 6% (EET 54%). '' = information not known (the cell is left blank).
export const ACTIVITY_17_18 = new Weighted<string>([
  ['F2', 40],
  ['P2', 8],
  ['F1', 2.5],
  ['P1', 0.5],
  ['F3', 9],
  ['P3', 4],
  ['G4', 3],
  ['G5', 25],
  ['G6', 2],
  ['', 6],
]);
export const ACTIVITY_19_PLUS = new Weighted<string>([
  ['F2', 15],
  ['P2', 6],
  ['F1', 5],
  ['P1', 1],
  ['F3', 19],
  ['P3', 8],
  ['G4', 9],
  ['G5', 27],
  ['G6', 4],
  ['', 6],
]);

export const ADOPTION_REVERSAL_REASON = codeDashLabel([
  ['RD1', 'The child\u2019s needs changed subsequent to the decision', 35],
  ['RD2', 'The Court did not make a placement order', 25],
  ['RD3', 'Prospective adopters could not be found', 20],
  ['RD4', 'Any other reason', 20],
]);

export const ADOPTER_LEFT_REASON = codeDashLabel([
  ['1', 'Adopter withdrew from process', 60],
  ['2', 'Process put on hold', 25],
  ['3', 'Application refused', 15],
]);

/** Every code set, by the header of the column it fills (for the code-style faults). */
export const CODE_SET_BY_HEADER: ReadonlyMap<string, CodeSet> = new Map([
  ['Gender', GENDER],
  ['Ethnicity', ETHNICITY],
  ['Contact Source', CONTACT_SOURCE],
  ['Referral Source', REFERRAL_SOURCE],
  ['Primary Need Code', PRIMARY_NEED],
  ['Reason for Closure', CLOSURE_REASON],
  ['Case Status', CASE_STATUS],
  ['Initial Category of Abuse', ABUSE_CATEGORY],
  ['Latest Category of Abuse', ABUSE_CATEGORY],
  ["Child's Category of Need", CLA_NEED],
  ["Child's Legal Status", LEGAL_STATUS],
  ['What is the permanence plan for this child?', PERMANENCE_PLAN],
  ['Reason Ceased to be Looked After', CEASED_REASON],
  ['Placement Type', PLACEMENT_TYPE],
  ['Placement Provider', PLACEMENT_PROVIDER],
  ['Eligibility Category', ELIGIBILITY],
  ['LA in Touch', LA_IN_TOUCH],
  ['Type of Accommodation', ACCOMMODATION],
  ['Activity Status', ACTIVITY],
  ['Reason Why Child No Longer Placed for Adoption', ADOPTION_REVERSAL_REASON],
]);
