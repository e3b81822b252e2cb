/**
 * Reading DfE's published statistics files (Explore Education Statistics layout) and the statistical neighbour
 * tables: which file is which (by its header columns), and the values each row gives for each measure.
 * Pure: bytes in, values out; storing them is the importer's job.
 */
import { createHash } from 'node:crypto';
import { CsvRecordParser } from '../ingest/annex-a/readers/csv-parser.ts';
import type { RawRow } from '../ingest/annex-a/readers/source.ts';

export class BenchmarkImportError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null = null,
    readonly column: string | null = null,
  ) {
    super(message);
  }
}

export type GeographicLevel = 'national' | 'regional' | 'la';

export interface ParsedValue {
  measure: string;
  year: number;
  level: GeographicLevel;
  regionCode: string | null;
  regionName: string | null;
  oldCode: string | null;
  newCode: string | null;
  laName: string | null;
  value: number | null;
  /** the DfE symbol published instead of a number (c, x, u, z, low, k, :), or '' for a blank */
  symbol: string | null;
  line: number;
}

export interface ParsedNeighbour {
  model: '2025' | '2021';
  oldCode: string;
  laName: string;
  rank: number;
  neighbourOldCode: string;
  closeness: string | null;
}

export interface ParsedFile {
  file: string;
  kind: string;
  title: string;
  sha256: string;
  bytes: number;
  rowsRead: number;
  values: ParsedValue[];
  neighbours: ParsedNeighbour[];
  years: number[];
  /** rows at geographic levels benchmarks do not use (e.g. local authority district), by level */
  skippedLevels: Record<string, number>;
  /** measures the file's kind provides but this file had no rows for */
  measuresWithoutRows: string[];
}

/**
 * DfE's symbols for a figure that is not published: c confidential (suppressed), x not available, u low
 * reliability, z not applicable, low / k a figure that rounds to zero but is not zero, : not available (older
 * files). Each is a missing value, never a zero.
 */
export const SUPPRESSION_SYMBOLS: ReadonlySet<string> = new Set(['c', 'x', 'u', 'z', 'low', 'k', ':', '..']);

type Transform =
  | { kind: 'as_published' }
  | { kind: 'hundred_minus' }
  | { kind: 'years_months_to_days' }
  | { kind: 'percent_of'; denominator: string };

interface Picker {
  measure: string;
  column: string;
  where?: Readonly<Record<string, string>>;
  transform?: Transform;
}

interface EesKind {
  layout: 'ees';
  kind: string;
  title: string;
  /** columns (besides time_period and geographic_level) that identify the file */
  headers: readonly string[];
  /** for kinds sharing their headers with another: a value that must appear in a column */
  content?: { column: string; anyOf: readonly string[] };
  pickers: readonly Picker[];
}

interface NeighbourKind {
  layout: 'sn_2025' | 'sn_2021';
  kind: string;
  title: string;
  headers: readonly string[];
}

type FileKind = EesKind | NeighbourKind;

const pct = (denominator: string): Transform => ({ kind: 'percent_of', denominator });

const C3_FACTORS: readonly [string, string][] = [
  ['c3_domestic_abuse_parent_pct', 'Domestic_Abuse_parent'],
  ['c3_mental_health_parent_pct', 'Mental_Health_parent'],
  ['c3_drug_misuse_parent_pct', 'Drug_Misuse_parent'],
  ['c3_neglect_pct', 'Neglect'],
  ['c3_emotional_abuse_pct', 'Emotional_Abuse'],
];

const CLA_31 = 'Children looked after on 31 March each year';
const CLA_STARTING = 'Children starting to be looked after each year';
const LONG_TERM = 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years';

function careLeaverPickers(kind: 'activity' | 'accommodation'): Picker[] {
  const out: Picker[] = [];
  for (const [suffix, age] of [
    ['19_21', '19 to 21 years'],
    ['17_18', '17 to 18 years'],
  ] as const) {
    if (kind === 'activity') {
      out.push({
        measure: `careleavers_eet_${suffix}_pct`,
        column: 'care_leaver_percent',
        where: { care_leaver_age: age, breakdown: 'Total in education, employment or training' },
      });
      out.push({
        measure: `careleavers_in_touch_${suffix}_pct`,
        column: 'care_leaver_percent',
        where: { care_leaver_age: age, breakdown: 'Total information not known' },
        transform: { kind: 'hundred_minus' },
      });
    } else {
      out.push({
        measure: `careleavers_suitable_${suffix}_pct`,
        column: 'care_leaver_percent',
        where: { care_leaver_age: age, breakdown: 'Accommodation considered suitable' },
      });
    }
  }
  return out;
}

const ADOPTION_STAGES: readonly [string, string][] = [
  [
    'adoption_entry_to_placed_days',
    '4. Total average time between entry into care and date placed for adoption',
  ],
  [
    'adoption_entry_to_decision_days',
    '1. Average time between entry into care and decision that child should be placed for adoption',
  ],
  [
    'adoption_decision_to_match_days',
    '2. Average time between decision that child should be placed for adoption and matching of child and adopters',
  ],
  ['adoption_entry_to_adoption_days', '6. Total average time between entry into care and adoption'],
];

/** Every file Oversight recognises, with the columns that identify it. */
export const FILE_KINDS: readonly FileKind[] = [
  {
    layout: 'ees',
    kind: 'c1_referrals',
    title: 'children in need referrals and re-referrals (C1)',
    headers: ['referral_count', 'rereferral_percent', 'no_further_action_percent'],
    pickers: [
      { measure: 'c1_referral_count', column: 'referral_count' },
      { measure: 'c1_rereferral_pct', column: 'rereferral_percent' },
      { measure: 'c1_nfa_pct', column: 'no_further_action_percent' },
    ],
  },
  {
    layout: 'ees',
    kind: 'b1_children_in_need',
    title: 'children in need (B1)',
    headers: ['At31_episodes', 'Anypoint_child', 'Started_episodes'],
    pickers: [{ measure: 'b1_cin_count', column: 'At31_episodes' }],
  },
  {
    layout: 'ees',
    kind: 'c3_assessment_factors',
    title: 'factors identified at the end of assessment (C3)',
    headers: ['Episodes_with_assessment_factor', ...C3_FACTORS.map(([, c]) => c)],
    pickers: C3_FACTORS.map(([measure, column]) => ({
      measure,
      column,
      transform: pct('Episodes_with_assessment_factor'),
    })),
  },
  {
    layout: 'ees',
    kind: 'd3_subsequent_plans',
    title: 'second or subsequent child protection plans (D3)',
    headers: ['CPP_start', 'CPP_subsequent', 'CPP_subsequent_percent'],
    pickers: [{ measure: 'd3_cp_subsequent_pct', column: 'CPP_subsequent_percent' }],
  },
  {
    layout: 'ees',
    kind: 'd5_plan_durations',
    title: 'child protection plans at 31 March by duration (D5)',
    headers: ['CPP_At31', '2_years_or_more', '2_years_or_more_percent'],
    pickers: [
      { measure: 'd5_cp_count', column: 'CPP_At31' },
      { measure: 'd5_cp_2y_plus_pct', column: '2_years_or_more_percent' },
    ],
  },
  {
    layout: 'ees',
    kind: 'cla_rate',
    title: 'children looked after: number and rate per 10,000 children',
    headers: ['population_type', 'population_estimate', 'children_count', 'rate_per_10000'],
    pickers: [
      { measure: 'cla_count', column: 'children_count', where: { population_type: CLA_31 } },
      { measure: 'cla_rate_per_10k', column: 'rate_per_10000', where: { population_type: CLA_31 } },
      {
        measure: 'cla_starts_rate_per_10k',
        column: 'rate_per_10000',
        where: { population_type: CLA_STARTING },
      },
    ],
  },
  {
    layout: 'ees',
    kind: 'cla_placement_stability',
    title: 'children looked after: placement stability',
    headers: ['cla_group', 'placement_stability', 'children_count', 'children_percent'],
    pickers: [
      {
        measure: 'cla_3plus_placements_pct',
        column: 'children_percent',
        where: {
          cla_group: 'CLA on 31 March',
          placement_stability: 'With 3 or more placements during the year',
        },
      },
      {
        measure: 'cla_long_term_stability_pct',
        column: 'children_percent',
        where: {
          cla_group: LONG_TERM,
          placement_stability: 'Living with the same carer for at least 2 years',
        },
      },
    ],
  },
  {
    layout: 'ees',
    kind: 'cla_social_worker_changes',
    title: 'children looked after: number of social workers in the year',
    headers: ['cla_group', 'sw_stability', 'number', 'percentage'],
    pickers: [
      {
        measure: 'cla_3plus_social_workers_pct',
        column: 'percentage',
        where: { cla_group: 'CLA on 31 March', sw_stability: '3 or more social workers during the year' },
      },
    ],
  },
  {
    layout: 'ees',
    kind: 'care_leavers_activity',
    title: 'care leavers: activity',
    headers: ['care_leaver_age', 'breakdown', 'care_leaver_count', 'care_leaver_percent'],
    content: { column: 'breakdown', anyOf: ['Total in education, employment or training'] },
    pickers: careLeaverPickers('activity'),
  },
  {
    layout: 'ees',
    kind: 'care_leavers_accommodation',
    title: 'care leavers: suitability of accommodation',
    headers: ['care_leaver_age', 'breakdown', 'care_leaver_count', 'care_leaver_percent'],
    content: { column: 'breakdown', anyOf: ['Accommodation considered suitable', 'Suitability total'] },
    pickers: careLeaverPickers('accommodation'),
  },
  {
    layout: 'ees',
    kind: 'csww_workforce',
    title: 'children’s social work workforce indicators',
    headers: ['turnover_rate_fte', 'agency_rate_fte', 'vacancy_rate_fte', 'caseload_fte', 'absence_rate_fte'],
    pickers: [
      { measure: 'csww_turnover_rate', column: 'turnover_rate_fte' },
      { measure: 'csww_agency_rate', column: 'agency_rate_fte' },
      { measure: 'csww_vacancy_rate', column: 'vacancy_rate_fte' },
      { measure: 'csww_absence_rate', column: 'absence_rate_fte' },
      { measure: 'csww_caseload_fte', column: 'caseload_fte' },
      { measure: 'csww_inpost_fte', column: 'inpost_fte' },
    ],
  },
  {
    layout: 'ees',
    kind: 'ons_population',
    title: 'ONS mid-year population estimates',
    headers: ['age_group', 'population_estimate'],
    pickers: [
      {
        measure: 'ons_population_0_17',
        column: 'population_estimate',
        where: { age_group: 'Children aged 0 to 17 years' },
      },
    ],
  },
  {
    layout: 'ees',
    kind: 'adoption_stages',
    title: 'children adopted: average time between adoption process stages (England)',
    headers: ['stage_of_adoption_process', 'age_start_poc', 'number'],
    pickers: ADOPTION_STAGES.map(([measure, stage]) => ({
      measure,
      column: 'number',
      where: { stage_of_adoption_process: stage, age_start_poc: 'Total' },
      transform: { kind: 'years_months_to_days' },
    })),
  },
  {
    layout: 'sn_2025',
    kind: 'sn_2025',
    title: 'statistical neighbours, 2025 model',
    headers: ['old_la_code', 'la_name', 'SN_1', 'SN_1P', 'SN_10', 'SN_10P'],
  },
  {
    layout: 'sn_2021',
    kind: 'sn_2021',
    title: 'statistical neighbours, 2021 model',
    headers: ['LA num', 'LA Name', 'SN1', 'SNP', 'SN10'],
  },
];

/** The measures each kind of file provides. */
export function measuresOfKind(kind: string): string[] {
  const k = FILE_KINDS.find((f) => f.kind === kind);
  return k && k.layout === 'ees' ? [...new Set(k.pickers.map((p) => p.measure))] : [];
}

const EES_BASE = ['time_period', 'geographic_level'];

function expectedHeadersText(): string {
  return FILE_KINDS.map((k) => {
    const cols = k.layout === 'ees' ? [...EES_BASE, ...k.headers] : k.headers;
    const content =
      k.layout === 'ees' && k.content ? ` (and ${k.content.column} "${k.content.anyOf[0]}")` : '';
    return `  - ${k.title}: ${cols.join(', ')}${content}`;
  }).join('\n');
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface CsvTable {
  header: string[];
  rows: { fields: string[]; line: number }[];
}

function readCsv(file: string, bytes: Buffer): CsvTable {
  let records: RawRow[];
  try {
    const parser = new CsvRecordParser(',');
    records = parser.push(decode(bytes));
    parser.end(records);
  } catch (error) {
    throw new BenchmarkImportError(`${file}: not readable as CSV: ${(error as Error).message}`, file);
  }
  const text = (c: RawRow['cells'][number]) => (typeof c === 'string' ? c : c === null ? '' : String(c));
  const first = records[0];
  if (!first) throw new BenchmarkImportError(`${file}: the file is empty`, file);
  const header = first.cells.map((h) => text(h).trim());
  const rows: CsvTable['rows'] = [];
  for (const r of records.slice(1)) {
    const fields = r.cells.map(text);
    if (fields.every((f) => f.trim() === '')) continue;
    if (fields.length !== header.length)
      throw new BenchmarkImportError(
        `${file} line ${String(r.number)}: has ${String(fields.length)} values but the header has ${String(header.length)} columns (a missing or extra comma, or an unclosed quote)`,
        file,
        r.number,
      );
    rows.push({ fields, line: r.number });
  }
  return { header, rows };
}

function columnIndex(header: string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

function recognise(file: string, table: CsvTable): FileKind {
  const index = columnIndex(table.header);
  const has = (c: string) => index.has(c.toLowerCase());
  const candidates = FILE_KINDS.filter((k) =>
    (k.layout === 'ees' ? [...EES_BASE, ...k.headers] : k.headers).every(has),
  );
  const matching = candidates.filter((k) => {
    if (k.layout !== 'ees' || !k.content) return true;
    const i = index.get(k.content.column.toLowerCase());
    if (i === undefined) return false;
    const wanted = new Set(k.content.anyOf);
    return table.rows.some((r) => wanted.has((r.fields[i] ?? '').trim()));
  });
  if (matching.length === 1) return matching[0]!;
  const shown = table.header.slice(0, 16).join(', ') + (table.header.length > 16 ? ', …' : '');
  if (matching.length > 1)
    throw new BenchmarkImportError(
      `${file}: its columns fit more than one kind of DfE file (${matching.map((k) => k.title).join('; ')}); it cannot be imported as it is`,
      file,
    );
  throw new BenchmarkImportError(
    `${file}: not a DfE statistics file Oversight recognises. Its columns are: ${shown}.\nOversight recognises files with these columns:\n${expectedHeadersText()}`,
    file,
  );
}

const NUMBER = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/** A published figure: a number, or a DfE symbol for a missing one (returned as null with the symbol). */
export function parseFigure(raw: string): { value: number | null; symbol: string | null } | undefined {
  const text = raw.trim();
  if (text === '') return { value: null, symbol: '' };
  const lower = text.toLowerCase();
  if (SUPPRESSION_SYMBOLS.has(lower)) return { value: null, symbol: lower };
  if (NUMBER.test(text)) return { value: Number(text.replace(/,/g, '')), symbol: null };
  return undefined;
}

/** "01:07" (years:months, as DfE publishes adoption timings) to days at 365.25 / 12 days a month. */
export function yearsMonthsToDays(raw: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
  if (!m) return undefined;
  const months = Number(m[2]);
  if (months > 11) return undefined;
  return Math.round((Number(m[1]) * 12 + months) * (365.25 / 12));
}

/**
 * DfE's time_period as the integer year the period ends: 2025 → 2025; 202425, 2024/25, 2024-25 or 2024/2025 →
 * 2025. Undefined when it is none of these.
 */
export function periodEndYear(raw: string): number | undefined {
  const text = raw.trim();
  if (/^\d{4}$/.test(text)) return Number(text);
  const m = /^(\d{4})[/-]?(\d{2}|\d{4})$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2]!.length === 4 ? Number(m[2]) : Math.floor(start / 100) * 100 + Number(m[2]);
  const fixed = end < start ? end + 100 : end;
  return fixed === start + 1 ? fixed : undefined;
}

const LEVELS: Record<string, GeographicLevel> = {
  national: 'national',
  regional: 'regional',
  'local authority': 'la',
};

const OLD_CODE = /^\d{3}( \/ \d{3})*$/;
const NEW_CODE = /^E\d{8}( \/ E\d{8})*$/;

function tidyCode(raw: string): string {
  return raw.trim().replace(/\s*\/\s*/g, ' / ');
}

function parseEes(
  file: string,
  kind: EesKind,
  table: CsvTable,
): Omit<ParsedFile, 'sha256' | 'bytes' | 'file'> {
  const index = columnIndex(table.header);
  const col = (name: string) => index.get(name.toLowerCase());
  const cell = (fields: string[], name: string) => {
    const i = col(name);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const values: ParsedValue[] = [];
  const years = new Set<number>();
  const skippedLevels: Record<string, number> = {};
  const seen = new Map<string, number>();
  const counts = new Map<string, number>();
  const fail = (line: number, column: string | null, message: string): never => {
    throw new BenchmarkImportError(
      `${file} line ${String(line)}${column ? `, column "${column}"` : ''}: ${message}`,
      file,
      line,
      column,
    );
  };

  for (const { fields, line } of table.rows) {
    const levelText = cell(fields, 'geographic_level');
    const level = LEVELS[levelText.toLowerCase()];
    if (!level) {
      if (levelText === '')
        fail(line, 'geographic_level', 'is blank; expected National, Regional or Local authority');
      skippedLevels[levelText] = (skippedLevels[levelText] ?? 0) + 1;
      continue;
    }
    const periodText = cell(fields, 'time_period');
    const year = periodEndYear(periodText);
    if (year === undefined)
      fail(line, 'time_period', `"${periodText}" is not a year like 2025 or a year span like 202425`);
    const y = year!;

    let regionCode: string | null = null;
    let regionName: string | null = null;
    let oldCode: string | null = null;
    let newCode: string | null = null;
    let laName: string | null = null;
    if (level !== 'national') {
      regionCode = cell(fields, 'region_code') || null;
      regionName = cell(fields, 'region_name') || null;
      if (level === 'regional' && !regionCode)
        fail(line, 'region_code', 'a Regional row needs its region code (like E12000007)');
    }
    if (level === 'la') {
      oldCode = tidyCode(cell(fields, 'old_la_code')) || null;
      newCode = tidyCode(cell(fields, 'new_la_code')) || null;
      laName = cell(fields, 'la_name') || null;
      if (oldCode && !OLD_CODE.test(oldCode))
        fail(line, 'old_la_code', `"${oldCode}" is not a 3-digit local authority code like 213`);
      if (newCode && !NEW_CODE.test(newCode))
        fail(line, 'new_la_code', `"${newCode}" is not a local authority code like E09000033`);
      if (!oldCode && !newCode)
        fail(
          line,
          'old_la_code',
          'a Local authority row needs old_la_code (like 213) or new_la_code (like E09000033)',
        );
    }

    for (const picker of kind.pickers) {
      if (picker.where && !Object.entries(picker.where).every(([c, v]) => cell(fields, c) === v)) continue;
      const raw = cell(fields, picker.column);
      if (col(picker.column) === undefined) continue;
      let figure: { value: number | null; symbol: string | null } | undefined;
      const transform = picker.transform ?? { kind: 'as_published' };
      if (transform.kind === 'years_months_to_days') {
        const symbol = parseFigure(raw);
        if (symbol && symbol.value === null) figure = symbol;
        else {
          const days = yearsMonthsToDays(raw);
          if (days === undefined)
            fail(line, picker.column, `"${raw}" is not a time in years:months like 01:07, nor a DfE symbol`);
          figure = { value: days!, symbol: null };
        }
      } else {
        figure = parseFigure(raw);
        if (!figure)
          fail(
            line,
            picker.column,
            `"${raw}" is not a number nor a DfE symbol for a missing figure (c, x, u, z, low, k, :)`,
          );
        if (figure!.value !== null && transform.kind === 'hundred_minus')
          figure = { value: Math.round((100 - figure!.value) * 1e6) / 1e6, symbol: null };
        if (figure!.value !== null && transform.kind === 'percent_of') {
          const denRaw = cell(fields, transform.denominator);
          const den = parseFigure(denRaw);
          if (!den)
            fail(
              line,
              transform.denominator,
              `"${denRaw}" is not a number nor a DfE symbol for a missing figure`,
            );
          figure =
            den!.value === null || den!.value === 0
              ? { value: null, symbol: den!.value === 0 ? 'z' : den!.symbol }
              : { value: Math.round((figure!.value / den!.value) * 1000) / 10, symbol: null };
        }
      }
      const key = `${picker.measure}|${String(y)}|${level}|${regionCode ?? ''}|${oldCode ?? newCode ?? ''}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        fail(
          line,
          null,
          `a second ${level === 'la' ? `row for local authority ${oldCode ?? newCode ?? ''}` : `${level} row`}${level === 'regional' ? ` for ${regionCode ?? ''}` : ''} in ${String(y)} for the same figure (the first is on line ${String(earlier)})`,
        );
      seen.set(key, line);
      values.push({
        measure: picker.measure,
        year: y,
        level,
        regionCode,
        regionName,
        oldCode,
        newCode,
        laName,
        value: figure!.value,
        symbol: figure!.symbol,
        line,
      });
      counts.set(picker.measure, (counts.get(picker.measure) ?? 0) + 1);
      years.add(y);
    }
  }
  return {
    kind: kind.kind,
    title: kind.title,
    rowsRead: table.rows.length,
    values,
    neighbours: [],
    years: [...years].sort((a, b) => a - b),
    skippedLevels,
    measuresWithoutRows: measuresOfKind(kind.kind).filter((m) => !counts.has(m)),
  };
}

function parseNeighbours(
  file: string,
  kind: NeighbourKind,
  table: CsvTable,
): Omit<ParsedFile, 'sha256' | 'bytes' | 'file'> {
  const model = kind.layout === 'sn_2025' ? '2025' : '2021';
  const lower = table.header.map((h) => h.toLowerCase());
  const at = (name: string) => lower.indexOf(name.toLowerCase());
  const codeAt = at(model === '2025' ? 'old_la_code' : 'LA num');
  const nameAt = at(model === '2025' ? 'la_name' : 'LA Name');
  // the 2021 table repeats "SNP" after every neighbour, so its closeness is the column after each SNn
  const slots: { rank: number; code: number; closeness: number }[] = [];
  for (let rank = 1; rank <= 10; rank++) {
    const code = at(model === '2025' ? `SN_${String(rank)}` : `SN${String(rank)}`);
    if (code < 0)
      throw new BenchmarkImportError(
        `${file}: the statistical neighbour table has no column for neighbour ${String(rank)}`,
        file,
      );
    const closeness = model === '2025' ? at(`SN_${String(rank)}P`) : code + 1;
    slots.push({ rank, code, closeness });
  }
  const neighbours: ParsedNeighbour[] = [];
  const seen = new Map<string, number>();
  for (const { fields, line } of table.rows) {
    const code = (fields[codeAt] ?? '').trim();
    // blank rows and the 2021 table's section labels ("Old SNs:") have no LA number
    if (code === '') continue;
    if (!/^\d{3}$/.test(code))
      throw new BenchmarkImportError(
        `${file} line ${String(line)}, column "${table.header[codeAt] ?? ''}": "${code}" is not a 3-digit local authority code`,
        file,
        line,
        table.header[codeAt] ?? null,
      );
    const earlier = seen.get(code);
    if (earlier !== undefined)
      throw new BenchmarkImportError(
        `${file} line ${String(line)}: a second row for local authority ${code} (the first is on line ${String(earlier)})`,
        file,
        line,
      );
    seen.set(code, line);
    const laName = (fields[nameAt] ?? '').trim();
    for (const slot of slots) {
      const neighbour = (fields[slot.code] ?? '').trim();
      if (neighbour === '') continue;
      if (!/^\d{3}$/.test(neighbour))
        throw new BenchmarkImportError(
          `${file} line ${String(line)}, column "${table.header[slot.code] ?? ''}": "${neighbour}" is not a 3-digit local authority code`,
          file,
          line,
          table.header[slot.code] ?? null,
        );
      const closeness = slot.closeness >= 0 ? (fields[slot.closeness] ?? '').trim() : '';
      neighbours.push({
        model,
        oldCode: code,
        laName,
        rank: slot.rank,
        neighbourOldCode: neighbour,
        closeness: closeness || null,
      });
    }
  }
  if (neighbours.length === 0)
    throw new BenchmarkImportError(
      `${file}: the statistical neighbour table has no local authority rows`,
      file,
    );
  return {
    kind: kind.kind,
    title: kind.title,
    rowsRead: table.rows.length,
    values: [],
    neighbours,
    years: [],
    skippedLevels: {},
    measuresWithoutRows: [],
  };
}

/** Recognises and reads one file. Throws BenchmarkImportError naming the file (and line and column). */
export function parseBenchmarkFile(file: string, bytes: Buffer): ParsedFile {
  const table = readCsv(file, bytes);
  const kind = recognise(file, table);
  const parsed = kind.layout === 'ees' ? parseEes(file, kind, table) : parseNeighbours(file, kind, table);
  return {
    ...parsed,
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
  };
}
