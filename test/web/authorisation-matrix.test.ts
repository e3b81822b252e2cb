import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { ROLES, type Role } from '../../src/auth/roles.ts';
import { createTestApp, signedInAs, type TestApp } from '../helpers/app.ts';

/**
 * The route authorisation matrix. Every registered route must have a rule here, and every rule is
 * checked for anonymous visitors and for each role on its own. A new route without a rule fails.
 *   'public'    anyone
 *   'signed-in' any signed-in user
 *   Role[]      only users holding one of these roles
 */
const ADMIN: Role[] = ['admin'];
const ALL_SIGNED_IN = 'signed-in' as const;
const ANALYST: Role[] = ['analyst'];
const QUALITY: Role[] = ['admin', 'analyst', 'director', 'service_manager', 'qa_lead', 'inspector'];
const CHILD_LEVEL: Role[] = ROLES.filter((r) => r !== 'member');
const RECORD: Role[] = ['service_manager', 'team_manager', 'social_worker', 'analyst'];
export const MATRIX: Record<string, 'public' | 'signed-in' | Role[]> = {
  'GET /health': 'public',
  'GET /accessibility': 'public',
  'GET /cookies': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'POST /sign-out': 'public',
  'GET /setup/:token': 'public',
  'POST /setup/:token': 'public',
  'GET /auth/oidc/start': 'public',
  'GET /auth/oidc/callback': 'public',
  'GET /': 'signed-in',
  'GET /account': 'signed-in',
  'POST /account/password': 'signed-in',
  'GET /admin/users': ADMIN,
  'GET /admin/users/new': ADMIN,
  'POST /admin/users': ADMIN,
  'GET /admin/users/:id': ADMIN,
  'POST /admin/users/:id': ADMIN,
  'GET /admin/teams': ADMIN,
  'POST /admin/teams': ADMIN,
  'GET /admin/access-log': ADMIN,
  'GET /admin/access-log/export': ADMIN,
  'GET /admin/settings': ADMIN,
  'POST /admin/settings': ADMIN,
  'GET /admin/changes': ADMIN,
  // Annex A snapshots. Counts are aggregate (every role); reports quote child ids (roles that see
  // every child); child views are further limited to the user's scope inside the handler.
  'GET /snapshots': ALL_SIGNED_IN,
  'GET /snapshots/upload': ANALYST,
  'POST /snapshots/upload': ANALYST,
  'GET /imports/:job': ANALYST,
  'GET /imports/:job/status': ANALYST,
  'GET /snapshots/:id': ALL_SIGNED_IN,
  'GET /snapshots/:id/report': QUALITY,
  'GET /snapshots/:id/report/download': QUALITY,
  'POST /snapshots/:id/mappings': ANALYST,
  'POST /snapshots/:id/rederive': ANALYST,
  'GET /snapshots/:id/delete': ADMIN,
  'POST /snapshots/:id/delete': ADMIN,
  'GET /snapshots/:id/export': ['analyst', 'director'],
  'GET /snapshots/:id/children': CHILD_LEVEL,
  'GET /snapshots/:id/children/:childId': CHILD_LEVEL,
  // Performance dashboard: aggregate pages and downloads for every role (members: small numbers withheld, no
  // worker breakdown); the children behind a figure and their downloads are child-level, scoped by role.
  'GET /performance': ALL_SIGNED_IN,
  'GET /performance/download': ALL_SIGNED_IN,
  'GET /performance/print': ALL_SIGNED_IN,
  'GET /performance/measure/:id': ALL_SIGNED_IN,
  'GET /performance/measure/:id/download': ALL_SIGNED_IN,
  'GET /performance/measure/:id/children': CHILD_LEVEL,
  'GET /performance/measure/:id/children/download': CHILD_LEVEL,
  'GET /performance/:area': ALL_SIGNED_IN,
  'GET /performance/:area/download': ALL_SIGNED_IN,
  // Caseloads (aggregate for every role; members see teams only) and the children behind them (scoped by role);
  // workforce figures (read by every role, entered by analysts); local standards (read by every role, changed by
  // admins and analysts).
  'GET /caseloads': ALL_SIGNED_IN,
  'GET /caseloads/download': ALL_SIGNED_IN,
  'GET /caseloads/worker': CHILD_LEVEL,
  'GET /caseloads/unallocated': CHILD_LEVEL,
  'GET /workforce': ALL_SIGNED_IN,
  'GET /workforce/download': ALL_SIGNED_IN,
  'GET /workforce/new': ANALYST,
  'POST /workforce': ANALYST,
  'GET /workforce/import': ANALYST,
  'POST /workforce/import': ANALYST,
  'GET /standards': ALL_SIGNED_IN,
  'POST /standards': ['admin', 'analyst'],
  'POST /standards/recompute': ['admin', 'analyst'],
  // Derived trackers (drift and delay): counts, counts over time and the weekly summary for every role
  // (members get counts only, 1 to 4 suppressed); the children on a tracker and its downloads are child-level,
  // scoped by role inside the handler.
  'GET /trackers': ALL_SIGNED_IN,
  'GET /trackers/over-time': ALL_SIGNED_IN,
  'GET /trackers/summary': ALL_SIGNED_IN,
  'GET /trackers/:rule': CHILD_LEVEL,
  'GET /trackers/:rule/download': CHILD_LEVEL,
  // Recorded trackers: pre-proceedings and care proceedings (read by child-level roles, scoped inside the
  // handler; recorded by social workers, their managers and analysts), practice alerts (raised, escalated and
  // resolved by the reviewing officer who raised them, answered by their recipients), My work, and counts.
  'GET /plo': CHILD_LEVEL,
  'GET /plo/new': RECORD,
  'POST /plo': RECORD,
  'GET /plo/:id': CHILD_LEVEL,
  'POST /plo/:id/decision': RECORD,
  'POST /plo/:id/letter': RECORD,
  'POST /plo/:id/meetings': RECORD,
  'POST /plo/:id/review-meetings': RECORD,
  'POST /plo/:id/recall': RECORD,
  'POST /plo/:id/outcome': RECORD,
  'POST /plo/:id/details': RECORD,
  'POST /plo/:id/close': RECORD,
  'GET /proceedings': CHILD_LEVEL,
  'GET /proceedings/new': RECORD,
  'POST /proceedings': RECORD,
  'GET /proceedings/:id': CHILD_LEVEL,
  'POST /proceedings/:id/details': RECORD,
  'POST /proceedings/:id/hearings': RECORD,
  'POST /proceedings/:id/final-order': RECORD,
  'POST /proceedings/:id/close': RECORD,
  'GET /alerts': CHILD_LEVEL,
  'GET /alerts/new': ['reviewing_officer'],
  'POST /alerts': ['reviewing_officer'],
  'GET /alerts/:id': CHILD_LEVEL,
  'POST /alerts/:id/escalate': ['reviewing_officer'],
  'POST /alerts/:id/respond': CHILD_LEVEL,
  'POST /alerts/:id/resolve': ['reviewing_officer'],
  'POST /alerts/:id/close': ['reviewing_officer'],
  'GET /my-work': ALL_SIGNED_IN,
  'GET /recorded-trackers': ALL_SIGNED_IN,
};

function concrete(path: string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' ? '1' : `example-${name}`));
}

describe('route authorisation matrix', () => {
  let t: TestApp;
  const users = new Map<Role, number>();

  before(async () => {
    t = await createTestApp({}, { analytics: true });
    for (const role of ROLES) users.set(role, (await signedInAs(t, [role])).user.id);
  });
  after(async () => t.close());

  it('has a rule for every registered route, and a registered route for every rule', () => {
    const registered = t.routes.definitions.map((d) => `${d.method.toUpperCase()} ${d.path}`);
    const missing = registered.filter((key) => !(key in MATRIX));
    assert.deepEqual(missing, [], `routes without a rule in the matrix: ${missing.join(', ')}`);
    const stale = Object.keys(MATRIX).filter((key) => !registered.includes(key));
    assert.deepEqual(stale, [], `rules for routes that do not exist: ${stale.join(', ')}`);
  });

  it('registers every route through the registry (none added to Express directly)', () => {
    const router = (
      t.app as unknown as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      }
    ).router;
    const onExpress = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods)
          .filter((m) => m !== '_all')
          .map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
      );
    const registered = new Set(t.routes.definitions.map((d) => `${d.method.toUpperCase()} ${d.path}`));
    assert.deepEqual(
      onExpress.filter((key) => !registered.has(key)),
      [],
    );
    assert.ok(onExpress.length >= registered.size);
  });

  for (const [key, rule] of Object.entries(MATRIX)) {
    const [method, path] = key.split(' ') as ['GET' | 'POST', string];
    it(`${key}: ${rule === 'public' || rule === 'signed-in' ? rule : rule.join(', ')}`, async () => {
      const url = concrete(path);
      const send = async (cookie?: string, csrf?: string) => {
        const r =
          method === 'GET'
            ? request(t.app).get(url)
            : request(t.app)
                .post(url)
                .type('form')
                .send({ _csrf: csrf ?? '' });
        if (cookie) r.set('Cookie', cookie);
        return r;
      };

      // Anonymous. (POSTs from anonymous visitors get an anonymous session first, as the browser would.)
      let anonymous;
      if (method === 'POST') {
        const { token, record } = await t.services.sessions.create(null);
        anonymous = await send(`oversight_session=${token}`, record.csrfToken);
      } else {
        anonymous = await send();
      }
      if (rule === 'public') {
        assert.notEqual(anonymous.status, 403, `${key} should be open to anonymous visitors`);
        assert.ok(
          !String(anonymous.headers.location ?? '').startsWith('/sign-in?next'),
          `${key} should not ask to sign in`,
        );
      } else if (method === 'GET') {
        assert.equal(anonymous.status, 302, `${key} should send anonymous visitors to sign in`);
        assert.match(String(anonymous.headers.location), /^\/sign-in\?next=/);
      } else {
        assert.equal(anonymous.status, 403, `${key} should refuse anonymous visitors`);
      }

      for (const role of ROLES) {
        const { token, record } = await t.services.sessions.create(users.get(role)!);
        const response = await send(`oversight_session=${token}`, record.csrfToken);
        const allowed = rule === 'public' || rule === 'signed-in' || rule.includes(role);
        if (allowed) {
          assert.notEqual(response.status, 403, `${key} should allow ${role} (got 403)`);
          assert.ok(
            !String(response.headers.location ?? '').startsWith('/sign-in?next'),
            `${key} should allow ${role}`,
          );
        } else {
          assert.equal(response.status, 403, `${key} should refuse ${role} (got ${response.status})`);
        }
      }
    });
  }
});
