import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { iso, measure, readCsvCouncil } from './demo-stats.ts';
import type { Row } from './demo-stats.ts';
import { ANNEX_A_HEADERS, generateDemoCouncil } from './index.ts';
import type { DemoResult } from './index.ts';
import { DEMO_LISTS, csvFileName } from './layout.ts';

const AS_AT = '2025-03-31';
const PERIOD_START = '2024-10-01';
const work = mkdtempSync(join(tmpdir(), 'demo-council-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

const dir = (name: string) => join(work, name);
const files = (result: DemoResult) => result.files.map((f) => readFileSync(f));

describe('generateDemoCouncil: determinism', () => {
  it('writes byte-identical CSV and xlsx for the same seed, and different files for another seed', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const opts = { children: 300, asAt: AS_AT, format, faults: 0.05 };
      const a = await generateDemoCouncil({ ...opts, seed: 7, outDir: dir(`${format}-a`) });
      const b = await generateDemoCouncil({ ...opts, seed: 7, outDir: dir(`${format}-b`) });
      const c = await generateDemoCouncil({ ...opts, seed: 8, outDir: dir(`${format}-c`) });
      assert.equal(a.files.length, b.files.length);
      assert.deepEqual(files(a), files(b), `${format}: same seed, same bytes`);
      assert.notDeepEqual(files(a)[0], files(c)[0], `${format}: another seed, other data`);
    }
  });
});

describe('generateDemoCouncil: a clean council', () => {
  let result: DemoResult;
  let lists: Record<number, Row[]>;
  before(async () => {
    result = await generateDemoCouncil({
      outDir: dir('clean'),
      children: 3000,
      asAt: AS_AT,
      seed: 1,
      format: 'csv',
    });
    lists = readCsvCouncil(dir('clean'));
  });

  it('writes the 11 lists with the sample workbook headers and faults.json', () => {
    assert.equal(result.files.length, 12);
    for (const list of DEMO_LISTS) {
      const first = readFileSync(join(dir('clean'), csvFileName(list)), 'utf8').split('\r\n')[0] as string;
      assert.ok(first.startsWith('\uFEFF'), 'UTF-8 byte-order mark');
      assert.equal(Object.keys(lists[list]?.[0] ?? {}).length, ANNEX_A_HEADERS[list].length);
      assert.deepEqual(Object.keys(lists[list]?.[0] ?? {}), [...ANNEX_A_HEADERS[list]]);
      assert.equal(lists[list]?.length, result.rowsPerList[list]);
    }
    assert.equal(ANNEX_A_HEADERS[11][0], 'Individual adopter identifier');
    assert.deepEqual(JSON.parse(readFileSync(join(dir('clean'), 'faults.json'), 'utf8')), []);
  });

  it('has exactly the number of distinct children asked for, about 2–3 rows each', () => {
    const stats = measure(lists, AS_AT, PERIOD_START);
    assert.equal(stats.children, 3000);
    const rows = Object.values(result.rowsPerList).reduce((a, b) => a + b, 0);
    assert.ok(rows / 3000 > 2 && rows / 3000 < 3.5, `rows per child ${rows / 3000}`);
  });

  it('tells consistent journeys', () => {
    const ids = (l: number) => new Set(lists[l]?.map((r) => r['Child Unique ID']));
    const referred = ids(3);
    const icpcChildren = new Set(
      lists[5]
        ?.filter((r) => r['Date of Initial Child Protection Conference'])
        .map((r) => r['Child Unique ID']),
    );
    // Every plan starting in the period had an ICPC (List 5) on its start date.
    for (const r of lists[7] ?? []) {
      if (iso(r['Child Protection Plan Start Date']) < PERIOD_START) continue;
      assert.ok(icpcChildren.has(r['Child Unique ID']), `plan without ICPC: ${r['Child Unique ID']}`);
    }
    // Every assessment starting in the period follows a referral of the child.
    for (const r of lists[4] ?? []) {
      if (iso(r['Continuous Assessment Start Date']) < PERIOD_START) continue;
      assert.ok(
        referred.has(r['Child Unique ID']) ||
          lists[6]?.some((c) => c['Child Unique ID'] === r['Child Unique ID']),
      );
    }
    const inPeriodAssessments = (lists[4] ?? []).filter(
      (r) => iso(r['Continuous Assessment Start Date']) >= PERIOD_START,
    );
    const withReferral = inPeriodAssessments.filter((r) => referred.has(r['Child Unique ID']));
    assert.ok(withReferral.length / inPeriodAssessments.length > 0.85);
    // Dates in order.
    const ordered = (rows: Row[] | undefined, a: string, b: string) => {
      for (const r of rows ?? []) if (r[a] && r[b]) assert.ok(iso(r[a]) <= iso(r[b]), `${a} > ${b}`);
    };
    ordered(lists[1], 'Date of Birth', 'Date of Contact');
    ordered(lists[4], 'Continuous Assessment Start Date', 'Continuous Assessment Date of Authorisation');
    ordered(
      lists[5],
      'Strategy discussion initiating Section 47 Enquiry Start Date',
      'Date of Initial Child Protection Conference',
    );
    ordered(lists[6], 'CIN Start Date', 'CIN Closure Date');
    ordered(lists[6], 'CIN Start Date', 'Date Child Was Last Seen');
    ordered(lists[7], 'Child Protection Plan Start Date', 'Child Protection Plan End Date');
    ordered(lists[8], 'Date Started to be Looked After', 'Date Ceased to be Looked After');
    ordered(lists[8], 'Date Started to be Looked After', 'Start Date of Most Recent Placement');
    for (const [a, b] of [
      ['Date the Child Entered Care', 'Date of Decision that Child Should be Placed for Adoption'],
      ['Date of Decision that Child Should be Placed for Adoption', 'Date of Placement Order'],
      ['Date of Placement Order', 'Date of Matching Child and Prospective Adopters'],
      ['Date of Matching Child and Prospective Adopters', 'Date Placed for Adoption'],
      ['Date Placed for Adoption', 'Date of Adoption Order'],
    ] as const) {
      ordered(lists[10], a, b);
    }
    for (const [a, b] of [
      ['Date enquiry received', 'Date Stage 1 started'],
      ['Date Stage 1 ended', 'Date Stage 2 started'],
      ['Date Stage 2 ended', 'Date application approved'],
      ['Date application approved', 'Date adopter matched with child(ren)'],
    ] as const) {
      ordered(lists[11], a, b);
    }
    // Nothing after "as at".
    for (const list of DEMO_LISTS) {
      for (const r of lists[list] ?? []) {
        for (const [h, v] of Object.entries(r)) {
          if (/^\d{2}\/\d{2}\/\d{4}$/.test(v)) assert.ok(iso(v) <= AS_AT, `List ${list} ${h} ${v}`);
        }
      }
    }
    // Children in care are under 18 (or left care on their 18th birthday).
    for (const r of lists[8] ?? [])
      if (!r['Date Ceased to be Looked After']) assert.ok(Number(r['Age']) < 18, `age ${r['Age']}`);
    // Children in List 8 appear once; ceased ones have a reason.
    const l8 = (lists[8] ?? []).map((r) => r['Child Unique ID']);
    assert.equal(new Set(l8).size, l8.length);
    for (const r of lists[8] ?? []) {
      if (r['Date Ceased to be Looked After']) assert.ok(r['Reason Ceased to be Looked After']);
    }
    // Referral counts agree with the referrals listed: a child's second referral in the period counts the first.
    const byChild = new Map<string, Row[]>();
    for (const r of lists[3] ?? [])
      byChild.set(r['Child Unique ID'] as string, [
        ...(byChild.get(r['Child Unique ID'] as string) ?? []),
        r,
      ]);
    for (const refs of byChild.values()) {
      const sorted = refs.sort((a, b) =>
        iso(a['Date of Referral']).localeCompare(iso(b['Date of Referral'])),
      );
      sorted.forEach((r, i) => assert.ok(Number(r['Number of Referrals in Last 12 Months']) >= i));
    }
    // List 11 adopters matched with a child share the child's family identifier.
    const families = new Set(lists[10]?.map((r) => r['Family identifier']).filter(Boolean));
    const matched = (lists[11] ?? []).filter((r) => r['Date adopter matched with child(ren)']);
    assert.ok(matched.length > 0);
    for (const r of matched) assert.ok(families.has(r['Family identifier']), 'adopter family in List 10');
  });

  it('lands near England’s rates', () => {
    const s = measure(lists, AS_AT, PERIOD_START);
    const near = (name: string, value: number, target: number, tolerance: number) =>
      assert.ok(Math.abs(value - target) <= tolerance, `${name}: ${value.toFixed(3)} vs ${target}`);
    near('re-referrals', s.reReferralRate, 0.226, 0.05);
    near('assessments in 45 wd', s.assessments45wdRate, 0.857, 0.05);
    near('ICPC in 15 wd', s.icpc15wdRate, 0.814, 0.09);
    near('second or subsequent plans', s.subsequentPlanRate, 0.245, 0.09);
    near('plans open 2 years or more', s.cp2yRate, 0.023, 0.025);
    near('3+ placements', s.threePlusPlacementsRate, 0.1, 0.05);
    near('children looked after per 10k', (s.claOpen / result.population) * 10_000, 67, 10);
    near('suitable accommodation', s.suitableRate, 0.9, 0.06);
  });

  it('allocates cases to teams with realistic caseloads', () => {
    const kinds = result.teams.map((t) => t.name);
    for (const k of ['Duty & Assessment 1', 'Safeguarding 1', 'Children in Care 1', 'Care Leavers'])
      assert.ok(kinds.includes(k), k);
    const load = new Map<string, Set<string>>();
    let unallocated = 0;
    for (const list of [3, 4, 5, 6, 7, 8, 9]) {
      for (const r of lists[list] ?? []) {
        const open =
          (list === 6 && !r['CIN Closure Date']) ||
          (list === 7 && !r['Child Protection Plan End Date']) ||
          (list === 8 && !r['Date Ceased to be Looked After']) ||
          list === 9;
        if (!open) continue;
        if (!r['Allocated Worker']) {
          unallocated++;
          continue;
        }
        const set = load.get(r['Allocated Worker'] as string) ?? new Set();
        set.add(r['Child Unique ID'] as string);
        load.set(r['Allocated Worker'] as string, set);
      }
    }
    const sizes = [...load.values()].map((s) => s.size).sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)] as number;
    assert.ok(median >= 12 && median <= 24, `median caseload ${median}`);
    assert.ok(
      sizes.some((n) => n > 25),
      'a few workers over 25',
    );
    assert.ok(unallocated > 0, 'some unallocated cases');
  });
});

describe('generateDemoCouncil: faults', () => {
  it('records each fault at the row and column where the CSV holds it', async () => {
    const out = dir('faults-csv');
    const result = await generateDemoCouncil({
      outDir: out,
      children: 400,
      asAt: AS_AT,
      seed: 3,
      format: 'csv',
      faults: 0.1,
    });
    assert.ok(result.faults.length > 50);
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'faults.json'), 'utf8')), result.faults);
    const kinds = new Set(result.faults.map((f) => f.kind));
    for (const k of ['blank', 'na', 'code-bare', 'code-label-only']) assert.ok(kinds.has(k), k);
    const { parse } = await import('csv-parse/sync');
    const cache = new Map<string, string[][]>();
    for (const f of result.faults) {
      const rows =
        cache.get(f.file) ??
        (parse(readFileSync(join(out, f.file)), { bom: true, relax_column_count: true }) as string[][]);
      cache.set(f.file, rows);
      const header = rows[0] as string[];
      const col = header.indexOf(f.column);
      assert.ok(col >= 0, `${f.file}: column "${f.column}"`);
      assert.equal(rows[f.row - 1]?.[col], f.value, `${f.kind} at ${f.file}:${f.row} ${f.column}`);
      if (f.kind === 'duplicate-child-id') {
        assert.equal(rows.filter((r) => r[0] === f.value).length >= 2, true);
      }
      if (f.kind === 'authorised-before-start') {
        const start = rows[f.row - 1]?.[header.indexOf('Continuous Assessment Start Date')] as string;
        assert.ok(iso(f.value) < iso(start));
      }
      if (f.column === 'Child Unique ID' && f.kind !== 'duplicate-child-id')
        assert.equal(f.expectIssue, 'error');
    }
  });

  it('records each fault at the row and column where the workbook holds it', async () => {
    const out = dir('faults-xlsx');
    const result = await generateDemoCouncil({
      outDir: out,
      children: 400,
      asAt: AS_AT,
      seed: 5,
      format: 'xlsx',
      faults: 0.08,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'annex-a.xlsx'));
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      DEMO_LISTS.map((l) => `List ${l}`),
    );
    const text = (v: ExcelJS.CellValue): string => {
      if (v === null || v === undefined) return '';
      if (v instanceof Date) {
        const d = v.toISOString().slice(0, 10);
        return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
      }
      if (typeof v === 'object' && 'error' in v) return v.error;
      return String(v);
    };
    assert.ok(result.faults.length > 30);
    for (const f of result.faults) {
      const sheet = workbook.getWorksheet(f.sheet as string);
      assert.ok(sheet, f.sheet as string);
      const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text);
      const col = headers.indexOf(f.column) + 1;
      assert.ok(col > 0, `${f.sheet}: column "${f.column}"`);
      assert.equal(
        text(sheet.getRow(f.row).getCell(col).value),
        f.value,
        `${f.kind} at ${f.sheet}!${f.row} ${f.column}`,
      );
    }
    // Dates are real Excel dates.
    const l3 = workbook.getWorksheet('List 3');
    const referralCol = ANNEX_A_HEADERS[3].indexOf('Date of Referral') + 1;
    const dates = [2, 3, 4].map((r) => l3?.getRow(r).getCell(referralCol).value);
    assert.ok(dates.some((d) => d instanceof Date));
  });
});
