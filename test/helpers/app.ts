import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { openAnalyticsStore, type AnalyticsStore } from '../../src/analytics/store.ts';
import type { Express } from 'express';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildServices } from '../../src/server.ts';
import { createApp } from '../../src/web/app.ts';
import type { RouteRegistry } from '../../src/web/route-registry.ts';
import type { Services } from '../../src/web/services.ts';
import { createUser, createTeam, listTeams, type User } from '../../src/auth/users.ts';
import type { Role } from '../../src/auth/roles.ts';
import { SESSION_COOKIE } from '../../src/web/middleware/session.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: Express;
  routes: RouteRegistry;
  services: Services;
  database: TestDatabase;
  config: Config;
  analytics?: AnalyticsStore;
  close(): Promise<void>;
}

export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { analytics?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-app-'));
  const config = { ...loadConfig({ NODE_ENV: 'test' }), dataDir, ...overrides };
  const analytics = options.analytics ? await openAnalyticsStore(dataDir) : undefined;
  const services = buildServices(config, database, analytics);
  const { app, routes } = createApp(services);
  return {
    app,
    routes,
    services,
    database,
    config,
    analytics,
    async close() {
      await services.imports?.idle();
      await analytics?.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A user with the given roles and a signed-in session: the cookie header and CSRF token to use. */
export async function signedInAs(
  t: TestApp,
  roles: Role[],
  options: { teams?: string[]; accessExpiresAt?: Date | null } = {},
): Promise<{ user: User; cookie: string; csrf: string }> {
  counter += 1;
  const existing = new Set((await listTeams(t.services.db)).map((team) => team.name));
  for (const team of options.teams ?? [])
    if (!existing.has(team)) await createTeam(t.services.db, SYSTEM_ACTOR, team);
  const user = await createUser(t.services.db, SYSTEM_ACTOR, {
    email: `user${counter}-${roles.join('-') || 'none'}@example.gov.uk`,
    name: `Test User ${counter}`,
    roles,
    teams: options.teams,
    password: null,
    accessExpiresAt:
      options.accessExpiresAt !== undefined
        ? options.accessExpiresAt
        : roles.includes('inspector')
          ? new Date(Date.now() + 86_400_000)
          : null,
  });
  const { token, record } = await t.services.sessions.create(user.id);
  return { user, cookie: `${SESSION_COOKIE}=${token}`, csrf: record.csrfToken };
}

/** An anonymous session (as the sign-in page gives): cookie and CSRF token. */
export async function anonymousSession(t: TestApp): Promise<{ cookie: string; csrf: string }> {
  const response = await request(t.app).get('/sign-in');
  const cookie = (response.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(response.text)![1]!;
  return { cookie, csrf };
}

export function cookieFrom(response: request.Response): string | null {
  const cookies = response.headers['set-cookie'] as unknown as string[] | undefined;
  const found = cookies?.find(
    (c) => c.startsWith(`${SESSION_COOKIE}=`) && !c.startsWith(`${SESSION_COOKIE}=;`),
  );
  return found ? found.split(';')[0]! : null;
}
