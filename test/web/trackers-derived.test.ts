import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, signedInAs, type TestApp } from '../helpers/app.ts';
import { generateDemoCouncil } from '../../src/demo/index.ts';
import { createTeam, createUser, listTeams } from '../../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';
import { updateSettings } from '../../src/store/settings.ts';
import { SESSION_COOKIE } from '../../src/web/middleware/session.ts';
import { TRACKER_RULE_IDS } from '../../src/trackers/derived/index.ts';
import type { TrackerEntry } from '../../src/trackers/derived/index.ts';
import type { SnapshotSummary } from '../../src/snapshots/index.ts';

type Counts = Record<string, { red: string; amber: string; green: string; new: string; resolved: string }>;

/** The counts tables of the overview or the summary, by rule. */
function countsOf(html: string): Counts {
  const out: Counts = {};
  for (const m of html.matchAll(/<tr class="govuk-table__row" data-rule="([a-z0-9_]+)">([\s\S]*?)<\/tr>/g)) {
    const cell = (attr: string) =>
      (new RegExp(`${attr}">([\\s\\S]*?)</td>`).exec(m[2]!)?.[1] ?? '').replace(/<[^>]+>/g, '').trim();
    out[m[1]!] = {
      red: cell('data-rag="red'),
      amber: cell('data-rag="amber'),
      green: cell('data-rag="green'),
      new: cell('data-change="new'),
      resolved: cell('data-change="resolved'),
    };
  }
  return out;
}

function childRows(html: string): string[] {
  return [...html.matchAll(/<tr class="govuk-table__row" data-child="([^"]+)">/g)].map((m) => m[1]!);
}

describe('derived tracker pages', () => {
  let t: TestApp;
  let dir: string;
  let week1: SnapshotSummary;
  let week2: SnapshotSummary;
  let teams: { name: string; workers: string[] }[];
  let analyst: Awaited<ReturnType<typeof signedInAs>>;
  let all: TrackerEntry[];

  async function importDemo(asAt: string, sub: string) {
    const demo = await generateDemoCouncil({
      outDir: path.join(dir, sub),
      children: 200,
      asAt,
      seed: 5,
      format: 'csv',
      faults: 0,
    });
    const outcome = await t.services.snapshots!.importFiles(
      // Lists 1–9: the adoption lists come out the same a week apart, and an identical file is refused.
      demo.files.filter((f) => /list_[1-9]\.csv$/.test(f)).map((f) => ({ path: f, name: path.basename(f) })),
      { asAt, actor: SYSTEM_ACTOR },
    );
    assert.ok(outcome.snapshot, outcome.fatal ?? '');
    assert.deepEqual(outcome.derivedErrors, []);
    teams = demo.teams;
    return outcome.snapshot;
  }

  async function sessionFor(
    name: string,
    roles: Parameters<typeof createUser>[2]['roles'],
    teamNames: string[] = [],
  ) {
    const existing = new Set((await listTeams(t.services.db)).map((team) => team.name));
    for (const team of teamNames)
      if (!existing.has(team)) await createTeam(t.services.db, SYSTEM_ACTOR, team);
    const user = await createUser(t.services.db, SYSTEM_ACTOR, {
      email: `${name.replace(/\W+/g, '.').toLowerCase()}@example.gov.uk`,
      name,
      roles,
      teams: teamNames,
      password: null,
    });
    const { token } = await t.services.sessions.create(user.id);
    return `${SESSION_COOKIE}=${token}`;
  }

  before(async () => {
    t = await createTestApp({}, { analytics: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-trackers-pages-'));
    week1 = await importDemo('2025-09-23', 'w1');
    week2 = await importDemo('2025-09-30', 'w2');
    analyst = await signedInAs(t, ['analyst']);
    all = await t.services.trackers!.entries(week2.id);
    assert.ok(all.length > 20, 'the demo council gives entries');
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows counts by rule and RAG with new and resolved against the previous snapshot', async () => {
    const r = await request(t.app).get('/trackers').set('Cookie', analyst.cookie);
    assert.equal(r.status, 200);
    assert.match(r.text, /Drift and delay/);
    assert.match(r.text, /since the snapshot as at 23 September 2025/);
    const counts = countsOf(r.text);
    assert.deepEqual(Object.keys(counts).sort(), [...TRACKER_RULE_IDS].sort());
    const stored = await t.services.trackers!.counts(week2.id);
    const changes = await t.services.trackers!.changeCounts(week2.id);
    for (const rule of TRACKER_RULE_IDS) {
      assert.equal(counts[rule]!.red, String(stored[rule].red), rule);
      assert.equal(counts[rule]!.amber, String(stored[rule].amber), rule);
      assert.equal(counts[rule]!.new, String(changes[rule].new), rule);
      assert.equal(counts[rule]!.resolved, String(changes[rule].resolved), rule);
    }
    assert.ok(
      Object.values(changes).some((c) => c.new + c.resolved > 0),
      'a week brings changes',
    );
    const older = await request(t.app).get(`/trackers?snapshot=${week1.id}`).set('Cookie', analyst.cookie);
    assert.match(older.text, /no earlier snapshot to compare with/);
    assert.equal(
      (await request(t.app).get('/trackers?snapshot=nope').set('Cookie', analyst.cookie)).status,
      404,
    );
  });

  it('gives the weekly summary the same counts as the overview and the tracker pages', async () => {
    const summary = countsOf(
      (await request(t.app).get('/trackers/summary').set('Cookie', analyst.cookie)).text,
    );
    const overview = countsOf((await request(t.app).get('/trackers').set('Cookie', analyst.cookie)).text);
    assert.deepEqual(summary, overview);
    for (const rule of TRACKER_RULE_IDS) {
      const page = await request(t.app).get(`/trackers/${rule}`).set('Cookie', analyst.cookie);
      assert.equal(page.status, 200, rule);
      const caption = /(\d+) child(?:ren)?: (\d+) red, (\d+) amber(?:, (\d+) green)?/.exec(page.text);
      assert.ok(caption, rule);
      assert.equal(caption[2], summary[rule]!.red, `${rule} red`);
      assert.equal(caption[3], summary[rule]!.amber, `${rule} amber`);
      const green = summary[rule]!.green.includes('not listed') ? '0' : summary[rule]!.green;
      assert.equal(caption[4] ?? '0', green, `${rule} green`);
    }
    const one = await request(t.app).get('/trackers/summary?service=cla').set('Cookie', analyst.cookie);
    assert.deepEqual(
      Object.keys(countsOf(one.text)).every((r) => r.startsWith('cla_')),
      true,
    );
    assert.match(one.text, /Longest-waiting children/);
    assert.match(one.text, /Practice alerts overdue/);
  });

  it('filters by team, worker and RAG, and sorts by column through links', async () => {
    const rule = 'cin_not_seen';
    const entries = all.filter((e) => e.rule === rule);
    const team = entries.find((e) => e.team)!.team!;
    const r = await request(t.app)
      .get(`/trackers/${rule}?team=${encodeURIComponent(team)}&rag=red`)
      .set('Cookie', analyst.cookie);
    assert.deepEqual(
      childRows(r.text).sort(),
      entries
        .filter((e) => e.team === team && e.rag === 'red')
        .map((e) => e.childId)
        .sort(),
    );
    const worker = entries.find((e) => e.worker)!.worker!;
    const w = await request(t.app)
      .get(`/trackers/${rule}?worker=${encodeURIComponent(worker)}`)
      .set('Cookie', analyst.cookie);
    assert.deepEqual(
      childRows(w.text).sort(),
      entries
        .filter((e) => e.worker === worker)
        .map((e) => e.childId)
        .sort(),
    );

    const desc = await request(t.app)
      .get(`/trackers/${rule}?sort=child&dir=desc`)
      .set('Cookie', analyst.cookie);
    const ids = childRows(desc.text);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b.localeCompare(a)),
    );
    assert.match(
      desc.text,
      /aria-sort="descending"><a class="govuk-link govuk-link--no-visited-state" href="\/trackers\/cin_not_seen\?sort=child&amp;dir=asc"/,
    );
    const byDays = childRows(
      (await request(t.app).get(`/trackers/${rule}?sort=days&dir=asc`).set('Cookie', analyst.cookie)).text,
    );
    const days = byDays.map((id) => entries.find((e) => e.childId === id)!.daysOver ?? Infinity);
    assert.deepEqual(
      days,
      [...days].sort((a, b) => a - b),
    );
    assert.match(r.text, new RegExp(`href="/snapshots/${week2.id}/children/`));
    assert.equal(
      (await request(t.app).get('/trackers/not_a_rule').set('Cookie', analyst.cookie)).status,
      404,
    );
  });

  it('logs every view of a tracker list with the children shown', async () => {
    await request(t.app).get('/trackers/cla_health_overdue').set('Cookie', analyst.cookie);
    const row = await t.services.db
      .selectFrom('access_log')
      .selectAll()
      .where('what', '=', 'drift and delay tracker: cla_health_overdue')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.action, 'view');
    assert.equal(row.subject_id, week2.id);
    const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as {
      children: string[];
    };
    const expected = all.filter((e) => e.rule === 'cla_health_overdue').map((e) => e.childId);
    for (const id of expected) assert.ok(details.children.includes(id), id);
  });

  it('scopes the lists by role: a team manager sees only their team, a social worker only their own children', async () => {
    const rule = 'cin_not_seen';
    const entries = all.filter((e) => e.rule === rule && e.team && e.worker);
    const team = entries[0]!.team!;
    const tm = await sessionFor('Tess Manager', ['team_manager'], [team]);
    const shown = childRows((await request(t.app).get(`/trackers/${rule}`).set('Cookie', tm)).text).sort();
    assert.deepEqual(
      shown,
      all
        .filter((e) => e.rule === rule && e.team === team)
        .map((e) => e.childId)
        .sort(),
    );
    assert.ok(shown.length < all.filter((e) => e.rule === rule).length, 'not every child');
    const other = all.find((e) => e.rule === rule && e.team !== team)!;
    const summary = await request(t.app).get('/trackers/summary').set('Cookie', tm);
    assert.ok(!summary.text.includes(`>${other.childId}<`), 'the summary lists only their children');

    const worker = entries[0]!.worker!;
    const sw = await sessionFor(worker, ['social_worker']);
    const own = childRows((await request(t.app).get(`/trackers/${rule}`).set('Cookie', sw)).text).sort();
    assert.deepEqual(
      own,
      all
        .filter((e) => e.rule === rule && e.worker === worker)
        .map((e) => e.childId)
        .sort(),
    );
    const csv = await request(t.app).get(`/trackers/${rule}/download?format=csv`).set('Cookie', sw);
    assert.equal(csv.text.trim().split('\r\n').length, own.length + 1);
  });

  it('gives elected members counts only: no child ids, 1 to 4 suppressed, no lists', async () => {
    const member = await signedInAs(t, ['member']);
    const overview = await request(t.app).get('/trackers').set('Cookie', member.cookie);
    assert.equal(overview.status, 200);
    const counts = countsOf(overview.text);
    const stored = await t.services.trackers!.counts(week2.id);
    for (const rule of TRACKER_RULE_IDS) {
      const n = stored[rule].red;
      assert.equal(counts[rule]!.red, n >= 1 && n <= 4 ? 'c' : String(n), rule);
    }
    assert.ok(!overview.text.includes('href="/trackers/cp_'), 'no links to child lists');
    const summary = await request(t.app).get('/trackers/summary').set('Cookie', member.cookie);
    assert.equal(summary.status, 200);
    assert.ok(!/Longest-waiting/.test(summary.text));
    for (const e of all)
      assert.ok(!summary.text.includes(`>${e.childId}<`), `child ${e.childId} shown to a member`);
    assert.equal(
      (await request(t.app).get('/trackers/cin_not_seen').set('Cookie', member.cookie)).status,
      403,
    );
    assert.equal(
      (await request(t.app).get('/trackers/cin_not_seen/download?format=csv').set('Cookie', member.cookie))
        .status,
      403,
    );
    const overTime = await request(t.app).get('/trackers/over-time').set('Cookie', member.cookie);
    assert.equal(overTime.status, 200);
  });

  it('downloads a tracker as CSV and xlsx, and logs each as an export', async () => {
    const rule = 'cla_visit_overdue';
    const entries = all.filter((e) => e.rule === rule);
    const csv = await request(t.app)
      .get(`/trackers/${rule}/download?format=csv&rag=red`)
      .set('Cookie', analyst.cookie);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    assert.equal(
      lines[0],
      'rule,child_id,limit_date,days_over,rag,team,worker,started_looked_after,last_visit,long_term,placement_type',
    );
    assert.equal(lines.length - 1, entries.filter((e) => e.rag === 'red').length);
    const xlsx = await request(t.app)
      .get(`/trackers/${rule}/download?format=xlsx`)
      .set('Cookie', analyst.cookie)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    assert.equal(xlsx.status, 200);
    assert.equal((xlsx.body as Buffer).subarray(0, 2).toString(), 'PK');
    const logged = await t.services.db
      .selectFrom('access_log')
      .select(['action', 'what'])
      .where('what', 'like', `drift and delay tracker: ${rule} (%`)
      .execute();
    assert.deepEqual(logged.map((l) => `${l.action} ${l.what}`).sort(), [
      `export drift and delay tracker: ${rule} (csv)`,
      `export drift and delay tracker: ${rule} (xlsx)`,
    ]);
  });

  it('charts red counts over time beside a table', async () => {
    const r = await request(t.app).get('/trackers/over-time?rule=cin_not_seen').set('Cookie', analyst.cookie);
    assert.equal(r.status, 200);
    assert.match(r.text, /<svg[^>]+role="img"/);
    assert.match(r.text, /23 September 2025[\s\S]*30 September 2025/);
    const red = all.filter((e) => e.rule === 'cin_not_seen' && e.rag === 'red').length;
    assert.match(
      r.text,
      new RegExp(
        `30 September 2025</a></th>\\s*<td class="govuk-table__cell govuk-table__cell--numeric">${String(red)}</td>`,
      ),
    );
    assert.equal(
      (await request(t.app).get('/trackers/over-time?rule=nope').set('Cookie', analyst.cookie)).status,
      404,
    );
    assert.ok(teams.length > 0);
  });
  it('shows the standards a tracker was worked out with, and a changed one as applying from the next import', async () => {
    const before = await request(t.app).get('/trackers/cin_not_seen').set('Cookie', analyst.cookie);
    assert.match(
      before.text,
      /Child in need visiting standard<\/dt><dd class="govuk-summary-list__value">20 working days<\/dd>/,
    );
    await updateSettings(t.services.db, SYSTEM_ACTOR, { cin_seen_working_days: 25 });
    try {
      const after = await request(t.app).get('/trackers/cin_not_seen').set('Cookie', analyst.cookie);
      assert.match(after.text, /20 working days \(now 25 working days: applies from the next import\)/);
    } finally {
      await updateSettings(t.services.db, SYSTEM_ACTOR, { cin_seen_working_days: 20 });
    }
  });
});
