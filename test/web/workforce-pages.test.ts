import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, signedInAs, type TestApp } from '../helpers/app.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';
import { updateSettings } from '../../src/store/settings.ts';
import { comparatorsFor, ensureShippedBenchmarks } from '../../src/benchmarks/index.ts';
import {
  listQuarters,
  parseQuarter,
  parseWorkforceCsv,
  WorkforceImportError,
} from '../../src/workforce/figures.ts';

const HEADER = 'quarter,agency_rate,turnover_rate,vacancy_rate,absence_rate';

describe('workforce figures: form, CSV import, table with DfE comparators', () => {
  let t: TestApp;
  let analyst: Awaited<ReturnType<typeof signedInAs>>;
  const post = (url: string, who: { cookie: string; csrf: string }, body: Record<string, string>) =>
    request(t.app)
      .post(url)
      .set('Cookie', who.cookie)
      .type('form')
      .send({ _csrf: who.csrf, ...body });
  const count = async () => (await listQuarters(t.services.db)).length;

  before(async () => {
    t = await createTestApp({}, { analytics: true });
    analyst = await signedInAs(t, ['analyst']);
    await ensureShippedBenchmarks(t.services.db);
    await updateSettings(t.services.db, SYSTEM_ACTOR, { la_code: 'E06000015' });
  });
  after(async () => t.close());

  it('reads quarters as financial years', () => {
    assert.deepEqual(parseQuarter('2025/26 q2', '2026-01-01'), {
      quarter: '2025-26 Q2',
      sortKey: 20252,
      start: '2025-07-01',
      end: '2025-09-30',
    });
    assert.deepEqual(parseQuarter('2024-25 Q4', '2026-01-01'), {
      quarter: '2024-25 Q4',
      sortKey: 20244,
      start: '2025-01-01',
      end: '2025-03-31',
    });
    assert.match((parseQuarter('2025-27 Q2') as { error: string }).error, /the year after 2025 is 2025-26/);
    assert.match((parseQuarter('Q2 2025') as { error: string }).error, /like 2025-26 Q2/);
    assert.match(
      (parseQuarter('2026-27 Q1', '2026-03-31') as { error: string }).error,
      /has not started yet/,
    );
  });

  it('refuses a bad form with a specific message at each field, and stores nothing', async () => {
    const response = await post('/workforce', analyst, {
      quarter: '2025-27 Q2',
      agency_rate: 'twelve',
      turnover_rate: '101',
      vacancy_rate: '',
      absence_rate: '3.5',
      headcount: '12.5',
      fte: '',
    });
    assert.equal(response.status, 400);
    assert.match(
      response.text,
      /Enter the quarter as a financial year and quarter, like 2025-26 Q2: the year after 2025 is 2025-26/,
    );
    assert.match(response.text, /Enter the agency rate as a percentage from 0 to 100, like 12.5/);
    assert.match(response.text, /Enter the turnover rate as a percentage from 0 to 100/);
    assert.match(response.text, /Enter the headcount as a whole number of social workers, like 120/);
    assert.match(response.text, /href="#agency_rate"/);
    assert.match(response.text, /value="twelve"/);
    const none = await post('/workforce', analyst, { quarter: '2025-26 Q1' });
    assert.equal(none.status, 400);
    assert.match(none.text, /Enter at least one of the four rates/);
    assert.equal(await count(), 0);
  });

  it('stores a quarter from the form with who and when, and records each change', async () => {
    const first = await post('/workforce', analyst, {
      quarter: '2025-26 Q1',
      agency_rate: '14.2',
      turnover_rate: '16%',
      vacancy_rate: '18.5',
      absence_rate: '',
      headcount: '120',
      fte: '112.5',
    });
    assert.equal(first.status, 303);
    assert.equal(first.headers.location, '/workforce?saved=2025-26%20Q1');
    const again = await post('/workforce', analyst, {
      quarter: '2025-26 q1',
      agency_rate: '13',
      turnover_rate: '16',
      vacancy_rate: '18.5',
      absence_rate: '3.1',
      headcount: '120',
      fte: '112.5',
    });
    assert.equal(again.status, 303);
    const [q] = await listQuarters(t.services.db);
    assert.equal(q!.quarter, '2025-26 Q1');
    assert.equal(q!.agency_rate, 13);
    assert.equal(q!.absence_rate, 3.1);
    assert.equal(q!.updatedBy, analyst.user.email);
    const changes = await t.services.db
      .selectFrom('change_log')
      .selectAll()
      .where('entity_type', '=', 'workforce_quarter')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      changes.map((c) => c.action),
      ['create', 'update'],
    );
    assert.deepEqual((changes[1]!.details as { changes: unknown }).changes, {
      agency_rate: { from: 14.2, to: 13 },
      absence_rate: { from: null, to: 3.1 },
    });
    const page = await request(t.app).get('/workforce').set('Cookie', analyst.cookie);
    assert.match(page.text, /Agency social worker rate: 14.2 → 13/);
    const form = await request(t.app)
      .get('/workforce/new?quarter=2025-26%20Q1')
      .set('Cookie', analyst.cookie);
    assert.match(form.text, /Change a quarter’s workforce figures/);
    assert.match(form.text, /name="agency_rate" type="text" spellcheck="false" value="13"/);
  });

  it('names the line, column, value and what was expected for every bad row, and imports nothing', async () => {
    const before = await listQuarters(t.services.db);
    const csv = [
      HEADER,
      '2025-26 Q1,1,1,1,1',
      '2025-26 Q2,13.8,15.4,"12,5",2.9',
      '2024-25 Q4,12,15,17,abc',
      '2025-26 Q2,13,15,17,2',
      '2025-26 Q5,13,15,17,2',
      '2024-25 Q3,13,15',
    ].join('\n');
    const response = await post('/workforce/import', analyst, { csv });
    assert.equal(response.status, 400);
    const text = response.text.replaceAll('&quot;', '"').replaceAll('&#34;', '"');
    assert.match(text, /Line 3, column vacancy_rate: "12,5" is not a percentage from 0 to 100, like 12.5/);
    assert.match(text, /Line 4, column absence_rate: "abc" is not a percentage from 0 to 100, like 12.5/);
    assert.match(text, /Line 5, column quarter: 2025-26 Q2 is also on line 3: expected each quarter once/);
    assert.match(
      text,
      /Line 6, column quarter: "2025-26 Q5" is not a financial year and quarter, like 2025-26 Q2/,
    );
    assert.match(
      text,
      /Line 7: expected 5 values \(quarter,agency_rate,turnover_rate,vacancy_rate,absence_rate\), found 3/,
    );
    assert.match(text, /nothing was imported/);
    // the good line 2 was not stored either, and the quarter entered before is unchanged
    assert.deepEqual(await listQuarters(t.services.db), before);

    const header = await post('/workforce/import', analyst, {
      csv: 'quarter,agency_rate,turnover,vacancy_rate\n2025-26 Q2,1,2,3',
    });
    assert.equal(header.status, 400);
    const h = header.text.replaceAll('&quot;', '"').replaceAll('&#34;', '"');
    assert.match(h, /Line 1, column 3: "turnover" is not a column this import takes/);
    assert.match(h, /the header has no turnover_rate column/);
    assert.match(h, /the header has no absence_rate column/);
    assert.throws(() => parseWorkforceCsv('quarter,agency_rate\n'), WorkforceImportError);
  });

  it('imports a good CSV in one go, replacing quarters already entered', async () => {
    const csv = [
      `${HEADER},headcount`,
      '2024-25 Q4,15.1,17.2,19,3.4,118',
      '2025-26 Q1,14.2,16.0,18.5,3.1,120',
      '2025-26 Q2,13.8,15.4,17.9,2.9,',
    ].join('\r\n');
    const response = await post('/workforce/import', analyst, { csv });
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/workforce?imported=2&changed=1');
    const quarters = await listQuarters(t.services.db);
    assert.deepEqual(
      quarters.map((q) => [q.quarter, q.agency_rate, q.headcount, q.source]),
      [
        ['2024-25 Q4', 15.1, 118, 'import'],
        ['2025-26 Q1', 14.2, 120, 'import'],
        ['2025-26 Q2', 13.8, null, 'import'],
      ],
    );
  });

  it('shows the table, trend and DfE comparators with the year, attribution and caveat, to every role', async () => {
    const member = await signedInAs(t, ['member']);
    const page = await request(t.app).get('/workforce').set('Cookie', member.cookie);
    assert.equal(page.status, 200);
    assert.match(page.text, /2025-26 Q2/);
    assert.match(page.text, /13.8%/);
    assert.match(
      page.text,
      /<svg class="app-chart" role="img" aria-label="Agency social worker rate by quarter, 2024-25 Q4 15.1% to 2025-26 Q2 13.8%/,
    );
    const agency = await comparatorsFor(t.services.db, {
      measure: 'csww_agency_rate',
      laCode: 'E06000015',
      snModel: '2025',
      polarity: 'low_good',
    });
    assert.ok(agency && agency.england !== null, 'the shipped benchmarks have an England agency rate');
    const row =
      /<th scope="row" class="govuk-table__header">Agency social worker rate<\/th>[\s\S]*?<\/tr>/.exec(
        page.text,
      )![0];
    assert.match(row, new RegExp(`30 September ${agency.year}`));
    assert.match(
      row,
      new RegExp(`>${agency.england.toLocaleString('en-GB', { maximumFractionDigits: 2 })}%<`),
    );
    assert.match(row, new RegExp(agency.region!.name));
    assert.match(
      page.text,
      /Contains public sector information licensed under the Open Government Licence v3.0./,
    );
    assert.match(page.text, /at 30 September each year, full-time equivalent/);
    // members read; only analysts enter
    assert.doesNotMatch(page.text, /href="\/workforce\/new"/);
    assert.equal((await request(t.app).get('/workforce/new').set('Cookie', member.cookie)).status, 403);
    const csv = await request(t.app).get('/workforce/download').set('Cookie', member.cookie);
    assert.match(
      csv.text,
      /^quarter,agency_rate,turnover_rate,vacancy_rate,absence_rate,headcount,fte,source/,
    );
    assert.match(csv.text, /2025-26 Q2,13.8,15.4,17.9,2.9,,,import/);
  });
});
