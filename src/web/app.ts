import path from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Services } from './services.ts';
import { configureViews, projectRoot } from './nunjucks.ts';
import { requestId, webSecurity } from './middleware/security.ts';
import { loadSession } from './middleware/session.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { errorHandler, notFound } from './middleware/errors.ts';
import { RouteRegistry } from './route-registry.ts';
import { navigationFor } from './navigation.ts';
import { getSettings } from '../store/settings.ts';
import { maskUrl } from '../logger.ts';
import { registerAuthRoutes } from './routes/auth/routes.ts';
import { registerHealthRoute, registerPageRoutes } from './routes/pages/routes.ts';
import { registerAdminRoutes } from './routes/admin/routes.ts';
import { registerSnapshotRoutes } from './routes/snapshots/routes.ts';
import { registerDashboardRoutes } from './routes/dashboard/routes.ts';
import { registerWorkforceRoutes } from './routes/workforce/routes.ts';
import { registerRecordedTrackerRoutes } from './routes/recorded/routes.ts';
import { registerDerivedTrackerRoutes } from './routes/trackers/routes.ts';
import { ROLE_LABELS } from '../auth/roles.ts';

export interface OversightApp {
  app: Express;
  routes: RouteRegistry;
}

export function createApp(services: Services): OversightApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', services.config.trustProxy ? 1 : false);
  configureViews(app);

  app.use(requestId());
  app.use(
    pinoHttp({
      logger: services.logger,
      genReqId: (req) => (req as express.Request).correlationId,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: maskUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: {
        ignore: (req) => req.url?.startsWith('/assets') || req.url?.startsWith('/build') || false,
      },
    }),
  );
  app.use(webSecurity());

  const staticOptions = { index: false, maxAge: '1h', fallthrough: true } as const;
  app.use(
    '/assets',
    express.static(path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk/assets'), staticOptions),
  );
  app.use(
    '/moj-assets',
    express.static(
      path.join(projectRoot, 'node_modules/@ministryofjustice/frontend/moj/assets'),
      staticOptions,
    ),
  );
  app.use('/build', express.static(path.join(projectRoot, 'public/build'), staticOptions));

  const routes = new RouteRegistry(app);
  // Health first: it needs no session and must answer even when the database does not.
  registerHealthRoute(routes, services);

  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 }));
  app.use(loadSession(services));
  app.use(csrfProtection());
  app.use(async (req, res, next) => {
    try {
      const settings = await getSettings(services.db);
      res.locals.councilName = settings.council_name;
      res.locals.user = req.user;
      res.locals.csrfToken = req.session?.csrfToken ?? '';
      res.locals.navigation = navigationFor(req);
      res.locals.currentPath = req.path;
      res.locals.roleLabels = ROLE_LABELS;
      res.locals.oidcEnabled = services.oidc !== null;
      next();
    } catch (error) {
      next(error);
    }
  });

  registerPageRoutes(routes, services);
  registerAuthRoutes(routes, services);
  registerAdminRoutes(routes, services);
  registerSnapshotRoutes(routes, services);
  registerDashboardRoutes(routes, services);
  registerWorkforceRoutes(routes, services);

  registerRecordedTrackerRoutes(routes, services);
  registerDerivedTrackerRoutes(routes, services);
  app.use(notFound);
  app.use(errorHandler(services.logger));
  return { app, routes };
}
