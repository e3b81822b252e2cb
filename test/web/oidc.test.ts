import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createTestApp, cookieFrom, type TestApp } from '../helpers/app.ts';
import { OidcClient } from '../../src/auth/oidc.ts';
import { createUser } from '../../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';

/**
 * A small OpenID Connect provider, started by the test: discovery, JWKS, an authorisation endpoint
 * that signs in whoever `nextEmail` names, and a token endpoint that checks the client secret and PKCE.
 */
async function startProvider(clientId: string, clientSecret: string) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { email: string; nonce: string; challenge: string; redirectUri: string }>();
  const state = { nextEmail: 'sso.user@example.gov.uk', verified: true };
  let issuer = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      assert.equal(url.searchParams.get('client_id'), clientId);
      assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        email: state.nextEmail,
        nonce: url.searchParams.get('nonce')!,
        challenge: url.searchParams.get('code_challenge')!,
        redirectUri: url.searchParams.get('redirect_uri')!,
      });
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state')!);
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        // client_secret_post (openid-client's default) or client_secret_basic.
        const basic = req.headers.authorization
          ? Buffer.from(req.headers.authorization.replace(/^Basic /, ''), 'base64')
              .toString()
              .split(':')
              .map(decodeURIComponent)
          : [];
        const id = basic[0] ?? form.get('client_id');
        const secret = basic[1] ?? form.get('client_secret');
        if (id !== clientId || secret !== clientSecret) return json(401, { error: 'invalid_client' });
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.challenge !== challenge || grant.redirectUri !== form.get('redirect_uri')) {
          return json(400, { error: 'invalid_grant' });
        }
        void new SignJWT({ email: grant.email, email_verified: state.verified, nonce: grant.nonce })
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .setIssuer(issuer)
          .setAudience(clientId)
          .setSubject(grant.email)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey)
          .then((idToken) =>
            json(200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken }),
          );
      });
      return;
    }
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('single sign-on with OpenID Connect', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let t: TestApp;

  before(async () => {
    provider = await startProvider('oversight', 'client-secret');
    t = await createTestApp({ baseUrl: 'http://oversight.test' });
    t.services.oidc = new OidcClient({
      issuer: provider.issuer,
      clientId: 'oversight',
      clientSecret: 'client-secret',
      redirectUri: 'http://oversight.test/auth/oidc/callback',
    });
    await createUser(t.services.db, SYSTEM_ACTOR, {
      email: 'sso.user@example.gov.uk',
      name: 'Sunita SSO',
      roles: ['team_manager'],
    });
  });
  after(async () => {
    await t.close();
    await provider.close();
  });

  /** Follows the redirects a browser would: app → provider → app callback. */
  async function flow(): Promise<request.Response> {
    const start = await request(t.app).get('/auth/oidc/start?next=/account');
    assert.equal(start.status, 302);
    const cookie = cookieFrom(start)!;
    const atProvider = await fetch(String(start.headers.location), { redirect: 'manual' });
    assert.equal(atProvider.status, 302);
    const callback = new URL(atProvider.headers.get('location')!);
    assert.equal(callback.origin, 'http://oversight.test');
    return request(t.app).get(`${callback.pathname}${callback.search}`).set('Cookie', cookie);
  }

  it('signs in an existing active user by their email claim, on a new session', async () => {
    const done = await flow();
    assert.equal(done.status, 302);
    assert.equal(done.headers.location, '/account');
    const session = cookieFrom(done)!;
    const account = await request(t.app).get('/account').set('Cookie', session);
    assert.equal(account.status, 200);
    assert.match(account.text, /Sunita SSO/);
  });

  it('refuses an email that is not a user (no self-registration)', async () => {
    provider.state.nextEmail = 'stranger@example.com';
    const done = await flow();
    assert.equal(done.status, 401);
    assert.match(done.text, /not set up in Oversight/);
    assert.equal(
      await t.services.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'stranger@example.com')
        .executeTakeFirst(),
      undefined,
    );
    provider.state.nextEmail = 'sso.user@example.gov.uk';
  });

  it('refuses a callback whose state does not match', async () => {
    const start = await request(t.app).get('/auth/oidc/start');
    const cookie = cookieFrom(start)!;
    const atProvider = await fetch(String(start.headers.location), { redirect: 'manual' });
    const callback = new URL(atProvider.headers.get('location')!);
    callback.searchParams.set('state', 'forged');
    const done = await request(t.app).get(`${callback.pathname}${callback.search}`).set('Cookie', cookie);
    assert.equal(done.status, 401);
    assert.match(done.text, /Single sign-on failed/);
  });

  it('refuses a callback with no sign-in under way', async () => {
    const done = await request(t.app).get('/auth/oidc/callback?code=x&state=y');
    assert.equal(done.status, 401);
  });
});
