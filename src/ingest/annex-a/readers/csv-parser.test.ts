import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { CsvRecordParser } from './csv-parser.ts';
import { readCsvRows } from './csv.ts';
import { ingestCsvs, tmpDir } from '../test-support/fixtures.ts';
import { IngestFileError } from '../types.ts';
import type { RawRow } from './source.ts';

/** Parses text whole, and again split into the given chunk sizes; both must agree. */
function records(text: string, delimiter = ','): [number, string[]][] {
  const whole = new CsvRecordParser(delimiter);
  const out = whole.push(text);
  whole.end(out);
  const got = out.map((r): [number, string[]] => [r.number, r.cells as string[]]);
  for (const size of [1, 2, 3, 7]) {
    const p = new CsvRecordParser(delimiter);
    const acc: RawRow[] = [];
    for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size), acc);
    p.end(acc);
    assert.deepEqual(
      acc.map((r) => [r.number, r.cells]),
      got,
      `chunks of ${String(size)} give the same records for ${JSON.stringify(text)}`,
    );
  }
  return got;
}

test('plain records with LF, CRLF, lone CR and mixed line endings', () => {
  assert.deepEqual(records('a,b\n1,2\n'), [
    [1, ['a', 'b']],
    [2, ['1', '2']],
  ]);
  assert.deepEqual(records('a,b\r\n1,2\r\n'), [
    [1, ['a', 'b']],
    [2, ['1', '2']],
  ]);
  assert.deepEqual(records('a,b\r1,2\r3,4'), [
    [1, ['a', 'b']],
    [2, ['1', '2']],
    [3, ['3', '4']],
  ]);
  assert.deepEqual(records('a,b\r\n1,2\n3,4\r5,6'), [
    [1, ['a', 'b']],
    [2, ['1', '2']],
    [3, ['3', '4']],
    [4, ['5', '6']],
  ]);
});

test('no newline at the end, empty lines and empty trailing values', () => {
  assert.deepEqual(records('a,b\n1,2'), [
    [1, ['a', 'b']],
    [2, ['1', '2']],
  ]);
  assert.deepEqual(records('a,b,\n,,\n\n1,,\r\n'), [
    [1, ['a', 'b', '']],
    [2, ['', '', '']],
    [3, ['']],
    [4, ['1', '', '']],
  ]);
  assert.deepEqual(records(''), []);
  assert.deepEqual(records('\n'), [[1, ['']]]);
});

test('a byte order mark is dropped', () => {
  assert.deepEqual(records('\ufeffChild Unique ID,Gender\n1,M\n'), [
    [1, ['Child Unique ID', 'Gender']],
    [2, ['1', 'M']],
  ]);
});

test('quoted values: delimiters, doubled quotes, newlines; records numbered by their first line', () => {
  assert.deepEqual(records('id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,"crlf\r\nin"\r\n5,x\n'), [
    [1, ['id', 'note']],
    [2, ['1', 'a, b']],
    [3, ['2', 'say "hi"']],
    [4, ['3', 'two\nlines']],
    [6, ['4', 'crlf\r\nin']],
    [8, ['5', 'x']],
  ]);
  assert.deepEqual(records('"",""\n"a"'), [
    [1, ['', '']],
    [2, ['a']],
  ]);
  assert.deepEqual(records('"ends with quote"""'), [[1, ['ends with quote"']]]);
});

test('stray quotes are kept as written', () => {
  assert.deepEqual(records('5" tall,b\n'), [[1, ['5" tall', 'b']]]);
  assert.deepEqual(records('a,"b"c,d\n'), [[1, ['a', '"b"c', 'd']]]);
  assert.deepEqual(records('a, "b",c\n'), [[1, ['a', ' "b"', 'c']]]);
});

test('semicolon and tab delimiters', () => {
  assert.deepEqual(records('a;"b;c"\n1;2', ';'), [
    [1, ['a', 'b;c']],
    [2, ['1', '2']],
  ]);
  assert.deepEqual(records('a\t"b\tc"\n', '\t'), [[1, ['a', 'b\tc']]]);
});

test('an unclosed quote fails at the end; a runaway record fails early', () => {
  const p = new CsvRecordParser(',');
  p.push('a,b\n1,"never closed\n2,3\n');
  assert.throws(() => p.end(), /line 2 has no closing quote/);
  const q = new CsvRecordParser(',', 100);
  q.push('a,b\n');
  assert.throws(() => q.push(`1,"${'x'.repeat(200)}`), /line 2 runs on for more than 100 characters/);
});

test('agrees with csv-parse on well-formed random CSV', () => {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const alphabet = ['a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '1'];
  for (let round = 0; round < 300; round++) {
    const rows: string[][] = [];
    const nRows = 1 + Math.floor(rand() * 5);
    const nCols = 1 + Math.floor(rand() * 4);
    for (let r = 0; r < nRows; r++) {
      const row: string[] = [];
      for (let c = 0; c < nCols; c++) {
        let v = '';
        const len = Math.floor(rand() * 5);
        for (let k = 0; k < len; k++) v += alphabet[Math.floor(rand() * alphabet.length)];
        row.push(v);
      }
      // a lone empty value would be an empty line: keep rows distinguishable
      if (nCols === 1 && row[0] === '') row[0] = 'x';
      rows.push(row);
    }
    const eol = rand() < 0.5 ? '\n' : '\r\n';
    const text =
      rows
        .map((row) => row.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
        .join(eol) + (rand() < 0.5 ? eol : '');
    const expected = parse(text, { relax_column_count: true, relax_quotes: true }) as string[][];
    assert.deepEqual(
      records(text).map(([, cells]) => cells),
      expected,
      JSON.stringify(text),
    );
    assert.deepEqual(
      records(text).map(([, cells]) => cells),
      rows,
    );
  }
});

async function readAll(chunks: Buffer[]): Promise<[number, unknown[]][]> {
  const out: [number, unknown[]][] = [];
  for await (const batch of readCsvRows(Readable.from(chunks)))
    for (const r of batch) out.push([r.number, r.cells]);
  return out;
}

test('readCsvRows: UTF-8 with a BOM and characters cut between chunks, semicolons sniffed', async () => {
  const bytes = Buffer.from('\ufeffNom;Équipe\r\n1;"Zoë; équipe"\r\n2;Ærø\r\n', 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.subarray(i, i + 3));
  assert.deepEqual(await readAll(chunks), [
    [1, ['Nom', 'Équipe']],
    [2, ['1', 'Zoë; équipe']],
    [3, ['2', 'Ærø']],
  ]);
});

test('readCsvRows: Windows-1252 text and tabs', async () => {
  const bytes = Buffer.from([
    ...Buffer.from('Name\tNote\n1\tcaf'),
    0xe9, // é in Windows-1252 (not valid UTF-8 here)
    ...Buffer.from('\t'),
    0x93, // left double quotation mark
    ...Buffer.from('x'),
    0x94,
    ...Buffer.from('\n'),
  ]);
  assert.deepEqual(await readAll([bytes]), [
    [1, ['Name', 'Note']],
    [2, ['1', 'café', '\u201cx\u201d']],
  ]);
});

test('a CSV with an unclosed quote fails the import with IngestFileError naming the file and line', async () => {
  const dir = await tmpDir();
  const p = join(dir, 'l1.csv');
  await writeFile(p, 'Child Unique ID,Date of Contact\r\nA,01/02/2021\r\nB,"01/02/2021\r\nC,01/02/2021\r\n');
  await assert.rejects(
    ingestCsvs([{ path: p, name: 'List 1.csv' }]),
    (e: unknown) =>
      e instanceof IngestFileError &&
      e.file === 'List 1.csv' &&
      e.message.includes('could not be read as a CSV file') &&
      e.message.includes('line 3'),
  );
});
