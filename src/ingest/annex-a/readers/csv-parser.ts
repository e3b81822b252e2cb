import type { RawRow } from './source.ts';

/** A record longer than this (usually an opening quote never closed) stops the read rather than fill memory. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * A streaming CSV record parser over decoded text (RFC 4180, tolerant like Excel).
 *
 * - Records end at CRLF, LF or a lone CR (mixed endings in one file are fine); a newline inside a quoted value
 *   is part of the value. The last record need not end with a newline.
 * - A quoted value may hold the delimiter, newlines and doubled quotes (`""` is one `"`).
 * - A quote inside an unquoted value is kept as written (`5" tall`); a quoted value followed by more text
 *   before the delimiter (`"a"b`) is kept as written, quotes included.
 * - An empty line is a record of one empty value; trailing empty values are kept (`a,,` is three values).
 * - A leading byte order mark is dropped.
 * - Each record's number is the line it starts on (the first line is 1).
 *
 * Unquoted lines, the usual case, are cut with native indexOf/split; anything else goes through a
 * character-by-character path.
 */
export class CsvRecordParser {
  private readonly delimiter: string;
  private readonly delimCode: number;
  private carry = '';
  private line = 1;
  private started = false;

  constructor(
    delimiter: string,
    private readonly maxRecordChars = MAX_RECORD_CHARS,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
      throw new RangeError(`unusable CSV delimiter ${JSON.stringify(delimiter)}`);
    this.delimiter = delimiter;
    this.delimCode = delimiter.charCodeAt(0);
  }

  /** Parses the records completed by this text; the rest waits for the next push or end(). */
  push(chunk: string, out: RawRow[] = []): RawRow[] {
    let text = this.carry.length === 0 ? chunk : this.carry + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const pos = this.parse(text, out, false);
    this.carry = pos >= text.length ? '' : text.slice(pos);
    if (this.carry.length > this.maxRecordChars) this.tooLong();
    return out;
  }

  /** Parses whatever is left at the end of the input. */
  end(out: RawRow[] = []): RawRow[] {
    const text = this.carry;
    this.carry = '';
    if (text.length > 0) this.parse(text, out, true);
    return out;
  }

  private tooLong(): never {
    throw new Error(
      `the record starting on line ${String(this.line)} runs on for more than ${String(this.maxRecordChars)} characters: a closing quote (") is probably missing`,
    );
  }

  /** Parses complete records from text into out; returns where the first incomplete record starts. */
  private parse(text: string, out: RawRow[], final: boolean): number {
    const len = text.length;
    const delim = this.delimiter;
    let pos = 0;
    let nextQuote = text.indexOf('"');
    let nextCr = text.indexOf('\r');
    while (pos < len) {
      const lf = text.indexOf('\n', pos);
      const lineEnd = lf === -1 ? len : lf;
      if (lf === -1 && !final) return pos;
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf('\r', pos);
      const quoteFree = nextQuote === -1 || nextQuote > lineEnd;
      // a CR is fine only as the CR of a CRLF ending this line
      const crlf = lf !== -1 && lf > pos && nextCr === lf - 1;
      const crFree = nextCr === -1 || nextCr > lineEnd || crlf;
      if (quoteFree && crFree) {
        const end = crlf ? lf - 1 : lineEnd;
        out.push({ number: this.line, cells: text.slice(pos, end).split(delim) });
        this.line++;
        pos = lf === -1 ? len : lf + 1;
        continue;
      }
      const next = this.slowRecord(text, pos, out, final);
      if (next === -1) return pos;
      pos = next;
    }
    return pos;
  }

  /**
   * Parses one record starting at pos character by character; returns the position after it, or -1 when the
   * text ends before the record does (and more input may come).
   */
  private slowRecord(text: string, pos: number, out: RawRow[], final: boolean): number {
    const len = text.length;
    const d = this.delimCode;
    const cells: string[] = [];
    let lines = 0; // newlines inside quoted values
    let i = pos;
    for (;;) {
      // at the start of a value
      if (i < len && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let seg = i + 1;
        let j = i + 1;
        let closed = -1;
        while (closed === -1) {
          const q = text.indexOf('"', j);
          if (q === -1 || (q + 1 === len && !final)) {
            if (!final) return -1;
            throw new Error(`a quoted value starting on line ${String(this.line)} has no closing quote (")`);
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(seg, q + 1);
            j = q + 2;
            seg = j;
          } else {
            value += text.slice(seg, q);
            closed = q;
          }
        }
        const k = closed + 1;
        const c = k < len ? text.charCodeAt(k) : -1;
        if (c === d || c === LF || c === CR || c === -1) {
          lines += countNewlines(text, i + 1, closed);
          cells.push(value);
          if (c === d) {
            i = k + 1;
            continue;
          }
          i = k;
        } else {
          // text after the closing quote: keep the whole value as written
          let e = k;
          while (e < len) {
            const x = text.charCodeAt(e);
            if (x === d || x === LF || x === CR) break;
            e++;
          }
          if (e === len && !final) return -1;
          lines += countNewlines(text, i + 1, closed);
          cells.push(text.slice(i, e));
          if (e < len && text.charCodeAt(e) === d) {
            i = e + 1;
            continue;
          }
          i = e;
        }
      } else {
        let e = i;
        while (e < len) {
          const x = text.charCodeAt(e);
          if (x === d || x === LF || x === CR) break;
          e++;
        }
        if (e === len && !final) return -1;
        cells.push(text.slice(i, e));
        if (e < len && text.charCodeAt(e) === d) {
          i = e + 1;
          continue;
        }
        i = e;
      }
      // at the end of the record: i is at a newline or the end of the text
      let next = i;
      if (i < len) {
        if (text.charCodeAt(i) === CR) {
          if (i + 1 === len && !final) return -1; // a CRLF may be cut between chunks
          next = i + 1 < len && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        } else next = i + 1;
      }
      out.push({ number: this.line, cells });
      this.line += 1 + lines;
      return next;
    }
  }
}

/** Line breaks (CRLF, LF or lone CR) in text[from, to). */
function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}
