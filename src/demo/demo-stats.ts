/**
 * Reads a demo council written as CSV back and measures it: the headline rates the generator aims at and
 * the consistency of its journeys. Used by the tests and to tune the generator's constants; not a
 * substitute for the product's indicators (it knows the demo's own layout and nothing else).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { workingDaysElapsed } from '../domain/dates.ts';
import { DEMO_LISTS, csvFileName } from './layout.ts';
import type { DemoListNumber } from './layout.ts';

export type Row = Record<string, string>;

export function readCsvList(dir: string, list: DemoListNumber): Row[] {
  return parse(readFileSync(join(dir, csvFileName(list))), { columns: true, bom: true }) as Row[];
}

export function readCsvCouncil(dir: string): Record<DemoListNumber, Row[]> {
  return Object.fromEntries(DEMO_LISTS.map((l) => [l, readCsvList(dir, l)])) as Record<DemoListNumber, Row[]>;
}

/** dd/mm/yyyy → YYYY-MM-DD ('' for blank). */
export function iso(dmy: string | undefined): string {
  if (!dmy) return '';
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(dmy);
  if (!m) throw new Error(`Not a dd/mm/yyyy date: ${dmy}`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

const share = (num: number, den: number) => (den === 0 ? NaN : num / den);

export interface DemoStats {
  children: number;
  reReferralRate: number;
  assessments45wdRate: number;
  icpc15wdRate: number;
  subsequentPlanRate: number;
  cpOpen: number;
  cp2yRate: number;
  claOpen: number;
  threePlusPlacementsRate: number;
  cinOpen: number;
  referrals: number;
  suitableRate: number;
  eetRate: number;
}

export function measure(lists: Record<DemoListNumber, Row[]>, asAt: string, periodStart: string): DemoStats {
  const inPeriod = (d: string) => d >= periodStart && d <= asAt;
  const ids = new Set<string>();
  for (const l of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const)
    for (const r of lists[l]) ids.add(r['Child Unique ID'] as string);
  const refs = lists[3];
  const re = refs.filter((r) => Number(r['Number of Referrals in Last 12 Months']) > 0).length;
  const authorised = lists[4].filter((r) => inPeriod(iso(r['Continuous Assessment Date of Authorisation'])));
  const in45 = authorised.filter(
    (r) =>
      workingDaysElapsed(
        iso(r['Continuous Assessment Start Date']),
        iso(r['Continuous Assessment Date of Authorisation']),
      ) <= 45,
  ).length;
  const icpcs = lists[5].filter((r) => inPeriod(iso(r['Date of Initial Child Protection Conference'])));
  const in15 = icpcs.filter(
    (r) =>
      workingDaysElapsed(
        iso(r['Strategy discussion initiating Section 47 Enquiry Start Date']),
        iso(r['Date of Initial Child Protection Conference']),
      ) <= 15,
  ).length;
  const starts = lists[7].filter((r) => inPeriod(iso(r['Child Protection Plan Start Date'])));
  const subsequent = starts.filter((r) => Number(r['Number of Previous Child Protection Plans']) > 0).length;
  const cpOpen = lists[7].filter((r) => !r['Child Protection Plan End Date']);
  const twoYearsAgo = `${Number(asAt.slice(0, 4)) - 2}${asAt.slice(4)}`;
  const cp2y = cpOpen.filter((r) => iso(r['Child Protection Plan Start Date']) <= twoYearsAgo).length;
  const claOpen = lists[8].filter((r) => !r['Date Ceased to be Looked After']);
  const three = claOpen.filter((r) => Number(r['Number of Placements in the Last 12 months']) >= 3).length;
  const cinOpen = lists[6].filter((r) => !r['CIN Closure Date']).length;
  const leavers = lists[9].filter((r) => r['LA in Touch'] !== 'c) Died');
  const suitable = leavers.filter((r) => r['Suitability of Accommodation'] === 'a) Suitable').length;
  const eet = leavers.filter((r) => /^(F|P)\d/.test(r['Activity Status'] ?? '')).length;
  return {
    children: ids.size,
    reReferralRate: share(re, refs.length),
    assessments45wdRate: share(in45, authorised.length),
    icpc15wdRate: share(in15, icpcs.length),
    subsequentPlanRate: share(subsequent, starts.length),
    cpOpen: cpOpen.length,
    cp2yRate: share(cp2y, cpOpen.length),
    claOpen: claOpen.length,
    threePlusPlacementsRate: share(three, claOpen.length),
    cinOpen,
    referrals: refs.length,
    suitableRate: share(suitable, leavers.length),
    eetRate: share(eet, leavers.length),
  };
}
