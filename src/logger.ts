import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs. Passwords, tokens, cookies and child identifiers must never appear in clear:
 * sensitive fields are redacted and URLs are logged with identifiers masked (see maskUrl).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'password',
        'token',
        '*.password',
        '*.token',
        'childId',
        '*.childId',
        'subjectId',
        '*.subjectId',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Masks path segments and query values that may identify a child or carry a token. */
export function maskUrl(url: string): string {
  const [pathname = '', query] = url.split('?', 2);
  const masked = pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) || segment.length > 24 ? ':id' : segment))
    .join('/');
  return query ? `${masked}?[masked]` : masked;
}
