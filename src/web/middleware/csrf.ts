import type { RequestHandler } from 'express';
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

export function csrfProtection(): RequestHandler {
  return (req, res, next) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return next();
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
