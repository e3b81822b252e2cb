import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInNewUser, startTestServer } from './browser.ts';
import type { Role } from '../src/auth/roles.ts';
import { AREAS } from '../src/indicators/types.ts';

describe('performance dashboard in a browser, on the demo council', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  const signIn = (email: string, name: string, roles: Role[]): Promise<Page> =>
    signInNewUser(browser, server, { email, name, roles });

  before(async () => {
    server = await startTestServer({ OVERSIGHT_DEMO_DATA: '1' });
    await server.demoReady;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the summary, every area, a measure, its children and the print layout accessibly', async () => {
    const page = await signIn('analyst@example.gov.uk', 'Ana Analyst', ['analyst']);
    await page.getByRole('link', { name: 'Performance' }).first().click();
    await page.waitForURL(`${server.url}/performance`);
    assert.equal(await page.locator('h1').innerText(), 'Performance summary');
    // Real comparators for the demo council's LA code (Derby): England and neighbour figures, and ratings.
    const summary = await page.locator('main').innerText();
    assert.match(summary, /Against the benchmarks: \d+ green, \d+ amber and \d+ red/);
    assert.match(summary, /East Midlands/);
    assert.match(
      summary,
      /Contains public sector information licensed under the Open Government Licence v3\.0\./,
    );
    await expectAccessible(page);

    for (const [area, title] of Object.entries(AREAS)) {
      await page.goto(`${server.url}/performance/${area}`);
      assert.equal(await page.locator('h1').innerText(), title);
      await expectAccessible(page);
    }

    await page.goto(`${server.url}/performance/child_protection`);
    await page
      .getByRole('link', { name: 'Second or subsequent child protection plans', exact: false })
      .first()
      .click();
    await page.waitForURL(/\/performance\/measure\//);
    assert.match(await page.locator('main').innerText(), /Trend across snapshots/);
    assert.equal((await page.locator('figure.app-chart svg[role="img"]').count()) >= 1, true);
    await expectAccessible(page);

    // The breakdown tabs work from the keyboard: arrow keys move between tabs and show their panel.
    const tabs = page.locator('.govuk-tabs__tab');
    assert.ok((await tabs.count()) >= 3, 'several breakdown tabs');
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    const second = tabs.nth(1);
    assert.equal(await second.getAttribute('aria-selected'), 'true');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      (await second.innerText()).trim(),
    );
    const panelId = (await second.getAttribute('href'))!.slice(1);
    assert.ok(await page.locator(`#${panelId}`).isVisible());
    assert.ok(!(await page.locator('#by-team').isVisible()), 'the first panel is hidden');
    await expectAccessible(page);

    await page
      .getByRole('link', { name: /List the .* in the (numerator|figure)/ })
      .first()
      .click();
    await page.waitForURL(/\/children\?/);
    assert.match(await page.locator('caption').first().innerText(), /\d+ to \d+ of \d+/);
    await expectAccessible(page);

    await page.goto(`${server.url}/performance/print`);
    assert.equal(await page.locator('header .govuk-service-navigation').count(), 0);
    await page.emulateMedia({ media: 'print' });
    await expectAccessible(page);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows an elected member the summary and a measure without child-level links, accessibly', async () => {
    const page = await signIn('member@example.gov.uk', 'Mel Member', ['member']);
    await page.goto(`${server.url}/performance`);
    assert.match(await page.locator('main').innerText(), /Counts of 1 to 4 are withheld/);
    await expectAccessible(page);
    await page.goto(`${server.url}/performance/measure/referrals_nfa_pct`);
    assert.equal(await page.locator('a[href*="/children"]').count(), 0);
    assert.equal(await page.locator('a[href="#by-worker"]').count(), 0);
    await expectAccessible(page);
  });
});
