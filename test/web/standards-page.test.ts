import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, signedInAs, type TestApp } from '../helpers/app.ts';
import { STANDARDS } from '../../src/domain/standards.ts';
import { getSettings } from '../../src/store/settings.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';
import { writeListCsv } from '../../src/ingest/annex-a/test-support/fixtures.ts';
import { INDICATORS } from '../../src/indicators/registry.ts';

/** The whole form as it comes filled in: every standard at its default, plus the benchmark choices. */
function form(overrides: Record<string, string> = {}): Record<string, string> {
  const body: Record<string, string> = { sn_model: '2025', population_override: '0' };
  for (const s of STANDARDS) body[s.key] = String(s.default);
  return { ...body, ...overrides };
}

describe('local standards page', () => {
  let t: TestApp;
  let dir: string;
  let analyst: Awaited<ReturnType<typeof signedInAs>>;
  const save = (who: { cookie: string; csrf: string }, body: Record<string, string>) =>
    request(t.app)
      .post('/standards')
      .set('Cookie', who.cookie)
      .type('form')
      .send({ _csrf: who.csrf, ...body });

  before(async () => {
    t = await createTestApp({}, { analytics: true });
    analyst = await signedInAs(t, ['analyst']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-standards-'));
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every standard by group with its unit, default and the value in force, read-only for readers', async () => {
    const director = await signedInAs(t, ['director']);
    const page = await request(t.app).get('/standards').set('Cookie', director.cookie);
    assert.equal(page.status, 200);
    for (const s of STANDARDS) assert.ok(page.text.includes(s.label.replaceAll('’', '’')), `shows ${s.key}`);
    assert.match(page.text, /<h2 class="govuk-heading-m">Indicators<\/h2>/);
    assert.match(page.text, /<h2 class="govuk-heading-m">Dashboard and caseloads<\/h2>/);
    assert.match(page.text, /<strong>18 children<\/strong> \(the default\)/);
    assert.doesNotMatch(page.text, /<form method="post" action="\/standards"/);
    const nav = /<nav[\s\S]*?<\/nav>/.exec(page.text)![0];
    assert.match(nav, /href="\/standards"[^>]*>[\s\S]{0,200}?Standards/);
    const editable = await request(t.app).get('/standards').set('Cookie', analyst.cookie);
    assert.match(editable.text, /<form method="post" action="\/standards"/);
    assert.match(
      editable.text,
      /id="caseload_standard" name="caseload_standard" type="text" spellcheck="false" value="18"/,
    );
    assert.match(editable.text, /Default 18 children; in force 18 children/);
    assert.match(editable.text, /name="sn_model" type="radio" value="2025" checked/);
  });

  it('refuses out-of-range values with specific messages and saves none of the form', async () => {
    const response = await save(
      analyst,
      form({
        caseload_standard: '0',
        cp_visit_working_days: '10.5',
        sn_model: '2019',
        population_override: '-3',
      }),
    );
    assert.equal(response.status, 400);
    assert.match(response.text, /Enter the caseload standard as a whole number of children from 1 to 100/);
    assert.match(
      response.text,
      /Enter the child protection visit standard as a whole number of working days from 1 to 60/,
    );
    assert.match(response.text, /Choose the 2025 or the 2021 statistical neighbour model/);
    assert.match(
      response.text,
      /Enter the number of children aged 0 to 17 as a whole number from 0 to 5,000,000/,
    );
    assert.match(response.text, /href="#caseload_standard"/);
    assert.match(response.text, /value="10.5"/);
    const settings = await getSettings(t.services.db);
    assert.equal(settings.caseload_standard, 18);
    assert.equal(settings.cp_visit_working_days, 10);
    const forbidden = await save(await signedInAs(t, ['director']), form({ caseload_standard: '20' }));
    assert.equal(forbidden.status, 403);
  });

  it('saves the changes with a history, and an indicator run records the saved standard', async () => {
    // a snapshot whose figures were computed at import with the default visit standard (10 working days)
    const plans = await writeListCsv(dir, 'list_7.csv', 7, [
      {
        child_id: 'P1',
        cp_start_date: '01/06/2025',
        date_last_statutory_visit: '15/09/2025',
        allocated_team: 'North',
        allocated_worker: 'Nia North',
      },
    ]);
    const outcome = await t.services.snapshots!.importFiles([{ path: plans, name: 'list_7.csv' }], {
      asAt: '2025-09-30',
      actor: SYSTEM_ACTOR,
    });
    const before = (await t.services.indicators!.results(outcome.snapshot!.id)).get(
      'cp_visited_in_standard_pct',
    )!;
    assert.equal(before.standards.cp_visit_working_days, 10);
    assert.deepEqual([before.numerator, before.denominator], [0, 1]);

    const response = await save(
      analyst,
      form({
        cp_visit_working_days: '15',
        caseload_standard: '20',
        sn_model: '2021',
        population_override: '52,000',
      }),
    );
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/standards?saved=1');
    const settings = await getSettings(t.services.db);
    assert.equal(settings.cp_visit_working_days, 15);
    assert.equal(settings.caseload_standard, 20);
    assert.equal(settings.sn_model, '2021');
    assert.equal(settings.population_override, 52000);
    // unchanged standards are not recorded as changes
    const changes = await t.services.db
      .selectFrom('change_log')
      .select(['entity_id', 'actor_email', 'details'])
      .where('entity_type', '=', 'setting')
      .orderBy('id')
      .execute();
    assert.deepEqual(changes.map((c) => c.entity_id).sort(), [
      'caseload_standard',
      'cp_visit_working_days',
      'population_override',
      'sn_model',
    ]);
    assert.ok(changes.every((c) => c.actor_email === analyst.user.email));
    const page = await request(t.app).get('/standards?saved=1').set('Cookie', analyst.cookie);
    assert.match(page.text, /The standards are saved/);
    assert.match(page.text, /Child protection visit standard<\/td>\s*<td class="govuk-table__cell">10 → 15/);
    assert.match(page.text, /Default 10 working days; in force 15 working days/);

    const uses = INDICATORS.filter((d) =>
      (d.standards as readonly string[]).includes('cp_visit_working_days'),
    );
    assert.ok(uses.length > 0, 'some indicator reads the CP visit standard');
    // computed again after the change (services.indicators.compute, and the page's button for the latest
    // snapshot): the saved standard is used and recorded
    await t.services.indicators!.compute(outcome.snapshot!.id, uses);
    const computedAt = (await t.services.indicators!.results(outcome.snapshot!.id)).get(
      'cp_visited_in_standard_pct',
    )!.computedAt;
    const again = await request(t.app)
      .post('/standards/recompute')
      .set('Cookie', analyst.cookie)
      .type('form')
      .send({ _csrf: analyst.csrf });
    assert.equal(again.status, 303);
    assert.equal(again.headers.location, '/standards?recomputed=2025-09-30');
    const results = await t.services.indicators!.results(outcome.snapshot!.id);
    for (const d of uses) assert.equal(results.get(d.id)!.standards.cp_visit_working_days, 15, d.id);
    // 15 Sep to 30 Sep is 11 working days: within 15, not within the default 10
    const visited = results.get('cp_visited_in_standard_pct')!;
    assert.deepEqual([visited.numerator, visited.denominator], [1, 1]);
    assert.ok(visited.computedAt > computedAt, 'the button computed the latest snapshot again');
  });
});
