import type { Request, RequestHandler } from 'express';
import { safeEqual } from '../../auth/tokens.ts';
import { csrfSync } from 'csrf-sync';
import { ForbiddenError } from '../route-registry.ts';

/**
 * Synchroniser-token CSRF protection (csrf-sync): the token lives in the server-side session and
 * every state-changing request must send it back, as the `_csrf` form field or `x-csrf-token` header.
 */
const { csrfSynchronisedProtection } = csrfSync({
  getTokenFromState: (req) => req.session?.csrfToken ?? null,
  getTokenFromRequest: (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
    return fromBody ?? req.get('x-csrf-token');
  },
  storeTokenInState: () => {
    // Tokens are created with the session and never replaced during it.
  },
});

/**
 * Multipart uploads are not parsed before the route, so their token is checked by the route itself
 * with checkCsrfToken once the form fields are read (the route test proves an upload without it fails).
 */
export function isMultipart(req: Request): boolean {
  return /^multipart\/form-data/i.test(req.get('content-type') ?? '');
}

export function checkCsrfToken(req: Request, token: string | undefined): void {
  const expected = req.session?.csrfToken;
  if (!expected || !token || !safeEqual(expected, token)) {
    throw new ForbiddenError('The form was out of date. Go back, reload the page and try again.');
  }
}

/** Paths whose handlers read multipart uploads and check the token themselves. */
export const MULTIPART_PATHS = ['/snapshots/upload'];

export function csrfProtection(): RequestHandler {
  return (req, res, next) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return next();
    if (isMultipart(req)) {
      if (MULTIPART_PATHS.includes(req.path)) return next();
      return next(new ForbiddenError('This form does not take file uploads.'));
    }
    if (!req.session) {
      return next(new ForbiddenError('Your session has ended. Go back, reload the page and try again.'));
    }
    csrfSynchronisedProtection(req, res, (error?: unknown) => {
      if (error)
        return next(new ForbiddenError('The form was out of date. Go back, reload the page and try again.'));
      next();
    });
  };
}
