import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { comparatorsFor, ensureShippedBenchmarks, laByCode, population } from './index.ts';
import { importBenchmarkFiles } from './importer.ts';
import { BENCHMARK_MEASURES } from './measures.ts';
import { readShippedTable, SHIPPED_BENCHMARKS_PATH } from './shipped.ts';

/** DfE's published files, shared with every checkout at ../shared from the project's root. */
const DFE_DIR = new URL('../../../shared/data/dfe/', import.meta.url).pathname;

describe('the shipped benchmark table', () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.drop();
  });

  it('is small, holds only catalogued measures and the latest six years, and was built from the shared files as they are', () => {
    const bytes = fs.statSync(SHIPPED_BENCHMARKS_PATH).size;
    assert.ok(bytes < 400 * 1024, `${String(bytes)} bytes`);
    const table = readShippedTable();
    const ids = new Set(BENCHMARK_MEASURES.map((m) => m.id));
    assert.deepEqual(new Set(table.values.map((v) => v.measure)), ids);
    for (const group of table.values) {
      const years = new Set(group.rows.map((r) => r[0]));
      assert.ok(years.size <= 6, `${group.measure}: ${[...years].join(', ')}`);
    }
    assert.match(table.attribution, /Open Government Licence v3\.0/);
    // a changed DfE file means the table needs rebuilding (node --import tsx src/benchmarks/build-shipped.ts)
    for (const s of table.sources) {
      const file = path.join(DFE_DIR, s.file);
      if (!fs.existsSync(file)) continue;
      assert.equal(
        createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
        s.sha256,
        `${s.file} changed`,
      );
    }
    assert.equal(table.sources.length, 15);
  });

  it('leaves a store that already has figures alone', async () => {
    const db = database.db;
    await importBenchmarkFiles(db, [path.join(DFE_DIR, 'd3_cpps_subsequent_plan_2013_to_2025.csv')]);
    assert.equal(await ensureShippedBenchmarks(db), 0);
    assert.equal((await db.selectFrom('benchmark_sources').select('file').execute()).length, 1);
    await db.deleteFrom('benchmark_sources').execute();
    await db.deleteFrom('benchmark_las').execute();
  });

  it('loads into an empty store, once, keeping a neighbour table imported on its own, and compares as the importer does', async () => {
    const db = database.db;
    // a statistical neighbour table has no figures: the store is still empty of benchmarks
    await importBenchmarkFiles(db, [path.join(DFE_DIR, 'sn_model_2025_wide.csv')]);
    const loaded = await ensureShippedBenchmarks(db);
    assert.ok(loaded > 25_000, String(loaded));
    assert.equal(await ensureShippedBenchmarks(db), 0);
    const sources = await db
      .selectFrom('benchmark_sources')
      .select(['file', 'kind', 'shipped', 'years'])
      .execute();
    assert.equal(sources.length, 15);
    assert.deepEqual(
      sources.filter((s) => !s.shipped).map((s) => s.kind),
      ['sn_2025'],
    );
    assert.deepEqual(
      sources.find((s) => s.file.startsWith('c1_'))?.years,
      [2020, 2021, 2022, 2023, 2024, 2025],
    );

    assert.equal((await laByCode(db, 'E09000033'))?.region, 'London');
    assert.deepEqual(await population(db, 'E09000033', 2025), { value: 29834, year: 2024 });
    const c = await comparatorsFor(db, {
      measure: 'c1_rereferral_pct',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'low_good',
    });
    assert.deepEqual(
      [c?.england, c?.region?.value, c?.la.value, c?.neighbours.average, c?.quartile, c?.rank, c?.rankOf],
      [22.6, 19.4, 18.6, 18, 'B', 58, 153],
    );
    const old = await comparatorsFor(db, {
      measure: 'cla_long_term_stability_pct',
      laCode: '213',
      snModel: '2021',
      polarity: 'high_good',
    });
    assert.equal(old?.neighbours.members.length, 10);
    assert.equal(old?.neighbours.withData, 9); // Kensington and Chelsea is suppressed ('c')
    const rate = await comparatorsFor(db, {
      measure: 'b1_cin_rate_per_10k',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'neutral',
    });
    assert.deepEqual([rate?.england, rate?.la.value], [330.3, 429]);
    const suppressed = await db
      .selectFrom('benchmark_values')
      .select(['value', 'symbol'])
      .where('measure', '=', 'csww_agency_rate')
      .where('time_period', '=', 2025)
      .where('old_la_code', '=', '213')
      .executeTakeFirstOrThrow();
    assert.deepEqual(suppressed, { value: null, symbol: 'x' });

    // an import of the published file replaces the shipped rows of that kind
    const r = await importBenchmarkFiles(db, [
      path.join(DFE_DIR, 'd3_cpps_subsequent_plan_2013_to_2025.csv'),
    ]);
    assert.equal(r.files[0]!.replaced, 'd3_cpps_subsequent_plan_2013_to_2025.csv');
    const d3 = await db
      .selectFrom('benchmark_sources')
      .select(['shipped', 'years'])
      .where('kind', '=', 'd3_subsequent_plans')
      .executeTakeFirstOrThrow();
    assert.equal(d3.shipped, false);
    assert.equal(d3.years.length, 13);
  });
});
