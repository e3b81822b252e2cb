import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cliEnvironment, runCli, type CliEnvironment } from '../helpers/cli.ts';
import { createHarness, ACTOR, type Harness } from '../snapshots/helpers.ts';
import { writeListCsv } from '../../src/ingest/annex-a/test-support/fixtures.ts';
import { IndicatorService } from '../../src/indicators/service.ts';
import { INDICATORS } from '../../src/indicators/registry.ts';
import { INDICATOR_JSON_KEYS } from '../../src/cli/indicator-commands.ts';
import { updateSettings } from '../../src/store/settings.ts';
import { createUser } from '../../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';

const base = { Gender: 'b) Female', Ethnicity: 'a) WBRI', 'Date of Birth': '01/06/2015', Age: '10' };
async function referralsCsv(dir: string, rows: [string, string, string, string][]) {
  return writeListCsv(
    dir,
    'list_3.csv',
    3,
    rows.map(([id, date, nfa, team]) => ({
      ...base,
      child_id: id,
      date_of_referral: date,
      referral_nfa: nfa,
      referrals_last_12_months: '0',
      allocated_team: team,
      allocated_worker: `${team} Worker`,
    })),
  );
}

describe('indicator service: computed at import, stored, trended, drilled down within scope', () => {
  let h: Harness;
  let service: IndicatorService;
  before(async () => {
    h = await createHarness();
    service = new IndicatorService({ db: h.database.db, analytics: h.analytics, snapshots: h.service });
    h.service.onStored(service.listener());
  });
  after(async () => h.close());

  it('stores every indicator for an imported snapshot, with its period and the standards used', async () => {
    const file = await referralsCsv(h.dir, [
      ['C1', '01/05/2025', 'Yes', 'North'],
      ['C2', '02/05/2025', 'No', 'North'],
      ['C3', '03/05/2025', 'No', 'South'],
      ['C4', '04/05/2025', 'Yes', 'South'],
    ]);
    const outcome = await h.service.importFiles([{ path: file, name: 'list_3.csv' }], {
      asAt: '2025-09-30',
      actor: ACTOR,
    });
    assert.deepEqual(outcome.derivedErrors, []);
    const results = await service.results(outcome.snapshot!.id);
    assert.equal(results.size, INDICATORS.length);
    const nfa = results.get('referrals_nfa_pct')!;
    assert.deepEqual([nfa.value, nfa.numerator, nfa.denominator], [50, 2, 4]);
    assert.equal(nfa.periodStart, '2025-04-01');
    assert.equal(nfa.asAt, '2025-09-30');
    const breakdown = await service.breakdowns(outcome.snapshot!.id, 'referrals_nfa_pct');
    assert.deepEqual(
      breakdown.filter((b) => b.dimension === 'team').map((b) => [b.key, b.numerator, b.denominator]),
      [
        ['North', 1, 2],
        ['South', 1, 2],
      ],
    );
  });

  it('gives a trend across snapshots, oldest first', async () => {
    const dir = fs.mkdtempSync(path.join(h.dir, 'second-'));
    const file = await referralsCsv(dir, [
      ['C1', '01/08/2025', 'No', 'North'],
      ['C5', '02/08/2025', 'No', 'North'],
    ]);
    await h.service.importFiles([{ path: file, name: 'list_3.csv' }], { asAt: '2025-12-31', actor: ACTOR });
    const trend = await service.trend('referrals_nfa_pct');
    assert.deepEqual(
      trend.map((t) => [t.asAt, t.value]),
      [
        ['2025-09-30', 50],
        ['2025-12-31', 0],
      ],
    );
  });

  it('drills down to the children within the user’s scope and logs the view', async () => {
    const snapshot = (await h.service.list()).find((s) => s.asAt === '2025-09-30')!;
    const manager = await createUser(h.database.db, SYSTEM_ACTOR, {
      email: 'tm@example.gov.uk',
      name: 'Tess Manager',
      roles: ['team_manager'],
      password: null,
      teams: [],
    });
    const withTeam = { ...manager, teams: [{ id: 1, name: 'north' }] };
    const drill = await service.drilldownFor(withTeam, snapshot.id, 'referrals_nfa_pct', {
      part: 'denominator',
    });
    assert.deepEqual(
      drill.rows.map((r) => r.childId),
      ['C1', 'C2'],
    );
    const member = { ...manager, roles: ['member' as const] };
    const none = await service.drilldownFor(member, snapshot.id, 'referrals_nfa_pct', { part: 'numerator' });
    assert.equal(none.rows.length, 0);
    const logged = await h.database.db
      .selectFrom('access_log')
      .selectAll()
      .where('what', 'like', 'indicator drill-down%')
      .execute();
    assert.equal(logged.length, 2);
    assert.deepEqual((logged[0]!.details as unknown as { childIds: string[] }).childIds, ['C1', 'C2']);
  });

  it('uses a local population for rates and records which standards a figure used', async () => {
    await updateSettings(h.database.db, SYSTEM_ACTOR, {
      population_override: 20_000,
      cp_visit_working_days: 15,
    });
    const snapshot = (await h.service.latest())!;
    const ctx = await service.contextFor(snapshot);
    assert.deepEqual(ctx.population, { value: 20_000, year: null, source: 'local setting' });
    assert.equal(ctx.standards.cp_visit_working_days, 15);
  });
});

describe('oversight indicators', () => {
  let dir: string;
  let env: Record<string, string>;
  let cli: CliEnvironment;
  before(async () => {
    cli = await cliEnvironment('oversight-cli-ind-');
    ({ dir, env } = cli);
  });
  after(() => cli.cleanup());

  it('says there is nothing to compute before any import (exit 1)', async () => {
    const r = await runCli(['indicators', '--json'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no snapshots yet/);
  });

  it('prints every indicator as JSON with exactly the documented keys and the values the data implies', async () => {
    const file = await referralsCsv(dir, [
      ['C1', '01/05/2025', 'Yes', 'North'],
      ['C2', '02/05/2025', 'No', 'North'],
      ['C3', '03/05/2025', 'No', 'North'],
    ]);
    const imported = await runCli(['import', file, '--as-at', '2025-09-30', '--json'], { env });
    assert.equal(imported.code, 0, imported.stderr);
    const r = await runCli(['indicators', '--snapshot', 'latest', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(out.length, INDICATORS.length);
    for (const o of out) assert.deepEqual(Object.keys(o).sort(), [...INDICATOR_JSON_KEYS].sort());
    const nfa = out.find((o) => o.id === 'referrals_nfa_pct')!;
    assert.deepEqual(nfa, {
      id: 'referrals_nfa_pct',
      value: 33.3,
      numerator: 1,
      denominator: 3,
      period_start: '2025-04-01',
      period_end: '2025-09-30',
      as_at: '2025-09-30',
      unit: 'percent',
      polarity: 'neutral',
    });
    const assessments = out.find((o) => o.id === 'assessments_45wd_pct')!;
    assert.equal(assessments.value, null);
    const text = await runCli(['indicators'], { env });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /referrals_nfa_pct\s+33\.3%/);
    const missing = await runCli(['indicators', '--snapshot', 'nope'], { env });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no snapshot nope/);
  });
});
