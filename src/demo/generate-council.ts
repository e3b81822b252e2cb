/**
 * The synthetic council: writes a full Annex A (11 lists) for a fictional council, made of consistent child
 * journeys at rates close to England's, with optional recorded faults. No real personal data is used or
 * read: everything comes from a seeded generator, so the same options always give byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoDate, periodEnding } from '../domain/dates.ts';
import { FaultInjector } from './faults.ts';
import type { InjectedFault } from './faults.ts';
import { JourneyFactory, ageOn, caseStatus, dayOf } from './journeys.ts';
import type { Adopter, Clock, Day, Journey } from './journeys.ts';
import { DEMO_LISTS, FAULTS_FILE_NAME, XLSX_FILE_NAME, csvFileName, sheetName } from './layout.ts';
import type { DemoListNumber } from './layout.ts';
import { Rng, Weighted } from './prng.ts';
import { CsvSink, XlsxSink } from './sinks.ts';
import type { Cell, RowSink } from './sinks.ts';
import { Workforce } from './workforce.ts';
import type { Allocation } from './workforce.ts';

export type { InjectedFault } from './faults.ts';

export interface DemoOptions {
  outDir: string;
  /** distinct children across the council's lists (adopters in List 11 are not counted) */
  children: number;
  /** YYYY-MM-DD */
  asAt: string;
  seed: number;
  format: 'xlsx' | 'csv';
  /** 0..1: the share of rows given a fault (0 or absent: a clean return) */
  faults?: number;
  councilName?: string;
}

export interface DemoResult {
  /** paths written */
  files: string[];
  rowsPerList: Record<number, number>;
  faults: InjectedFault[];
  teams: { name: string; workers: string[] }[];
  /**
   * The council's child population (aged 0–17) the demo stands for, for rates per 10,000: chosen so that
   * children looked after on the "as at" date come to about 67 per 10,000 (England 2025).
   */
  population: number;
}

export const DEFAULT_COUNCIL_NAME = 'Demo Borough Council (synthetic data)';

/**
 * The mix of children by the journey that brings them into the lists, as shares of distinct children. Tuned
 * so that the lists' volumes relate like England's (per 10,000 children, 6 months: ~260 referrals, CIN
 * ~330 at "as at", CP plans 41, children looked after 67, care leavers ~55).
 */
const JOURNEY_MIX = new Weighted<
  'frontDoor' | 'longCin' | 'longCare' | 'uasc' | 'earlyHelp' | 'careLeaver' | 'adoption'
>([
  ['frontDoor', 80],
  ['longCin', 4],
  ['longCare', 4.2],
  ['uasc', 0.5],
  ['earlyHelp', 3.5],
  ['careLeaver', 4.5],
  ['adoption', 0.8],
]);

/** Children in the lists per 10,000 population (measured on this generator; see `population`). */
const CHILDREN_PER_10K = 1050;

/** The population a demo council of `children` children stands for (see DemoResult.population). */
export function demoPopulation(children: number): number {
  return Math.round((children * 10_000) / CHILDREN_PER_10K);
}

export async function generateDemoCouncil(options: DemoOptions): Promise<DemoResult> {
  const { outDir, children, asAt, seed, format } = options;
  const faultRate = options.faults ?? 0;
  const councilName = options.councilName ?? DEFAULT_COUNCIL_NAME;
  if (!Number.isInteger(children) || children < 1)
    throw new RangeError(`children must be a whole number ≥ 1: ${children}`);
  if (!isIsoDate(asAt)) throw new RangeError(`asAt must be a date YYYY-MM-DD: ${asAt}`);
  if (asAt < '2013-01-01' || asAt > '2030-06-30') {
    throw new RangeError(
      `asAt must be between 2013-01-01 and 2030-06-30 (working days need bank holidays): ${asAt}`,
    );
  }
  if (!(faultRate >= 0 && faultRate <= 1))
    throw new RangeError(`faults must be between 0 and 1: ${faultRate}`);
  if (format !== 'xlsx' && format !== 'csv')
    throw new RangeError(`format must be 'xlsx' or 'csv': ${String(format)}`);
  mkdirSync(outDir, { recursive: true });

  const root = new Rng(seed);
  const rng = root.fork(0x1);
  const faultRng = root.fork(0x2);
  const workRng = root.fork(0x3);
  const idRng = root.fork(0x4);
  const asAtDay = dayOf(asAt);
  const clock: Clock = {
    asAt: asAtDay,
    periodStart: dayOf(periodEnding(asAt, 6).start),
    yearStart: dayOf(periodEnding(asAt, 12).start),
    homeAuthority: councilName.replace(/\s*\(synthetic data\)\s*$/i, '').replace(/\s+Council$/i, ''),
  };
  const usedIds = new Set<number>();
  const newId = (): string => {
    for (;;) {
      const n = idRng.int(1_000_000, 99_999_999);
      if (!usedIds.has(n)) {
        usedIds.add(n);
        return String(n);
      }
    }
  };
  const factory = new JourneyFactory(rng, clock, newId);
  const workforce = new Workforce(workRng);
  const injector = new FaultInjector(faultRng, faultRate);
  const sink: RowSink =
    format === 'csv'
      ? new CsvSink(outDir)
      : new XlsxSink(outDir, { creator: councilName, title: `Annex A — ${councilName}` });
  const rowsPerList: Record<number, number> = {};
  try {
    for (const list of DEMO_LISTS) {
      rowsPerList[list] = 0;
      sink.header(list, injector.headers(list));
    }
    const emit = (list: DemoListNumber, cells: Cell[]): void => {
      const rowNumber = (rowsPerList[list] = (rowsPerList[list] as number) + 1) + 1;
      const duplicate = injector.row(list, rowNumber, cells);
      sink.row(list, cells);
      if (duplicate) {
        const copy = [...cells];
        const dupRow = (rowsPerList[list] = (rowsPerList[list] as number) + 1) + 1;
        injector.recordDuplicate(dupRow, copy);
        sink.row(list, copy);
      }
    };
    const writer = new RowWriter(clock, emit);
    let produced = 0;
    let kind = JOURNEY_MIX.sample(rng);
    while (produced < children) {
      let journeys: Journey[];
      let adopters: Adopter[] = [];
      switch (kind) {
        case 'frontDoor':
          journeys = [factory.frontDoor()];
          break;
        case 'longCin':
          journeys = [factory.longCin()];
          break;
        case 'longCare':
          journeys = [factory.longInCare()];
          break;
        case 'uasc':
          journeys = [factory.uasc()];
          break;
        case 'earlyHelp':
          journeys = [factory.earlyHelpOnly()];
          break;
        case 'careLeaver':
          journeys = [factory.careLeaver()];
          break;
        case 'adoption': {
          const drawn = factory.adoption(children - produced);
          journeys = drawn.journeys;
          adopters = drawn.adopters;
          break;
        }
      }
      const planned = journeys.map((j) => writer.plan(j));
      if (planned.every((p) => p.length === 0)) {
        // Nothing in the period: the child does not appear in this council's lists. (Adopters of such a
        // family are dropped too, keeping List 11 tied to List 10.)
        // Draw again from the same kind of journey, so the mix holds among the children who appear.
        for (const j of journeys) usedIds.delete(Number(j.person.id));
        continue;
      }
      kind = JOURNEY_MIX.sample(rng);
      for (let k = 0; k < journeys.length; k++) {
        const rows = planned[k] as PlannedRow[];
        if (rows.length === 0) continue;
        const j = journeys[k] as Journey;
        const allocation = j.teamKind ? workforce.allocate(j.teamKind, j.open) : null;
        for (const row of rows) emit(row.list, row.build(allocation));
        produced++;
      }
      for (const a of adopters) writer.adopter(a);
    }
    const files = await sink.finish();
    const where = (list: number) =>
      format === 'csv'
        ? { file: csvFileName(list as DemoListNumber), sheet: null }
        : { file: XLSX_FILE_NAME, sheet: sheetName(list as DemoListNumber) };
    const faults: InjectedFault[] = injector.faults.map((f) => ({
      list: f.list,
      ...where(f.list),
      row: f.row,
      column: f.column,
      kind: f.kind,
      value: f.value,
      expectIssue: f.expectIssue,
    }));
    const faultsPath = join(outDir, FAULTS_FILE_NAME);
    writeFileSync(faultsPath, JSON.stringify(faults, null, 2) + '\n');
    return {
      files: [...files, faultsPath],
      rowsPerList,
      faults,
      teams: workforce.list(),
      population: demoPopulation(children),
    };
  } catch (error) {
    sink.abort();
    throw error;
  }
}

interface PlannedRow {
  list: DemoListNumber;
  build: (allocation: Allocation | null) => Cell[];
}

/** Turns a journey into the rows of each list, keeping only what falls in each list's period. */
class RowWriter {
  constructor(
    private readonly clock: Clock,
    private readonly emit: (list: DemoListNumber, cells: Cell[]) => void,
  ) {}

  plan(j: Journey): PlannedRow[] {
    const { asAt, periodStart, yearStart } = this.clock;
    const p = j.person;
    const inPeriod = (d: Day | null) => d !== null && d >= periodStart && d <= asAt;
    const age = ageOn(p.dob, asAt);
    const common: Cell[] = [p.id, p.gender, p.ethnicity, p.dob, age];
    const team = (a: Allocation | null): Cell[] => [a?.team ?? null, a?.worker || null];
    const rows: PlannedRow[] = [];
    const add = (list: DemoListNumber, build: (a: Allocation | null) => Cell[]) => rows.push({ list, build });

    for (const c of j.contacts) if (inPeriod(c.date)) add(1, () => [...common, c.date, c.source]);
    for (const e of j.earlyHelp) {
      if (inPeriod(e.start) || inPeriod(e.end) || e.end === null)
        add(2, () => [...common, e.start, e.end, e.org]);
    }
    for (const r of j.referrals) {
      if (!inPeriod(r.date)) continue;
      const earlier = j.referrals.filter((o) => o.date < r.date && o.date >= r.date - 365).length;
      add(3, (a) => [...common, r.date, r.source, r.nfa ? 'Yes' : 'No', earlier, ...team(a)]);
    }
    for (const x of j.assessments) {
      if (!(inPeriod(x.start) || inPeriod(x.auth) || x.auth === null)) continue;
      add(4, (a) => [
        ...common,
        p.disability,
        x.start,
        x.seen,
        x.auth,
        x.auth === null ? null : x.needsSupport ? 'Yes' : 'No',
        ...team(a),
      ]);
    }
    for (const s of j.s47s) {
      if (!(inPeriod(s.strategy) || inPeriod(s.icpc))) continue;
      // Counts of the last 12 months include this enquiry and its conference.
      const s47s = 1 + s.earlierS47s.filter((d) => d >= s.strategy - 365).length;
      const icpcs = (s.icpc !== null ? 1 : 0) + s.earlierIcpcs.filter((d) => d >= s.strategy - 365).length;
      add(5, (a) => [
        ...common,
        p.disability,
        s.strategy,
        s.icpcHeld ? 'No' : 'Yes',
        s.icpc,
        s.plan === null ? null : s.plan ? 'Yes' : 'No',
        s47s,
        icpcs,
        ...team(a),
      ]);
    }
    for (const c of j.cin) {
      if (!(c.start <= asAt && (c.close === null || c.close >= periodStart))) continue;
      const status = caseStatus(j, c);
      add(6, (a) => [
        ...common,
        p.disability,
        c.start,
        c.need,
        c.lastSeen,
        c.close,
        c.reason,
        status,
        ...team(a),
      ]);
    }
    for (const plan of j.cp) {
      if (!(plan.start <= asAt && (plan.end === null || plan.end >= periodStart))) continue;
      add(7, (a) => [
        ...common,
        p.disability,
        plan.start,
        plan.initial,
        plan.latest,
        plan.lastVisit,
        plan.seenAlone,
        plan.review,
        plan.end,
        JourneyFactory.letteredYesNo(plan.epo),
        plan.previous,
        ...team(a),
      ]);
    }
    const care = j.care;
    if (care && care.start <= asAt && (care.ceased === null || care.ceased >= periodStart)) {
      add(8, (a) => [
        ...common,
        JourneyFactory.letteredYesNo(p.uasc),
        p.disability,
        care.start,
        care.need,
        JourneyFactory.letteredYesNo(care.secondPeriod),
        care.legalStart,
        care.legal,
        care.review,
        care.visit,
        care.permanence,
        care.iro,
        care.health,
        care.dental,
        care.placements,
        care.ceased,
        care.ceasedCode === null ? null : JourneyFactory.ceasedWritten(care.ceasedCode),
        care.placementStart,
        JourneyFactory.placementTypeWritten(care.placementCode),
        JourneyFactory.providerWritten(care.provider),
        care.postcode,
        care.urn,
        JourneyFactory.locationWritten(care.outOfArea),
        care.laOfPlacement,
        care.missing,
        care.absent,
        care.riOffered === null ? null : JourneyFactory.letteredYesNo(care.riOffered),
        care.riAccepted === null ? null : JourneyFactory.letteredYesNo(care.riAccepted),
        ...team(a),
      ]);
    }
    const leaver = j.leaver;
    if (leaver && age >= 16 && age <= 25) {
      add(9, (a) => [
        ...common,
        JourneyFactory.letteredYesNo(p.uasc),
        p.disability,
        a?.team ?? null,
        a?.worker || null,
        a?.worker || null,
        leaver.eligibility,
        leaver.pathway,
        leaver.inTouch,
        leaver.contact,
        leaver.accommodation,
        leaver.suitability,
        leaver.activity,
      ]);
    }
    const ad = j.adoption;
    if (
      ad &&
      ad.decision <= asAt &&
      (ad.order === null || ad.order > asAt || ad.order >= yearStart) &&
      (ad.reversed === null || ad.reversed > asAt || ad.reversed >= yearStart)
    ) {
      const k = (d: Day | null) => (d !== null && d <= asAt ? d : null);
      const reversed = k(ad.reversed);
      add(10, () => [
        p.id,
        ad.familyId,
        p.gender,
        p.ethnicity,
        p.dob,
        age,
        p.disability,
        ad.entered,
        ad.decision,
        k(ad.placementOrder),
        k(ad.matched),
        k(ad.placed),
        k(ad.order),
        reversed,
        reversed === null ? null : ad.reversalReason,
        k(ad.ffa),
      ]);
    }
    return rows;
  }

  adopter(a: Adopter): void {
    this.emit(11, [
      a.id,
      a.familyId,
      a.gender,
      a.ethnicity,
      a.disability,
      a.ffa ? 'Yes' : 'No',
      a.enquiry,
      a.s1Start,
      a.s1End,
      a.s2Start,
      a.s2End,
      a.applied,
      a.approved,
      a.matched,
      a.placed,
      a.children,
      a.order,
      a.left,
      a.leftReason,
    ]);
  }
}
