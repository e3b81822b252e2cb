/**
 * Faults the demo council can carry, like real councils' files do: header variants, mixed code styles,
 * blanks, `#N/A`, `NULL`, impossible dates, dates out of order, a duplicated child in List 8, a period in care
 * ceased with no reason. Each is recorded with its exact row and column and what an importer should say.
 */
import { CODE_SET_BY_HEADER } from './codes.ts';
import { ANNEX_A_HEADERS, KEY_DATE_HEADER, LIST_COLUMNS, columnIndex } from './layout.ts';
import type { DemoListNumber } from './layout.ts';
import type { Rng } from './prng.ts';
import { cellText, formatDmy } from './sinks.ts';
import type { Cell } from './sinks.ts';

export type ExpectIssue = 'error' | 'warning' | 'query' | 'none';

export interface InjectedFault {
  list: number;
  /** the file's name inside outDir ('list_3.csv', 'annex-a.xlsx'), so faults.json is the same wherever written */
  file: string;
  sheet: string | null;
  /** Excel row number, header row = 1; CSV line number likewise */
  row: number;
  /** header as written */
  column: string;
  kind: string;
  value: string;
  expectIssue: ExpectIssue;
}

/** A fault before it is given its file and sheet. */
export type FaultAt = Omit<InjectedFault, 'file' | 'sheet'>;

const ID_HEADERS = new Set(['Child Unique ID', 'Individual adopter identifier']);

/** Chance that a list's headers carry one variant, when faults are on. */
const HEADER_VARIANT_CHANCE = 0.4;

export class FaultInjector {
  /** headers as written, per list */
  readonly written = new Map<DemoListNumber, string[]>();
  readonly faults: FaultAt[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly rate: number,
  ) {}

  /** The headers to write for a list (with at most one variant when faults are on). */
  headers(list: DemoListNumber): string[] {
    const headers = [...ANNEX_A_HEADERS[list]];
    this.written.set(list, headers);
    if (this.rate <= 0 || !this.rng.chance(HEADER_VARIANT_CHANCE)) return headers;
    const rng = this.rng;
    const candidates: { i: number; kind: string; value: string }[] = [];
    headers.forEach((h, i) => {
      if (h === 'Age') candidates.push({ i, kind: 'header-variant-wording', value: 'Age of Child (Years)' });
      if (h === 'Age of Child (Years)') candidates.push({ i, kind: 'header-variant-wording', value: 'Age' });
      if (h.includes("'"))
        candidates.push({ i, kind: 'header-curly-quotes', value: h.replace(/'/g, '\u2019') });
      if (h.includes('\u2018')) {
        candidates.push({ i, kind: 'header-straight-quotes', value: h.replace(/[\u2018\u2019]/g, "'") });
      }
      if (i > 0) {
        candidates.push({ i, kind: 'header-trailing-space', value: `${h} ` });
        candidates.push({
          i,
          kind: 'header-case',
          value: rng.chance(0.5) ? h.toUpperCase() : h.toLowerCase(),
        });
        if (h.includes(' '))
          candidates.push({ i, kind: 'header-no-break-space', value: h.replace(' ', '\u00a0') });
      }
    });
    const c = rng.pick(candidates);
    headers[c.i] = c.value;
    this.faults.push({ list, row: 1, column: c.value, kind: c.kind, value: c.value, expectIssue: 'none' });
    return headers;
  }

  /**
   * Maybe gives a row a fault (mutating `cells`). Returns true when List 8's row should be followed by a
   * duplicate of itself (the caller writes it and calls `recordDuplicate`).
   */
  row(list: DemoListNumber, rowNumber: number, cells: Cell[]): boolean {
    if (this.rate <= 0 || !this.rng.chance(this.rate)) return false;
    const rng = this.rng;
    const headers = ANNEX_A_HEADERS[list];
    const written = this.written.get(list) ?? [...headers];
    const record = (i: number, kind: string, value: Cell, expectIssue: ExpectIssue) => {
      cells[i] = value;
      this.faults.push({
        list,
        row: rowNumber,
        column: written[i] as string,
        kind,
        value: cellText(list, i, value),
        expectIssue,
      });
    };
    const at = (h: string) => columnIndex(list, h);
    const date = (h: string) => {
      const v = cells[at(h)];
      return typeof v === 'number' ? v : null;
    };

    // Faults that only make sense on some rows, tried first with a fair chance.
    const specific: (() => boolean)[] = [];
    if (list === 4) {
      specific.push(() => {
        const s = date('Continuous Assessment Start Date');
        if (s === null || date('Continuous Assessment Date of Authorisation') === null) return false;
        record(
          at('Continuous Assessment Date of Authorisation'),
          'authorised-before-start',
          s - rng.int(1, 20),
          'error',
        );
        return true;
      });
    }
    if (list === 5) {
      specific.push(() => {
        const s = date('Strategy discussion initiating Section 47 Enquiry Start Date');
        if (s === null || date('Date of Initial Child Protection Conference') === null) return false;
        record(
          at('Date of Initial Child Protection Conference'),
          'icpc-before-strategy-discussion',
          s - rng.int(1, 10),
          'warning',
        );
        return true;
      });
    }
    if (list === 7) {
      specific.push(() => {
        const s = date('Child Protection Plan Start Date');
        if (s === null || date('Child Protection Plan End Date') === null) return false;
        record(at('Child Protection Plan End Date'), 'plan-ended-before-start', s - rng.int(1, 30), 'error');
        return true;
      });
    }
    let duplicate = false;
    if (list === 8) {
      specific.push(() => {
        if (date('Date Ceased to be Looked After') === null) return false;
        record(at('Reason Ceased to be Looked After'), 'ceased-without-reason', null, 'warning');
        return true;
      });
      specific.push(() => {
        duplicate = true;
        return true;
      });
    }
    if (specific.length > 0 && rng.chance(0.3)) {
      if (rng.pick(specific)()) return duplicate;
    }

    // Generic faults on a random column that has a value.
    const filled = cells.map((_, i) => i).filter((i) => cells[i] !== null && cells[i] !== '');
    if (filled.length === 0) return false;
    const i = rng.chance(0.04) ? 0 : rng.pick(filled);
    const header = headers[i] as string;
    const kind = LIST_COLUMNS[list][i]?.kind;
    const key = ID_HEADERS.has(header) || header === KEY_DATE_HEADER[list];
    const original = cells[i] as Cell;
    // Blanks, #N/A and NULL are how real files say "missing": in a required key column the row is
    // unusable (error); anywhere else the value is simply missing, which is not a problem to report.
    const options: (() => void)[] = [
      () => record(i, 'blank', null, key ? 'error' : 'none'),
      () => record(i, 'na', { error: '#N/A' }, key ? 'error' : 'none'),
      () => record(i, 'null-text', 'NULL', key ? 'error' : 'none'),
    ];
    if (kind === 'date' && typeof original === 'number') {
      const year = formatDmy(original).slice(6);
      options.push(
        () =>
          record(
            i,
            'impossible-date',
            rng.pick([`31/02/${year}`, `30/02/${year}`, `31/04/${year}`, `31/09/${year}`]),
            key ? 'error' : 'warning',
          ),
        () => record(i, 'date-as-text', rng.pick(['not known', 'TBC', 'unknown']), key ? 'error' : 'warning'),
      );
    }
    const set = CODE_SET_BY_HEADER.get(header);
    const coded = typeof original === 'string' ? set?.find(original) : undefined;
    if (set && coded) {
      options.push(
        () => record(i, 'code-bare', coded.code, 'none'),
        () => record(i, 'code-label-only', coded.label, set.labelIsUnique(coded.label) ? 'none' : 'warning'),
        () => {
          if (coded.written === `${coded.code}: ${coded.label}`) record(i, 'code-bare', coded.code, 'none');
          else record(i, 'code-colon-label', `${coded.code}: ${coded.label}`, 'none');
        },
      );
    }
    if (original === 'Yes' || original === 'No') {
      options.push(() => record(i, 'yes-no-style', original === 'Yes' ? 'a) Yes' : 'b) No', 'none'));
    } else if (original === 'a) Yes' || original === 'b) No') {
      options.push(() => record(i, 'yes-no-style', original === 'a) Yes' ? 'Y' : 'N', 'none'));
    }
    // Prefer the style faults where there are some: they are what real files mostly carry.
    const styleCount = options.length - 3;
    const choice =
      styleCount > 0 && rng.chance(0.5) ? 3 + rng.int(0, styleCount - 1) : rng.int(0, options.length - 1);
    (options[choice] as () => void)();
    return false;
  }

  recordDuplicate(rowNumber: number, cells: readonly Cell[]): void {
    this.faults.push({
      list: 8,
      row: rowNumber,
      column: (this.written.get(8) ?? [...ANNEX_A_HEADERS[8]])[0] as string,
      kind: 'duplicate-child-id',
      value: cellText(8, 0, cells[0] ?? null),
      expectIssue: 'error',
    });
  }
}
