import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { sql } from 'kysely';
import { createTestApp, anonymousSession, cookieFrom, type TestApp } from '../helpers/app.ts';
import { createUser } from '../../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';
import { updateSettings } from '../../src/store/settings.ts';
import { tokenHash } from '../../src/auth/tokens.ts';

const PASSWORD = 'a long enough password';

describe('sign in, sessions and lockout', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await createUser(t.services.db, SYSTEM_ACTOR, {
      email: 'worker@example.gov.uk',
      name: 'Sam Worker',
      roles: ['social_worker'],
      password: PASSWORD,
    });
    await createUser(t.services.db, SYSTEM_ACTOR, {
      email: 'victim@example.gov.uk',
      name: 'Lee Locked',
      roles: ['analyst'],
      password: PASSWORD,
    });
    await createUser(t.services.db, SYSTEM_ACTOR, {
      email: 'inspector@example.gov.uk',
      name: 'Ines Inspector',
      roles: ['inspector'],
      password: PASSWORD,
      accessExpiresAt: new Date(Date.now() - 60_000),
    });
  });
  after(async () => t.close());

  async function signIn(email: string, password: string, session?: { cookie: string; csrf: string }) {
    const s = session ?? (await anonymousSession(t));
    const response = await request(t.app)
      .post('/sign-in')
      .set('Cookie', s.cookie)
      .type('form')
      .send({ _csrf: s.csrf, email, password, next: '/account' });
    return { response, before: s };
  }

  it('signs in with the right password, rotating the session id, with safe cookie flags', async () => {
    const { response, before } = await signIn('Worker@Example.gov.uk', PASSWORD);
    assert.equal(response.status, 302);
    assert.equal(response.headers.location, '/account');
    const setCookie = (response.headers['set-cookie'] as unknown as string[]).join('\n');
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const after = cookieFrom(response)!;
    assert.ok(after && after !== before.cookie, 'the session id changes at sign-in');
    // The old anonymous session is gone.
    const oldToken = before.cookie.split('=')[1]!;
    const old = await t.services.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('id_hash', '=', tokenHash(t.config.sessionSecret, oldToken))
      .executeTakeFirst();
    assert.equal(old, undefined);
    const page = await request(t.app).get('/account').set('Cookie', after);
    assert.equal(page.status, 200);
    assert.match(page.text, /Sam Worker/);
  });

  it('marks the cookie secure behind HTTPS', async () => {
    const secure = await createTestApp({ trustProxy: true });
    try {
      const response = await request(secure.app).get('/sign-in').set('X-Forwarded-Proto', 'https');
      assert.match((response.headers['set-cookie'] as unknown as string[])[0]!, /Secure/);
    } finally {
      await secure.close();
    }
  });

  it('refuses a wrong password with a generic message', async () => {
    const { response } = await signIn('worker@example.gov.uk', 'not the password');
    assert.equal(response.status, 401);
    assert.match(response.text, /Enter a correct email address and password/);
    assert.equal(cookieFrom(response), null);
  });

  it('locks an account after 5 failures, even for the right password, and says so', async () => {
    for (let i = 0; i < 5; i++) {
      const { response } = await signIn('victim@example.gov.uk', `wrong ${i}`);
      assert.equal(response.status, 401);
    }
    const { response } = await signIn('victim@example.gov.uk', PASSWORD);
    assert.equal(response.status, 429);
    assert.match(response.text, /locked for 15 minutes/);
    // Once the lock has passed, the right password works again.
    await t.services.db
      .updateTable('signin_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .execute();
    const later = await signIn('victim@example.gov.uk', PASSWORD);
    assert.equal(later.response.status, 302);
  });

  it('locks an IP address after 20 failures across accounts', async () => {
    await t.services.db.deleteFrom('signin_throttle').execute();
    for (let i = 0; i < 20; i++) await signIn(`nobody${i}@example.gov.uk`, 'wrong');
    const { response } = await signIn('worker@example.gov.uk', PASSWORD);
    assert.equal(response.status, 429);
    await t.services.db.deleteFrom('signin_throttle').execute();
  });

  it('refuses an inspector whose access has expired', async () => {
    const { response } = await signIn('inspector@example.gov.uk', PASSWORD);
    assert.equal(response.status, 401);
  });

  it('ends a session after the idle time-out (a setting) and after 12 hours whatever happens', async () => {
    const { response } = await signIn('worker@example.gov.uk', PASSWORD);
    const cookie = cookieFrom(response)!;
    const hash = tokenHash(t.config.sessionSecret, cookie.split('=')[1]!);
    await t.services.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 29 * 60_000) })
      .where('id_hash', '=', hash)
      .execute();
    assert.equal(
      (await request(t.app).get('/account').set('Cookie', cookie)).status,
      200,
      'still live at 29 minutes',
    );
    await t.services.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('id_hash', '=', hash)
      .execute();
    const expired = await request(t.app).get('/account').set('Cookie', cookie);
    assert.equal(expired.status, 302);
    assert.match(String(expired.headers.location), /^\/sign-in/);

    await updateSettings(t.services.db, SYSTEM_ACTOR, { session_idle_minutes: 60 });
    const second = cookieFrom((await signIn('worker@example.gov.uk', PASSWORD)).response)!;
    const hash2 = tokenHash(t.config.sessionSecret, second.split('=')[1]!);
    await t.services.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 45 * 60_000) })
      .where('id_hash', '=', hash2)
      .execute();
    assert.equal(
      (await request(t.app).get('/account').set('Cookie', second)).status,
      200,
      'the idle setting is used',
    );
    await t.services.db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 12 * 3_600_000 - 60_000), last_seen_at: new Date() })
      .where('id_hash', '=', hash2)
      .execute();
    assert.equal(
      (await request(t.app).get('/account').set('Cookie', second)).status,
      302,
      'absolute limit of 12 hours',
    );
    await updateSettings(t.services.db, SYSTEM_ACTOR, { session_idle_minutes: 30 });
  });

  it('signs out, destroying the session on the server', async () => {
    const { response } = await signIn('worker@example.gov.uk', PASSWORD);
    const cookie = cookieFrom(response)!;
    const page = await request(t.app).get('/account').set('Cookie', cookie);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const out = await request(t.app)
      .post('/sign-out')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf });
    assert.equal(out.status, 302);
    assert.equal((await request(t.app).get('/account').set('Cookie', cookie)).status, 302);
    const count = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM sessions WHERE id_hash = ${tokenHash(t.config.sessionSecret, cookie.split('=')[1]!)}`.execute(
      t.services.db,
    );
    assert.equal(count.rows[0]!.n, 0);
  });

  it('only redirects to local paths after sign-in', async () => {
    const s = await anonymousSession(t);
    const response = await request(t.app).post('/sign-in').set('Cookie', s.cookie).type('form').send({
      _csrf: s.csrf,
      email: 'worker@example.gov.uk',
      password: PASSWORD,
      next: '//evil.example.com/',
    });
    assert.equal(response.headers.location, '/');
  });
});
