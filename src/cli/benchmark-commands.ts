import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  BENCHMARK_ATTRIBUTION,
  BENCHMARK_MEASURES,
  BenchmarkImportError,
  comparatorsFor,
  laByCode,
  type ImportSummary,
  type SnModel,
} from '../benchmarks/index.ts';
import { importParsedFiles, listCsvFiles, parseFiles } from '../benchmarks/importer.ts';
import { CommandError, UsageError, cliActor, withDatabase } from './context.ts';

function span(years: readonly number[]): string {
  if (years.length === 0) return 'no years';
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return first === last ? String(first) : `${String(first)}–${String(last)}`;
}

const n = (v: number) => v.toLocaleString('en-GB');
const measures = (count: number) => `${String(count)} measure${count === 1 ? '' : 's'}`;

function printImport(summary: ImportSummary): void {
  console.log(
    `Imported ${String(summary.files.length)} files in ${(summary.milliseconds / 1000).toFixed(1)} s:`,
  );
  for (const f of summary.files) {
    const what =
      f.neighbours > 0
        ? `${n(f.neighbours)} local authorities’ neighbour groups`
        : `${measures(f.measures.length)}, ${n(f.values)} figures, ${span(f.years)}`;
    console.log(
      `  ${f.file}\n    ${f.title}: ${what}${f.replaced ? ` (replaced the earlier import of ${f.replaced})` : ''}`,
    );
    const levels = Object.entries(f.skippedLevels);
    if (levels.length)
      console.log(`    skipped rows at other levels: ${levels.map(([l, c]) => `${l} (${n(c)})`).join(', ')}`);
    if (f.measuresWithoutRows.length)
      console.log(`    warning: no rows for ${f.measuresWithoutRows.join(', ')}`);
  }
  if (summary.skipped.length) console.log(`Skipped (not CSV): ${summary.skipped.join(', ')}`);
  const s = summary.stored;
  console.log(
    `Stored now: ${measures(s.measures)}, ${n(s.values)} figures, years ${span(s.years)}, ${String(s.las)} local authority codes, ${String(s.neighbourGroups)} neighbour groups.`,
  );
  console.log(BENCHMARK_ATTRIBUTION);
}

/** The CSV files named, or in the folders named. */
function expand(paths: readonly string[]): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new UsageError(`No such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      const { csv, other } = listCsvFiles(p);
      files.push(...csv);
      skipped.push(...other);
    } else files.push(path.resolve(p));
  }
  if (files.length === 0) throw new CommandError(`No CSV files to import in ${paths.join(', ')}`);
  return { files, skipped };
}

function format(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(value);
}

export function registerBenchmarkCommands(program: Command): void {
  const benchmarks = program.command('benchmarks').description('DfE published statistics for benchmarking');

  benchmarks
    .command('import')
    .description(
      'import DfE statistics files (Explore Education Statistics CSVs and statistical neighbour tables); re-importing replaces a file’s figures',
    )
    .argument('<paths...>', 'a folder of CSV files (e.g. ../shared/data/dfe), or CSV files')
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], options: { json?: boolean }) => {
      const { files, skipped } = expand(paths);
      const started = performance.now();
      const fail = (error: unknown): never => {
        if (error instanceof BenchmarkImportError)
          throw new CommandError(`${error.message}\nNothing was imported.`);
        throw error;
      };
      // every file is read and checked before the store is opened
      let parsed: ReturnType<typeof parseFiles> = [];
      try {
        parsed = parseFiles(files);
      } catch (error) {
        fail(error);
      }
      const summary = await withDatabase(({ db }) =>
        importParsedFiles(db, parsed, { actor: cliActor(), skipped, started }).catch(fail),
      );
      if (options.json) console.log(JSON.stringify(summary));
      else printImport(summary);
    });

  benchmarks
    .command('compare')
    .description('England, region, statistical neighbours, quartile and rank for a council')
    .argument('<la-code>', 'the council’s code: E09000033 or 213')
    .option('--measure <id...>', 'only these measures (default: all)')
    .option('--model <model>', 'statistical neighbour model: 2025 or 2021', '2025')
    .option('--year <year>', 'the year (default: the council’s latest with data)')
    .option('--json', 'print JSON')
    .action(
      async (
        laCode: string,
        options: { measure?: string[]; model: string; year?: string; json?: boolean },
      ) => {
        if (options.model !== '2025' && options.model !== '2021')
          throw new UsageError('--model must be 2025 or 2021');
        const year = options.year === undefined ? undefined : Number(options.year);
        if (year !== undefined && !Number.isInteger(year))
          throw new UsageError('--year must be a year like 2025');
        const measures = options.measure
          ? options.measure.map((id) => {
              const m = BENCHMARK_MEASURES.find((x) => x.id === id);
              if (!m)
                throw new UsageError(
                  `Unknown measure "${id}"; the measures are: ${BENCHMARK_MEASURES.map((x) => x.id).join(', ')}`,
                );
              return m;
            })
          : BENCHMARK_MEASURES;
        await withDatabase(async ({ db }) => {
          const la = await laByCode(db, laCode);
          if (!la) throw new CommandError(`No local authority with code ${laCode} in the imported figures`);
          const out = [];
          for (const m of measures) {
            const c = await comparatorsFor(db, {
              measure: m.id,
              laCode,
              snModel: options.model as SnModel,
              polarity: m.polarity,
              ...(year !== undefined ? { year } : {}),
            });
            if (c) out.push(c);
          }
          if (options.json) {
            console.log(JSON.stringify(out, null, 2));
            return;
          }
          console.log(`${la.name} (${la.newCode}, ${la.oldCode}; ${la.region ?? 'no region'})`);
          console.log('measure\tyear\tLA\tEngland\tregion\tSN mean\tSN median\tquartile\trank');
          for (const c of out)
            console.log(
              [
                c.measure,
                c.year,
                format(c.la.value),
                format(c.england),
                format(c.region?.value),
                format(c.neighbours.average),
                format(c.neighbours.median),
                c.quartile ?? '–',
                c.rank === null ? '–' : `${String(c.rank)}/${String(c.rankOf)}`,
              ].join('\t'),
            );
          console.log(BENCHMARK_ATTRIBUTION);
        });
      },
    );
}
