import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import {
  comparatorsFor,
  importBenchmarkDir,
  importBenchmarkFiles,
  laByCode,
  listLas,
  population,
  series,
} from './index.ts';
import { BenchmarkImportError } from './files.ts';
import { listCsvFiles, type ImportSummary } from './importer.ts';
import { BENCHMARK_MEASURES } from './measures.ts';
import type { Db } from '../store/database.ts';

/** DfE's published files, shared with every checkout at ../shared from the project's root. */
const DFE_DIR = new URL('../../../shared/data/dfe/', import.meta.url).pathname;

const ACTOR = { id: null, email: 'test' };

async function value(db: Db, measure: string, year: number, where: { level: string; code?: string }) {
  let q = db
    .selectFrom('benchmark_values')
    .select(['value', 'symbol', 'source'])
    .where('measure', '=', measure)
    .where('time_period', '=', year)
    .where('geographic_level', '=', where.level as 'la');
  if (where.level === 'la') q = q.where('old_la_code', '=', where.code!);
  if (where.level === 'regional') q = q.where('region_code', '=', where.code!);
  return q.executeTakeFirst();
}

async function count(db: Db, table: 'benchmark_values' | 'benchmark_sources' | 'statistical_neighbours') {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('importing the shared DfE files', () => {
  let database: TestDatabase;
  let db: Db;
  let summary: ImportSummary;
  let tmp: string;

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-benchmarks-'));
    summary = await importBenchmarkDir(db, DFE_DIR, { actor: ACTOR });
  });
  after(async () => {
    await database.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('loads every CSV in the shared folder, each recognised by its columns, and skips the rest', () => {
    const csv = listCsvFiles(DFE_DIR).csv.map((p) => path.basename(p));
    assert.equal(csv.length, 15);
    assert.deepEqual(
      summary.files.map((f) => f.file),
      csv,
    );
    assert.deepEqual(summary.skipped, ['LA_Inspection_Outcomes_as_at_31_March_2025.ods']);
    const kinds = Object.fromEntries(summary.files.map((f) => [f.file, f.kind]));
    assert.equal(kinds['la_care_leavers_activity.csv'], 'care_leavers_activity');
    assert.equal(kinds['la_care_leavers_accommodation_suitability.csv'], 'care_leavers_accommodation');
    assert.equal(kinds['New_Statistical_Neighbour_Groupings_April_2021.csv'], 'sn_2021');
    for (const f of summary.files) assert.deepEqual(f.measuresWithoutRows, [], f.file);
    // every catalogued measure has figures
    assert.equal(summary.stored.measures, BENCHMARK_MEASURES.length);
    assert.deepEqual([summary.stored.years[0], summary.stored.years.at(-1)], [2012, 2025]);
  });

  it('keeps each file’s name, SHA-256 and years', async () => {
    const c1 = await db
      .selectFrom('benchmark_sources')
      .selectAll()
      .where('kind', '=', 'c1_referrals')
      .executeTakeFirstOrThrow();
    assert.equal(c1.file, 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv');
    assert.match(c1.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      c1.years,
      [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
    );
    assert.equal(c1.imported_by, 'test');
    assert.equal(c1.rows_read, 2132);
  });

  it('holds the England figures DfE published for 2025', async () => {
    const england = async (measure: string, year = 2025) =>
      (await value(db, measure, year, { level: 'national' }))?.value;
    assert.equal(await england('c1_rereferral_pct'), 22.6);
    assert.equal(await england('d3_cp_subsequent_pct'), 24.5);
    assert.equal(await england('d5_cp_2y_plus_pct'), 2.3);
    assert.equal(await england('cla_rate_per_10k'), 67);
    assert.equal(await england('cla_long_term_stability_pct'), 69);
    assert.equal(await england('careleavers_eet_19_21_pct'), 54);
    assert.equal(await england('careleavers_in_touch_19_21_pct'), 94); // 100 − 6% information not known
    assert.equal(await england('careleavers_suitable_17_18_pct'), 91);
    assert.equal(await england('csww_turnover_rate'), 11.8);
    assert.equal(await england('csww_caseload_fte'), 15.2);
    assert.equal(await england('ons_population_0_17', 2024), 12183016);
    assert.equal(await england('adoption_entry_to_placed_days'), 578); // "01:07" = 19 months
    // derived: 402,400 children in need ÷ 12,183,016 (mid-2024) × 10,000
    assert.equal(await england('b1_cin_rate_per_10k'), 330.3);
    assert.equal(await england('c1_referral_rate_per_10k'), 519.4); // 632,830
    assert.equal(await england('d5_cp_rate_per_10k'), 40.6); // 49,420
    // 2024: 399,460 ÷ 12,059,476 (mid-2023, not mid-2024's 12,183,016, which would give 327.9)
    assert.equal(await england('b1_cin_rate_per_10k', 2024), 331.2);
  });

  it('derives rates as DfE does, with the previous mid-year population: it reproduces every published CLA rate', async () => {
    const rows = await db
      .selectFrom('benchmark_values as c')
      .innerJoin('benchmark_values as r', (j) =>
        j
          .onRef('r.old_la_code', '=', 'c.old_la_code')
          .onRef('r.time_period', '=', 'c.time_period')
          .on('r.measure', '=', 'cla_rate_per_10k'),
      )
      .innerJoin('benchmark_values as p', (j) =>
        j.onRef('p.old_la_code', '=', 'c.old_la_code').on('p.measure', '=', 'ons_population_0_17'),
      )
      .select([
        'c.time_period',
        'c.la_name',
        'c.value as count',
        'r.value as rate',
        'p.value as pop',
        'p.time_period as popYear',
      ])
      .where('c.measure', '=', 'cla_count')
      .where('c.geographic_level', '=', 'la')
      .where('c.value', 'is not', null)
      .where('r.value', 'is not', null)
      .whereRef('p.time_period', '=', (eb) => eb(eb.ref('c.time_period'), '-', 1))
      .execute();
    assert.ok(rows.length > 700, String(rows.length));
    const wrong = rows.filter((r) => Math.round((r.count! / r.pop!) * 10000) !== r.rate);
    assert.deepEqual(wrong, []);
    // Westminster's children in need rate: 1,280 ÷ 29,834 × 10,000
    assert.equal((await value(db, 'b1_cin_rate_per_10k', 2025, { level: 'la', code: '213' }))?.value, 429);
  });

  it('stores suppressed figures as missing with their symbol, never zero', async () => {
    const westminster = await value(db, 'csww_agency_rate', 2025, { level: 'la', code: '213' });
    assert.deepEqual(westminster, { value: null, symbol: 'x', source: 'csww_indicators_2017_to_2025.csv' });
    const kc = await value(db, 'cla_long_term_stability_pct', 2025, { level: 'la', code: '207' });
    assert.equal(kc?.value, null);
    assert.equal(kc?.symbol, 'c');
    const zeros = await db
      .selectFrom('benchmark_values')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('symbol', 'is not', null)
      .where('value', 'is not', null)
      .executeTakeFirstOrThrow();
    assert.equal(Number(zeros.n), 0);
    // and a missing figure does not count towards the rank or the quartiles
    const c = await comparatorsFor(db, {
      measure: 'csww_agency_rate',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'low_good',
      year: 2025,
    });
    assert.ok(c);
    assert.deepEqual([c.la.value, c.quartile, c.rank], [null, null, null]);
    const published = await db
      .selectFrom('benchmark_values')
      .select((eb) => eb.fn.count<number>('value').as('n'))
      .where('measure', '=', 'csww_agency_rate')
      .where('time_period', '=', 2025)
      .where('geographic_level', '=', 'la')
      .executeTakeFirstOrThrow();
    assert.equal(c.rankOf, Number(published.n));
    assert.ok(c.rankOf < 153);
  });

  it('looks councils up by new or old code, with London boroughs in the London region', async () => {
    assert.deepEqual(await laByCode(db, 'E09000033'), {
      oldCode: '213',
      newCode: 'E09000033',
      name: 'Westminster',
      region: 'London',
      regionCode: 'E12000007',
    });
    assert.equal((await laByCode(db, '213'))?.newCode, 'E09000033');
    assert.equal((await laByCode(db, 'e09000033'))?.name, 'Westminster');
    // North Yorkshire kept its old code 815 when it became a unitary authority with a new E-code
    assert.equal((await laByCode(db, '815'))?.newCode, 'E06000065');
    assert.equal((await laByCode(db, 'E10000023'))?.oldCode, '815');
    assert.equal(await laByCode(db, 'E09999999'), null);
    const las = await listLas(db);
    assert.equal(las.length, 153);
    assert.ok(!las.some((l) => l.name === 'Cumbria'));
    assert.ok(las.some((l) => l.name === 'Cumberland'));
  });

  it('compares a London council with England, London and its ten statistical neighbours (re-referrals, low is good)', async () => {
    const c = await comparatorsFor(db, {
      measure: 'c1_rereferral_pct',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'low_good',
    });
    assert.ok(c);
    assert.equal(c.year, 2025);
    assert.equal(c.england, 22.6);
    assert.deepEqual(c.region, { name: 'London', value: 19.4 });
    assert.deepEqual(c.la, { name: 'Westminster', value: 18.6 });
    // 2025 model: Camden 18.3, Islington 16.8, Southwark 17, Kensington and Chelsea 21, Hammersmith and Fulham 15.3,
    // Lambeth 21.3, Greenwich 13.1, Manchester 18.4, Hackney 19.9, Haringey 18.7: mean 179.8 / 10 = 17.98
    assert.deepEqual(
      c.neighbours.members.map((m) => [m.oldCode, m.name, m.value]),
      [
        ['202', 'Camden', 18.3],
        ['206', 'Islington', 16.8],
        ['210', 'Southwark', 17],
        ['207', 'Kensington and Chelsea', 21],
        ['205', 'Hammersmith and Fulham', 15.3],
        ['208', 'Lambeth', 21.3],
        ['203', 'Greenwich', 13.1],
        ['352', 'Manchester', 18.4],
        ['204', 'Hackney', 19.9],
        ['309', 'Haringey', 18.7],
      ],
    );
    assert.deepEqual([c.neighbours.average, c.neighbours.median, c.neighbours.withData], [18, 18.4, 10]);
    // quartiles of the 153 councils with a figure (R type 7): 16.9, 20, 23; 18.6 is above 16.9 and at most 20
    assert.deepEqual(c.quartileBounds, [16.9, 20, 23]);
    assert.equal(c.quartile, 'B');
    assert.equal(c.rank, 58); // 57 councils have a lower re-referral rate
    assert.equal(c.rankOf, 153);
    assert.deepEqual(c.source, {
      file: 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
      year: 2025,
    });
    assert.equal(c.unit, 'percent');
    assert.equal(c.periodNote, 'year ending 31 March');
    assert.match(c.definition, /within 12 months of a previous referral/);

    // the same figures with high as good: the band and the rank flip
    const flipped = await comparatorsFor(db, {
      measure: 'c1_rereferral_pct',
      laCode: '213',
      snModel: '2025',
      polarity: 'high_good',
    });
    assert.equal(flipped?.quartile, 'C');
    assert.equal(flipped?.rank, 96); // 95 councils have a higher rate

    // the 2021 model: Wandsworth, Reading, Barnet and Merton instead of Southwark, Lambeth, Hackney and Haringey
    const old = await comparatorsFor(db, {
      measure: 'c1_rereferral_pct',
      laCode: 'E09000033',
      snModel: '2021',
      polarity: 'low_good',
    });
    assert.deepEqual(
      old?.neighbours.members.map((m) => m.oldCode),
      ['202', '205', '207', '206', '212', '352', '203', '870', '302', '315'],
    );
    assert.deepEqual(
      [old?.neighbours.average, old?.neighbours.median, old?.neighbours.model],
      [18, 18.1, '2021'],
    );
  });

  it('bands and ranks a high-is-good measure the other way (long-term placement stability)', async () => {
    const c = await comparatorsFor(db, {
      measure: 'cla_long_term_stability_pct',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'high_good',
    });
    assert.ok(c);
    assert.deepEqual([c.year, c.la.value, c.england, c.region?.value], [2025, 84, 69, 68]);
    assert.deepEqual(c.quartileBounds, [63, 68, 72]);
    assert.equal(c.quartile, 'A');
    assert.equal(c.rank, 4);
    assert.equal(c.rankOf, 150);
    // Kensington and Chelsea is suppressed: the mean is of the nine with data
    assert.equal(c.neighbours.withData, 9);
    assert.equal(c.neighbours.members.find((m) => m.oldCode === '207')?.value, null);
    assert.deepEqual([c.neighbours.average, c.neighbours.median], [67.7, 69]);
    const low = await comparatorsFor(db, {
      measure: 'cla_long_term_stability_pct',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'low_good',
    });
    assert.deepEqual([low?.quartile, low?.rank], ['D', 147]);
    const neutral = await comparatorsFor(db, {
      measure: 'cla_rate_per_10k',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'neutral',
    });
    assert.deepEqual(
      [neutral?.la.value, neutral?.quartile, neutral?.rank, neutral?.rankOf],
      [62, null, null, 151],
    );
  });

  it('defaults to the council’s latest year with a figure, and gives England alone for national-only measures', async () => {
    // Westminster's agency rate is 'x' from 2022: its latest published figure is 2021's
    const agency = await comparatorsFor(db, {
      measure: 'csww_agency_rate',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'low_good',
    });
    assert.deepEqual([agency?.year, agency?.la.value], [2021, 0.7]);
    const adoption = await comparatorsFor(db, {
      measure: 'adoption_entry_to_placed_days',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'low_good',
    });
    assert.deepEqual(
      [
        adoption?.year,
        adoption?.england,
        adoption?.la.value,
        adoption?.rankOf,
        adoption?.neighbours.withData,
      ],
      [2025, 578, null, 0, 0],
    );
    assert.equal(
      await comparatorsFor(db, {
        measure: 'c1_rereferral_pct',
        laCode: 'E09999999',
        snModel: '2025',
        polarity: 'low_good',
      }),
      null,
    );
    assert.equal(
      await comparatorsFor(db, {
        measure: 'c1_rereferral_pct',
        laCode: 'E09000033',
        snModel: '2025',
        polarity: 'low_good',
        year: 1999,
      }),
      null,
    );
    await assert.rejects(
      comparatorsFor(db, {
        measure: 'no_such_measure',
        laCode: 'E09000033',
        snModel: '2025',
        polarity: 'low_good',
      }),
      /unknown benchmark measure "no_such_measure"/,
    );
  });

  it('gives a series across years for trend charts, and the council’s population', async () => {
    const s = await series(db, { measure: 'd3_cp_subsequent_pct', laCode: 'E09000033' });
    assert.equal(s.length, 13);
    assert.deepEqual(s.at(-1), { year: 2025, la: 7.6, england: 24.5, region: 19.2, neighboursAverage: 18.7 });
    assert.deepEqual(
      s.map((p) => p.year),
      [...Array(13).keys()].map((i) => 2013 + i),
    );
    assert.deepEqual(await population(db, 'E09000033', 2025), { value: 29834, year: 2024 });
    assert.deepEqual(await population(db, 'E09000033', 2024), { value: 29834, year: 2024 });
    assert.deepEqual(await population(db, '213', 2023), { value: 30255, year: 2023 });
    assert.equal(await population(db, 'E09000033', 2011), null);
  });

  it('uses a joint return for each of its councils ("940 / 941" North and West Northamptonshire)', async () => {
    const c = await comparatorsFor(db, {
      measure: 'csww_turnover_rate',
      laCode: 'E06000061',
      snModel: '2025',
      polarity: 'low_good',
      year: 2025,
    });
    const joint = await db
      .selectFrom('benchmark_values')
      .select('value')
      .where('measure', '=', 'csww_turnover_rate')
      .where('time_period', '=', 2025)
      .where('old_la_code', '=', '940 / 941')
      .executeTakeFirstOrThrow();
    assert.equal(c?.la.value, joint.value);
    assert.notEqual(joint.value, null);
  });

  it('re-imports a file in place: same rows, one source, no duplicates', async () => {
    const before = await count(db, 'benchmark_values');
    const neighboursBefore = await count(db, 'statistical_neighbours');
    const files = [
      'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
      'ons_mid-year_population_estimates_2012_to_2024.csv',
      'sn_model_2025_wide.csv',
    ];
    const again = await importBenchmarkFiles(
      db,
      files.map((f) => path.join(DFE_DIR, f)),
      { actor: ACTOR },
    );
    assert.deepEqual(
      again.files.map((f) => f.replaced),
      files,
    );
    assert.equal(await count(db, 'benchmark_values'), before);
    assert.equal(await count(db, 'statistical_neighbours'), neighboursBefore);
    assert.equal(await count(db, 'benchmark_sources'), 15);
    const c = await comparatorsFor(db, {
      measure: 'c1_referral_rate_per_10k',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'neutral',
    });
    assert.equal(c?.england, 519.4);
    const changes = await db
      .selectFrom('change_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'benchmark_source')
      .execute();
    assert.equal(changes.filter((ch) => ch.action === 'replace').length, 3);
  });

  it('replaces an earlier edition of the same kind of file, under another name', async () => {
    const edition = path.join(tmp, 'd3_cpps_subsequent_plan_2013_to_2026.csv');
    fs.writeFileSync(
      edition,
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent',
        '2026,Reporting year,National,E92000001,England,,,,,,Second plans,60000,15000,25',
        '2026,Reporting year,Local authority,E92000001,England,E13000001,Inner London,213,E09000033,Westminster,Second plans,100,10,10',
      ].join('\n'),
    );
    const r = await importBenchmarkFiles(db, [edition], { actor: ACTOR });
    assert.equal(r.files[0]!.replaced, 'd3_cpps_subsequent_plan_2013_to_2025.csv');
    const c = await comparatorsFor(db, {
      measure: 'd3_cp_subsequent_pct',
      laCode: 'E09000033',
      snModel: '2025',
      polarity: 'low_good',
    });
    assert.deepEqual([c?.year, c?.england, c?.la.value, c?.rankOf], [2026, 25, 10, 1]);
    assert.equal(await value(db, 'd3_cp_subsequent_pct', 2025, { level: 'national' }), undefined);
    // put the published file back
    await importBenchmarkFiles(db, [path.join(DFE_DIR, 'd3_cpps_subsequent_plan_2013_to_2025.csv')]);
    assert.equal((await value(db, 'd3_cp_subsequent_pct', 2025, { level: 'national' }))?.value, 24.5);
  });

  it('stores nothing when any file is unrecognised or has a bad row', async () => {
    const before = await count(db, 'benchmark_values');
    const sources = await db
      .selectFrom('benchmark_sources')
      .select(['file', 'sha256'])
      .orderBy('file')
      .execute();
    const unknown = path.join(tmp, 'inspections.csv');
    fs.writeFileSync(unknown, 'urn,la_name,judgement\n1,Westminster,Outstanding\n');
    const badRow = path.join(tmp, 'c1_bad.csv');
    fs.writeFileSync(
      badRow,
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent',
        '2025,Reporting year,National,E92000001,England,,,,,,R,1,1,1,1,1',
        '2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,213,E09000033,Westminster,R,1752,325,eighteen,308,17.6',
      ].join('\n'),
    );
    const good = path.join(DFE_DIR, 'b1_children_in_need_2013_to_2025.csv');
    await assert.rejects(importBenchmarkFiles(db, [good, unknown]), (e: unknown) => {
      assert.ok(e instanceof BenchmarkImportError);
      assert.match(
        e.message,
        /^inspections\.csv: not a DfE statistics file Oversight recognises\. Its columns are: urn, la_name, judgement/,
      );
      return true;
    });
    await assert.rejects(importBenchmarkFiles(db, [good, badRow]), (e: unknown) => {
      assert.ok(e instanceof BenchmarkImportError);
      assert.equal(
        e.message,
        'c1_bad.csv line 3, column "rereferral_percent": "eighteen" is not a number nor a DfE symbol for a missing figure (c, x, u, z, low, k, :)',
      );
      return true;
    });
    await assert.rejects(
      importBenchmarkFiles(db, [unknown, badRow]),
      /2 files cannot be imported:\n- inspections\.csv: .*\n[\s\S]*- c1_bad\.csv line 3/,
    );
    await assert.rejects(
      importBenchmarkFiles(db, [
        path.join(DFE_DIR, 'd3_cpps_subsequent_plan_2013_to_2025.csv'),
        path.join(tmp, 'd3_cpps_subsequent_plan_2013_to_2026.csv'),
      ]),
      /are both the second or subsequent child protection plans \(D3\) file: import one of them/,
    );
    assert.equal(await count(db, 'benchmark_values'), before);
    assert.deepEqual(
      await db.selectFrom('benchmark_sources').select(['file', 'sha256']).orderBy('file').execute(),
      sources,
    );
  });

  it('rolls the whole import back when storing fails part-way', async () => {
    const before = await count(db, 'benchmark_values');
    const b1Before = await db
      .selectFrom('benchmark_sources')
      .selectAll()
      .where('kind', '=', 'b1_children_in_need')
      .executeTakeFirstOrThrow();
    // a store that fails on the second file's rows, after the first file has replaced its earlier import
    await sql`CREATE FUNCTION benchmark_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.source = 'boom.csv' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`.execute(
      db,
    );
    await sql`CREATE TRIGGER benchmark_test_fail BEFORE INSERT ON benchmark_values FOR EACH ROW EXECUTE FUNCTION benchmark_test_fail()`.execute(
      db,
    );
    try {
      const boom = path.join(tmp, 'boom.csv');
      fs.copyFileSync(
        path.join(DFE_DIR, 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv'),
        boom,
      );
      await assert.rejects(
        importBenchmarkFiles(db, [path.join(DFE_DIR, 'b1_children_in_need_2013_to_2025.csv'), boom]),
        /disk full/,
      );
    } finally {
      await sql`DROP TRIGGER benchmark_test_fail ON benchmark_values`.execute(db);
      await sql`DROP FUNCTION benchmark_test_fail()`.execute(db);
    }
    assert.equal(await count(db, 'benchmark_values'), before);
    const b1After = await db
      .selectFrom('benchmark_sources')
      .selectAll()
      .where('kind', '=', 'b1_children_in_need')
      .executeTakeFirstOrThrow();
    assert.deepEqual(b1After, b1Before);
    assert.equal(
      (await value(db, 'c1_rereferral_pct', 2025, { level: 'national' }))?.source,
      'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
    );
  });
});
