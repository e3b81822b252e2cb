import { ANNEX_A_LISTS, isListNumber, listSpec } from './spec.ts';
import type { ColumnSpec, ListNumber, ListSpec } from './spec.ts';

/**
 * A header reduced to letters and digits: case, spaces, no-break spaces, quotes (curly or straight),
 * brackets and trailing punctuation make no difference.
 */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export interface HeaderMap {
  spec: ListSpec;
  /** for each file column index, the column it maps to (undefined: unmapped) */
  columns: (ColumnSpec | undefined)[];
  /** header text as written, per file column index */
  headers: string[];
  /** headers kept as extra, unmapped columns */
  unmapped: { index: number; header: string }[];
  /** columns that appear twice (the later one is kept as unmapped) */
  duplicated: { index: number; header: string; key: string }[];
  missingRequired: ColumnSpec[];
  /** number of the list's columns found */
  matched: number;
}

const LOOKUPS = new Map<ListNumber, Map<string, ColumnSpec>>();
for (const spec of ANNEX_A_LISTS) {
  const m = new Map<string, ColumnSpec>();
  for (const c of spec.columns) {
    for (const h of [c.header, ...(c.aliases ?? [])]) {
      const k = headerKey(h);
      if (!m.has(k)) m.set(k, c);
    }
  }
  LOOKUPS.set(spec.list, m);
}

/** Maps a header row to a list's columns. */
export function mapHeaders(list: ListNumber, headerRow: readonly (string | null)[]): HeaderMap {
  const spec = listSpec(list);
  const lookup = LOOKUPS.get(list) ?? new Map<string, ColumnSpec>();
  const columns: (ColumnSpec | undefined)[] = [];
  const headers: string[] = [];
  const unmapped: { index: number; header: string }[] = [];
  const duplicated: { index: number; header: string; key: string }[] = [];
  const seen = new Set<string>();
  headerRow.forEach((h, index) => {
    const header = h ?? '';
    headers[index] = header;
    if (header.trim() === '') return;
    const col = lookup.get(headerKey(header));
    if (!col) {
      unmapped.push({ index, header });
    } else if (seen.has(col.key)) {
      duplicated.push({ index, header, key: col.key });
      unmapped.push({ index, header });
    } else {
      seen.add(col.key);
      columns[index] = col;
    }
  });
  const missingRequired = spec.columns.filter((c) => c.required && !seen.has(c.key));
  return { spec, columns, headers, unmapped, duplicated, missingRequired, matched: seen.size };
}

const COMMON_KEYS = new Set([
  'child_id',
  'gender',
  'ethnicity',
  'date_of_birth',
  'age',
  'disability',
  'allocated_team',
  'allocated_worker',
  'uasc',
]);

/**
 * The list a header row belongs to, judged by the columns particular to each list. Null when no list
 * has at least two of its own columns (or its key date) in the row, or when two lists tie.
 */
export function detectListByHeaders(headerRow: readonly (string | null)[]): ListNumber | null {
  const keys = new Set(headerRow.filter((h): h is string => !!h).map(headerKey));
  let best: ListNumber | null = null;
  let bestScore = 0;
  let tie = false;
  for (const spec of ANNEX_A_LISTS) {
    const lookup = LOOKUPS.get(spec.list);
    if (!lookup) continue;
    const found = new Set<string>();
    for (const k of keys) {
      const c = lookup.get(k);
      if (c && !COMMON_KEYS.has(c.key)) found.add(c.key);
    }
    // the own-id column of list 11 is distinctive enough alone
    const score =
      found.size + (spec.keyDate && found.has(spec.keyDate) ? 0.5 : 0) + (found.has('adopter_id') ? 2 : 0);
    if (score > bestScore) {
      best = spec.list;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) {
      tie = true;
    }
  }
  if (tie || bestScore < 2) return null;
  return best;
}

/** Whether a row looks like a header row of some list (two or more known headers). */
export function looksLikeHeaderRow(row: readonly (string | null)[]): boolean {
  let n = 0;
  for (const h of row) {
    if (!h) continue;
    const k = headerKey(h);
    for (const lookup of LOOKUPS.values()) {
      if (lookup.has(k)) {
        n++;
        break;
      }
    }
    if (n >= 2) return true;
  }
  return false;
}

const LIST_NUMBER_RE = /(?:^|[^a-z0-9])list[\s_.\-:]*0?(\d{1,2})(?!\d)/;

/** The list a sheet or file name names: "List 1", "List_3", "Annex A List 8 - Children in care", "referrals.csv". */
export function detectListByName(name: string): ListNumber | null {
  const base = name.toLowerCase().replace(/\.(csv|xlsx|xlsm|txt)$/, '');
  const m = LIST_NUMBER_RE.exec(base);
  if (m) {
    const n = Number(m[1]);
    if (isListNumber(n)) return n;
  }
  const words = ` ${base.replace(/[^a-z0-9]+/g, ' ').trim()} `;
  // longer hints first, so "children in need" is not taken for "children in care" and so on
  const hints = ANNEX_A_LISTS.flatMap((s) =>
    s.nameHints.map((h) => ({ list: s.list, hint: ` ${h.replace(/[^a-z0-9]+/g, ' ')} ` })),
  );
  hints.sort((a, b) => b.hint.length - a.hint.length);
  for (const { list, hint } of hints) if (words.includes(hint)) return list;
  return null;
}
