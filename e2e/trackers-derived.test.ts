import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, PASSWORD, signIn, startTestServer } from './browser.ts';
import { createUser } from '../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../src/store/change-log.ts';

describe('drift and delay trackers in a browser, on the demo council', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer({ OVERSIGHT_DEMO_DATA: '1' });
    await server.demoReady;
    await createUser(server.database.db, SYSTEM_ACTOR, {
      email: 'manager@example.gov.uk',
      name: 'Sam Manager',
      roles: ['service_manager'],
      password: PASSWORD,
    });
    await createUser(server.database.db, SYSTEM_ACTOR, {
      email: 'member@example.gov.uk',
      name: 'Cllr Member',
      roles: ['member'],
      password: PASSWORD,
    });
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await signIn(page, server.url, 'manager@example.gov.uk');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the overview, a tracker with filters and sorting, and a child, accessibly', async () => {
    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Drift and delay' }).click();
    await page.waitForURL(`${server.url}/trackers`);
    assert.match(await page.locator('h1').innerText(), /Drift and delay/);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Children in need not seen within the standard' }).click();
    await page.waitForURL(/\/trackers\/cin_not_seen/);
    await expectAccessible(page);
    const rows = page.locator('#entries tbody tr[data-child]');
    assert.ok((await rows.count()) > 0, 'the demo council has children not seen');

    await page.getByLabel('RAG', { exact: true }).selectOption('red');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/rag=red/);
    const tags = await page.locator('#entries tbody .govuk-tag').allInnerTexts();
    assert.ok(tags.length > 0 && tags.every((t) => t.trim() === 'Red'), tags.join(', '));
    await expectAccessible(page);

    await page.locator('#entries thead a', { hasText: 'Child ID' }).click();
    await page.waitForURL(/sort=child&dir=asc/);
    const ids = await page
      .locator('#entries tbody tr[data-child]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-child') ?? ''));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a.localeCompare(b)),
    );
    assert.equal(await page.locator('#entries thead th[aria-sort="ascending"]').count(), 1);
    await expectAccessible(page);

    await page.locator('#entries tbody tr[data-child] a').first().click();
    await page.waitForURL(/\/snapshots\/[^/]+\/children\//);
    assert.match(await page.locator('h1').innerText(), new RegExp(ids[0]!));
  });

  it('shows the weekly summary and the counts over time accessibly', async () => {
    await page.goto(`${server.url}/trackers/summary`);
    assert.match(await page.locator('h1').innerText(), /Weekly drift and delay summary/);
    assert.ok((await page.locator('table[id^="longest-"]').count()) > 0);
    await expectAccessible(page);
    await page.getByLabel('Service', { exact: true }).selectOption('cla');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/service=cla/);
    assert.equal(await page.locator('h2', { hasText: 'Children in care' }).count(), 1);
    await expectAccessible(page);

    await page.goto(`${server.url}/trackers/over-time`);
    assert.equal(await page.locator('figure svg[role="img"]').count(), 1);
    await page.getByLabel('Tracker', { exact: true }).selectOption('cla_visit_overdue');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/rule=cla_visit_overdue/);
    await expectAccessible(page);
  });

  it('gives an elected member counts only, accessibly', async () => {
    const member = await (await browser.newContext()).newPage();
    await signIn(member, server.url, 'member@example.gov.uk');
    await member.goto(`${server.url}/trackers`);
    assert.equal(await member.locator('a[href^="/trackers/cp_"]').count(), 0);
    await expectAccessible(member);
    await member.goto(`${server.url}/trackers/summary`);
    assert.equal(await member.locator('table[id^="longest-"]').count(), 0);
    await expectAccessible(member);
    await member.close();
  });
});
