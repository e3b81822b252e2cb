/**
 * Child journeys for the synthetic council: who the children are and what happened to them, as dated events
 * on day numbers (days since 1970-01-01). Events are simulated forward in time and then cut at the "as at"
 * date (anything later has not happened yet), so open cases, late assessments and long plans fall out of
 * the same rules as closed ones.
 *
 * The rates are chosen to land near England's published figures. Each constant names its source; the DfE
 * files are in shared/data/dfe (read once when writing this module, never at run time).
 */
import { addWorkingDays, fromDayNumber, toDayNumber, workingDaysElapsed } from '../domain/dates.ts';
import {
  ABUSE_CATEGORY,
  ACCOMMODATION,
  ACTIVITY,
  ACTIVITY_17_18,
  ACTIVITY_19_PLUS,
  ADOPTER_LEFT_REASON,
  ADOPTION_REVERSAL_REASON,
  CASE_STATUS,
  CEASED_AT_18,
  CEASED_REASON,
  CEASED_UNDER_18,
  CLA_NEED,
  CLOSURE_REASON,
  CONTACT_SOURCE,
  ELIGIBILITY,
  ETHNICITY,
  ETHNICITY_UASC,
  GENDER,
  LA_IN_TOUCH,
  LEGAL_STATUS,
  PERMANENCE_PLAN,
  PLACEMENT_16_PLUS,
  PLACEMENT_LOCATION,
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  PLACEMENT_UNDER_16,
  PRIMARY_NEED,
  SUITABILITY,
  YN_LETTERED,
  YN_PLAIN,
} from './codes.ts';
import { Weighted } from './prng.ts';
import type { Rng } from './prng.ts';

export type Day = number;

// ---------------------------------------------------------------------------------------------------------
// Rates (England 2025 unless stated)

/** % of referrals that are re-referrals within 12 months: 22.6% (c1_children_in_need_referrals_and_rereferrals). */
export const RE_REFERRAL_RATE = 0.226;
/** % of referrals with no further action: 6.5% (c1_..._rereferrals, no_further_action_percent). */
export const REFERRAL_NFA_RATE = 0.065;
/** % of referrals assessed as not in need: 30.8% (c1_..._rereferrals, not_in_need_percent). */
export const NOT_IN_NEED_RATE = 0.308;
/** % of assessments completed within 45 working days: 85.7% (DfE table C2; DOMAIN.md §3). */
export const ASSESSMENT_45WD_RATE = 0.857;
/** % of ICPCs within 15 working days of the strategy discussion: 81.4% (DfE table C4; DOMAIN.md §3). */
export const ICPC_15WD_RATE = 0.814;
/** % of CP plans starting in the year that are a second or subsequent plan: 24.5% (d3_cpps_subsequent_plan). */
export const SUBSEQUENT_PLAN_RATE = 0.245;
/** Children looked after per 10,000 children at 31 March: 67 (cla_number_and_rate_per_10k_children). */
export const CLA_RATE_PER_10K = 67;
/** % of children looked after with 3+ placements in the year: 10% (la_cla_placement_stability). */
export const THREE_PLUS_PLACEMENTS_RATE = 0.1;
/** % of long-term looked-after children under 16 in the same placement 2+ years: 69% (la_cla_placement_stability). */
export const LONG_TERM_STABILITY_RATE = 0.69;
/** % of care leavers in suitable accommodation: 17–18 91%, 19–21 89% (la_care_leavers_accommodation_suitability). */
export const SUITABLE_ACCOMMODATION_RATE = 0.9;
/**
 * Share of S47 enquiries leading to an ICPC (DfE Characteristics of children in need 2025: about 84k ICPCs
 * from 200k section 47 enquiries) and of ICPCs resulting in a plan (61,840 plan starts, d3_cpps_subsequent_plan,
 * over about 80k ICPCs).
 */
export const S47_TO_ICPC_RATE = 0.37;
export const ICPC_TO_PLAN_RATE = 0.77;
/** Share of referrals (not NFA) with a section 47 enquiry: about 200k S47s over 633k referrals (c1 file). */
export const S47_PER_ASSESSED_REFERRAL = 0.33;

const DAY_MS = 86_400_000;
const YEAR = 365.25;

export function isoOf(day: Day): string {
  return fromDayNumber(day);
}
export function dayOf(iso: string): Day {
  return toDayNumber(iso);
}
export function addWd(day: Day, n: number): Day {
  return toDayNumber(addWorkingDays(fromDayNumber(day), n));
}
export function wdBetween(start: Day, end: Day): number {
  return workingDaysElapsed(fromDayNumber(start), fromDayNumber(end));
}
/** Whole years of age on `at`. */
export function ageOn(dob: Day, at: Day): number {
  const b = new Date(dob * DAY_MS);
  const a = new Date(at * DAY_MS);
  let age = a.getUTCFullYear() - b.getUTCFullYear();
  const bm = b.getUTCMonth();
  const am = a.getUTCMonth();
  if (am < bm || (am === bm && a.getUTCDate() < b.getUTCDate())) age--;
  return age;
}
/** The day a child born on `dob` turns `years` (29 February birthdays fall on 1 March). */
export function birthday(dob: Day, years: number): Day {
  const b = new Date(dob * DAY_MS);
  const y = b.getUTCFullYear() + years;
  const m = b.getUTCMonth();
  const d = b.getUTCDate();
  const candidate = Date.UTC(y, m, d) / DAY_MS;
  // Date.UTC rolls 29 Feb into 1 Mar in non-leap years, which is the rule we want.
  return candidate;
}

// ---------------------------------------------------------------------------------------------------------
// The journey model

export interface Person {
  id: string;
  gender: string;
  ethnicity: string;
  dob: Day;
  disability: string;
  uasc: boolean;
}
export interface Contact {
  date: Day;
  source: string;
}
export interface EarlyHelp {
  start: Day;
  end: Day | null;
  org: string;
}
export interface Referral {
  date: Day;
  source: string;
  nfa: boolean;
}
export interface Assessment {
  start: Day;
  seen: string;
  auth: Day | null;
  needsSupport: boolean;
}
export interface S47 {
  strategy: Day;
  icpcHeld: boolean;
  icpc: Day | null;
  plan: boolean | null;
  earlierS47s: Day[];
  earlierIcpcs: Day[];
}
export interface CinEpisode {
  start: Day;
  need: string;
  lastSeen: Day;
  close: Day | null;
  reason: string | null;
}
export interface CpPlan {
  start: Day;
  initial: string;
  latest: string;
  lastVisit: Day;
  seenAlone: string;
  review: Day | null;
  end: Day | null;
  epo: boolean;
  previous: number;
  /** review conferences as scheduled when the plan was drawn (cut to the latest one held by "as at") */
  reviewDates: Day[];
}
export interface CareEpisode {
  start: Day;
  need: string;
  secondPeriod: boolean;
  legalStart: Day;
  legal: string;
  review: Day | null;
  visit: Day | null;
  permanence: string | null;
  iro: Day | null;
  health: Day | null;
  dental: Day | null;
  placements: number;
  ceased: Day | null;
  ceasedCode: string | null;
  placementStart: Day;
  placementCode: string;
  provider: string;
  postcode: string;
  urn: string | null;
  outOfArea: boolean;
  laOfPlacement: string;
  missing: number;
  absent: number;
  riOffered: boolean | null;
  riAccepted: boolean | null;
}
export interface Leaver {
  eligibility: string;
  pathway: Day | null;
  inTouch: string;
  contact: Day | null;
  accommodation: string | null;
  suitability: string | null;
  activity: string | null;
}
export interface AdoptionRecord {
  familyId: string | null;
  entered: Day;
  decision: Day;
  placementOrder: Day | null;
  matched: Day | null;
  placed: Day | null;
  order: Day | null;
  reversed: Day | null;
  reversalReason: string | null;
  ffa: Day | null;
}
export interface Adopter {
  id: string;
  familyId: string;
  gender: string;
  ethnicity: string;
  disability: string;
  ffa: boolean;
  enquiry: Day;
  s1Start: Day | null;
  s1End: Day | null;
  s2Start: Day | null;
  s2End: Day | null;
  applied: Day | null;
  approved: Day | null;
  matched: Day | null;
  placed: Day | null;
  children: number | null;
  order: Day | null;
  left: Day | null;
  leftReason: string | null;
}

/** Where a child's case sits on the "as at" date, which decides the allocated team. */
export type TeamKind =
  | 'MASH'
  | 'Duty & Assessment'
  | 'Safeguarding'
  | 'Children in Care'
  | 'Care Leavers'
  | 'Children with Disabilities'
  | 'Adoption';

export interface Journey {
  person: Person;
  contacts: Contact[];
  earlyHelp: EarlyHelp[];
  /** every referral of the child, in date order, including ones before the period (for the 12-month counts) */
  referrals: Referral[];
  assessments: Assessment[];
  s47s: S47[];
  cin: CinEpisode[];
  cp: CpPlan[];
  care: CareEpisode | null;
  leaver: Leaver | null;
  adoption: AdoptionRecord | null;
  /** the team kind holding the case at "as at" (or last holding it, when closed); null: no allocation */
  teamKind: TeamKind | null;
  /** open to children's social care at "as at" (counts towards a worker's caseload) */
  open: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Age mixes

type AgeBand = readonly [minYears: number, maxYears: number];
// Children referred, by age, England 2025 approximate (DfE Characteristics of children in need, table C1).
const REFERRAL_AGES = new Weighted<AgeBand>([
  [[0, 0], 11],
  [[1, 4], 17],
  [[5, 9], 22],
  [[10, 15], 37],
  [[16, 17], 13],
]);
// Children looked after at 31 March by age, England 2025 (DfE Children looked after, table A1: under 1 5%,
// 1–4 13%, 5–9 16%, 10–15 38%, 16+ 28%).
export const CLA_AGES = new Weighted<AgeBand>([
  [[0, 0], 5],
  [[1, 4], 13],
  [[5, 9], 16],
  [[10, 15], 38],
  [[16, 17], 28],
]);

export const EARLY_HELP_ORGANISATIONS = [
  'Early Help Locality 1',
  'Early Help Locality 2',
  'Early Help Locality 3',
  'Family Hub North',
  'Family Hub South',
  'Oakfield Primary School',
  'Riverside Academy',
  'Health Visiting Service',
  'Youth Service',
];

/** Fictional local authorities for out-of-area placements. */
export const OTHER_AUTHORITIES = [
  'Northshire',
  'Eastvale',
  'Westmoor',
  'Greyhaven',
  'Marlbury',
  'Ashdown',
  'Kestrel Vale',
  'Southwold Borough',
];

/** The dates and settings every journey is cut against. */
export interface Clock {
  /** "as at" */
  asAt: Day;
  /** first day of the 6 months ending at "as at" (lists 1–8) */
  periodStart: Day;
  /** first day of the 12 months ending at "as at" (lists 10–11) */
  yearStart: Day;
  /** the council's own name as an LA of placement */
  homeAuthority: string;
}

type IdSource = () => string;

/**
 * Draws journeys. Each method returns a complete journey; the caller decides whether it has any rows in the
 * period (and draws again if not).
 */
export class JourneyFactory {
  constructor(
    private readonly rng: Rng,
    private readonly clock: Clock,
    private readonly newId: IdSource,
  ) {}

  // ----- helpers
  private known(day: Day | null): Day | null {
    return day !== null && day <= this.clock.asAt ? day : null;
  }

  private dobForAge(band: AgeBand, at: Day): Day {
    const [lo, hi] = band;
    const ageDays = this.rng.int(Math.floor(lo * YEAR), Math.floor((hi + 1) * YEAR) - 1);
    return at - ageDays;
  }

  private person(dob: Day, opts: { uasc?: boolean; disabled?: boolean } = {}): Person {
    const rng = this.rng;
    const uasc = opts.uasc ?? false;
    return {
      id: this.newId(),
      gender: uasc ? (rng.chance(0.94) ? GENDER.w('Male') : GENDER.w('Female')) : GENDER.sample(rng),
      ethnicity: uasc ? ETHNICITY_UASC.sample(rng) : ETHNICITY.sample(rng),
      dob,
      // About 12% of children in need have a disability recorded (DfE CIN census 2025, approximate).
      disability: (opts.disabled ?? rng.chance(0.12)) ? YN_LETTERED.w('Yes') : YN_LETTERED.w('No'),
      uasc,
    };
  }

  private empty(person: Person): Journey {
    return {
      person,
      contacts: [],
      earlyHelp: [],
      referrals: [],
      assessments: [],
      s47s: [],
      cin: [],
      cp: [],
      care: null,
      leaver: null,
      adoption: null,
      teamKind: null,
      open: false,
    };
  }

  /** Working days an assessment takes: 85.7% within 45, a few within 10 (DOMAIN.md §3). */
  private assessmentWorkingDays(): number {
    const rng = this.rng;
    if (!rng.chance(ASSESSMENT_45WD_RATE)) return rng.int(46, 110);
    return rng.chance(0.14) ? rng.int(3, 10) : rng.int(11, 45);
  }

  private lastSeen(start: Day, end: Day | null): Day {
    const rng = this.rng;
    const ref = end ?? this.clock.asAt;
    const gap = rng.chance(0.85) ? rng.int(0, 28) : rng.int(29, 120);
    return Math.max(start, ref - gap);
  }

  // ----- front door: contact → referral → assessment → S47 → ICPC → CP plan → care

  /** Window of contact dates the front door draws from: 30 months before "as at". */
  static readonly FRONT_DOOR_WINDOW = 913;

  frontDoor(): Journey {
    const rng = this.rng;
    const { asAt } = this.clock;
    const t0 = asAt - rng.int(0, JourneyFactory.FRONT_DOOR_WINDOW);
    const dob = this.dobForAge(REFERRAL_AGES.sample(rng), t0);
    const j = this.empty(this.person(dob));
    const source = CONTACT_SOURCE.sample(rng);
    j.contacts.push({ date: t0, source });
    // Further contacts about the same child, mostly information and advice.
    for (let k = rng.chance(0.5) ? rng.int(1, 4) : 0; k > 0; k--) {
      j.contacts.push({ date: t0 + rng.int(1, 240), source: CONTACT_SOURCE.sample(rng) });
    }
    const outcome = rng.next();
    if (outcome < 0.14) {
      // Contact stepped to early help.
      const start = t0 + rng.int(2, 21);
      j.earlyHelp.push({ start, end: start + rng.int(14, 100), org: rng.pick(EARLY_HELP_ORGANISATIONS) });
    } else if (outcome < 0.58) {
      this.referralJourney(j, t0 + (rng.chance(0.7) ? 0 : rng.int(1, 3)), rng.chance(0.8) ? source : null);
    }
    j.contacts.sort((a, b) => a.date - b.date);
    this.cut(j);
    return j;
  }

  private referralJourney(j: Journey, r: Day, source: string | null): void {
    const rng = this.rng;
    const { asAt } = this.clock;
    // Earlier referrals within the 12 months before (outside the period's list 3 if before it). Together with
    // the second and third referrals some children have in the period, this gives ~22.6% re-referrals.
    if (rng.chance(0.19)) {
      const prior = r - rng.int(20, 364);
      j.referrals.push({ date: prior, source: CONTACT_SOURCE.sample(rng), nfa: rng.chance(0.4) });
    }
    const nfa = rng.chance(REFERRAL_NFA_RATE);
    j.referrals.push({ date: r, source: source ?? CONTACT_SOURCE.sample(rng), nfa });
    const age = ageOn(j.person.dob, r);
    if (nfa) {
      j.teamKind = 'MASH';
      j.open = r >= asAt - 1;
      this.reReferral(j, r + rng.int(1, 5));
      return;
    }
    const cwd = j.person.disability === YN_LETTERED.w('Yes') && rng.chance(0.35);
    const need = cwd ? PRIMARY_NEED.w('N2') : PRIMARY_NEED.sample(rng);
    const aStart = r + (rng.chance(0.6) ? 0 : rng.int(1, 5));
    const auth = addWd(aStart, this.assessmentWorkingDays());
    const hasS47 = rng.chance(S47_PER_ASSESSED_REFERRAL) && !cwd;
    let s47: S47 | null = null;
    if (hasS47) {
      const strategy = r + (rng.chance(0.5) ? 0 : rng.int(1, 10));
      const icpcHeld = rng.chance(S47_TO_ICPC_RATE);
      const icpc = icpcHeld
        ? addWd(strategy, rng.chance(ICPC_15WD_RATE) ? rng.int(5, 15) : rng.int(16, 40))
        : null;
      const earlierS47s: Day[] = rng.chance(0.12) ? [strategy - rng.int(30, 360)] : [];
      const earlierIcpcs: Day[] =
        earlierS47s.length > 0 && rng.chance(0.4) ? [(earlierS47s[0] as Day) + rng.int(10, 25)] : [];
      s47 = {
        strategy,
        icpcHeld,
        icpc,
        plan: icpcHeld ? rng.chance(ICPC_TO_PLAN_RATE) : null,
        earlierS47s,
        earlierIcpcs,
      };
      j.s47s.push(s47);
    }
    // Not in need after assessment: 30.8% of all referrals, so ~33% of those assessed; S47s rarely end so.
    const needsSupport = s47?.plan ? true : s47 ? rng.chance(0.7) : !rng.chance(0.41);
    j.assessments.push({ start: aStart, seen: rng.chance(0.97) ? 'Yes' : 'No', auth, needsSupport });

    const cin: CinEpisode = { start: r, need, lastSeen: 0, close: null, reason: null };
    j.cin.push(cin);
    j.teamKind = cwd ? 'Children with Disabilities' : 'Duty & Assessment';
    if (!needsSupport) {
      cin.close = auth;
      cin.reason = CLOSURE_REASON.w('RC8');
      cin.lastSeen = this.lastSeen(aStart, auth);
      this.finishCin(j, cin);
      this.reReferral(j, auth + rng.int(14, 300));
      return;
    }
    let end: Day;
    if (s47?.plan && s47.icpc !== null) {
      const plan = this.cpPlan(s47.icpc, age);
      j.cp.push(plan);
      j.teamKind = 'Safeguarding';
      const planEnd = plan.end as Day;
      const next = rng.next();
      // Only children under 17 come into care here (a 17-year-old would leave again within months).
      if (next < 0.1 && ageOn(j.person.dob, planEnd) < 17) {
        j.care = this.careEpisode(j.person, planEnd, 'court');
        end = j.care.ceased ?? Infinity;
      } else if (next < 0.75) {
        end = planEnd + rng.int(60, 300);
      } else {
        end = planEnd;
      }
    } else if (rng.chance(0.045) && ageOn(j.person.dob, auth + 200) < 17) {
      // Entered care from a child in need plan or straight after assessment (older children under s20).
      const start = auth + rng.int(0, 200);
      j.care = this.careEpisode(j.person, start, ageOn(j.person.dob, start) >= 13 ? 's20' : 'court');
      end = j.care.ceased ?? Infinity;
    } else {
      j.teamKind = cwd ? 'Children with Disabilities' : 'Safeguarding';
      end = auth + (rng.chance(0.75) ? rng.int(45, 200) : rng.int(201, 540));
    }
    if (j.care) j.teamKind = 'Children in Care';
    if (Number.isFinite(end)) {
      cin.close = end;
      cin.reason = j.care
        ? this.cinReasonForCare(j.care.ceasedCode)
        : this.cinClosureReason(j.person.dob, end);
    }
    cin.lastSeen = this.lastSeen(aStart, cin.close !== null && cin.close <= asAt ? cin.close : null);
    this.finishCin(j, cin);
    if (cin.close !== null && !j.care) this.reReferral(j, cin.close + rng.int(14, 365));
  }

  private finishCin(_j: Journey, cin: CinEpisode): void {
    if (cin.lastSeen < cin.start) cin.lastSeen = cin.start;
  }

  /** Some children come back: a later referral, its assessment and a short episode. */
  private reReferral(j: Journey, r: Day): void {
    const rng = this.rng;
    if (!rng.chance(0.12) || r > this.clock.asAt) return;
    const nfa = rng.chance(0.12);
    j.referrals.push({ date: r, source: CONTACT_SOURCE.sample(rng), nfa });
    j.contacts.push({ date: r, source: CONTACT_SOURCE.sample(rng) });
    if (nfa) return;
    const aStart = r + rng.int(0, 3);
    const auth = addWd(aStart, this.assessmentWorkingDays());
    const needsSupport = !rng.chance(0.5);
    j.assessments.push({ start: aStart, seen: rng.chance(0.97) ? 'Yes' : 'No', auth, needsSupport });
    const close = needsSupport ? auth + rng.int(60, 400) : auth;
    const cin: CinEpisode = {
      start: r,
      need: PRIMARY_NEED.sample(rng),
      lastSeen: 0,
      close,
      reason: needsSupport ? this.cinClosureReason(j.person.dob, close) : CLOSURE_REASON.w('RC8'),
    };
    cin.lastSeen = this.lastSeen(aStart, close <= this.clock.asAt ? close : null);
    j.cin.push(cin);
    if (j.teamKind === 'MASH') j.teamKind = 'Duty & Assessment';
  }

  private cinClosureReason(dob: Day, close: Day): string {
    if (ageOn(dob, close) >= 18) return CLOSURE_REASON.w(this.rng.chance(0.5) ? 'RC6' : 'RC7');
    return CLOSURE_REASON.sample(this.rng);
  }

  private cinReasonForCare(ceasedCode: string | null): string {
    switch (ceasedCode) {
      case 'E11':
      case 'E12':
        return CLOSURE_REASON.w('RC1');
      case 'E2':
        return CLOSURE_REASON.w('RC2');
      case 'E41':
        return CLOSURE_REASON.w('RC3');
      case 'E45':
      case 'E46':
      case 'E47':
      case 'E48':
        return CLOSURE_REASON.w('RC4');
      case 'E3':
        return CLOSURE_REASON.w('RC5');
      case 'E7':
        return CLOSURE_REASON.w('RC6');
      default:
        return CLOSURE_REASON.w('RC7');
    }
  }

  /**
   * A child protection plan from its ICPC. The plan's length is drawn so that plans open at "as at" are
   * spread like England's (d5_cpps_at31march_by_duration 2025: ≤3 months 31.5%, 3–6 25.5%, 6–12 26.3%,
   * 1–2 years 14.4%, 2+ years 2.3%); it ends at a review conference (first 3 months after the ICPC, then
   * every 6 months).
   */
  private cpPlan(start: Day, ageAtStart: number): CpPlan {
    const rng = this.rng;
    const x = rng.next();
    const length =
      x < 0.12
        ? rng.int(30, 90)
        : x < 0.5
          ? rng.int(91, 270)
          : x < 0.82
            ? rng.int(271, 365)
            : x < 0.96
              ? rng.int(366, 730)
              : rng.int(731, 1100);
    const reviews: Day[] = [];
    let next = start + 91;
    while (true) {
      const held = rng.chance(0.92) ? next : next + rng.int(7, 40);
      reviews.push(held);
      if (held >= start + length) break;
      next = held + 182;
    }
    const end = reviews[reviews.length - 1] as Day;
    const initial = ABUSE_CATEGORY.sample(rng);
    const previous = rng.chance(SUBSEQUENT_PLAN_RATE) ? (rng.chance(0.8) ? 1 : rng.int(2, 4)) : 0;
    return {
      start,
      initial,
      latest: rng.chance(0.85) ? initial : ABUSE_CATEGORY.sample(rng),
      lastVisit: 0,
      seenAlone: ageAtStart >= 4 && rng.chance(0.8) ? YN_LETTERED.w('Yes') : YN_LETTERED.w('No'),
      review: null,
      end,
      epo: rng.chance(0.03),
      previous,
      reviewDates: reviews,
    };
  }

  /**
   * A period in care from `start`. `route` shapes the legal status: 'court' (interim then full care order),
   * 's20' (section 20 throughout), 'uasc' (section 20, unaccompanied), 'long' (already long in care).
   */
  careEpisode(
    person: Person,
    start: Day,
    route: 'court' | 's20' | 'uasc' | 'long',
    forcedCeased?: Day | null,
  ): CareEpisode {
    const rng = this.rng;
    const { asAt } = this.clock;
    const at18 = birthday(person.dob, 18);
    let ceased: Day | null;
    let ceasedCode: string | null = null;
    if (forcedCeased !== undefined) {
      ceased = forcedCeased;
    } else {
      const x = rng.next();
      const length =
        route === 'uasc' || route === 's20'
          ? x < 0.45
            ? rng.int(14, 240)
            : Infinity
          : x < 0.25
            ? rng.int(7, 180)
            : x < 0.5
              ? rng.int(181, 730)
              : Infinity;
      ceased = Number.isFinite(length) ? start + length : null;
    }
    if (at18 > start && (ceased === null || ceased > at18)) {
      ceased = at18;
      ceasedCode = CEASED_AT_18.sample(rng);
    } else if (ceased !== null) {
      ceasedCode = CEASED_UNDER_18.sample(rng);
    }
    const end = ceased !== null && ceased <= asAt ? ceased : null;
    const ref = end ?? asAt;
    // Legal status.
    let legal: string;
    let legalStart = start;
    if (route === 's20' || route === 'uasc') {
      legal = LEGAL_STATUS.w(rng.chance(0.04) ? 'J1' : 'V2');
    } else if (route === 'long') {
      const x = rng.next();
      legal = LEGAL_STATUS.w(x < 0.8 ? 'C2' : x < 0.97 ? 'V2' : 'E1');
      legalStart = legal === LEGAL_STATUS.w('V2') ? start : Math.min(ref, start + rng.int(150, 330));
    } else if (ref - start > 240 && rng.chance(0.92)) {
      legal = LEGAL_STATUS.w('C2');
      legalStart = Math.min(ref, start + rng.int(150, 330));
    } else {
      legal = LEGAL_STATUS.w(rng.chance(0.04) ? (rng.chance(0.5) ? 'L1' : 'L2') : 'C1');
    }
    // Placements in the last 12 months: 10% with 3 or more (la_cla_placement_stability 2025).
    const x = rng.next();
    let placements =
      x < 1 - THREE_PLUS_PLACEMENTS_RATE - 0.2
        ? 1
        : x < 1 - THREE_PLUS_PLACEMENTS_RATE
          ? 2
          : rng.chance(0.7)
            ? 3
            : rng.int(4, 7);
    const yearAgo = ref - 365;
    let placementStart: Day;
    if (placements === 1) {
      if (start >= yearAgo) placementStart = start;
      else if (ref - start >= 913 && rng.chance(LONG_TERM_STABILITY_RATE + 0.08))
        placementStart = rng.int(start, ref - 731);
      else placementStart = rng.chance(0.5) ? start : rng.int(start, yearAgo);
    } else {
      const from = Math.max(start + 1, yearAgo + 1);
      if (from > ref) {
        placements = 1;
        placementStart = start;
      } else {
        placementStart = rng.int(from, ref);
        if (start > yearAgo)
          placements = Math.min(placements, Math.max(2, placementStart - start > 20 ? placements : 2));
      }
    }
    const ageNow = ageOn(person.dob, ref);
    const placementCode =
      route === 'uasc'
        ? rng.chance(0.6)
          ? 'H5'
          : 'U6'
        : (ageNow >= 16 ? PLACEMENT_16_PLUS : PLACEMENT_UNDER_16).sample(rng);
    const provider =
      placementCode === 'P1'
        ? 'PR0'
        : placementCode === 'K2' || placementCode === 'H5'
          ? rng.chance(0.8)
            ? 'PR4'
            : rng.chance(0.5)
              ? 'PR1'
              : 'PR5'
          : rng.chance(0.55)
            ? 'PR1'
            : rng.chance(0.9)
              ? 'PR4'
              : 'PR5';
    // About 40% of children looked after are placed outside their council's boundary (DfE table A1, approx).
    const outOfArea = placementCode !== 'P1' && rng.chance(0.42);
    const laOfPlacement = outOfArea
      ? rng.chance(0.03)
        ? 'WAL - Child placed in Wales'
        : rng.pick(OTHER_AUTHORITIES)
      : this.clock.homeAuthority;
    const registered =
      placementCode === 'K2' || placementCode === 'K1' || placementCode === 'S1' || placementCode === 'R1';
    // Missing from placement: about 11% of children looked after go missing in a year, mostly teenagers,
    // with ~6 episodes each (DfE Children looked after 2025, missing and away from placement, approximate).
    const teen = ageNow >= 12;
    const missing = rng.chance(teen ? 0.2 : 0.015) ? 1 + Math.floor(-Math.log(1 - rng.next()) * 5) : 0;
    const absent = rng.chance(teen ? 0.06 : 0.005) ? rng.int(1, 6) : 0;
    const riOffered = missing > 0 ? rng.chance(0.8) : null;
    const inCareDays = ref - start;
    const reviewDue = inCareDays > 28;
    const dated = (p: number, near: number, far: [number, number]): Day | null => {
      const gap = rng.chance(p) ? rng.int(0, near) : rng.int(far[0], far[1]);
      const d = ref - gap;
      return d >= start ? d : inCareDays > 20 ? start + rng.int(0, Math.min(20, inCareDays)) : null;
    };
    const permanence =
      inCareDays < 120 && rng.chance(0.5)
        ? null
        : ageNow >= 16
          ? PERMANENCE_PLAN.w(rng.chance(0.5) ? 'Supported living in the community' : 'Long-term fostering')
          : PERMANENCE_PLAN.sample(rng);
    const care: CareEpisode = {
      start,
      need: person.uasc ? CLA_NEED.w('N8') : CLA_NEED.sample(rng),
      secondPeriod: rng.chance(0.04),
      legalStart,
      legal,
      review: reviewDue ? dated(0.9, 182, [183, 270]) : null,
      visit: dated(0.88, 42, [43, 100]),
      permanence,
      iro: dated(0.8, 90, [91, 200]),
      health: inCareDays > 28 ? dated(0.9, 364, [366, 500]) : null,
      dental: ageNow >= 1 && inCareDays > 28 ? dated(0.82, 364, [366, 600]) : null,
      placements,
      ceased,
      ceasedCode,
      placementStart: Math.min(placementStart, ref),
      placementCode,
      provider,
      postcode: this.postcode(outOfArea),
      urn: registered ? `SC${rng.int(100000, 999999)}` : null,
      outOfArea,
      laOfPlacement,
      missing,
      absent,
      riOffered,
      riAccepted: riOffered ? rng.chance(0.45) : riOffered === false ? false : null,
    };
    return care;
  }

  private postcode(outOfArea: boolean): string {
    const rng = this.rng;
    const letters = 'ABDEFGHJLNPQRSTUWXYZ';
    const area = outOfArea ? rng.pick(['XN', 'XE', 'XW', 'XG']) : 'DM';
    return `${area}${rng.int(1, 19)} ${rng.int(1, 9)}${letters[rng.int(0, 19)]}${letters[rng.int(0, 19)]}`;
  }

  /** A child long in care (entered more than 30 months before "as at"). */
  longInCare(): Journey {
    const rng = this.rng;
    const { asAt, periodStart } = this.clock;
    let band = CLA_AGES.sample(rng);
    if (band[1] < 3) band = [3, 4];
    const dob = this.dobForAge(band, asAt);
    const earliest = Math.max(dob + 1, asAt - Math.round(16 * YEAR));
    const latest = asAt - JourneyFactory.FRONT_DOOR_WINDOW;
    if (earliest >= latest) return this.longInCare();
    const start = rng.int(earliest, latest);
    const j = this.empty(this.person(dob));
    // ~12% leave care in the 6 months (32,270 starts and 34,450 leavers a year over 81,770 in care).
    const ceased = rng.chance(0.12) ? rng.int(periodStart, asAt) : null;
    j.care = this.careEpisode(j.person, start, 'long', ceased);
    j.teamKind = 'Children in Care';
    const close = j.care.ceased !== null && j.care.ceased <= asAt ? j.care.ceased : null;
    const cinStart = start - rng.int(0, 120);
    j.cin.push({
      start: cinStart,
      need: j.care.need,
      lastSeen: this.lastSeen(cinStart, close),
      close,
      reason: close !== null ? this.cinReasonForCare(j.care.ceasedCode) : null,
    });
    this.cut(j);
    return j;
  }

  /** An unaccompanied asylum-seeking child, usually 15–17, arriving in the last 30 months. */
  uasc(): Journey {
    const rng = this.rng;
    const { asAt } = this.clock;
    const start = asAt - rng.int(0, JourneyFactory.FRONT_DOOR_WINDOW);
    const dob = this.dobForAge(rng.chance(0.85) ? [15, 17] : [12, 14], start);
    const j = this.empty(this.person(dob, { uasc: true, disabled: false }));
    const police = CONTACT_SOURCE.w('6');
    j.contacts.push({ date: start, source: police });
    j.referrals.push({ date: start, source: police, nfa: false });
    const auth = addWd(start, this.assessmentWorkingDays());
    j.assessments.push({ start, seen: 'Yes', auth, needsSupport: true });
    j.care = this.careEpisode(j.person, start, 'uasc');
    j.teamKind = 'Children in Care';
    const close = j.care.ceased;
    j.cin.push({
      start,
      need: CLA_NEED.w('N8'),
      lastSeen: this.lastSeen(start, close !== null && close <= asAt ? close : null),
      close,
      reason: close !== null ? this.cinReasonForCare(j.care.ceasedCode) : null,
    });
    this.cut(j);
    return j;
  }

  /** A child in need open for years (often a disabled child), or closed during the period. */
  longCin(): Journey {
    const rng = this.rng;
    const { asAt, periodStart } = this.clock;
    const cwd = rng.chance(0.45);
    const start = asAt - rng.int(JourneyFactory.FRONT_DOOR_WINDOW, Math.round(8 * YEAR));
    const dob = this.dobForAge([0, 14], start);
    if (ageOn(dob, asAt) > 17) return this.longCin();
    const j = this.empty(this.person(dob, cwd ? { disabled: true } : {}));
    const close = rng.chance(0.15) ? rng.int(periodStart, asAt) : null;
    j.cin.push({
      start,
      need: cwd ? PRIMARY_NEED.w('N2') : PRIMARY_NEED.sample(rng),
      lastSeen: this.lastSeen(start, close),
      close,
      reason: close !== null ? this.cinClosureReason(dob, close) : null,
    });
    if (rng.chance(0.2)) {
      // A reassessment during the period.
      const aStart = rng.int(periodStart, asAt);
      j.assessments.push({
        start: aStart,
        seen: 'Yes',
        auth: addWd(aStart, this.assessmentWorkingDays()),
        needsSupport: true,
      });
    }
    j.teamKind = cwd ? 'Children with Disabilities' : 'Safeguarding';
    this.cut(j);
    return j;
  }

  /** A child with an early help assessment and nothing else. */
  earlyHelpOnly(): Journey {
    const rng = this.rng;
    const { asAt, periodStart } = this.clock;
    const start = rng.int(periodStart - 90, asAt);
    const dob = this.dobForAge(REFERRAL_AGES.sample(rng), start);
    const j = this.empty(this.person(dob));
    j.earlyHelp.push({ start, end: start + rng.int(14, 120), org: rng.pick(EARLY_HELP_ORGANISATIONS) });
    this.cut(j);
    return j;
  }

  /** A care leaver aged 16–25 who left care before the period. */
  careLeaver(): Journey {
    const rng = this.rng;
    const { asAt, periodStart } = this.clock;
    const x = rng.next();
    const age = x < 0.1 ? rng.int(16, 17) : x < 0.8 ? rng.int(18, 21) : rng.int(22, 25);
    const dob = asAt - rng.int(Math.floor(age * YEAR), Math.floor((age + 1) * YEAR) - 1);
    const uasc = rng.chance(0.2);
    const j = this.empty(this.person(dob, { uasc }));
    const at18 = birthday(dob, 18);
    // Relevant children left care at 16 or 17, and former relevant ones at 18, before the period (leavers
    // in the period come from the other journeys, with their List 8 row).
    if (age < 18 ? birthday(dob, 16) >= periodStart : at18 >= periodStart) return this.careLeaver();
    j.leaver = this.leaver(dob, uasc);
    j.teamKind = 'Care Leavers';
    j.open = true;
    return j;
  }

  /** List 9 details for a care leaver on "as at". */
  leaver(dob: Day, _uasc: boolean): Leaver {
    const rng = this.rng;
    const { asAt } = this.clock;
    const age = ageOn(dob, asAt);
    const eligibility =
      age < 18
        ? ELIGIBILITY.w('Relevant child')
        : rng.chance(0.02)
          ? ELIGIBILITY.w('Qualifying care leaver')
          : ELIGIBILITY.w('Former relevant child');
    const t = rng.next();
    const touch =
      t < 0.93
        ? 'Yes'
        : t < 0.95
          ? 'No'
          : t < 0.98
            ? 'Refu'
            : t < 0.993
              ? 'NREQ'
              : t < 0.999
                ? 'Rhom'
                : 'Died';
    const inTouch = touch === 'Yes' || touch === 'Rhom';
    const contact =
      touch === 'Died'
        ? null
        : asAt - (inTouch ? (rng.chance(0.85) ? rng.int(0, 56) : rng.int(57, 150)) : rng.int(90, 400));
    let accommodation: string | null = null;
    let suitability: string | null = null;
    let activity: string | null = null;
    if (inTouch) {
      const acc =
        age < 18 && rng.chance(0.5) ? (rng.chance(0.6) ? 'D' : 'Z') : ACCOMMODATION.sample(rng).slice(0, 1);
      accommodation = ACCOMMODATION.w(acc);
      const unsuitableType = acc === 'S' || acc === 'W' || acc === 'X' || acc === 'V';
      suitability = SUITABILITY.w(unsuitableType || rng.chance(0.015) ? 'Unsuitable' : 'Suitable');
      const act =
        age === 16
          ? rng.chance(0.75)
            ? 'F2'
            : 'G5'
          : (age <= 18 ? ACTIVITY_17_18 : ACTIVITY_19_PLUS).sample(rng);
      activity = act === '' ? null : ACTIVITY.w(act);
    } else if (touch !== 'Died') {
      accommodation = ACCOMMODATION.w('R');
    }
    return {
      eligibility,
      pathway: rng.chance(0.97) ? asAt - (rng.chance(0.88) ? rng.int(0, 182) : rng.int(183, 400)) : null,
      inTouch: LA_IN_TOUCH.w(touch),
      contact,
      accommodation,
      suitability,
      activity,
    };
  }

  /**
   * A young child with a decision to place for adoption, and (usually) the adopters they were matched with.
   * Stage lengths follow national_cla_adopted_average_time_between_adoption_process_stages 2025: entry to
   * decision ~9 months, decision to match ~10 months, match to placement ~1 month, placement to order ~9
   * months. Returns one child, or two siblings placed together.
   */
  adoption(maxChildren: number): { journeys: Journey[]; adopters: Adopter[] } {
    const rng = this.rng;
    const { asAt, yearStart } = this.clock;
    const entered = asAt - rng.int(90, 1600);
    const dob = entered - (rng.chance(0.55) ? rng.int(0, 364) : rng.int(365, 4 * 365));
    const decision = entered + rng.int(90, 450);
    const reversedFlag = rng.chance(0.1);
    const placementOrder = reversedFlag && rng.chance(0.4) ? null : decision + rng.int(20, 150);
    let reversed: Day | null = null;
    let reversalReason: string | null = null;
    let matched: Day | null = null;
    let placed: Day | null = null;
    let order: Day | null = null;
    if (reversedFlag) {
      reversed = decision + rng.int(90, 500);
      reversalReason =
        placementOrder === null
          ? ADOPTION_REVERSAL_REASON.values[1]!.written
          : ADOPTION_REVERSAL_REASON.sample(rng);
    } else {
      matched = Math.max(decision + rng.int(60, 600), (placementOrder as Day) + rng.int(0, 30));
      placed = matched + rng.int(7, 45);
      order = placed + rng.int(90, 420);
    }
    const ffa = rng.chance(0.12) ? entered + rng.int(0, 60) : null;
    const siblings = maxChildren >= 2 && !reversedFlag && rng.chance(0.15) ? 2 : 1;
    const familyId = matched !== null && matched <= asAt ? this.newId() : null;
    const journeys: Journey[] = [];
    for (let k = 0; k < siblings; k++) {
      const childDob = k === 0 ? dob : dob - rng.int(365, 4 * 365);
      const j = this.empty(this.person(childDob));
      j.adoption = {
        familyId,
        entered,
        decision,
        placementOrder,
        matched,
        placed,
        order,
        reversed,
        reversalReason,
        ffa,
      };
      const ceased =
        order !== null ? order : reversed !== null && rng.chance(0.3) ? reversed + rng.int(60, 400) : null;
      const care = this.careEpisode(j.person, entered, 'court', ceased);
      if (order !== null) care.ceasedCode = rng.chance(0.7) ? 'E11' : 'E12';
      else if (ceased !== null) care.ceasedCode = rng.chance(0.7) ? 'E47' : 'E45';
      if (placementOrder !== null && placementOrder <= asAt && reversed === null) {
        care.legal = LEGAL_STATUS.w('E1');
        care.legalStart = placementOrder;
      }
      if (placed !== null && placed <= asAt) {
        care.placementCode = ffa !== null ? 'A5' : rng.chance(0.8) ? 'A6' : 'A5';
        care.placementStart = placed;
        care.provider = 'PR1';
        care.urn = null;
      } else if (ffa !== null && ffa <= asAt) {
        care.placementCode = 'U5';
        care.placementStart = ffa;
      } else if (care.placementCode !== 'U6' && care.placementCode !== 'U3') {
        care.placementCode = 'U6';
      }
      care.missing = 0;
      care.absent = 0;
      care.riOffered = null;
      care.riAccepted = null;
      care.permanence =
        reversed !== null && reversed <= asAt
          ? PERMANENCE_PLAN.w('Long-term fostering')
          : PERMANENCE_PLAN.w('Adoption');
      j.care = care;
      const close = care.ceased !== null && care.ceased <= asAt ? care.ceased : null;
      const cinStart = entered - rng.int(0, 90);
      j.cin.push({
        start: cinStart,
        need: care.need,
        lastSeen: this.lastSeen(cinStart, close),
        close,
        reason: close !== null ? this.cinReasonForCare(care.ceasedCode) : null,
      });
      j.teamKind = placed !== null && placed <= asAt ? 'Adoption' : 'Children in Care';
      this.cut(j);
      journeys.push(j);
    }
    const adopters: Adopter[] = [];
    if (familyId !== null && matched !== null && (order === null || order > asAt || order >= yearStart)) {
      adopters.push(...this.adopterFamily(familyId, matched, placed, order, siblings, ffa !== null));
    }
    // Adopters in the process without a match yet (or who left it).
    if (rng.chance(0.9))
      adopters.push(...this.adopterFamily(this.newId(), null, null, null, null, rng.chance(0.1)));
    return { journeys, adopters };
  }

  private adopterFamily(
    familyId: string,
    matched: Day | null,
    placed: Day | null,
    order: Day | null,
    children: number | null,
    ffa: boolean,
  ): Adopter[] {
    const rng = this.rng;
    const { asAt, yearStart } = this.clock;
    // Stage 1 about 2 months, stage 2 about 4 months (DOMAIN.md §3 adopters), then panel approval.
    const approvedAt = matched !== null ? matched - rng.int(14, 300) : asAt - rng.int(-250, 500);
    const s2End = approvedAt - rng.int(14, 50);
    const s2Start = s2End - rng.int(90, 150);
    const applied = s2Start - rng.int(0, 7);
    const s1End = applied - rng.int(0, 30);
    const s1Start = s1End - rng.int(45, 75);
    const enquiry = s1Start - rng.int(7, 60);
    let left: Day | null = null;
    let leftReason: string | null = null;
    if (matched === null && rng.chance(0.2)) {
      left = rng.int(enquiry + 10, approvedAt + 200);
      leftReason = ADOPTER_LEFT_REASON.sample(rng);
    }
    const cut = (d: Day | null): Day | null =>
      d !== null && d <= asAt && (left === null || d <= left) ? d : null;
    if (enquiry > asAt) return [];
    if (left !== null && left < yearStart) return [];
    if (matched === null && left === null && approvedAt < yearStart - 365) return [];
    const n = rng.chance(0.72) ? 2 : 1;
    const ethnicity = ETHNICITY.sample(rng);
    const out: Adopter[] = [];
    for (let k = 0; k < n; k++) {
      out.push({
        id: this.newId(),
        familyId,
        gender:
          n === 2
            ? k === 0
              ? GENDER.w('Female')
              : rng.chance(0.8)
                ? GENDER.w('Male')
                : GENDER.w('Female')
            : rng.chance(0.7)
              ? GENDER.w('Female')
              : GENDER.w('Male'),
        ethnicity: rng.chance(0.85) ? ethnicity : ETHNICITY.sample(rng),
        disability: rng.chance(0.05) ? YN_LETTERED.w('Yes') : YN_LETTERED.w('No'),
        ffa,
        enquiry,
        s1Start: cut(s1Start),
        s1End: cut(s1End),
        s2Start: cut(s2Start),
        s2End: cut(s2End),
        applied: cut(applied),
        approved: cut(approvedAt),
        matched: cut(matched),
        placed: cut(placed),
        children: cut(placed) !== null ? children : null,
        order: cut(order),
        left: left !== null && left <= asAt ? left : null,
        leftReason: left !== null && left <= asAt ? leftReason : null,
      });
    }
    return out;
  }

  /**
   * Cuts a journey at "as at": events after it have not happened (open assessments, ICPCs not yet held,
   * plans and periods in care still open), and fills the dates that depend on where the case stands.
   */
  private cut(j: Journey): void {
    const rng = this.rng;
    const { asAt } = this.clock;
    j.contacts = j.contacts.filter((c) => c.date <= asAt);
    j.earlyHelp = j.earlyHelp.filter((e) => e.start <= asAt);
    for (const e of j.earlyHelp) e.end = this.known(e.end);
    j.referrals = j.referrals.filter((r) => r.date <= asAt).sort((a, b) => a.date - b.date);
    j.assessments = j.assessments.filter((a) => a.start <= asAt);
    for (const a of j.assessments) a.auth = this.known(a.auth);
    j.s47s = j.s47s.filter((s) => s.strategy <= asAt);
    for (const s of j.s47s) {
      if (s.icpc !== null && s.icpc > asAt) {
        s.icpc = null;
        s.plan = null;
      }
    }
    j.cin = j.cin.filter((c) => c.start <= asAt);
    for (const c of j.cin) {
      if (c.close !== null && c.close > asAt) {
        c.close = null;
        c.reason = null;
      }
      if (c.lastSeen > asAt) c.lastSeen = asAt - rng.int(0, 20);
      if (c.lastSeen < c.start) c.lastSeen = c.start;
    }
    j.cp = j.cp.filter((p) => p.start <= asAt);
    for (const p of j.cp) {
      const reviews = p.reviewDates;
      if (p.end !== null && p.end > asAt) p.end = null;
      const ref = p.end ?? asAt;
      let latest: Day | null = null;
      for (const r of reviews) if (r <= ref) latest = r;
      p.review = latest;
      const gap = rng.chance(0.85) ? rng.int(0, 14) : rng.int(15, 45);
      p.lastVisit = Math.max(p.start, ref - gap);
    }
    if (j.care && j.care.start > asAt) j.care = null;
    if (j.care && j.care.ceased !== null && j.care.ceased > asAt) {
      j.care.ceased = null;
      j.care.ceasedCode = null;
    }
    // Case status and allocation on "as at".
    const openCare = j.care !== null && j.care.ceased === null;
    const openCp = j.cp.some((p) => p.end === null);
    const openCin = j.cin.some((c) => c.close === null);
    const openAssessment = j.assessments.some((a) => a.auth === null);
    j.open = openCare || openCp || openCin || openAssessment || j.leaver !== null || j.open;
    if (openCare) j.teamKind = j.teamKind === 'Adoption' ? 'Adoption' : 'Children in Care';
    else if (openCp) j.teamKind = 'Safeguarding';
    else if (openAssessment && !openCin)
      j.teamKind = j.teamKind === 'Children with Disabilities' ? j.teamKind : 'Duty & Assessment';
    else if (openAssessment && j.teamKind !== 'Children with Disabilities') j.teamKind = 'Duty & Assessment';
    // A child who left care at 16+ becomes a care leaver (List 9).
    if (j.care && j.care.ceased !== null && j.care.ceasedCode !== null) {
      const ageLeft = ageOn(j.person.dob, j.care.ceased);
      const leaverCodes = ['E5', 'E6', 'E8', 'E17', 'E13', 'E7', 'E9'];
      if (ageLeft >= 16 && j.care.ceased - j.care.start >= 91 && leaverCodes.includes(j.care.ceasedCode)) {
        j.leaver = this.leaver(j.person.dob, j.person.uasc);
        j.teamKind = 'Care Leavers';
        j.open = true;
      }
    }
  }

  static placementTypeWritten(code: string): string {
    return PLACEMENT_TYPE.w(code);
  }
  static providerWritten(code: string): string {
    return PLACEMENT_PROVIDER.w(code);
  }
  static locationWritten(out: boolean): string {
    return PLACEMENT_LOCATION.w(out ? 'Out' : 'In');
  }
  static ceasedWritten(code: string): string {
    return CEASED_REASON.w(code);
  }
  static plainYesNo(v: boolean): string {
    return YN_PLAIN.w(v ? 'Yes' : 'No');
  }
  static letteredYesNo(v: boolean): string {
    return YN_LETTERED.w(v ? 'Yes' : 'No');
  }
}

/** The Case Status (List 6) of an episode on "as at". */
export function caseStatus(j: Journey, cin: CinEpisode): string {
  if (cin.close !== null) return CASE_STATUS.w('Closed episode');
  if (j.care && j.care.ceased === null) return CASE_STATUS.w('Looked after child');
  if (j.cp.some((p) => p.end === null)) return CASE_STATUS.w('Child Protection plan');
  if (j.assessments.some((a) => a.auth === null && a.start >= cin.start))
    return CASE_STATUS.w('Open assessment');
  return CASE_STATUS.w('Child in need plan');
}
