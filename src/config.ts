import path from 'node:path';

/** Runtime configuration, read once from the environment. See the README's configuration table. */
export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  sessionSecret: string;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  logLevel: string;
  backupKey: Buffer | null;
  demoData: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string } | null;
}

export class ConfigError extends Error {}

function parseBackupKey(value: string | undefined): Buffer | null {
  if (!value) return null;
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('OVERSIGHT_BACKUP_KEY must be 32 bytes, given as 64 hex characters or base64');
  }
  return key;
}

function intFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new ConfigError(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = intFrom('PORT', env.PORT, 3000);
  const secret = env.SESSION_SECRET ?? '';
  if (mode === 'production' && secret.length < 32) {
    throw new ConfigError(
      'SESSION_SECRET must be set to at least 32 random characters in production (NODE_ENV=production). Refusing to start.',
    );
  }
  const oidcIssuer = env.OIDC_ISSUER_URL;
  let oidc: Config['oidc'] = null;
  if (oidcIssuer) {
    if (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) {
      throw new ConfigError(
        'OIDC_ISSUER_URL is set, so OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set too',
      );
    }
    oidc = { issuer: oidcIssuer, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET };
  }
  return {
    env: mode,
    port,
    host: env.HOST ?? '127.0.0.1',
    baseUrl: (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir: path.resolve(env.OVERSIGHT_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    sessionSecret: secret || 'development-only-session-secret-not-for-production',
    sessionAbsoluteHours: intFrom('SESSION_ABSOLUTE_HOURS', env.SESSION_ABSOLUTE_HOURS, 12),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
    backupKey: parseBackupKey(env.OVERSIGHT_BACKUP_KEY),
    demoData: env.OVERSIGHT_DEMO_DATA ? env.OVERSIGHT_DEMO_DATA !== '0' : mode === 'development',
    oidc,
  };
}
