import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Config } from './config.ts';
import { createLogger } from './logger.ts';
import { migrate, openDatabase, type Database } from './store/database.ts';
import { SessionStore } from './auth/sessions.ts';
import { OidcClient } from './auth/oidc.ts';
import { createApp } from './web/app.ts';
import { countUsers } from './auth/users.ts';
import { issueSetupToken } from './auth/setup-token.ts';
import { sessionLimits } from './web/middleware/session.ts';
import { projectRoot } from './web/nunjucks.ts';
import type { Services } from './web/services.ts';

export interface RunningServer {
  server: Server;
  database: Database;
  url: string;
  setupUrl: string | null;
  stop(): Promise<void>;
}

async function ensureAssets(): Promise<void> {
  if (fs.existsSync(path.join(projectRoot, 'public/build/app.css'))) return;
  // @ts-expect-error: a plain JavaScript build script without types
  const { buildAssets } = (await import('../bin/build-assets.js')) as { buildAssets: () => Promise<void> };
  await buildAssets();
}

export function buildServices(config: Config, database: Database): Services {
  const logger = createLogger(config.logLevel);
  return {
    config,
    db: database.db,
    dbKind: database.kind,
    sessions: new SessionStore(database.db, config.sessionSecret),
    logger,
    oidc: config.oidc
      ? new OidcClient({ ...config.oidc, redirectUri: `${config.baseUrl}/auth/oidc/callback` })
      : null,
  };
}

/** Opens the stores, runs migrations, and serves the app. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  await ensureAssets();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(database.db);
  if (applied.length) log(`Oversight: applied migrations ${applied.join(', ')}`);
  const services = buildServices(config, database);
  const { app } = createApp(services);

  let setupUrl: string | null = null;
  if ((await countUsers(database.db)) === 0) {
    const token = await issueSetupToken(database.db, config.sessionSecret);
    setupUrl = `${config.baseUrl}/setup/${token}`;
    log(
      `Oversight has no users yet. Set up the first administrator (link works once, for 24 hours):\n  ${setupUrl}`,
    );
  }

  const sweep = setInterval(() => {
    sessionLimits(services)
      .then((limits) => services.sessions.sweep(limits))
      .catch((error: unknown) => services.logger.warn({ err: error }, 'session sweep failed'));
  }, 10 * 60_000);
  sweep.unref();

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log(
    `Oversight is running at ${config.baseUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
  );
  return {
    server,
    database,
    url,
    setupUrl,
    async stop() {
      clearInterval(sweep);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
