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
import { openAnalyticsStore, type AnalyticsStore } from './analytics/store.ts';
import { SnapshotService, loadDemoCouncil } from './snapshots/index.ts';
import { ImportJobs } from './web/routes/snapshots/import-jobs.ts';
import { IndicatorService } from './indicators/service.ts';
import { population } from './benchmarks/index.ts';
import { WorkforceService } from './workforce/service.ts';
import { SETTING_DEFAULTS, getSettings, updateSettings } from './store/settings.ts';
import { SYSTEM_ACTOR } from './store/change-log.ts';
import { todayInEngland } from './domain/dates.ts';
import { ensureShippedBenchmarks } from './benchmarks/shipped.ts';
import { demoPopulation } from './demo/generate-council.ts';
import { RecordedTrackers } from './trackers/plo/recorded.ts';
import { DerivedTrackers } from './trackers/derived/index.ts';

/** The council name shown on an installation running on the synthetic demo council. */
export const DEMO_COUNCIL_NAME = 'Demo Borough Council (synthetic demo data)';

/** The real council whose benchmarks the demo is compared with (Derby, E06000015, East Midlands). */
const DEMO_CHILDREN = 3000;

export const DEMO_LA_CODE = 'E06000015';

export interface RunningServer {
  server: Server;
  database: Database;
  services: Services;
  analytics: AnalyticsStore;
  /** Resolves when the demo council has been loaded (or at once when none is loaded). */
  demoReady: Promise<void>;
  url: string;
  setupUrl: string | null;
  stop(): Promise<void>;
}

/** Builds the front-end assets when they are missing or older than their sources. */
async function ensureAssets(): Promise<void> {
  const built = path.join(projectRoot, 'public/build/app.css');
  const sources = path.join(projectRoot, 'src/web/assets');
  if (fs.existsSync(built)) {
    const builtAt = fs.statSync(built).mtimeMs;
    const newest = Math.max(
      ...fs.readdirSync(sources).map((f) => fs.statSync(path.join(sources, f)).mtimeMs),
    );
    if (newest <= builtAt) return;
  }
  // @ts-expect-error: a plain JavaScript build script without types
  const { buildAssets } = (await import('../bin/build-assets.js')) as { buildAssets: () => Promise<void> };
  await buildAssets();
}

export function buildServices(config: Config, database: Database, analytics?: AnalyticsStore): Services {
  const logger = createLogger(config.logLevel);
  const snapshots = analytics
    ? new SnapshotService({
        db: database.db,
        analytics,
        dataDir: config.dataDir,
        councilName: async () => (await getSettings(database.db)).council_name,
      })
    : undefined;
  const indicators =
    snapshots && analytics
      ? new IndicatorService({
          db: database.db,
          analytics,
          snapshots,
          population: (laCode, year) => population(database.db, laCode, year),
        })
      : undefined;
  if (indicators) snapshots!.onStored(indicators.listener());
  const trackers =
    snapshots && analytics ? new DerivedTrackers({ db: database.db, analytics, snapshots }) : undefined;
  if (trackers) snapshots!.onStored(trackers.listener());
  return {
    snapshots,
    indicators,
    trackers,
    workforce:
      snapshots && analytics ? new WorkforceService({ db: database.db, analytics, snapshots }) : undefined,
    recorded: new RecordedTrackers({
      db: database.db,
      config,
      analytics,
      logger,
      smtpUrl: process.env.SMTP_URL,
      smtpFrom: process.env.SMTP_FROM,
    }),
    imports: snapshots ? new ImportJobs(snapshots, logger) : undefined,
    analyticsHealth: analytics
      ? async () => {
          await analytics.query('SELECT 1 AS ok');
          return 'ok';
        }
      : undefined,
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
  if (await ensureShippedBenchmarks(database.db)) log('Oversight: loaded the shipped DfE benchmark table.');
  const analytics = await openAnalyticsStore(config.dataDir);
  const services = buildServices(config, database, analytics);
  await services.snapshots!.reconcile();
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
  let demoReady: Promise<void> = Promise.resolve();
  if (config.demoData && (await services.snapshots!.list()).length === 0) {
    log('Oversight: loading the synthetic demo council (no real children) …');
    demoReady = loadDemoCouncil(services.snapshots!, {
      dataDir: config.dataDir,
      children: DEMO_CHILDREN,
      asAt: todayInEngland(),
      seed: 2026,
      actor: SYSTEM_ACTOR,
    }).then(
      async (snapshot) => {
        // Label the installation as synthetic in every page's header until the council renames it.
        const settings = await getSettings(database.db);
        if (settings.council_name === SETTING_DEFAULTS.council_name) {
          await updateSettings(database.db, SYSTEM_ACTOR, {
            council_name: DEMO_COUNCIL_NAME,
            // The demo borrows a real council's code for its England, region and neighbour benchmarks, and
            // uses the population its synthetic children stand for (not that council's ONS estimate) for rates.
            ...(settings.la_code ? {} : { la_code: DEMO_LA_CODE }),
            ...(Number(settings.population_override) > 0
              ? {}
              : { population_override: demoPopulation(DEMO_CHILDREN) }),
          });
          // The figures computed at import used the settings before these: compute them again.
          await services.indicators?.compute(snapshot.id);
        }
        log(`Oversight: demo council loaded (snapshot as at ${snapshot.asAt}).`);
      },
      (error: unknown) => services.logger.error({ err: error }, 'could not load the demo council'),
    );
  }

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log(
    `Oversight is running at ${config.baseUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
  );
  return {
    server,
    database,
    services,
    analytics,
    demoReady,
    url,
    setupUrl,
    async stop() {
      clearInterval(sweep);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await demoReady;
      await services.imports?.idle();
      await analytics.close();
      await database.close();
    },
  };
}
