import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, signedInAs, type TestApp } from '../helpers/app.ts';

describe('CSRF protection, security headers and error pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('refuses a state-changing request without the synchroniser token, or with a wrong one', async () => {
    const admin = await signedInAs(t, ['admin']);
    const none = await request(t.app)
      .post('/admin/teams')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ name: 'Team A' });
    assert.equal(none.status, 403);
    const wrong = await request(t.app)
      .post('/admin/teams')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ name: 'Team A', _csrf: 'x'.repeat(43) });
    assert.equal(wrong.status, 403);
    const other = await signedInAs(t, ['admin']);
    const borrowed = await request(t.app)
      .post('/admin/teams')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ name: 'Team A', _csrf: other.csrf });
    assert.equal(borrowed.status, 403, "another session's token is refused");
    assert.equal(
      (await t.services.db.selectFrom('teams').selectAll().execute()).length,
      0,
      'nothing was stored',
    );
    const right = await request(t.app)
      .post('/admin/teams')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ name: 'Team A', _csrf: admin.csrf });
    assert.equal(right.status, 302);
    const header = await request(t.app)
      .post('/admin/teams')
      .set('Cookie', admin.cookie)
      .set('x-csrf-token', admin.csrf)
      .type('form')
      .send({ name: 'Team B' });
    assert.equal(header.status, 302, 'the token is also accepted as a header');
  });

  it('sends a strict CSP with a per-request nonce, and the other security headers', async () => {
    const a = await request(t.app).get('/sign-in');
    const b = await request(t.app).get('/sign-in');
    const csp = a.headers['content-security-policy'] as string;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    assert.notEqual(nonce, /'nonce-([^']+)'/.exec(b.headers['content-security-policy'] as string)![1]);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // Every inline script carries the nonce.
    const inline = [...a.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    assert.ok(inline.length > 0);
    for (const [, attributes] of inline)
      assert.match(attributes!, new RegExp(`nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`));
    assert.equal(a.headers['x-content-type-options'], 'nosniff');
    assert.equal(a.headers['referrer-policy'], 'no-referrer');
    assert.equal(a.headers['x-frame-options'], 'DENY');
    assert.ok(a.headers['x-request-id']);
    assert.equal(a.headers['x-powered-by'], undefined);
  });

  it('shows design-system 404 and 403 pages', async () => {
    const missing = await request(t.app).get('/no-such-page');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /Page not found/);
    assert.match(missing.text, /govuk-template/);
    const worker = await signedInAs(t, ['social_worker']);
    const forbidden = await request(t.app).get('/admin/users').set('Cookie', worker.cookie);
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.text, /You do not have access to this page/);
  });

  it('shows a 500 page with a reference and no stack trace when something breaks', async () => {
    const broken = await createTestApp();
    await broken.database.close();
    const response = await request(broken.app).get('/sign-in');
    assert.equal(response.status, 500);
    assert.match(response.text, /Sorry, there is a problem with the service/);
    assert.match(response.text, /reference <strong[^>]*>[0-9A-F]{8}<\/strong>/);
    assert.doesNotMatch(response.text, /at .*\.ts:\d+/);
    const health = await request(broken.app).get('/health');
    assert.equal(health.status, 503);
    assert.equal(health.body.database.status, 'unavailable');
  });

  it('reports health without secrets', async () => {
    const response = await request(t.app).get('/health');
    assert.equal(response.status, 200);
    assert.equal(response.body.status, 'ok');
    assert.doesNotMatch(JSON.stringify(response.body), /secret|password|postgres:\/\//i);
  });
});
