import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { writeListCsv } from '../../src/ingest/annex-a/test-support/fixtures.ts';
import { createUser } from '../../src/auth/users.ts';
import { createTeam } from '../../src/auth/users.ts';
import type { Role } from '../../src/auth/roles.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';
import { updateSettings } from '../../src/store/settings.ts';
import type { Db } from '../../src/store/database.ts';
import { SESSION_COOKIE } from '../../src/web/middleware/session.ts';
import type { SnapshotSummary } from '../../src/snapshots/index.ts';

const ACTOR = { id: null, email: 'analyst@example.test' };
const base = { Gender: 'b) Female', Ethnicity: 'a) WBRI', 'Date of Birth': '01/06/2015', Age: '10' };

/** Referrals: [child, date, NFA, team, worker]. */
type Referral = [string, string, 'Yes' | 'No', string, string];

const FIRST: Referral[] = [
  ['C1', '01/05/2025', 'Yes', 'North', 'Nora North'],
  ['C2', '02/05/2025', 'Yes', 'North', 'Nora North'],
  ['C3', '03/05/2025', 'No', 'North', 'Nora North'],
  ['C4', '04/05/2025', 'No', 'North', 'Nick North'],
  ['C5', '05/05/2025', 'No', 'North', 'Nick North'],
  ['C6', '06/05/2025', 'Yes', 'South', 'Sam South'],
  ['C7', '07/05/2025', 'No', 'South', 'Sam South'],
  ['C8', '08/05/2025', 'No', 'South', 'Sam South'],
];

async function importReferrals(t: TestApp, dir: string, rows: Referral[], asAt: string) {
  fs.mkdirSync(dir, { recursive: true });
  const file = await writeListCsv(
    dir,
    'list_3.csv',
    3,
    rows.map(([id, date, nfa, team, worker]) => ({
      ...base,
      child_id: id,
      date_of_referral: date,
      referral_nfa: nfa,
      referrals_last_12_months: '0',
      allocated_team: team,
      allocated_worker: worker,
    })),
  );
  const outcome = await t.services.snapshots!.importFiles([{ path: file, name: 'list_3.csv' }], {
    asAt,
    actor: ACTOR,
  });
  assert.deepEqual(outcome.derivedErrors, []);
  return outcome.snapshot!;
}

/**
 * A small hand-made benchmark set (instead of the shipped DfE table): Derby (831, East Midlands) with three
 * statistical neighbours, one of them without a figure, for two measures and two years.
 */
async function seedBenchmarks(db: Db) {
  const file = 'c1_children_in_need_referrals_and_rereferrals_test.csv';
  await db
    .insertInto('benchmark_sources')
    .values({
      file,
      kind: 'c1-test',
      sha256: 'a'.repeat(64),
      bytes: 1,
      rows_read: 1,
      values_stored: 1,
      years: JSON.stringify([2024, 2025]),
      imported_by: 'test',
    })
    .execute();
  const las = [
    ['E06000015', '831', 'Derby'],
    ['E06000016', '901', 'Neighbour One'],
    ['E06000017', '902', 'Neighbour Two'],
    ['E06000018', '903', 'Neighbour Three'],
  ] as const;
  await db
    .insertInto('benchmark_las')
    .values(
      las.map(([newCode, oldCode, name]) => ({
        new_la_code: newCode,
        old_la_code: oldCode,
        la_name: name,
        region_code: 'E12000004',
        region_name: 'East Midlands',
        first_year: 2024,
        last_year: 2025,
        value_rows: 4,
      })),
    )
    .execute();
  await db
    .insertInto('statistical_neighbours')
    .values(
      ['901', '902', '903'].map((code, i) => ({
        model: '2025' as const,
        old_la_code: '831',
        la_name: 'Derby',
        rank: i + 1,
        neighbour_old_code: code,
        closeness: null,
        source: file,
      })),
    )
    .execute();
  // [measure, year, England, East Midlands, Derby, neighbours 901, 902, 903]
  const figures: [string, number, number, number, number, number, number, number | null][] = [
    ['c1_nfa_pct', 2024, 9, 11, 14, 19, 29, null],
    ['c1_nfa_pct', 2025, 10, 12, 15, 20, 30, null],
    ['c1_rereferral_pct', 2025, 22.6, 21, 20, 18, 24, 27],
  ];
  const rows = figures.flatMap(([measure, year, england, region, ...laValues]) => [
    { measure, time_period: year, geographic_level: 'national' as const, value: england, source: file },
    {
      measure,
      time_period: year,
      geographic_level: 'regional' as const,
      region_code: 'E12000004',
      region_name: 'East Midlands',
      value: region,
      source: file,
    },
    ...las.map(([newCode, oldCode, name], i) => ({
      measure,
      time_period: year,
      geographic_level: 'la' as const,
      region_code: 'E12000004',
      old_la_code: oldCode,
      new_la_code: newCode,
      la_name: name,
      value: laValues[i] ?? null,
      symbol: laValues[i] === null ? 'c' : null,
      source: file,
    })),
  ]);
  await db.insertInto('benchmark_values').values(rows).execute();
}

let counter = 0;
/** A signed-in user with a chosen name (social workers see rows naming them) and teams. */
async function as(t: TestApp, roles: Role[], options: { name?: string; teams?: string[] } = {}) {
  counter += 1;
  const user = await createUser(t.services.db, SYSTEM_ACTOR, {
    email: `dash${counter}@example.gov.uk`,
    name: options.name ?? `Dash User ${counter}`,
    roles,
    teams: options.teams,
    password: null,
    accessExpiresAt: roles.includes('inspector') ? new Date(Date.now() + 86_400_000) : null,
  });
  const { token } = await t.services.sessions.create(user.id);
  return { user, cookie: `${SESSION_COOKIE}=${token}` };
}

function binary(r: request.Request) {
  return r.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** The text of the element with this id (tags stripped, spaces collapsed). */
function textOf(html: string, id: string): string {
  const open = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>`).exec(html);
  if (!open) return '';
  const rest = html.slice(open.index + open[0].length);
  const inner = rest.slice(0, rest.indexOf(`</${open[1]}>`));
  return inner
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([:.,)])/g, '$1')
    .trim();
}

describe('performance dashboard pages', () => {
  let t: TestApp;
  let dir: string;
  let first: SnapshotSummary;
  let latest: SnapshotSummary;

  before(async () => {
    t = await createTestApp({}, { analytics: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-dashboard-'));
    await seedBenchmarks(t.services.db);
    await updateSettings(t.services.db, SYSTEM_ACTOR, { la_code: 'E06000015' });
    for (const team of ['North', 'South']) await createTeam(t.services.db, SYSTEM_ACTOR, team);
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says so when there is no snapshot yet, with a link to import for analysts', async () => {
    const analyst = await as(t, ['analyst']);
    const page = await request(t.app).get('/performance').set('Cookie', analyst.cookie);
    assert.equal(page.status, 200);
    assert.match(page.text, /no Annex A data has been imported/);
    assert.match(page.text, /href="\/snapshots\/upload"/);
    const measure = await request(t.app)
      .get('/performance/measure/referrals_nfa_pct')
      .set('Cookie', analyst.cookie);
    assert.match(measure.text, /no Annex A data has been imported/);
    const member = await as(t, ['member']);
    const print = await request(t.app).get('/performance/print').set('Cookie', member.cookie);
    assert.match(print.text, /A performance analyst needs to import Annex A first/);
    assert.equal(
      (await request(t.app).get('/performance/download').set('Cookie', member.cookie)).status,
      404,
    );
  });

  it('imports two snapshots (their figures are computed at import)', async () => {
    first = await importReferrals(t, path.join(dir, 'a'), FIRST, '2025-09-30');
    latest = await importReferrals(
      t,
      path.join(dir, 'b'),
      [
        ['C9', '01/11/2025', 'No', 'North', 'Nora North'],
        ['C10', '02/11/2025', 'Yes', 'North', 'Nora North'],
      ],
      '2025-12-31',
    );
    assert.notEqual(first.id, latest.id);
  });

  it('shows the summary of headline measures with stored values, ratings and comparators', async () => {
    const analyst = await as(t, ['analyst']);
    const page = await request(t.app).get(`/performance?snapshot=${first.id}`).set('Cookie', analyst.cookie);
    assert.equal(page.status, 200);
    const stored = (await t.services.indicators!.results(first.id)).get('referrals_nfa_pct')!;
    assert.equal(stored.value, 37.5);
    const row =
      /<a class="govuk-link" href="\/performance\/measure\/referrals_nfa_pct[^"]*">[\s\S]*?<\/tr>/.exec(
        page.text,
      )?.[0];
    assert.ok(row, 'the summary lists referrals NFA');
    assert.match(row, />37\.5%</);
    // Hand-checked: England 10%, neighbours 20% and 30% (the third has no figure): average 25%.
    assert.match(row, />10\.0%</, 'England');
    assert.match(row, />12\.0%<span class="govuk-body-s app-cell-note">East Midlands</, 'region');
    assert.match(row, />25\.0%<span class="govuk-body-s app-cell-note">average of 2</, 'neighbours');
    assert.match(row, />2025</, 'DfE year');
    assert.match(row, /Not rated/, 'NFA has no better direction');
    assert.match(row, /At 30 September 2025|1 April 2025 to 30 September 2025/);
    assert.match(
      page.text,
      /Contains public sector information licensed under the Open Government Licence v3\.0\./,
    );
    assert.match(page.text, /As at <strong>30 September 2025<\/strong>/);
    for (const area of [
      'front_door',
      'child_protection',
      'children_in_care',
      'care_leavers',
      'adoption',
      'workforce',
    ])
      assert.match(page.text, new RegExp(`href="/performance/${area}\\?snapshot=${first.id}"`));
    // Without ?snapshot, the latest snapshot.
    const latestPage = await request(t.app).get('/performance').set('Cookie', analyst.cookie);
    assert.match(latestPage.text, /As at <strong>31 December 2025<\/strong>/);
  });

  it('rates a measure with a direction against the neighbour average, with its label in words', async () => {
    const analyst = await as(t, ['analyst']);
    const page = await request(t.app)
      .get(`/performance/measure/referrals_rereferral_12m_pct?snapshot=${first.id}`)
      .set('Cookie', analyst.cookie);
    assert.equal(page.status, 200);
    // 0% re-referrals, low is good: better than any published average.
    assert.match(textOf(page.text, 'figure'), /^0\.0%$/);
    assert.match(
      textOf(page.text, 'rating'),
      /^Green Green: better than or level with the statistical neighbour average\. A lower figure is better for this measure\. Compared with the statistical neighbour average: 23\.0%\.$/,
    );
    const comparators = textOf(page.text, 'comparator-list');
    // Band and rank are of our published 20% among 18, 20, 24 and 27 (cut points 19.5, 22, 24.75).
    assert.match(
      comparators,
      /Quartile band of our published figure B: better than the median, not in the best quarter/,
    );
    assert.match(comparators, /Rank of our published figure 2 of 4 councils with a figure/);
    assert.match(page.text, /govuk-tag govuk-tag--green">Green</);
  });

  it('shows a measure page: figure, counts, definition, period, trend chart with its table, comparators', async () => {
    const analyst = await as(t, ['analyst']);
    const page = await request(t.app)
      .get(`/performance/measure/referrals_nfa_pct?snapshot=${first.id}`)
      .set('Cookie', analyst.cookie);
    assert.equal(page.status, 200);
    assert.equal(textOf(page.text, 'figure'), '37.5%');
    assert.equal(textOf(page.text, 'numerator'), '3');
    assert.equal(textOf(page.text, 'denominator'), '8');
    assert.match(page.text, /Referral NFA|NFA/);
    assert.match(page.text, /1 April 2025 to 30 September 2025/);
    // The trend: an SVG chart in a figure, and the same figures in a visible table.
    assert.match(page.text, /<figure class="app-chart" aria-labelledby="trend-caption">/);
    assert.match(
      page.text,
      /<svg[^>]+role="img"[^>]+aria-labelledby="trend-referrals-nfa-pct-title trend-referrals-nfa-pct-desc"/,
    );
    const trend = textOf(page.text, 'trend-table');
    assert.match(trend, /30 Sep 2025 \(this snapshot\) 37\.5%/);
    assert.match(trend, /31 Dec 2025 50\.0%/);
    // Comparators, with the DfE year, definition, caveat and attribution.
    const comparators = textOf(page.text, 'comparator-list');
    assert.match(comparators, /England 10\.0%/);
    assert.match(comparators, /Region \(East Midlands\) 12\.0%/);
    assert.match(
      comparators,
      /Statistical neighbour average 25\.0% \(mean of the 2 of our 10 neighbours with data, 2025 model\)/,
    );
    assert.match(comparators, /Statistical neighbour median 25\.0%/);
    assert.match(comparators, /Our council’s published figure 15\.0% \(Derby, 2025\)/);
    assert.match(comparators, /Quartile band of our published figure None/, 'a neutral measure has no band');
    assert.match(
      page.text,
      /Neighbour Three<\/th><td class="govuk-table__cell govuk-table__cell--numeric">No data/,
    );
    // DfE's figures by year: a second chart with its table.
    assert.match(
      textOf(page.text, 'published-table'),
      /2024 14\.0% 9\.0% 11\.0% 24\.0% 2025 15\.0% 10\.0% 12\.0% 25\.0%/,
    );
    assert.match(page.text, /How DfE’s definition differs/);
    assert.match(
      page.text,
      /Contains public sector information licensed under the Open Government Licence v3\.0\./,
    );
    // Breakdown tabs as anchors, each a table; drill-down links for an analyst.
    assert.match(page.text, /class="govuk-tabs"/);
    for (const id of ['by-team', 'by-worker', 'by-age-band', 'by-gender', 'by-ethnicity-group'])
      assert.match(page.text, new RegExp(`href="#${id}"`));
    assert.match(
      page.text,
      /\/performance\/measure\/referrals_nfa_pct\/children\?part=numerator&amp;snapshot=/,
    );
    assert.match(page.text, /part=denominator&amp;dimension=team&amp;key=South/);
  });

  it('puts a team manager’s own teams first in the team breakdown', async () => {
    const manager = await as(t, ['team_manager'], { teams: ['South'] });
    const page = await request(t.app)
      .get(`/performance/measure/referrals_nfa_pct?snapshot=${first.id}`)
      .set('Cookie', manager.cookie);
    const teamTable = textOf(page.text, 'table-by-team');
    assert.ok(teamTable.indexOf('South') < teamTable.indexOf('North'), teamTable);
    assert.match(teamTable, /South \(your team\)/);
  });

  it('shows an elected member aggregates only: small numbers withheld, no worker breakdown, no drill-down', async () => {
    const member = await as(t, ['member']);
    const page = await request(t.app)
      .get(`/performance/measure/referrals_nfa_pct?snapshot=${first.id}`)
      .set('Cookie', member.cookie);
    assert.equal(page.status, 200);
    // 3 of 8: the numerator is a small number, so it and the percentage are withheld.
    assert.equal(textOf(page.text, 'figure'), 'Withheld (fewer than 5)');
    assert.equal(textOf(page.text, 'numerator'), 'Fewer than 5');
    assert.equal(textOf(page.text, 'denominator'), '8');
    assert.doesNotMatch(page.text, /\/children\?/);
    assert.doesNotMatch(page.text, /href="#by-worker"/);
    assert.doesNotMatch(page.text, /Nora North|Sam South/);
    const team = textOf(page.text, 'table-by-team');
    assert.match(team, /North Withheld \(fewer than 5\) Fewer than 5 5/);
    assert.match(team, /South Withheld \(fewer than 5\) Fewer than 5 Fewer than 5/);
    // A count of 8 is not small: shown.
    const count = await request(t.app)
      .get(`/performance/measure/referrals_count?snapshot=${first.id}`)
      .set('Cookie', member.cookie);
    assert.equal(textOf(count.text, 'figure'), '8');
    const summary = await request(t.app)
      .get(`/performance?snapshot=${first.id}`)
      .set('Cookie', member.cookie);
    assert.match(summary.text, /Counts of 1 to 4 are withheld/);
    assert.doesNotMatch(summary.text, />37\.5%</);
    // The drill-down is refused outright.
    const drill = await request(t.app)
      .get(`/performance/measure/referrals_nfa_pct/children?part=numerator&snapshot=${first.id}`)
      .set('Cookie', member.cookie);
    assert.equal(drill.status, 403);
  });

  it('lists the children behind a figure within the user’s scope, and logs each view', async () => {
    const url = `/performance/measure/referrals_nfa_pct/children?part=denominator&snapshot=${first.id}`;
    const ids = (html: string) => [...html.matchAll(/\/children\/(C\d+)"/g)].map((m) => m[1]);
    const analyst = await as(t, ['analyst']);
    const all = await request(t.app).get(url).set('Cookie', analyst.cookie);
    assert.equal(all.status, 200);
    assert.deepEqual(ids(all.text), ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
    assert.match(all.text, new RegExp(`href="/snapshots/${first.id}/children/C1"`));
    assert.match(all.text, /1 May 2025/, 'the evidence dates');
    const manager = await as(t, ['team_manager'], { teams: ['South'] });
    const south = await request(t.app).get(url).set('Cookie', manager.cookie);
    assert.deepEqual(ids(south.text), ['C6', 'C7', 'C8']);
    const worker = await as(t, ['social_worker'], { name: 'Nora North' });
    const own = await request(t.app).get(url).set('Cookie', worker.cookie);
    assert.deepEqual(ids(own.text), ['C1', 'C2', 'C3']);
    const filtered = await request(t.app)
      .get(
        `/performance/measure/referrals_nfa_pct/children?part=numerator&dimension=team&key=North&snapshot=${first.id}`,
      )
      .set('Cookie', analyst.cookie);
    assert.deepEqual(ids(filtered.text), ['C1', 'C2']);
    const bad = await request(t.app)
      .get(`/performance/measure/referrals_nfa_pct/children?dimension=shoe_size&key=9`)
      .set('Cookie', analyst.cookie);
    assert.equal(bad.status, 400);
    const logged = await t.services.db
      .selectFrom('access_log')
      .selectAll()
      .where('what', '=', 'indicator drill-down: referrals_nfa_pct (denominator)')
      .where('user_id', '=', manager.user.id)
      .execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]!.action, 'view');
    assert.deepEqual((logged[0]!.details as unknown as { childIds: string[] }).childIds, ['C6', 'C7', 'C8']);
  });

  it('pages the drill-down 50 at a time', async () => {
    const rows: Referral[] = Array.from({ length: 55 }, (_, i) => [
      `P${String(i + 1).padStart(2, '0')}`,
      '01/06/2025',
      'No',
      'North',
      'Nora North',
    ]);
    const big = await importReferrals(t, path.join(dir, 'c'), rows, '2025-08-31');
    const analyst = await as(t, ['analyst']);
    const url = `/performance/measure/referrals_count/children?part=numerator&snapshot=${big.id}`;
    const one = await request(t.app).get(url).set('Cookie', analyst.cookie);
    assert.equal([...one.text.matchAll(/\/children\/P\d+"/g)].length, 50);
    assert.match(one.text, /1 to 50 of 55/);
    assert.match(one.text, /class="govuk-pagination/);
    const two = await request(t.app).get(`${url}&page=2`).set('Cookie', analyst.cookie);
    assert.equal([...two.text.matchAll(/\/children\/P\d+"/g)].length, 5);
    assert.match(two.text, /51 to 55 of 55/);
  });

  it('lists prospective adopters by their own id, without linking them as children', async () => {
    const adopterDir = path.join(dir, 'adopters');
    fs.mkdirSync(adopterDir, { recursive: true });
    const file = await writeListCsv(adopterDir, 'list_11.csv', 11, [
      { adopter_id: 'A1', date_enquiry: '01/05/2025' },
      { adopter_id: 'A2', date_enquiry: '02/05/2025' },
    ]);
    const outcome = await t.services.snapshots!.importFiles([{ path: file, name: 'list_11.csv' }], {
      asAt: '2025-07-31',
      actor: ACTOR,
    });
    const analyst = await as(t, ['analyst']);
    const page = await request(t.app)
      .get(
        `/performance/measure/adopters_enquiries_count/children?part=numerator&snapshot=${outcome.snapshot!.id}`,
      )
      .set('Cookie', analyst.cookie);
    assert.equal(page.status, 200);
    assert.match(page.text, /<th scope="col" class="govuk-table__header">Adopter<\/th>/);
    assert.match(page.text, />A1<\/td>/);
    assert.doesNotMatch(page.text, /\/children\/A1"/);
  });

  it('downloads the drill-down as CSV and xlsx, logged as exports', async () => {
    const manager = await as(t, ['team_manager'], { teams: ['North'] });
    const base = `/performance/measure/referrals_nfa_pct/children/download?part=numerator&snapshot=${first.id}`;
    const csv = await request(t.app).get(`${base}&format=csv`).set('Cookie', manager.cookie);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    assert.equal(lines[0], 'child_id,team,worker,in_numerator,date_of_referral,referral_nfa');
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      ['C1', 'C2'],
    );
    const xlsx = await binary(request(t.app).get(`${base}&format=xlsx`).set('Cookie', manager.cookie));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.getRow(2).getCell(1).value, 'C1');
    assert.equal(sheet.rowCount, 3);
    const exports = await t.services.db
      .selectFrom('access_log')
      .selectAll()
      .where('user_id', '=', manager.user.id)
      .where('action', '=', 'export')
      .execute();
    assert.equal(exports.length, 2);
  });

  it('downloads the breakdown and trend tables with small numbers withheld', async () => {
    const analyst = await as(t, ['analyst']);
    const csv = await request(t.app)
      .get(`/performance/measure/referrals_nfa_pct/download?table=breakdown&format=csv&snapshot=${first.id}`)
      .set('Cookie', analyst.cookie);
    assert.equal(csv.status, 200);
    const lines = csv.text.trim().split('\r\n');
    assert.equal(lines[0], 'indicator_id,dimension,key,value,numerator,denominator');
    assert.ok(lines.includes('referrals_nfa_pct,Team,North,suppressed,Fewer than 5,5'), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('referrals_nfa_pct,Allocated worker,')));
    const trend = await binary(
      request(t.app)
        .get('/performance/measure/referrals_nfa_pct/download?table=trend&format=xlsx')
        .set('Cookie', analyst.cookie),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(trend.body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Trend')!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      'indicator_id',
      'snapshot_id',
      'as_at',
      'value',
      'numerator',
      'denominator',
    ]);
    const rows = [2, 3, 4].map((n) => sheet.getRow(n).values as unknown[]);
    assert.ok(rows.some((r) => r[3] === '2025-09-30' && r[4] === 'suppressed' && r[5] === 'Fewer than 5'));
    // The summary and area tables too, with the benchmark attribution.
    const summary = await request(t.app)
      .get(`/performance/download?format=csv&snapshot=${first.id}`)
      .set('Cookie', analyst.cookie);
    assert.match(
      summary.text.split('\r\n')[0]!,
      /^indicator_id,measure,area,value,unit,numerator,denominator/,
    );
    assert.match(summary.text, /referrals_count,Referrals,Front door and assessment,8,count,8,/);
    assert.match(summary.text, /Open Government Licence v3\.0/);
    const area = await binary(
      request(t.app)
        .get(`/performance/front_door/download?format=xlsx&snapshot=${first.id}`)
        .set('Cookie', analyst.cookie),
    );
    const areaBook = new ExcelJS.Workbook();
    await areaBook.xlsx.load(area.body as unknown as ArrayBuffer);
    assert.ok(areaBook.worksheets[0]!.rowCount > 5);
  });

  it('shows each area page and the printable summary', async () => {
    const director = await as(t, ['director']);
    for (const area of [
      'front_door',
      'child_protection',
      'children_in_care',
      'care_leavers',
      'adoption',
      'workforce',
    ]) {
      const page = await request(t.app).get(`/performance/${area}`).set('Cookie', director.cookie);
      assert.equal(page.status, 200, area);
      assert.match(page.text, /<table class="govuk-table app-measure-table" id="measures">/);
    }
    const front = await request(t.app)
      .get(`/performance/front_door?snapshot=${first.id}`)
      .set('Cookie', director.cookie);
    assert.match(front.text, /Referrals/);
    assert.match(front.text, /assessments_45wd_pct|Assessments completed within 45 working days/i);
    assert.equal(
      (await request(t.app).get('/performance/nowhere').set('Cookie', director.cookie)).status,
      404,
    );
    const print = await request(t.app)
      .get(`/performance/print?snapshot=${first.id}`)
      .set('Cookie', director.cookie);
    assert.equal(print.status, 200);
    assert.match(print.text, /class="app-print"/);
    assert.doesNotMatch(print.text, /govuk-service-navigation/);
    assert.match(print.text, />37\.5%</);
  });

  it('says why a rate has no value and sends administrators to the settings', async () => {
    const admin = await as(t, ['admin']);
    const page = await request(t.app)
      .get(`/performance/measure/referrals_rate_per_10k?snapshot=${first.id}`)
      .set('Cookie', admin.cookie);
    assert.match(textOf(page.text, 'figure'), /^No data: no population is set/);
    assert.match(
      textOf(page.text, 'figure'),
      /set a population on the local standards page or set the council’s LA code/,
    );
    const analyst = await as(t, ['analyst']);
    const forAnalyst = await request(t.app)
      .get(`/performance/measure/referrals_rate_per_10k?snapshot=${first.id}`)
      .set('Cookie', analyst.cookie);
    assert.match(forAnalyst.text, /<a class="govuk-link" href="\/standards">set a population/);
    assert.doesNotMatch(forAnalyst.text, /href="\/admin\/settings"/);
    assert.equal(
      (await request(t.app).get('/performance/measure/no_such_measure').set('Cookie', admin.cookie)).status,
      404,
    );
    assert.equal(
      (await request(t.app).get('/performance?snapshot=no-such-snapshot').set('Cookie', admin.cookie)).status,
      404,
    );
  });

  it('follows a changed setting at once (the pages keep settings and benchmarks in memory)', async () => {
    const analyst = await as(t, ['analyst']);
    const url = `/performance/measure/referrals_rereferral_12m_pct?snapshot=${first.id}`;
    assert.match((await request(t.app).get(url).set('Cookie', analyst.cookie)).text, /id="comparator-list"/);
    await updateSettings(t.services.db, SYSTEM_ACTOR, { la_code: '' });
    const without = await request(t.app).get(url).set('Cookie', analyst.cookie);
    assert.doesNotMatch(without.text, /id="comparator-list"/);
    assert.match(without.text, /No local authority code is set/);
    await updateSettings(t.services.db, SYSTEM_ACTOR, { la_code: 'E06000015' });
    assert.match((await request(t.app).get(url).set('Cookie', analyst.cookie)).text, /id="comparator-list"/);
  });

  it('shows the latest snapshot by default on a measure page and links each snapshot in the trend', async () => {
    const analyst = await as(t, ['analyst']);
    const page = await request(t.app)
      .get('/performance/measure/referrals_nfa_pct')
      .set('Cookie', analyst.cookie);
    assert.equal(textOf(page.text, 'figure'), '50.0%');
    assert.match(
      page.text,
      new RegExp(`href="/performance/measure/referrals_nfa_pct\\?snapshot=${first.id}"`),
    );
    assert.ok(latest.id);
  });
});
