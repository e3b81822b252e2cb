import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, startTestServer } from './browser.ts';
import { createUser } from '../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../src/store/change-log.ts';

const PASSWORD = 'a long enough password';

describe('the service in a browser: set-up, sign-in, pages, accessibility', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext();
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets up the first administrator from the one-time link, using only the keyboard', async () => {
    assert.ok(server.setupUrl, 'a set-up link is printed on first start');
    await page.goto(server.setupUrl);
    await expectAccessible(page);
    // Tab order: skip link first.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      'Skip to main content',
    );
    await page.getByLabel('Your name').fill('Ada Admin');
    await page.getByLabel('Email address').fill('ada@example.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByLabel('Confirm password').press('Enter');
    await page.waitForURL(/\/admin\/users$/);
    assert.match(await page.locator('h1').innerText(), /Users/);
    await expectAccessible(page);
  });

  it('shows every administration page accessibly, with form errors announced in an error summary', async () => {
    for (const path of [
      '/',
      '/account',
      '/admin/users',
      '/admin/users/new',
      '/admin/users/1',
      '/admin/teams',
      '/admin/access-log',
      '/admin/settings',
      '/admin/changes',
      '/accessibility',
      '/cookies',
      '/no-such-page',
    ]) {
      await page.goto(`${server.url}${path}`);
      await expectAccessible(page);
    }
    await page.goto(`${server.url}/admin/teams`);
    await page.getByRole('button', { name: 'Add team' }).click();
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter a team name/);
    await expectAccessible(page);
    await page.getByLabel('Add a team').fill('Safeguarding 1');
    await page.getByRole('button', { name: 'Add team' }).click();
    assert.match(await page.locator('main').innerText(), /Safeguarding 1/);

    await page.goto(`${server.url}/admin/users/new`);
    await page.getByLabel('Name', { exact: true }).fill('Tara Manager');
    await page.getByLabel('Email address').fill('tara@example.gov.uk');
    await page.getByLabel('Team manager').check();
    await page.getByLabel('Safeguarding 1').check();
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.waitForURL(/\/admin\/users\/\d+\?created=1/);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /User added/);
    await expectAccessible(page);

    await page.goto(`${server.url}/admin/settings`);
    await page.getByLabel('Local authority code').fill('nonsense');
    await page.getByRole('button', { name: 'Save settings' }).click();
    assert.match(await page.locator('.govuk-error-summary').innerText(), /local authority code/);
    await expectAccessible(page);
  });

  it('signs out, and signs in again; a wrong password is reported accessibly', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await expectAccessible(page);
    await page.getByLabel('Email address').fill('ada@example.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill('wrong password!!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /Enter a correct email address and password/,
    );
    await expectAccessible(page);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    assert.match(await page.locator('h1').innerText(), /Oversight for/);
  });

  it('shows the 403 page accessibly to a role without access, and works without JavaScript', async () => {
    await createUser(server.database.db, SYSTEM_ACTOR, {
      email: 'member@example.gov.uk',
      name: 'Councillor Member',
      roles: ['member'],
      password: PASSWORD,
    });
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${server.url}/sign-in`);
    await p.getByLabel('Email address').fill('member@example.gov.uk');
    await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL(`${server.url}/`);
    const response = await p.goto(`${server.url}/admin/users`);
    assert.equal(response?.status(), 403);
    assert.match(await p.locator('h1').innerText(), /You do not have access/);
    await noJs.close();
    // axe needs JavaScript, so the 403 page is checked in a normal context.
    const withJs = await browser.newContext();
    const q = await withJs.newPage();
    await q.goto(`${server.url}/sign-in`);
    await q.getByLabel('Email address').fill('member@example.gov.uk');
    await q.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await q.getByRole('button', { name: 'Sign in' }).click();
    await q.waitForURL(`${server.url}/`);
    await q.goto(`${server.url}/admin/users`);
    await expectAccessible(q);
    await withJs.close();
  });
});
