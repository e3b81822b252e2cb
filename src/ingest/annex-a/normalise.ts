import { CodeSetMatcher } from './codes.ts';
import {
  cellText,
  detach,
  isMissing,
  isMissingText,
  NO_CACHED_VALUE,
  parseDate,
  parseId,
  parseInteger,
  parseNumber,
  parseText,
  parseYesNo,
} from './values.ts';
import type { LocalMapping } from './codes.ts';
import type { HeaderMap } from './headers.ts';
import type { ParseFailure } from './rules/rule.ts';
import type { ColumnType } from './spec.ts';
import type { CellValue, NormalisedRow } from './types.ts';
import type { SimpleCell } from './values.ts';

interface Binding {
  index: number;
  key: string;
  type: ColumnType;
  codeSet: string | undefined;
  matcher: CodeSetMatcher | undefined;
}

export interface NormalisedResult {
  row: NormalisedRow;
  failures: readonly ParseFailure[];
  cells: readonly SimpleCell[];
}

/** Shares one matcher per code set (and its memo) across every sheet of an import. */
export class MatcherPool {
  private readonly pool = new Map<string, CodeSetMatcher>();
  constructor(private readonly localMappings: readonly LocalMapping[] = []) {}
  get(codeSet: string): CodeSetMatcher {
    let m = this.pool.get(codeSet);
    if (!m) this.pool.set(codeSet, (m = new CodeSetMatcher(codeSet, this.localMappings)));
    return m;
  }
}

/** Distinct raw values remembered per coded or yes/no column of a sheet. */
const COLUMN_CACHE_MAX = 4096;

/** What a coded or yes/no cell's text gives: the raw value kept, the value, and whether it failed. */
interface Decoded {
  raw: string | null;
  value: CellValue;
  failed: boolean;
}

/** A row normaliser compiled once per sheet from its header map. */
export class RowNormaliser {
  private readonly bindings: Binding[];
  private readonly extras: { index: number; header: string }[];
  /** per binding: raw string → decoded, for coded and yes/no columns (most cells repeat a few values) */
  private readonly caches: (Map<string, Decoded> | null)[];
  readonly indexOf: Map<string, number>;

  constructor(
    private readonly map: HeaderMap,
    pool: MatcherPool,
    private readonly file: string,
    private readonly sheet: string,
  ) {
    this.bindings = [];
    this.indexOf = new Map();
    map.columns.forEach((c, index) => {
      if (!c) return;
      this.indexOf.set(c.key, index);
      this.bindings.push({
        index,
        key: c.key,
        type: c.type,
        codeSet: c.codeSet,
        matcher: c.type === 'code' && c.codeSet ? pool.get(c.codeSet) : undefined,
      });
    });
    this.caches = this.bindings.map((b) => (b.type === 'code' || b.type === 'yesno' ? new Map() : null));
    this.extras = map.unmapped;
  }

  private decodeCode(b: Binding, v: SimpleCell): Decoded {
    const t = isMissing(v) ? null : (cellText(v)?.trim() ?? null);
    if (t === null || t === '' || !b.matcher) return { raw: t, value: null, failed: false };
    const m = b.matcher.match(t);
    return m === null ? { raw: t, value: null, failed: true } : { raw: t, value: m.code, failed: false };
  }

  private decodeYesNo(v: SimpleCell): Decoded {
    const t = isMissing(v) ? null : cellText(v);
    const y = parseYesNo(v);
    return y === undefined ? { raw: t, value: null, failed: true } : { raw: t, value: y, failed: false };
  }

  /** Null for a row with nothing in it. */
  normalise(cells: readonly SimpleCell[], rowNumber: number): NormalisedResult | null {
    let any = false;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i] ?? null;
      if (typeof c === 'string' ? c.length > 0 && !isMissingText(c) : !isMissing(c)) {
        any = true;
        break;
      }
    }
    if (!any) return null;
    const values: Record<string, CellValue> = {};
    const raw: Record<string, string | null> = {};
    let failures: ParseFailure[] | null = null;
    const bindings = this.bindings;
    for (let bi = 0; bi < bindings.length; bi++) {
      const b = bindings[bi] as Binding;
      const v = cells[b.index] ?? null;
      if (v === NO_CACHED_VALUE) {
        (failures ??= []).push({ key: b.key, kind: 'formula', raw: null });
        values[b.key] = null;
        if (b.type === 'code' || b.type === 'yesno') raw[b.key] = null;
        continue;
      }
      switch (b.type) {
        case 'id':
          values[b.key] = parseId(v);
          break;
        case 'text':
          values[b.key] = parseText(v);
          break;
        case 'date': {
          const d = parseDate(v);
          if (d === undefined) {
            (failures ??= []).push({ key: b.key, kind: 'date', raw: cellText(v) });
            values[b.key] = null;
          } else values[b.key] = d;
          break;
        }
        case 'integer':
        case 'number': {
          const n = b.type === 'integer' ? parseInteger(v) : parseNumber(v);
          if (n === undefined) {
            (failures ??= []).push({ key: b.key, kind: b.type, raw: cellText(v) });
            values[b.key] = null;
          } else values[b.key] = n;
          break;
        }
        case 'yesno':
        case 'code': {
          let d: Decoded | undefined;
          if (typeof v === 'string') {
            const cache = this.caches[bi] as Map<string, Decoded>;
            d = cache.get(v);
            if (d === undefined) {
              d = b.type === 'code' ? this.decodeCode(b, v) : this.decodeYesNo(v);
              if (cache.size < COLUMN_CACHE_MAX) {
                if (d.raw !== null) d.raw = detach(d.raw);
                cache.set(detach(v), d);
              }
            }
          } else d = b.type === 'code' ? this.decodeCode(b, v) : this.decodeYesNo(v);
          raw[b.key] = d.raw;
          values[b.key] = d.value;
          if (d.failed) {
            (failures ??= []).push(
              b.type === 'code'
                ? { key: b.key, kind: 'code', raw: d.raw, codeSet: b.codeSet }
                : { key: b.key, kind: 'yesno', raw: d.raw },
            );
          }
          break;
        }
      }
    }
    const extra: Record<string, string | null> = {};
    for (const e of this.extras) {
      const v = cells[e.index] ?? null;
      extra[e.header] = isMissing(v) ? null : cellText(v);
    }
    return {
      row: {
        list: this.map.spec.list,
        file: this.file,
        sheet: this.sheet,
        row: rowNumber,
        values,
        raw,
        extra,
      },
      failures: failures ?? NO_FAILURES,
      cells,
    };
  }
}

const NO_FAILURES: readonly ParseFailure[] = Object.freeze([]);
