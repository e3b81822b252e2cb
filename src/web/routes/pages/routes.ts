import { sql } from 'kysely';
import type { RouteRegistry } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { navigationFor } from '../../navigation.ts';
import { passwordProblem, verifyPassword } from '../../../auth/passwords.ts';
import { findUserByEmail, setPassword } from '../../../auth/users.ts';
import { SESSION_COOKIE } from '../../middleware/session.ts';
import { getSettings } from '../../../store/settings.ts';
import { yourAlertsSection } from '../recorded/routes.ts';

export function registerHealthRoute(routes: RouteRegistry, services: Services): void {
  const { db } = services;
  routes.get('/health', 'public', async (_req, res) => {
    let database: 'ok' | 'unavailable' = 'ok';
    try {
      await sql`SELECT 1`.execute(db);
    } catch {
      database = 'unavailable';
    }
    const analytics = services.analyticsHealth
      ? await services.analyticsHealth().catch(() => 'unavailable' as const)
      : undefined;
    const healthy = database === 'ok' && analytics !== 'unavailable';
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'unavailable',
      database: { kind: services.dbKind, status: database },
      ...(analytics ? { analytics: { status: analytics } } : {}),
    });
  });
}

export function registerPageRoutes(routes: RouteRegistry, services: Services): void {
  const { db } = services;

  routes.get('/', 'signed-in', async (req, res) => {
    const sections = [await yourAlertsSection(req, services)].filter((s) => s !== null);
    res.render('pages/home', { links: navigationFor(req).filter((item) => item.href !== '/'), sections });
  });

  routes.get('/accessibility', 'public', (_req, res) => {
    res.render('pages/accessibility');
  });

  routes.get('/cookies', 'public', async (_req, res) => {
    const settings = await getSettings(db);
    res.render('pages/cookies', { cookieName: SESSION_COOKIE, idleMinutes: settings.session_idle_minutes });
  });

  routes.get('/account', 'signed-in', (_req, res) => {
    res.render('pages/account');
  });

  routes.post('/account/password', 'signed-in', async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const current = body.current ?? '';
    const password = body.password ?? '';
    const confirm = body.confirm ?? '';
    const user = await findUserByEmail(db, req.user!.email);
    const errors: { text: string; href: string }[] = [];
    if (!user?.passwordHash) {
      errors.push({
        text: 'Your account signs in through single sign-on; it has no password here',
        href: '#current',
      });
    } else if (!(await verifyPassword(user.passwordHash, current))) {
      errors.push({ text: 'Your current password is not correct', href: '#current' });
    }
    const problem = passwordProblem(password);
    if (problem) errors.push({ text: problem, href: '#password' });
    else if (password !== confirm) errors.push({ text: 'The new passwords do not match', href: '#confirm' });
    if (errors.length) return res.status(400).render('pages/account', { errors });
    await setPassword(db, { id: req.user!.id, email: req.user!.email }, req.user!.id, password);
    res.render('pages/account', { changed: true });
  });
}
