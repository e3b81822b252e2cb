/**
 * Rebuilds the shipped benchmark table from DfE's published files:
 *
 *   node --import tsx src/benchmarks/build-shipped.ts [DIR] [OUT]
 *
 * DIR defaults to ../shared/data/dfe and OUT to src/benchmarks/data/benchmarks.json.gz. It runs the importer
 * into a temporary in-memory database and writes the catalogued measures (all geographies, the latest six years
 * of each), the statistical neighbour groups and the local authority lookup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { migrate, openDatabase } from '../store/database.ts';
import { importBenchmarkDir } from './importer.ts';
import { buildShippedTable, SHIPPED_BENCHMARKS_PATH } from './shipped.ts';

const ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education; Office for National Statistics).';

export const YEARS_KEPT = 6;

export async function buildShippedFile(dir: string, out: string): Promise<{ bytes: number; values: number }> {
  const database = await openDatabase({ databaseUrl: null, dataDir: '', inMemory: true });
  try {
    await migrate(database.db);
    await importBenchmarkDir(database.db, dir, { actor: { id: null, email: 'build-shipped' } });
    const table = await buildShippedTable(database.db, { yearsKept: YEARS_KEPT, attribution: ATTRIBUTION });
    const gz = gzipSync(Buffer.from(JSON.stringify(table)), { level: 9 });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, gz);
    return { bytes: gz.length, values: table.values.reduce((n, v) => n + v.rows.length, 0) };
  } finally {
    await database.close();
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(root, '../shared/data/dfe'));
  const out = path.resolve(process.argv[3] ?? SHIPPED_BENCHMARKS_PATH);
  const started = performance.now();
  buildShippedFile(dir, out).then(
    ({ bytes, values }) => {
      console.log(
        `Wrote ${path.relative(process.cwd(), out)}: ${values.toLocaleString('en-GB')} figures, ${(bytes / 1024).toFixed(0)} KB, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
