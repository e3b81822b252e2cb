import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).render('errors/404');
};

/** 403 and 404 pages for known errors; for anything else a 500 page with a reference, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const status =
      (error as { status?: number; statusCode?: number }).status ??
      (error as { statusCode?: number }).statusCode;
    if (status === 403) {
      res.status(403).render('errors/403', { message: (error as Error).message });
      return;
    }
    if (status === 404) {
      res.status(404).render('errors/404');
      return;
    }
    if (status === 400 || status === 413) {
      res.status(status).render('errors/400', { message: (error as Error).message });
      return;
    }
    const reference = randomUUID().slice(0, 8).toUpperCase();
    logger.error({ err: error, reference, requestId: req.correlationId }, 'unhandled error');
    if (res.headersSent) return;
    res.status(500).render('errors/500', { reference });
  };
}
