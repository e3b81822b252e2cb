import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInNewUser, startTestServer } from './browser.ts';

describe('Annex A snapshots in a browser, on the demo council', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer({ OVERSIGHT_DEMO_DATA: '1' });
    await server.demoReady;
    browser = await launchBrowser();
    page = await signInNewUser(browser, server, {
      email: 'analyst@example.gov.uk',
      name: 'Ana Analyst',
      roles: ['analyst', 'admin'],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the demo snapshot and shows its summary, report and a child’s journey accessibly', async () => {
    await page.goto(`${server.url}/snapshots`);
    assert.match(await page.locator('header').innerText(), /synthetic demo data/);
    await expectAccessible(page);
    await page.locator('main table a').first().click();
    await page.waitForURL(/\/snapshots\/[^/]+$/);
    assert.match(await page.locator('h1').innerText(), /As at/);
    await expectAccessible(page);
    const snapshotUrl = page.url();

    await page.getByRole('link', { name: 'Validation report' }).click();
    await expectAccessible(page);
    await page.getByLabel('Severity').selectOption('warning');
    await page.getByRole('button', { name: 'Filter' }).click();
    assert.match(page.url(), /severity=warning/);
    await expectAccessible(page);

    const [row] = await server.analytics.query<{ id: string }>(
      'SELECT child_id AS id FROM annex_a_list_7 ORDER BY child_id LIMIT 1',
    );
    await page.goto(snapshotUrl);
    await page.getByLabel('Child unique ID').fill(row!.id);
    await page.getByRole('button', { name: /Show the child/ }).click();
    await page.waitForURL(/\/children\//);
    assert.match(await page.locator('h1').innerText(), new RegExp(row!.id));
    await expectAccessible(page);

    await page.goto(`${snapshotUrl}/delete`);
    await expectAccessible(page);
  });

  it('imports a file from the upload page and reports what it found', async () => {
    await page.goto(`${server.url}/snapshots/upload`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Import' }).click();
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Choose the Annex A workbook/);
    await expectAccessible(page);
    await page.getByLabel('Annex A files').setInputFiles({
      name: 'list_3.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker\r\n' +
          'X1,b) Female,a) WBRI,01/02/2015,10,03/03/2025,q) 6: Police,No,0,Duty 1,Sam Worker\r\n' +
          'X2,Female,WBRI,01/02/2016,9,32/03/2025,Police,No,0,Duty 1,Sam Worker\r\n',
      ),
    });
    await page.getByLabel('As-at date (optional)').fill('2025-03-31');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForSelector('text=Import complete', { timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(`${(error as Error).message}: page says ${await page.locator('main').innerText()}`);
    });
    await expectAccessible(page);
  });
});
