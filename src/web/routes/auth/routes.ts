import type { Request, Response } from 'express';
import type { RouteRegistry } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { ensureSession, endSession, startSignedInSession } from '../../middleware/session.ts';
import {
  canSignIn,
  countUsers,
  createUser,
  findUserByEmail,
  emailProblem,
  normaliseEmail,
} from '../../../auth/users.ts';
import { verifyPassword, passwordProblem } from '../../../auth/passwords.ts';
import {
  THROTTLE,
  accountKey,
  clearFailures,
  ipKey,
  lockedUntil,
  recordFailure,
} from '../../../auth/signin-throttle.ts';
import { consumeSetupToken, setupTokenValid } from '../../../auth/setup-token.ts';
import { SYSTEM_ACTOR, recordChange } from '../../../store/change-log.ts';
import { OidcError } from '../../../auth/oidc.ts';

/** Only local paths are allowed after sign-in, so the `next` parameter cannot send users elsewhere. */
export function safeNext(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return '/';
  return value;
}

function field(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** Starts the signed-in session and records the sign-in against the user. */
async function completeSignIn(
  services: Services,
  req: Request,
  res: Response,
  user: { id: number; email: string },
  method: 'password' | 'oidc',
): Promise<void> {
  await startSignedInSession(services, req, res, user.id);
  await recordChange(
    services.db,
    { id: user.id, email: user.email },
    {
      entityType: 'user',
      entityId: user.id,
      action: 'sign in',
      details: { method },
    },
  );
}

const GENERIC_FAILURE = 'Enter a correct email address and password';

export function registerAuthRoutes(routes: RouteRegistry, services: Services): void {
  const { db, config } = services;

  routes.get('/sign-in', 'public', async (req, res) => {
    if (req.user) return res.redirect(safeNext(req.query.next));
    await ensureSession(services, req, res);
    res.locals.csrfToken = req.session!.csrfToken;
    res.render('auth/sign-in', {
      next: safeNext(req.query.next),
      expired: res.locals.sessionExpired === true || req.query.expired === '1',
    });
  });

  routes.post('/sign-in', 'public', async (req, res) => {
    const email = normaliseEmail(field(req, 'email'));
    const password = field(req, 'password');
    const next = safeNext(field(req, 'next'));
    const render = (status: number, message: string) =>
      res.status(status).render('auth/sign-in', { next, email, errors: [{ text: message, href: '#email' }] });

    if (!email || !password) return render(400, 'Enter your email address and password');
    const keys = [accountKey(email), ipKey(req.ip ?? 'unknown')];
    const locked = await lockedUntil(db, keys);
    if (locked) {
      services.logger.warn({ requestId: req.correlationId }, 'sign-in refused: locked out');
      return render(
        429,
        `Too many failed attempts. Sign-in is locked for ${THROTTLE.lockMinutes} minutes; try again after ${locked.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })}.`,
      );
    }
    const user = await findUserByEmail(db, email);
    const ok = user !== null && canSignIn(user) && (await verifyPassword(user.passwordHash, password));
    if (!ok) {
      await recordFailure(db, keys[0]!, THROTTLE.accountFailures);
      await recordFailure(db, keys[1]!, THROTTLE.ipFailures);
      return render(401, GENERIC_FAILURE);
    }
    await clearFailures(db, keys[0]!);
    await completeSignIn(services, req, res, user, 'password');
    res.redirect(next);
  });

  routes.post('/sign-out', 'public', async (req, res) => {
    await endSession(services, req, res);
    res.redirect('/sign-in');
  });

  routes.get('/setup/:token', 'public', async (req, res) => {
    const token = String(req.params.token);
    if ((await countUsers(db)) > 0 || !(await setupTokenValid(db, config.sessionSecret, token))) {
      return res.status(404).render('auth/setup-invalid');
    }
    await ensureSession(services, req, res);
    res.locals.csrfToken = req.session!.csrfToken;
    res.render('auth/setup', { token });
  });

  routes.post('/setup/:token', 'public', async (req, res) => {
    const token = String(req.params.token);
    if ((await countUsers(db)) > 0 || !(await setupTokenValid(db, config.sessionSecret, token))) {
      return res.status(404).render('auth/setup-invalid');
    }
    const values = {
      name: field(req, 'name').trim(),
      email: normaliseEmail(field(req, 'email')),
      password: field(req, 'password'),
      confirm: field(req, 'confirm'),
    };
    const errors: { text: string; href: string }[] = [];
    if (!values.name) errors.push({ text: 'Enter your name', href: '#name' });
    const emailError = emailProblem(values.email);
    if (emailError) errors.push({ text: emailError, href: '#email' });
    const passwordError = passwordProblem(values.password);
    if (passwordError) errors.push({ text: passwordError, href: '#password' });
    else if (values.password !== values.confirm)
      errors.push({ text: 'The passwords do not match', href: '#confirm' });
    if (errors.length) {
      return res
        .status(400)
        .render('auth/setup', { token, errors, values: { name: values.name, email: values.email } });
    }
    if (!(await consumeSetupToken(db, config.sessionSecret, token)))
      return res.status(404).render('auth/setup-invalid');
    const user = await createUser(db, SYSTEM_ACTOR, {
      email: values.email,
      name: values.name,
      roles: ['admin'],
      password: values.password,
    });
    await recordChange(db, SYSTEM_ACTOR, {
      entityType: 'setup',
      entityId: user.id,
      action: 'first administrator created',
    });
    await startSignedInSession(services, req, res, user.id);
    res.redirect('/admin/users');
  });

  routes.get('/auth/oidc/start', 'public', async (req: Request, res: Response) => {
    if (!services.oidc) return res.status(404).render('errors/404');
    const session = await ensureSession(services, req, res);
    const start = await services.oidc.start().catch((error: unknown) => {
      if (error instanceof OidcError) return error;
      throw error;
    });
    if (start instanceof OidcError) {
      return res
        .status(502)
        .render('auth/sign-in', { next: '/', errors: [{ text: start.message, href: '#email' }] });
    }
    session.data.oidc = {
      state: start.state,
      nonce: start.nonce,
      codeVerifier: start.codeVerifier,
      next: safeNext(req.query.next),
    };
    await services.sessions.saveData(session);
    res.redirect(start.url);
  });

  routes.get('/auth/oidc/callback', 'public', async (req, res) => {
    if (!services.oidc) return res.status(404).render('errors/404');
    const pending = req.session?.data.oidc as
      { state: string; nonce: string; codeVerifier: string; next: string } | undefined;
    const fail = (message: string) =>
      res.status(401).render('auth/sign-in', { next: '/', errors: [{ text: message, href: '#email' }] });
    if (!pending || !req.session) return fail('Your sign-in attempt expired. Start again.');
    delete req.session.data.oidc;
    await services.sessions.saveData(req.session);
    let email: string;
    try {
      email = await services.oidc.finish(new URL(req.originalUrl, config.baseUrl), pending);
    } catch (error) {
      if (error instanceof OidcError) return fail(error.message);
      throw error;
    }
    const user = await findUserByEmail(db, email);
    if (!user || !canSignIn(user)) {
      services.logger.warn(
        { requestId: req.correlationId },
        'single sign-on refused: no active user for that email',
      );
      return fail('Your account is not set up in Oversight, or it has been disabled. Ask an administrator.');
    }
    await completeSignIn(services, req, res, user, 'oidc');
    res.redirect(safeNext(pending.next));
  });
}
