import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BenchmarkImportError,
  parseBenchmarkFile,
  parseFigure,
  periodEndYear,
  yearsMonthsToDays,
  type ParsedFile,
} from './files.ts';

const C1_HEADER =
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent';

function parse(name: string, text: string): ParsedFile {
  return parseBenchmarkFile(name, Buffer.from(text, 'utf8'));
}

function errorOf(name: string, text: string): BenchmarkImportError {
  try {
    parse(name, text);
  } catch (error) {
    assert.ok(error instanceof BenchmarkImportError, String(error));
    return error;
  }
  assert.fail(`${name} was accepted`);
}

describe('DfE file recognition and rows', () => {
  it('reads the file by its header, with a byte order mark, quoted fields and either column order', () => {
    const text =
      '\uFEFF' +
      [
        C1_HEADER,
        '2025,Reporting year,National,E92000001,England,"","",,"","",Referrals,632830,142900,22.6,41340,6.5',
        '2025,Reporting year,Regional,E92000001,England,E12000007,London,,,,Referrals,105790,20520,19.4,8410,7.9',
        '2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,213,E09000033,Westminster,Referrals,1752,325,18.6,308,17.6',
        '2025,Reporting year,Local authority,E92000001,England,E12000008,South East,"867",E06000036,"Bracknell Forest, Borough of",Referrals,"1,234",c,c,x,low',
      ].join('\r\n');
    const f = parse('referrals.csv', text);
    assert.equal(f.kind, 'c1_referrals');
    assert.equal(f.rowsRead, 4);
    const get = (measure: string, level: string, code: string | null = null) =>
      f.values.find(
        (v) =>
          v.measure === measure &&
          v.level === level &&
          (code === null || v.oldCode === code || v.regionCode === code),
      );
    assert.equal(get('c1_rereferral_pct', 'national')?.value, 22.6);
    assert.equal(get('c1_rereferral_pct', 'regional', 'E12000007')?.value, 19.4);
    const la = get('c1_rereferral_pct', 'la', '213')!;
    assert.deepEqual(
      [la.value, la.oldCode, la.newCode, la.laName, la.year],
      [18.6, '213', 'E09000033', 'Westminster', 2025],
    );
    const bracknell = f.values.filter((v) => v.oldCode === '867');
    assert.deepEqual(
      bracknell.map((v) => [v.measure, v.value, v.symbol]),
      [
        ['c1_referral_count', 1234, null],
        ['c1_rereferral_pct', null, 'c'],
        ['c1_nfa_pct', null, 'low'],
      ],
    );
    assert.equal(bracknell[0]!.laName, 'Bracknell Forest, Borough of');

    // la_name before new_la_code (as in the children looked after files) reads the same
    const swapped = parse(
      'cla.csv',
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000',
        '2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,213,Westminster,E09000033,Children looked after on 31 March each year,29834,186,62',
        '2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,213,Westminster,E09000033,Children starting to be looked after each year,29834,111,37',
      ].join('\n'),
    );
    assert.equal(swapped.kind, 'cla_rate');
    const rate = swapped.values.find((v) => v.measure === 'cla_rate_per_10k')!;
    assert.deepEqual([rate.value, rate.newCode, rate.laName], [62, 'E09000033', 'Westminster']);
    assert.equal(swapped.values.find((v) => v.measure === 'cla_starts_rate_per_10k')?.value, 37);
    assert.equal(swapped.values.find((v) => v.measure === 'cla_count')?.value, 186);
  });

  it('treats every suppression symbol and a blank as missing, never zero', () => {
    for (const symbol of ['c', 'x', 'u', 'z', 'low', 'k', ':', '', 'C', ' x ']) {
      const figure = parseFigure(symbol);
      assert.ok(figure, symbol);
      assert.equal(figure.value, null, `"${symbol}"`);
    }
    assert.deepEqual(parseFigure('0'), { value: 0, symbol: null });
    assert.deepEqual(parseFigure('12,183,016'), { value: 12183016, symbol: null });
    assert.equal(parseFigure('n/a'), undefined);
    assert.equal(parseFigure('12%'), undefined);
  });

  it('normalises time periods to the year the period ends', () => {
    assert.equal(periodEndYear('2025'), 2025);
    assert.equal(periodEndYear('202425'), 2025);
    assert.equal(periodEndYear('2024/25'), 2025);
    assert.equal(periodEndYear('2024-25'), 2025);
    assert.equal(periodEndYear('2024/2025'), 2025);
    assert.equal(periodEndYear('199900'), 2000);
    assert.equal(periodEndYear('202426'), undefined);
    assert.equal(periodEndYear('March 2025'), undefined);
  });

  it('reads adoption timings as years:months and converts them to days', () => {
    assert.equal(yearsMonthsToDays('01:07'), Math.round(19 * 30.4375)); // 578
    assert.equal(yearsMonthsToDays('00:10'), 304);
    assert.equal(yearsMonthsToDays('02:03'), 822);
    assert.equal(yearsMonthsToDays('01:12'), undefined); // months run 0–11
    assert.equal(yearsMonthsToDays('1.5'), undefined);
    const f = parse(
      'adoption.csv',
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,cla_group,stage_of_adoption_process,age_start_poc,number',
        '2025,Reporting year,National,E92000001,England,Age on starting final period of care,4. Total average time between entry into care and date placed for adoption,Aged 1,01:10',
        '2025,Reporting year,National,E92000001,England,Age on starting final period of care,4. Total average time between entry into care and date placed for adoption,Total,01:07',
        '2025,Reporting year,National,E92000001,England,Age on starting final period of care,Children adopted who were placed for adoption within 12 months of the LA decision to place the child for adoption,Total,1620',
        '2024,Reporting year,National,E92000001,England,Age on starting final period of care,6. Total average time between entry into care and adoption,Total,c',
      ].join('\n'),
    );
    assert.deepEqual(
      f.values.map((v) => [v.measure, v.year, v.value, v.symbol]),
      [
        ['adoption_entry_to_placed_days', 2025, 578, null],
        ['adoption_entry_to_adoption_days', 2024, null, 'c'],
      ],
    );
  });

  it('derives care leavers in touch as 100 minus "information not known", and assessment factor shares', () => {
    const f = parse(
      'activity.csv',
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent',
        '2025,Reporting year,National,E92000001,England,,,,,,19 to 21 years,"Total in education, employment or training",20760,54',
        '2025,Reporting year,National,E92000001,England,,,,,,19 to 21 years,Total information not known,2390,6',
        '2025,Reporting year,National,E92000001,England,,,,,,17 to 18 years,Total information not known,c,c',
      ].join('\n'),
    );
    assert.equal(f.kind, 'care_leavers_activity');
    const v = (m: string) => f.values.find((x) => x.measure === m);
    assert.equal(v('careleavers_eet_19_21_pct')?.value, 54);
    assert.equal(v('careleavers_in_touch_19_21_pct')?.value, 94);
    assert.equal(v('careleavers_in_touch_17_18_pct')?.value, null);
    assert.ok(f.measuresWithoutRows.includes('careleavers_eet_17_18_pct'));

    const c3 = parse(
      'c3.csv',
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,Episodes_with_assessment_factor,Domestic_Abuse_parent,Mental_Health_parent,Drug_Misuse_parent,Neglect,Emotional_Abuse',
        '2025,Reporting year,National,E92000001,England,,,,,,Factors,513250,162890,171780,72620,90370,97700',
        '2025,Reporting year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,Factors,0,0,0,0,0,0',
      ].join('\n'),
    );
    assert.equal(
      c3.values.find((x) => x.measure === 'c3_domestic_abuse_parent_pct' && x.level === 'national')?.value,
      31.7,
    );
    // no assessments with factors: no share, not 0%
    assert.equal(c3.values.find((x) => x.measure === 'c3_neglect_pct' && x.level === 'la')?.value, null);
  });

  it('tells apart the two care leaver files, which share their columns, by their breakdowns', () => {
    const f = parse(
      'whatever-name.csv',
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent',
        '2025,Reporting year,National,E92000001,England,,,,,,17 to 18 years,Accommodation considered suitable,13380,91',
        '2025,Reporting year,National,E92000001,England,,,,,,17 to 18 years,Suitability total,14750,100',
      ].join('\n'),
    );
    assert.equal(f.kind, 'care_leavers_accommodation');
    assert.equal(f.values[0]?.measure, 'careleavers_suitable_17_18_pct');
    assert.equal(f.values[0]?.value, 91);
  });

  it('reads both statistical neighbour tables, including the 2021 one’s repeated SNP columns and section rows', () => {
    const sn2021 = parse(
      'sn2021.csv',
      [
        '\uFEFFLA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP,SN3,SNP,SN4,SNP,SN5,SNP,SN6,SNP,SN7,SNP,SN8,SNP,SN9,SNP,SN10,SNP,',
        '213,Westminster,213,3,London (Inner),202,Very Close,205,Close,207,Close,206,Somewhat close,212,Somewhat close,352,Not Close,203,Not Close,870,Not Close,302,Not Close,315,Not Close,',
        ',,,,,,,,,,,,,,,,,,,,,,,,,',
        ',Old SNs:,,,,,,,,,,,,,,,,,,,,,,,,',
        '835,Dorset (Pre LG),835,7,South West,893,Extremely Close,878,Extremely Close,916,Extremely Close,885,Very Close,933,Very Close,938,Very Close,865,Very Close,802,Very Close,935,Very Close,845,Very Close,',
      ].join('\n'),
    );
    assert.equal(sn2021.kind, 'sn_2021');
    const westminster = sn2021.neighbours.filter((n) => n.oldCode === '213');
    assert.deepEqual(
      westminster.map((n) => n.neighbourOldCode),
      ['202', '205', '207', '206', '212', '352', '203', '870', '302', '315'],
    );
    assert.deepEqual(
      [westminster[0]!.closeness, westminster[9]!.closeness, westminster[9]!.rank, westminster[0]!.model],
      ['Very Close', 'Not Close', 10, '2021'],
    );
    assert.equal(sn2021.neighbours.filter((n) => n.oldCode === '835').length, 10);

    const sn2025 = parse(
      'sn2025.csv',
      [
        '\uFEFFold_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P,SN_4,SN_4P,SN_5,SN_5P,SN_6,SN_6P,SN_7,SN_7P,SN_8,SN_8P,SN_9,SN_9P,SN_10,SN_10P',
        '213,Westminster,3,London,202,Close ,206,Close ,210,Somewhat close,207,Somewhat close,205,Somewhat close,208,Somewhat close,203,Not close,352,Not close,204,Not close,309,Not close',
      ].join('\n'),
    );
    assert.equal(sn2025.kind, 'sn_2025');
    assert.deepEqual(sn2025.neighbours.map((n) => [n.rank, n.neighbourOldCode, n.closeness]).slice(0, 2), [
      [1, '202', 'Close'],
      [2, '206', 'Close'],
    ]);
  });

  it('names the file and the columns it expects when it does not recognise a file', () => {
    const e = errorOf('inspections.csv', 'urn,la_name,overall_effectiveness\n1,Westminster,Outstanding\n');
    assert.equal(e.file, 'inspections.csv');
    assert.match(e.message, /^inspections\.csv: not a DfE statistics file Oversight recognises/);
    assert.match(e.message, /Its columns are: urn, la_name, overall_effectiveness/);
    assert.match(
      e.message,
      /children in need referrals and re-referrals \(C1\): time_period, geographic_level, referral_count/,
    );
    assert.match(e.message, /statistical neighbours, 2025 model: old_la_code, la_name, SN_1/);
    assert.match(errorOf('empty.csv', '').message, /empty\.csv: the file is empty/);
  });

  it('names the file, line and column of a malformed row', () => {
    const bad = (row: string) =>
      errorOf(
        'c1.csv',
        `${C1_HEADER}\n2025,Reporting year,National,E92000001,England,,,,,,R,1,1,1,1,1\n${row}\n`,
      );
    let e = bad(
      '2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,213,E09000033,Westminster,R,1752,325,18.6%,308,17.6',
    );
    assert.equal(e.line, 3);
    assert.equal(e.column, 'rereferral_percent');
    assert.match(e.message, /^c1\.csv line 3, column "rereferral_percent": "18\.6%" is not a number/);
    e = bad('March 2025,Reporting year,National,E92000001,England,,,,,,R,1,1,1,1,1');
    assert.match(e.message, /c1\.csv line 3, column "time_period": "March 2025" is not a year/);
    e = bad(
      '2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,21,E09000033,Westminster,R,1,1,1,1,1',
    );
    assert.match(e.message, /line 3, column "old_la_code": "21" is not a 3-digit/);
    e = bad(
      '2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,213,E09000033,Westminster,R,1,1,1',
    );
    assert.match(e.message, /c1\.csv line 3: has 14 values but the header has 16 columns/);
    e = bad('2025,Reporting year,National,E92000001,England,,,,,,R,2,2,2,2,2');
    assert.match(
      e.message,
      /c1\.csv line 3: a second national row in 2025 for the same figure \(the first is on line 2\)/,
    );
    e = bad('2025,Reporting year,,E92000001,England,,,,,,R,2,2,2,2,2');
    assert.match(e.message, /line 3, column "geographic_level": is blank/);
  });

  it('skips rows at geographic levels benchmarks do not use, and counts them', () => {
    const f = parse(
      'c1.csv',
      `${C1_HEADER}\n2025,Reporting year,Local authority district,E92000001,England,,,,,,R,1,1,1,1,1\n2025,Reporting year,National,E92000001,England,,,,,,R,1,1,1,1,1\n`,
    );
    assert.deepEqual(f.skippedLevels, { 'Local authority district': 1 });
    assert.equal(f.values.filter((v) => v.level === 'national').length, 3);
  });

  it('keeps a joint return of two councils under both codes ("940 / 941")', () => {
    const f = parseBenchmarkFile(
      'csww.csv',
      Buffer.from(
        [
          'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,inpost_fte,turnover_rate_fte,agency_rate_fte,vacancy_rate_fte,caseload_fte,absence_rate_fte',
          '2025,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,940 / 941,E06000061 / E06000062,North Northamptonshire / West Northamptonshire,300,12.5,x,low,17.1,3',
        ].join('\n'),
      ),
    );
    const turnover = f.values.find((v) => v.measure === 'csww_turnover_rate')!;
    assert.deepEqual(
      [turnover.oldCode, turnover.newCode, turnover.value],
      ['940 / 941', 'E06000061 / E06000062', 12.5],
    );
    assert.equal(f.values.find((v) => v.measure === 'csww_vacancy_rate')?.value, null);
  });
});
