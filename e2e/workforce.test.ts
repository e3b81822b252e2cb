import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, startTestServer } from './browser.ts';
import { createUser } from '../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../src/store/change-log.ts';
import { updateSettings } from '../src/store/settings.ts';
import { writeListCsv } from '../src/ingest/annex-a/test-support/fixtures.ts';

const PASSWORD = 'a long enough password';
const base = { gender: 'b) Female', ethnicity: 'a) WBRI', date_of_birth: '01/06/2015', age: '10' };

describe('caseloads, workforce figures and local standards in a browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let dir: string;

  const signIn = async (email: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    return page;
  };

  before(async () => {
    server = await startTestServer({ OVERSIGHT_DEMO_DATA: '0' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-e2e-workforce-'));
    const cin = await writeListCsv(
      dir,
      'list_6.csv',
      6,
      Array.from({ length: 8 }, (_, i) => ({
        ...base,
        child_id: `N${i + 1}`,
        cin_start_date: '01/03/2025',
        allocated_team: 'North',
        allocated_worker: i < 7 ? 'Nia North' : '',
      })),
    );
    const cp = await writeListCsv(dir, 'list_7.csv', 7, [
      {
        ...base,
        child_id: 'S1',
        cp_start_date: '01/04/2025',
        allocated_team: 'South',
        allocated_worker: 'Sol South',
      },
    ]);
    await server.services.snapshots!.importFiles(
      [
        { path: cin, name: 'list_6.csv' },
        { path: cp, name: 'list_7.csv' },
      ],
      { asAt: '2025-09-30', actor: SYSTEM_ACTOR },
    );
    await updateSettings(server.database.db, SYSTEM_ACTOR, { la_code: 'E06000015', caseload_standard: 6 });
    for (const [email, roles] of [
      ['analyst@example.gov.uk', ['analyst']],
      ['member@example.gov.uk', ['member']],
    ] as const) {
      await createUser(server.database.db, SYSTEM_ACTOR, {
        email,
        name: email.split('@')[0]!,
        roles: [...roles],
        password: PASSWORD,
      });
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('caseload view, a worker’s children and the unallocated list are accessible', async () => {
    const page = await signIn('analyst@example.gov.uk');
    await page.goto(`${server.url}/caseloads`);
    assert.match(await page.locator('h1').innerText(), /Caseloads/);
    assert.match(await page.locator('main').innerText(), /Over standard/);
    await expectAccessible(page);
    await page.getByRole('link', { name: /Nia North/ }).click();
    await page.waitForURL(/\/caseloads\/worker\?/);
    assert.match(await page.locator('caption').innerText(), /7 children/);
    await expectAccessible(page);
    await page.goto(`${server.url}/caseloads`);
    await page.getByRole('link', { name: 'List the unallocated children' }).click();
    await page.waitForURL(/\/caseloads\/unallocated/);
    assert.match(await page.locator('main').innerText(), /N8/);
    await expectAccessible(page);

    const member = await signIn('member@example.gov.uk');
    await member.goto(`${server.url}/caseloads`);
    assert.doesNotMatch(await member.locator('main').innerText(), /Nia North/);
    await expectAccessible(member);
  });

  it('workforce figures: form with errors, import with errors, the table with comparators', async () => {
    const page = await signIn('analyst@example.gov.uk');
    await page.goto(`${server.url}/workforce/new`);
    await expectAccessible(page);
    await page.getByLabel('Quarter').fill('2025-27 Q2');
    await page.getByLabel('Agency social worker rate').fill('lots');
    await page.getByRole('button', { name: 'Save figures' }).click();
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /Enter the agency rate as a percentage/,
    );
    await expectAccessible(page);
    await page.getByLabel('Quarter').fill('2025-26 Q2');
    await page.getByLabel('Agency social worker rate').fill('13.8');
    await page.getByLabel('Vacancy rate').fill('17.9');
    await page.getByRole('button', { name: 'Save figures' }).click();
    await page.waitForURL(/\/workforce\?saved=/);
    assert.match(await page.locator('main').innerText(), /13.8%/);
    await expectAccessible(page);

    await page.goto(`${server.url}/workforce/import`);
    await expectAccessible(page);
    await page
      .getByLabel('CSV')
      .fill('quarter,agency_rate,turnover_rate,vacancy_rate,absence_rate\n2025-26 Q1,14,16,x,3');
    await page.getByRole('button', { name: 'Import' }).click();
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Line 2, column vacancy_rate/);
    await expectAccessible(page);
  });

  it('local standards: read-only for members, validated for analysts', async () => {
    const member = await signIn('member@example.gov.uk');
    await member.goto(`${server.url}/standards`);
    assert.match(await member.locator('main').innerText(), /Caseload standard/);
    await expectAccessible(member);

    const page = await signIn('analyst@example.gov.uk');
    await page.goto(`${server.url}/standards`);
    await expectAccessible(page);
    await page.locator('#caseload_standard').fill('0');
    await page.getByRole('button', { name: 'Save standards' }).click();
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /Enter the caseload standard as a whole number of children from 1 to 100/,
    );
    await expectAccessible(page);
    await page.locator('#caseload_standard').fill('20');
    await page.getByRole('button', { name: 'Save standards' }).click();
    await page.waitForURL(/\/standards\?saved=1/);
    assert.match(await page.locator('main').innerText(), /6 → 20/);
  });
});
