import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, signedInAs, type TestApp } from '../helpers/app.ts';
import { generateDemoCouncil } from '../../src/demo/index.ts';
import type { SnapshotSummary } from '../../src/snapshots/index.ts';

async function childrenWithTeam(t: TestApp, snapshotId: string) {
  const rows = await t.analytics!.query<{ id: string; team: string }>(
    `SELECT child_id AS id, allocated_team AS team FROM annex_a_list_7
     WHERE snapshot_id = ? AND allocated_team IS NOT NULL ORDER BY child_id LIMIT 1`,
    [snapshotId],
  );
  return rows;
}

describe('snapshot pages: upload, report, child view and their restrictions', () => {
  let t: TestApp;
  let dir: string;
  let snapshot: SnapshotSummary;
  let teams: { name: string; workers: string[] }[];
  let analyst: Awaited<ReturnType<typeof signedInAs>>;

  before(async () => {
    t = await createTestApp({}, { analytics: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-pages-'));
    const demo = await generateDemoCouncil({
      outDir: dir,
      children: 300,
      asAt: '2025-09-30',
      seed: 7,
      format: 'csv',
      faults: 0.02,
    });
    teams = demo.teams;
    analyst = await signedInAs(t, ['analyst']);
    // Upload through the web, as an analyst would.
    let upload = request(t.app)
      .post('/snapshots/upload')
      .set('Cookie', analyst.cookie)
      .field('_csrf', analyst.csrf);
    upload = upload.field('asAt', '2025-09-30');
    for (const file of demo.files.filter((f) => f.endsWith('.csv'))) upload = upload.attach('files', file);
    const response = await upload;
    assert.equal(
      response.status,
      303,
      /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(response.text)?.[0] ?? response.text.slice(0, 300),
    );
    const jobUrl = String(response.headers.location);
    assert.match(jobUrl, /^\/imports\//);
    await t.services.imports!.idle();
    const status = await request(t.app).get(`${jobUrl}/status`).set('Cookie', analyst.cookie);
    assert.equal(status.body.done, true);
    assert.ok(status.body.snapshot, 'a snapshot was created');
    const page = await request(t.app).get(jobUrl).set('Cookie', analyst.cookie);
    assert.match(page.text, /Import complete/);
    snapshot = (await t.services.snapshots!.get(status.body.snapshot))!;
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an upload without the CSRF token, storing nothing', async () => {
    const before = (await t.services.snapshots!.list()).length;
    const response = await request(t.app)
      .post('/snapshots/upload')
      .set('Cookie', analyst.cookie)
      .attach('files', Buffer.from('a,b\n1,2\n'), 'list_1.csv');
    assert.equal(response.status, 403);
    assert.equal((await t.services.snapshots!.list()).length, before);
  });

  it('refuses multipart bodies on routes that do not take uploads', async () => {
    const admin = await signedInAs(t, ['admin']);
    const response = await request(t.app)
      .post('/admin/teams')
      .set('Cookie', admin.cookie)
      .field('_csrf', admin.csrf)
      .field('name', 'Sneaky');
    assert.equal(response.status, 403);
  });

  it('lists the snapshot, and shows counts to an elected member but no report or child look-up', async () => {
    const member = await signedInAs(t, ['member']);
    const list = await request(t.app).get('/snapshots').set('Cookie', member.cookie);
    assert.equal(list.status, 200);
    assert.match(list.text, new RegExp(`/snapshots/${snapshot.id}`));
    const show = await request(t.app).get(`/snapshots/${snapshot.id}`).set('Cookie', member.cookie);
    assert.equal(show.status, 200);
    assert.match(show.text, /Rows by list/);
    assert.doesNotMatch(show.text, /Look up a child|Validation report|Values not recognised/);
    assert.equal(
      (await request(t.app).get(`/snapshots/${snapshot.id}/report`).set('Cookie', member.cookie)).status,
      403,
    );
  });

  it('shows the validation report filtered and paged, logs it, and downloads it as CSV and xlsx', async () => {
    const report = await request(t.app)
      .get(`/snapshots/${snapshot.id}/report?severity=error`)
      .set('Cookie', analyst.cookie);
    assert.equal(report.status, 200);
    assert.match(report.text, /row \d+/);
    const csv = await request(t.app)
      .get(`/snapshots/${snapshot.id}/report/download?format=csv`)
      .set('Cookie', analyst.cookie);
    assert.match(csv.text, /^code,severity,list,file,sheet,row,column,value,message\r\n/);
    assert.ok(csv.text.split('\r\n').length > 3);
    const xlsx = await request(t.app)
      .get(`/snapshots/${snapshot.id}/report/download?format=xlsx`)
      .set('Cookie', analyst.cookie)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    assert.equal((xlsx.body as Buffer).subarray(0, 2).toString(), 'PK');
    const log = await t.services.db
      .selectFrom('access_log')
      .select(['action', 'what'])
      .where('user_email', '=', analyst.user.email)
      .execute();
    assert.ok(log.some((r) => r.action === 'view' && r.what === 'validation report'));
    assert.ok(log.some((r) => r.action === 'export' && r.what === 'validation report (xlsx)'));
  });

  it('shows a child’s journey only to those allowed, logging every view', async () => {
    const rows = await t.services.snapshots!.childTimeline(snapshot.id, '');
    assert.equal(rows.length, 0);
    const [child] = await childrenWithTeam(t, snapshot.id);
    assert.ok(child);
    const director = await signedInAs(t, ['director']);
    const page = await request(t.app)
      .get(`/snapshots/${snapshot.id}/children/${child.id}`)
      .set('Cookie', director.cookie);
    assert.equal(page.status, 200);
    assert.match(page.text, /moj-timeline/);
    const logged = await t.services.db
      .selectFrom('access_log')
      .selectAll()
      .where('subject_id', '=', child.id)
      .where('user_email', '=', director.user.email)
      .execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]!.what, 'child timeline');

    const ownTeam = await signedInAs(t, ['team_manager'], { teams: [child.team] });
    assert.equal(
      (
        await request(t.app)
          .get(`/snapshots/${snapshot.id}/children/${child.id}`)
          .set('Cookie', ownTeam.cookie)
      ).status,
      200,
    );
    const otherTeamName = teams.map((x) => x.name).find((name) => name !== child.team)!;
    const otherTeam = await signedInAs(t, ['team_manager'], { teams: [otherTeamName] });
    assert.equal(
      (
        await request(t.app)
          .get(`/snapshots/${snapshot.id}/children/${child.id}`)
          .set('Cookie', otherTeam.cookie)
      ).status,
      404,
    );
    const member = await signedInAs(t, ['member']);
    assert.equal(
      (
        await request(t.app)
          .get(`/snapshots/${snapshot.id}/children/${child.id}`)
          .set('Cookie', member.cookie)
      ).status,
      403,
    );
  });

  it('lets an admin delete a snapshot after confirming, recording it', async () => {
    const admin = await signedInAs(t, ['admin']);
    const unconfirmed = await request(t.app)
      .post(`/snapshots/${snapshot.id}/delete`)
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf });
    assert.equal(unconfirmed.status, 400);
    const done = await request(t.app)
      .post(`/snapshots/${snapshot.id}/delete`)
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf, confirm: 'yes' });
    assert.equal(done.status, 303);
    assert.equal(await t.services.snapshots!.get(snapshot.id), null);
    assert.deepEqual(await childrenWithTeam(t, snapshot.id), []);
  });
});
