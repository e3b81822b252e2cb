import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { Services } from '../services.ts';
import { getSettings } from '../../store/settings.ts';
import { canSignIn, getUser } from '../../auth/users.ts';
import type { SessionRecord } from '../../auth/sessions.ts';

export const SESSION_COOKIE = 'oversight_session';

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (name && !(name in cookies)) {
      try {
        cookies[name] = decodeURIComponent(value);
      } catch {
        cookies[name] = value;
      }
    }
  }
  return cookies;
}

export function cookieOptions(services: Services, req: Request): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure || services.config.env === 'production',
    path: '/',
  };
}

export async function sessionLimits(services: Services) {
  const settings = await getSettings(services.db);
  return { idleMinutes: settings.session_idle_minutes, absoluteHours: services.config.sessionAbsoluteHours };
}

/** Loads the visitor's session and user from the session cookie. */
export function loadSession(services: Services): RequestHandler {
  return async (req, res, next) => {
    req.user = null;
    req.session = null;
    try {
      const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
      if (token) {
        const record = await services.sessions.load(token, await sessionLimits(services));
        if (!record) {
          res.clearCookie(SESSION_COOKIE, cookieOptions(services, req));
          res.locals.sessionExpired = true;
        } else {
          req.session = record;
          if (record.userId !== null) {
            const user = await getUser(services.db, record.userId);
            if (user && canSignIn(user)) {
              req.user = user;
            } else {
              await services.sessions.destroy(record.idHash);
              req.session = null;
              res.clearCookie(SESSION_COOKIE, cookieOptions(services, req));
            }
          }
          if (req.session) await services.sessions.touch(req.session);
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Gives an anonymous visitor a session (needed for the CSRF token on the sign-in form). */
export async function ensureSession(services: Services, req: Request, res: Response): Promise<SessionRecord> {
  if (req.session) return req.session;
  const { token, record } = await services.sessions.create(null);
  res.cookie(SESSION_COOKIE, token, cookieOptions(services, req));
  req.session = record;
  return record;
}

/** Signs a user in on a brand-new session id (the old one is destroyed: no session fixation). */
export async function startSignedInSession(services: Services, req: Request, res: Response, userId: number) {
  if (req.session) await services.sessions.destroy(req.session.idHash);
  const { token, record } = await services.sessions.create(userId);
  res.cookie(SESSION_COOKIE, token, cookieOptions(services, req));
  req.session = record;
}

export async function endSession(services: Services, req: Request, res: Response) {
  if (req.session) await services.sessions.destroy(req.session.idHash);
  req.session = null;
  req.user = null;
  res.clearCookie(SESSION_COOKIE, cookieOptions(services, req));
}
