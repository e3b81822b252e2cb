import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** A request id for logs and the access log; an upstream proxy's id is kept when it looks sane. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const upstream = req.get('x-request-id');
    req.correlationId = upstream && /^[\w-]{8,64}$/.test(upstream) ? upstream : randomUUID();
    res.setHeader('X-Request-Id', req.correlationId);
    next();
  };
}

/** helmet with a strict Content-Security-Policy: scripts only from us or with this request's nonce. */
export function webSecurity(): RequestHandler[] {
  return [
    (_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString('base64');
      next();
    },
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: [
            "'self'",
            (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`,
          ],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          manifestSrc: ["'self'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    }),
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}
