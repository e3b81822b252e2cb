/**
 * Recorded trackers in a browser. "Today" is injected with OVERSIGHT_TODAY (honoured only when NODE_ENV=test;
 * the server runs in this process and reads it on every request), so the flags can be watched appearing on
 * the exact days: amber at 12 weeks after the letter, red at 16 weeks, recall due at 5 calendar months.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInNewUser, startTestServer } from './browser.ts';
import { createTeam } from '../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../src/store/change-log.ts';

const LIST_3 =
  'Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker\r\n' +
  'A1,b) Female,a) WBRI,01/02/2015,9,03/12/2024,q) 6: Police,No,0,Team A,Sam Worker\r\n';
const LIST_7 =
  'Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Child Protection Plan Start Date,Allocated Team,Allocated Worker\r\n' +
  'A1,b) Female,a) WBRI,01/02/2015,9,01/06/2024,Team A,Sam Worker\r\n';

describe('recorded trackers in a browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let dir: string;
  const pages: Record<'sam' | 'tina' | 'rita' | 'ada', Page> = {} as never;
  let ploUrl = '';

  const today = (iso: string) => {
    process.env.OVERSIGHT_TODAY = iso;
  };
  const fillDate = async (page: Page, id: string, iso: string) => {
    await page.locator(`#${id}-day`).fill(String(Number(iso.slice(8, 10))));
    await page.locator(`#${id}-month`).fill(String(Number(iso.slice(5, 7))));
    await page.locator(`#${id}-year`).fill(iso.slice(0, 4));
  };
  const flagTag = async (page: Page) => (await page.locator('#flags + p .govuk-tag').innerText()).trim();

  before(async () => {
    today('2025-01-06');
    server = await startTestServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-e2e-recorded-'));
    fs.writeFileSync(path.join(dir, 'list_3.csv'), LIST_3);
    fs.writeFileSync(path.join(dir, 'list_7.csv'), LIST_7);
    const outcome = await server.services.snapshots!.importFiles(
      ['list_3.csv', 'list_7.csv'].map((name) => ({ path: path.join(dir, name), name })),
      { asAt: '2025-01-03', actor: SYSTEM_ACTOR },
    );
    assert.ok(outcome.snapshot);
    const db = server.database.db;
    await createTeam(db, SYSTEM_ACTOR, 'Team A');
    const people = {
      sam: { name: 'Sam Worker', roles: ['social_worker'] as const, teams: ['Team A'] },
      tina: { name: 'Tina Manager', roles: ['team_manager'] as const, teams: ['Team A'] },
      rita: { name: 'Rita Reviewer', roles: ['reviewing_officer'] as const, teams: [] },
      ada: { name: 'Ada Admin', roles: ['admin'] as const, teams: [] },
    };
    browser = await launchBrowser();
    for (const [key, p] of Object.entries(people) as [keyof typeof people, (typeof people)['sam']][]) {
      pages[key] = await signInNewUser(browser, server, {
        email: `${key}@example.gov.uk`,
        name: p.name,
        roles: [...p.roles],
        teams: p.teams,
      });
    }
  });
  after(async () => {
    delete process.env.OVERSIGHT_TODAY;
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('moves a pre-proceedings case from the decision to the outcome, with the flags on the right days', async () => {
    const page = pages.sam;
    today('2025-01-06');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Proceedings' }).click();
    await page.waitForURL(/\/plo$/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Record a pre-proceedings case' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Record the case' }).click();
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter the child’s ID/);
    await expectAccessible(page);
    await page.getByLabel(/Child ID, or the IDs/).fill('A1');
    await page.locator('#team').selectOption('Team A');
    await fillDate(page, 'legalPlanningDate', '2025-01-06');
    await page.getByLabel('Threshold met: enter pre-proceedings').check();
    await page.getByRole('button', { name: 'Record the case' }).click();
    await page.waitForURL(/\/plo\/\d+\?saved=created/);
    ploUrl = page.url().replace(/\?.*$/, '');
    assert.match(await page.locator('h1').innerText(), /child A1/);
    assert.equal(await flagTag(page), 'No flag');
    await expectAccessible(page);

    today('2025-01-10');
    await fillDate(page, 'lbpSentDate', '2025-02-31');
    await page.getByRole('button', { name: 'Save the letter' }).click();
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /Enter the letter before proceedings date as a real date, for example 27 3 2025/,
    );
    await expectAccessible(page);
    await fillDate(page, 'lbpSentDate', '2025-01-10');
    await page.getByRole('button', { name: 'Save the letter' }).click();
    await page.waitForURL(/saved=letter/);
    assert.equal(await flagTag(page), 'Green');

    const on = async (iso: string) => {
      today(iso);
      await page.goto(ploUrl);
      return { tag: await flagTag(page), text: await page.locator('main').innerText() };
    };
    assert.equal((await on('2025-04-03')).tag, 'Green', 'day 83: the day before 12 weeks');
    assert.equal((await on('2025-04-04')).tag, 'Amber', 'day 84: 12 weeks');
    assert.equal((await on('2025-05-01')).tag, 'Amber', 'the day before 16 weeks');
    const red = await on('2025-05-02');
    assert.equal(red.tag, 'Red', '16 weeks');
    assert.match(red.text, /16 weeks since the letter before proceedings: past 16 weeks/);
    assert.doesNotMatch((await on('2025-06-09')).text, /Recall to a legal planning meeting was due/);
    const recall = await on('2025-06-10');
    assert.match(
      recall.text,
      /Recall to a legal planning meeting was due on 2025-06-10 \(5 months after the letter\)/,
    );
    await expectAccessible(page);

    await page.goto(`${server.url}/plo?rag=red`);
    assert.match(await page.locator('main table').innerText(), /A1[\s\S]*Red/);
    await expectAccessible(page);

    await page.goto(ploUrl);
    await fillDate(page, 'initialPpMeetingDate', '2025-01-20');
    await page.locator('#fgdmOffered').check();
    await page.locator('#fgdmHeld').check();
    await page.getByLabel('Some parents have legal representation').check();
    await page.getByRole('button', { name: 'Save meetings and representation' }).click();
    await page.waitForURL(/saved=meetings/);
    await fillDate(page, 'reviewMeetingDate', '2025-03-03');
    await page.getByRole('button', { name: 'Add the review meeting' }).click();
    await page.waitForURL(/saved=review-meetings/);

    await page.getByLabel('Issue care proceedings', { exact: true }).check();
    await fillDate(page, 'stepDecisionDate', '2025-06-10');
    await fillDate(page, 'courtAppDate', '2025-06-10');
    await page.getByRole('button', { name: 'Save the outcome' }).click();
    await page.waitForURL(/saved=outcome/);
    assert.equal(await flagTag(page), 'No flag');
    assert.match(
      await page.locator('main').innerText(),
      /Pre-proceedings have ended: an outcome is recorded/,
    );
    const history = await page.locator('#history').innerText();
    for (const expected of [/create/, /letter/, /meetings/, /review meeting/, /outcome/, /10 January 2025/]) {
      assert.match(history, expected);
    }
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Record the care proceedings' }).click();
    await expectAccessible(page);
    await page.getByLabel('Court (optional)').fill('Family Court at Exampleton');
    await page.getByRole('button', { name: 'Record the proceedings' }).click();
    await page.waitForURL(/\/proceedings\/\d+\?saved=created/);
    assert.match(await page.locator('main').innerText(), /Pre-proceedings[\s\S]*Case \d+/);
    await expectAccessible(page);
    await page.goto(`${server.url}/proceedings`);
    await expectAccessible(page);
  });

  it('raises a practice alert, escalates it twice, takes responses, resolves it and shows the history', async () => {
    const rita = pages.rita;
    today('2025-06-10');
    await rita.goto(`${server.url}/alerts`);
    await expectAccessible(rita);
    await rita.getByRole('button', { name: 'Raise a practice alert' }).click();
    await rita.getByLabel('Child ID', { exact: true }).fill('A1');
    await rita.getByLabel('Visits', { exact: true }).check();
    await rita.getByLabel(/What is the concern/).fill('Statutory visits are three weeks late.');
    await fillDate(rita, 'expectedResolutionDate', '2025-06-24');
    await rita.getByLabel('Social worker').selectOption({ label: 'Sam Worker (Social worker)' });
    await rita.getByLabel('Team manager').selectOption({ label: 'Tina Manager (Team manager)' });
    await expectAccessible(rita);
    await rita.getByRole('button', { name: 'Raise the alert' }).click();
    await rita.waitForURL(/\/alerts\/\d+\?saved=raised/);
    const alertUrl = rita.url().replace(/\?.*$/, '');
    const alertId = /\/alerts\/(\d+)/.exec(alertUrl)![1];
    assert.match(await rita.locator('main').innerText(), /Stage: Informal/);
    await expectAccessible(rita);

    const sam = pages.sam;
    await sam.goto(`${server.url}/`);
    assert.match(await sam.locator('main').innerText(), new RegExp(`Your alerts[\\s\\S]*Alert ${alertId}`));
    await expectAccessible(sam);

    today('2025-06-17');
    await rita.goto(alertUrl);
    await rita.getByLabel('Reason for escalating').fill('No visit since the alert.');
    await rita.getByRole('button', { name: 'Escalate the alert' }).click();
    await rita.waitForURL(/saved=escalate/);
    assert.match(await rita.locator('main').innerText(), /Stage: Formal to team manager/);

    await sam.goto(alertUrl);
    await sam.getByLabel('Your response').fill('Visit booked for 19 June.');
    await sam.getByRole('button', { name: 'Record the response' }).click();
    await sam.waitForURL(/saved=respond/);
    await expectAccessible(sam);

    today('2025-06-25');
    await pages.tina.goto(`${server.url}/alerts?view=received`);
    assert.match(await pages.tina.locator('main').innerText(), /Overdue by 1 day/);
    await expectAccessible(pages.tina);

    await rita.goto(alertUrl);
    await rita.getByLabel('Reason for escalating').fill('The visit did not happen.');
    await rita.getByRole('button', { name: 'Escalate the alert' }).click();
    await rita.waitForURL(/saved=escalate/);
    assert.match(await rita.locator('main').innerText(), /Stage: Service manager/);

    await pages.tina.goto(alertUrl);
    await pages.tina.getByLabel('Your response').fill('Visit made on 25 June; worker supported.');
    await pages.tina.getByRole('button', { name: 'Record the response' }).click();
    await pages.tina.waitForURL(/saved=respond/);

    await rita.goto(alertUrl);
    await rita.getByLabel('Outcome', { exact: true }).fill('Visits back within timescale.');
    await rita.getByRole('button', { name: 'Resolve the alert' }).click();
    await rita.waitForURL(/saved=resolve/);
    const main = await rita.locator('main').innerText();
    assert.match(main, /Resolved/);
    const stages = await rita.locator('#stages').innerText();
    assert.match(
      stages,
      /Informal[\s\S]*Formal to team manager[\s\S]*Visit booked for 19 June[\s\S]*Service manager[\s\S]*Visit made on 25 June/,
    );
    const history = await rita.locator('#history').innerText();
    const actions = [...history.matchAll(/\b(raise|escalate|respond|resolve)\b/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(actions)], ['raise', 'escalate', 'respond', 'resolve'], 'history in order');
    assert.equal(actions.filter((a) => a === 'escalate').length >= 2, true);
    await expectAccessible(rita);
  });

  it('shows My work, the counts page and the stage names setting accessibly', async () => {
    await pages.sam.goto(`${server.url}/my-work`);
    assert.match(await pages.sam.locator('main').innerText(), /Care proceedings \d+/);
    await expectAccessible(pages.sam);
    await pages.sam.goto(`${server.url}/recorded-trackers`);
    await expectAccessible(pages.sam);
    await pages.ada.goto(`${server.url}/admin/settings`);
    assert.equal(
      await pages.ada.getByLabel('Practice alert escalation stages').inputValue(),
      'Informal; Formal to team manager; Service manager; Head of service; Director',
    );
    await expectAccessible(pages.ada);
  });
});
