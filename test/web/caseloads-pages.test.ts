import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, signedInAs, type TestApp } from '../helpers/app.ts';
import { writeListCsv } from '../../src/ingest/annex-a/test-support/fixtures.ts';
import { createTeam, createUser, listTeams } from '../../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';
import { updateSettings } from '../../src/store/settings.ts';
import { SESSION_COOKIE } from '../../src/web/middleware/session.ts';
import type { SnapshotSummary } from '../../src/snapshots/index.ts';

const base = { gender: 'b) Female', ethnicity: 'a) WBRI', date_of_birth: '01/06/2015', age: '10' };

describe('caseload pages: scope, members’ team totals with suppression, downloads', () => {
  let t: TestApp;
  let dir: string;
  let snapshot: SnapshotSummary;

  const get = (url: string, cookie: string) => request(t.app).get(url).set('Cookie', cookie);
  const worker = async (name: string, roles: ('social_worker' | 'team_manager')[], teams: string[] = []) => {
    const existing = new Set((await listTeams(t.services.db)).map((team) => team.name));
    for (const team of teams) if (!existing.has(team)) await createTeam(t.services.db, SYSTEM_ACTOR, team);
    const user = await createUser(t.services.db, SYSTEM_ACTOR, {
      email: `${name.replace(/\W/g, '').toLowerCase()}@example.gov.uk`,
      name,
      roles,
      teams,
      password: null,
      accessExpiresAt: null,
    });
    const { token } = await t.services.sessions.create(user.id);
    return `${SESSION_COOKIE}=${token}`;
  };

  before(async () => {
    t = await createTestApp({}, { analytics: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-caseloads-'));
    // North: Nia North holds 6 children in need; South: Sol South holds 2 on plans, 1 child unallocated.
    const cin = await writeListCsv(
      dir,
      'list_6.csv',
      6,
      ['N1', 'N2', 'N3', 'N4', 'N5', 'N6'].map((id) => ({
        ...base,
        child_id: id,
        cin_start_date: '01/03/2025',
        allocated_team: 'North',
        allocated_worker: 'Nia North',
      })),
    );
    const cp = await writeListCsv(dir, 'list_7.csv', 7, [
      {
        ...base,
        child_id: 'S1',
        cp_start_date: '01/04/2025',
        allocated_team: 'South',
        allocated_worker: 'Sol South',
      },
      {
        ...base,
        child_id: 'S2',
        cp_start_date: '01/04/2025',
        allocated_team: 'South',
        allocated_worker: 'Sol South',
      },
      { ...base, child_id: 'S3', cp_start_date: '01/05/2025', allocated_team: 'South', allocated_worker: '' },
      // ended on A: not open
      {
        ...base,
        child_id: 'S4',
        cp_start_date: '01/01/2025',
        cp_end_date: '30/09/2025',
        allocated_team: 'South',
        allocated_worker: 'Sol South',
      },
    ]);
    const outcome = await t.services.snapshots!.importFiles(
      [
        { path: cin, name: 'list_6.csv' },
        { path: cp, name: 'list_7.csv' },
      ],
      { asAt: '2025-09-30', actor: SYSTEM_ACTOR },
    );
    snapshot = outcome.snapshot!;
    await updateSettings(t.services.db, SYSTEM_ACTOR, { caseload_standard: 5 });
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows workers and teams to an analyst, tags those over the standard, links to the children', async () => {
    const analyst = await signedInAs(t, ['analyst']);
    const page = await get('/caseloads', analyst.cookie);
    assert.equal(page.status, 200);
    assert.match(page.text, /The caseload standard is <strong>5 children<\/strong>/);
    const nia =
      /<tr class="govuk-table__row">\s*<th scope="row"[^>]*><a[^>]*href="([^"]+)">Nia North[\s\S]*?<\/tr>/.exec(
        page.text,
      );
    assert.ok(nia, 'Nia North is listed with a link');
    assert.match(nia[0], />6</);
    assert.match(nia[0], /Over standard/);
    const sol = /<th scope="row"[^>]*><a[^>]*>Sol South[\s\S]*?<\/tr>/.exec(page.text)!;
    assert.match(sol[0], />2</);
    assert.match(sol[0], /Within/);
    // totals: 9 open children (S4's plan ended on A), 2 workers, average 4, 1 unallocated, linked
    assert.match(page.text, /Children open<\/dt><dd class="govuk-summary-list__value">9</);
    assert.match(page.text, /Average caseload per worker<\/dt><dd class="govuk-summary-list__value">4</);
    assert.match(page.text, /href="\/caseloads\/unallocated\?snapshot=[^"]+">List the unallocated children/);

    const list = await get(nia[1]!.replaceAll('&amp;', '&'), analyst.cookie);
    assert.equal(list.status, 200);
    for (const id of ['N1', 'N6']) assert.match(list.text, new RegExp(`/children/${id}">${id}<`));
    assert.match(list.text, /6 children/);
    const logged = await t.services.db
      .selectFrom('access_log')
      .selectAll()
      .where('user_id', '=', analyst.user.id)
      .where('what', 'like', 'caseload:%')
      .execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]!.action, 'view');
    assert.deepEqual((logged[0]!.details as { childIds: string[] }).childIds, [
      'N1',
      'N2',
      'N3',
      'N4',
      'N5',
      'N6',
    ]);

    const unallocated = await get(`/caseloads/unallocated?snapshot=${snapshot.id}`, analyst.cookie);
    assert.match(unallocated.text, /\/children\/S3">S3</);
    assert.doesNotMatch(unallocated.text, /S1</);
    assert.equal((await get('/caseloads?snapshot=no-such-snapshot', analyst.cookie)).status, 404);
  });

  it('puts a team manager’s own team first and limits the lists to it', async () => {
    const cookie = await worker('Tam Manager', ['team_manager'], ['South']);
    const page = await get('/caseloads', cookie);
    assert.equal(page.status, 200);
    const teams = [...page.text.matchAll(/<th scope="row" class="govuk-table__header">(North|South)/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(teams, ['South', 'North']);
    assert.match(page.text, /South <strong class="govuk-tag govuk-tag--blue">\s*Your team/);
    // Sol (their team) is a link; Nia (another team) is not
    assert.match(page.text, /<a[^>]*>Sol South/);
    assert.doesNotMatch(page.text, /<a[^>]*>Nia North/);
    const other = await get(`/caseloads/worker?name=${encodeURIComponent('Nia North')}`, cookie);
    assert.equal(other.status, 200);
    assert.match(other.text, /No children to show within what you may see/);
    assert.doesNotMatch(other.text, /N1</);
    const own = await get(`/caseloads/worker?name=${encodeURIComponent('sol south')}`, cookie);
    assert.match(own.text, /S1</);
    assert.match(own.text, /S2</);
    assert.doesNotMatch(own.text, /S4</);
  });

  it('shows a social worker only their own children', async () => {
    const cookie = await worker('Sol South', ['social_worker']);
    const page = await get('/caseloads', cookie);
    assert.match(page.text, /<a[^>]*>Sol South/);
    assert.doesNotMatch(page.text, /<a[^>]*>Nia North/);
    const theirs = await get('/caseloads/worker?name=Sol%20South', cookie);
    assert.match(theirs.text, /2 children/);
    const others = await get('/caseloads/worker?name=Nia%20North', cookie);
    assert.match(others.text, /0 children/);
    const unallocated = await get('/caseloads/unallocated', cookie);
    assert.match(unallocated.text, /0 children/);
  });

  it('shows an elected member team totals only, with 1 to 4 suppressed, and no child-level links', async () => {
    const member = await signedInAs(t, ['member']);
    const page = await get('/caseloads', member.cookie);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /Nia North|Sol South/);
    assert.doesNotMatch(page.text, /\/caseloads\/(worker|unallocated)/);
    const north = /<th scope="row" class="govuk-table__header">North[\s\S]*?<\/tr>/.exec(page.text)![0];
    assert.match(north, />6</);
    const south = /<th scope="row" class="govuk-table__header">South[\s\S]*?<\/tr>/.exec(page.text)![0];
    // children suppressed; the number of workers (staff, not children) is shown
    assert.match(south, /numeric"><span class="govuk-body-s">fewer than 5<\/span><\/td>\s*<td[^>]*>1<\/td>/);
    assert.match(south, /fewer than 5/);
    assert.match(
      page.text,
      /no allocated worker<\/dt><dd class="govuk-summary-list__value"><span class="govuk-body-s">fewer than 5/,
    );
    assert.equal((await get('/caseloads/worker?name=Nia%20North', member.cookie)).status, 403);
    assert.equal((await get('/caseloads/unallocated', member.cookie)).status, 403);
  });

  it('downloads the aggregate table as CSV and xlsx, suppressing 1 to 4 for everyone', async () => {
    const analyst = await signedInAs(t, ['analyst']);
    const csv = await get('/caseloads/download?format=csv', analyst.cookie);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /caseloads-2025-09-30\.csv/);
    const lines = csv.text.trim().split('\r\n');
    assert.equal(
      lines[0],
      'level,team,worker,open_children,workers,average_caseload,over_standard,unallocated',
    );
    assert.ok(lines.includes('team,North,,6,1,6,1,0'), lines.join('\n'));
    assert.ok(lines.includes('team,South,,fewer than 5,1,fewer than 5,0,fewer than 5'), lines.join('\n'));
    assert.ok(lines.includes('worker,North,Nia North,6,1,,yes,'));
    assert.ok(lines.includes('worker,South,Sol South,fewer than 5,1,,no,'));
    assert.doesNotMatch(csv.text, /N1|S1/);

    const member = await signedInAs(t, ['member']);
    const memberCsv = await get('/caseloads/download', member.cookie);
    assert.doesNotMatch(memberCsv.text, /^worker,/m);
    assert.match(memberCsv.text, /^team,North/m);

    const xlsx = await get('/caseloads/download?format=xlsx', member.cookie)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.equal((xlsx.body as Buffer).subarray(0, 2).toString(), 'PK');
  });
});
