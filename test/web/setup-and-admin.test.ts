import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, cookieFrom, signedInAs, type TestApp } from '../helpers/app.ts';
import { issueSetupToken } from '../../src/auth/setup-token.ts';
import { getUser } from '../../src/auth/users.ts';
import { listChanges } from '../../src/store/change-log.ts';
import { recordAccess } from '../../src/auth/access-log.ts';

function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
}

describe('first administrator set-up link', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('works once, creates an administrator and signs them in', async () => {
    const token = await issueSetupToken(t.services.db, t.config.sessionSecret);
    const page = await request(t.app).get(`/setup/${token}`);
    assert.equal(page.status, 200);
    const cookie = cookieFrom(page)!;
    const bad = await request(t.app)
      .post(`/setup/${token}`)
      .set('Cookie', cookie)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        name: 'Ada',
        email: 'not-an-email',
        password: 'short',
        confirm: 'short',
      });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /There is a problem/);
    assert.match(bad.text, /Enter an email address in the correct format/);
    assert.match(bad.text, /Password must be 12 characters or more/);

    const ok = await request(t.app)
      .post(`/setup/${token}`)
      .set('Cookie', cookie)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        name: 'Ada Admin',
        email: 'ada@example.gov.uk',
        password: 'a good long password',
        confirm: 'a good long password',
      });
    assert.equal(ok.status, 302);
    const admin = await request(t.app).get('/admin/users').set('Cookie', cookieFrom(ok)!);
    assert.equal(admin.status, 200);
    assert.match(admin.text, /ada@example.gov.uk/);

    assert.equal((await request(t.app).get(`/setup/${token}`)).status, 404, 'used once');
  });

  it('refuses an expired token', async () => {
    const fresh = await createTestApp();
    try {
      const token = await issueSetupToken(
        fresh.services.db,
        fresh.config.sessionSecret,
        new Date(Date.now() - 25 * 3_600_000),
      );
      assert.equal((await request(fresh.app).get(`/setup/${token}`)).status, 404);
      const valid = await issueSetupToken(
        fresh.services.db,
        fresh.config.sessionSecret,
        new Date(Date.now() - 23 * 3_600_000),
      );
      assert.equal((await request(fresh.app).get(`/setup/${valid}`)).status, 200, 'valid for 24 hours');
    } finally {
      await fresh.close();
    }
  });
});

describe('administration pages', () => {
  let t: TestApp;
  let admin: { cookie: string; csrf: string; user: { id: number; email: string } };
  before(async () => {
    t = await createTestApp();
    admin = await signedInAs(t, ['admin']);
  });
  after(async () => t.close());

  it('adds teams and users with several roles, recording every change', async () => {
    for (const name of ['Safeguarding 1', 'Children in Care 2']) {
      const r = await request(t.app)
        .post('/admin/teams')
        .set('Cookie', admin.cookie)
        .type('form')
        .send({ _csrf: admin.csrf, name });
      assert.equal(r.status, 302);
    }
    const dup = await request(t.app)
      .post('/admin/teams')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf, name: 'Safeguarding 1' });
    assert.equal(dup.status, 400);
    assert.match(dup.text, /already a team called/);

    const created = await request(t.app)
      .post('/admin/users')
      .set('Cookie', admin.cookie)
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(admin.csrf)}&name=Tara+Manager&email=tara%40example.gov.uk&roles=team_manager&roles=qa_lead&teams=Safeguarding+1&expires=&password=`,
      );
    assert.equal(created.status, 302);
    const id = Number(/\/admin\/users\/(\d+)/.exec(String(created.headers.location))![1]);
    const user = (await getUser(t.services.db, id))!;
    assert.deepEqual([...user.roles].sort(), ['qa_lead', 'team_manager']);
    assert.deepEqual(
      user.teams.map((team) => team.name),
      ['Safeguarding 1'],
    );

    const updated = await request(t.app)
      .post(`/admin/users/${id}`)
      .set('Cookie', admin.cookie)
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(admin.csrf)}&name=Tara+Manager&roles=team_manager&teams=Children+in+Care+2&active=yes&expires=`,
      );
    assert.equal(updated.status, 302);
    const changes = await listChanges(t.services.db, { entityType: 'user', entityId: String(id) });
    assert.deepEqual(changes.map((c) => c.action).sort(), ['create', 'update']);
    const update = changes.find((c) => c.action === 'update')!;
    assert.equal(update.actor_email, admin.user.email);
    assert.deepEqual((update.details as { roles: { to: string[] } }).roles.to, ['team_manager']);

    const page = await request(t.app).get(`/admin/users/${id}`).set('Cookie', admin.cookie);
    assert.match(page.text, /History/);
    assert.match(page.text, /update/);
  });

  it('requires an end date for inspector access and enforces it', async () => {
    const refused = await request(t.app)
      .post('/admin/users')
      .set('Cookie', admin.cookie)
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(admin.csrf)}&name=Ian&email=ian%40ofsted.example&roles=inspector&expires=`,
      );
    assert.equal(refused.status, 400);
    assert.match(refused.text, /Inspector access is time-boxed/);
    const expired = await signedInAs(t, ['inspector'], { accessExpiresAt: new Date(Date.now() - 1000) });
    const response = await request(t.app).get('/').set('Cookie', expired.cookie);
    assert.equal(response.status, 302, 'an expired inspector is signed out');
  });

  it('disabling a user ends their sessions at once', async () => {
    const worker = await signedInAs(t, ['social_worker']);
    assert.equal((await request(t.app).get('/').set('Cookie', worker.cookie)).status, 200);
    const r = await request(t.app)
      .post(`/admin/users/${worker.user.id}`)
      .set('Cookie', admin.cookie)
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(admin.csrf)}&name=${encodeURIComponent(worker.user.name)}&roles=social_worker&active=no&expires=`,
      );
    assert.equal(r.status, 302);
    assert.equal((await request(t.app).get('/').set('Cookie', worker.cookie)).status, 302);
  });

  it('searches the access log, logging the search, and exports it as CSV and JSON, logging the export', async () => {
    await recordAccess(
      t.services.db,
      { id: 99, email: 'someone@example.gov.uk' },
      {
        action: 'view',
        what: 'child timeline',
        subjectType: 'child',
        subjectId: 'C123456',
      },
    );
    const page = await request(t.app).get('/admin/access-log?subject=C123456').set('Cookie', admin.cookie);
    assert.equal(page.status, 200);
    assert.match(page.text, /child timeline/);
    assert.match(page.text, /someone@example.gov.uk/);
    const csv = await request(t.app)
      .get('/admin/access-log/export?format=csv&subject=C123456')
      .set('Cookie', admin.cookie);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.text, /^id,at,user_email,action,what,subject_type,subject_id,correlation_id,details/);
    assert.match(csv.text, /C123456/);
    const json = await request(t.app)
      .get('/admin/access-log/export?format=json&user=someone@example.gov.uk')
      .set('Cookie', admin.cookie);
    assert.equal(JSON.parse(json.text)[0].subject_id, 'C123456');
    const own = await t.services.db
      .selectFrom('access_log')
      .selectAll()
      .where('user_email', '=', admin.user.email)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      own.map((r) => r.action),
      ['view', 'export', 'export'],
    );
    assert.ok(
      own.every((r) => r.correlation_id),
      'each entry carries the request id',
    );
  });

  it('changes settings with validation, recording who changed what', async () => {
    const bad = await request(t.app)
      .post('/admin/settings')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf, council_name: 'Testshire', la_code: 'X1', session_idle_minutes: '2' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Enter the local authority code/);
    assert.match(bad.text, /between 5 and 240/);
    const ok = await request(t.app).post('/admin/settings').set('Cookie', admin.cookie).type('form').send({
      _csrf: admin.csrf,
      council_name: 'Testshire County Council',
      la_code: 'e10000034',
      session_idle_minutes: '45',
    });
    assert.equal(ok.status, 302);
    const home = await request(t.app).get('/').set('Cookie', admin.cookie);
    assert.match(home.text, /Testshire County Council/, 'the council name is in the header');
    const changes = await listChanges(t.services.db, { entityType: 'setting' });
    assert.deepEqual(changes.map((c) => c.entity_id).sort(), [
      'council_name',
      'la_code',
      'session_idle_minutes',
    ]);
  });
});
