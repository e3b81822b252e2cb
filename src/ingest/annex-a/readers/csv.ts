import { StringDecoder } from 'node:string_decoder';
import { CsvRecordParser } from './csv-parser.ts';
import type { Readable } from 'node:stream';
import type { RawRow } from './source.ts';

const SNIFF_BYTES = 64 * 1024;

function isUtf8(head: Buffer): boolean {
  try {
    // stream: true lets a character cut at the end of the sample pass
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function sniffDelimiter(head: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c] = (counts[c] ?? 0) + 1;
  }
  let best = ',';
  for (const d of [';', '\t']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

interface Decoder {
  write(b: Buffer): string;
  end(): string;
}

function decoderFor(utf8: boolean): Decoder {
  if (utf8) return new StringDecoder('utf8');
  // Windows-1252: Excel's "CSV" save on Windows
  const d = new TextDecoder('windows-1252');
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
}

/**
 * Streams the records of a CSV file (UTF-8 with or without BOM, or Windows-1252; comma, semicolon or tab) in
 * batches: one batch per chunk of input, in file order.
 */
export async function* readCsvRows(input: Readable): AsyncGenerator<RawRow[]> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  try {
    yield* parseStream(it);
  } finally {
    await it.return?.();
  }
}

async function* parseStream(it: AsyncIterator<Buffer | string>): AsyncGenerator<RawRow[]> {
  const asBuffer = (v: Buffer | string) => (typeof v === 'string' ? Buffer.from(v) : v);
  // the first 64 KB decide the encoding and the delimiter
  const headChunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = asBuffer(r.value);
    headChunks.push(b);
    size += b.length;
  }
  const head = headChunks.length === 1 ? (headChunks[0] as Buffer) : Buffer.concat(headChunks);
  const utf8 = isUtf8(head);
  const decoder = decoderFor(utf8);
  const headText = decoder.write(head);
  const parser = new CsvRecordParser(sniffDelimiter(headText));
  let batch = parser.push(headText);
  if (batch.length > 0) yield batch;
  while (!done) {
    const r = await it.next();
    if (r.done) break;
    batch = parser.push(decoder.write(asBuffer(r.value)));
    if (batch.length > 0) yield batch;
  }
  batch = parser.push(decoder.end());
  parser.end(batch);
  if (batch.length > 0) yield batch;
}
