import { CODE_DATA, EXTENDED_ETHNICITY } from './code-data.ts';
import { detach } from './values.ts';

export { CODE_DATA, EXTENDED_ETHNICITY } from './code-data.ts';

export interface LocalMapping {
  codeSet: string;
  value: string;
  code: string;
}

/** Lower case, curly quotes and dashes straightened, every run of other punctuation or space made one space. */
export function codeKey(value: string): string {
  let s = value.toLowerCase();
  if (/[^\x20-\x7e]/.test(s)) {
    s = s.replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'").replace(/[\u2013\u2014\u2212]/g, '-');
  }
  return s.replace(/[^a-z0-9&]+/g, ' ').trim();
}

const LETTER_PREFIX = /^\s*[a-zA-Z]{1,2}\)\s*/;
const SPLIT = /\s*:\s*|\s+[-\u2013\u2014]\s+|\s*[\u2013\u2014]\s*/;

export type CodeMatch = { code: string; how: 'standard' | 'extended' | 'local' } | null;

/** Looks values up in one code set. Results are memoised per distinct raw value (bounded). */
export class CodeSetMatcher {
  readonly name: string;
  private readonly keys = new Map<string, string>();
  private readonly extended = new Map<string, string>();
  private readonly local = new Map<string, string>();
  private readonly memo = new Map<string, CodeMatch>();
  readonly codes: ReadonlySet<string>;

  constructor(name: string, localMappings: readonly LocalMapping[] = []) {
    const rows = CODE_DATA[name];
    if (!rows) throw new Error(`Unknown code set "${name}"`);
    this.name = name;
    const ambiguous = new Set<string>();
    const add = (raw: string, code: string, strong: boolean) => {
      const k = codeKey(raw);
      if (!k) return;
      const had = this.keys.get(k);
      if (had === undefined) this.keys.set(k, code);
      else if (had !== code && !strong) ambiguous.add(k);
    };
    // codes first: a code always wins over a label or alias that happens to spell it
    for (const [code] of rows) add(code, code, true);
    for (const [code, label, template, aliases] of rows) {
      add(template, code, true);
      add(`${code}: ${label}`, code, true);
      add(`${code} - ${label}`, code, true);
      add(label, code, false);
      for (const a of aliases ?? []) add(a, code, false);
    }
    for (const k of ambiguous) if (!rows.some(([code]) => codeKey(code) === k)) this.keys.delete(k);
    this.codes = new Set(rows.map(([code]) => code));
    if (name === 'ethnicity') {
      for (const [ext, label, main] of EXTENDED_ETHNICITY) {
        this.extended.set(codeKey(ext), main);
        this.extended.set(codeKey(label), main);
        this.extended.set(codeKey(`${ext} - ${label}`), main);
        this.extended.set(codeKey(`${ext}: ${label}`), main);
      }
    }
    for (const m of localMappings) {
      if (m.codeSet !== name) continue;
      this.local.set(codeKey(m.value), m.code);
    }
  }

  match(raw: string): CodeMatch {
    const hit = this.memo.get(raw);
    if (hit !== undefined) return hit;
    const result = this.lookup(raw);
    if (this.memo.size < 50_000) this.memo.set(detach(raw), result);
    return result;
  }

  private lookup(raw: string): CodeMatch {
    const whole = codeKey(raw);
    if (this.local.size) {
      const l = this.local.get(whole);
      if (l !== undefined) return { code: l, how: 'local' };
    }
    const direct = this.find(whole);
    if (direct) return direct;
    const unprefixed = raw.replace(LETTER_PREFIX, '');
    if (unprefixed !== raw) {
      const k = codeKey(unprefixed);
      const m = this.find(k) ?? (this.local.size ? this.localHit(k) : null);
      if (m) return m;
    }
    const parts = unprefixed.split(SPLIT);
    if (parts.length > 1) {
      const head = this.find(codeKey(parts[0] ?? ''));
      if (head) return head;
      const tail = this.find(codeKey(parts.slice(1).join(' ')));
      if (tail) return tail;
    }
    return null;
  }

  private localHit(k: string): CodeMatch {
    const l = this.local.get(k);
    return l === undefined ? null : { code: l, how: 'local' };
  }

  private find(k: string): CodeMatch {
    if (!k) return null;
    const code = this.keys.get(k);
    if (code !== undefined) return { code, how: 'standard' };
    const main = this.extended.get(k);
    if (main !== undefined) return { code: main, how: 'extended' };
    return null;
  }
}

/** The template form ("a) WBRI", "q) 6: Police") of a canonical code, for the writer. */
export function templateFor(codeSet: string, code: string): string | null {
  const rows = CODE_DATA[codeSet];
  const row = rows?.find(([c]) => c === code);
  return row ? row[2] : null;
}

export function codeSetNames(): string[] {
  return Object.keys(CODE_DATA);
}
