import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { loadConfig } from '../src/config.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { createUser, type UserInput } from '../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../src/store/change-log.ts';

/** Debian's Chromium, as DESIGN.md says: nothing is downloaded. CHROMIUM_PATH overrides the path. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Starts Oversight on a random port with its own data directory (and PostgreSQL when OVERSIGHT_TEST_DATABASE_URL is set). */
export async function startTestServer(
  env: Record<string, string> = {},
): Promise<RunningServer & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '1', OVERSIGHT_DATA_DIR: dataDir, ...env });
  const running = await startServer({ ...config, port: 0, baseUrl: 'http://127.0.0.1' }, () => undefined);
  const port = (running.server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    ...running,
    url,
    setupUrl: running.setupUrl?.replace('http://127.0.0.1', url) ?? null,
    dataDir,
    async stop() {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs axe (WCAG 2.0, 2.1 and 2.2 A and AA) on the page and fails with the violations listed. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  assert.deepEqual(summary, [], `axe found problems on ${page.url()}:\n${summary.join('\n')}`);
}

/** The password of every user the browser tests create. */
export const PASSWORD = 'a long enough password';

/** Signs in through the sign-in form with PASSWORD and waits for the home page. */
export async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/`);
}

/** Creates the user (password PASSWORD) and signs them in, in a browser context of their own. */
export async function signInNewUser(
  browser: Browser,
  server: Pick<RunningServer, 'url' | 'database'>,
  user: Omit<UserInput, 'password'>,
): Promise<Page> {
  await createUser(server.database.db, SYSTEM_ACTOR, { ...user, password: PASSWORD });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, server.url, user.email);
  return page;
}
