import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createTeam, createUser, type User } from '../../src/auth/users.ts';
import type { Role } from '../../src/auth/roles.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';
import { SESSION_COOKIE } from '../../src/web/middleware/session.ts';
import { searchAccessLog } from '../../src/auth/access-log.ts';
import type { TrackerEntry } from '../../src/web/routes/recorded/routes.ts';

const LIST_3 =
  'Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker\r\n' +
  'A1,b) Female,a) WBRI,01/02/2015,10,03/03/2025,q) 6: Police,No,0,Team A,Sam Worker\r\n' +
  'B1,a) Male,a) WBRI,01/02/2016,9,04/03/2025,q) 6: Police,No,0,Team B,Pat Other\r\n' +
  'A2,a) Male,a) WBRI,01/02/2017,8,05/03/2025,q) 6: Police,No,0,Team A,Sam Worker\r\n';
const LIST_7 =
  'Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Child Protection Plan Start Date,Allocated Team,Allocated Worker\r\n' +
  'A1,b) Female,a) WBRI,01/02/2015,10,01/06/2024,Team A,Sam Worker\r\n';

interface Session {
  user: User;
  cookie: string;
  csrf: string;
}

describe('recorded tracker pages: scope, permissions, forms, history', () => {
  let t: TestApp;
  let dir: string;
  type Who = 'sam' | 'pat' | 'tmA' | 'tmB' | 'ro' | 'member' | 'analyst' | 'admin';
  const as = {} as Record<Who, Session>;

  const login = async (name: string, roles: Role[], teams: string[] = []): Promise<Session> => {
    const user = await createUser(t.services.db, SYSTEM_ACTOR, {
      email: `${name.toLowerCase().replace(/ /g, '.')}@example.gov.uk`,
      name,
      roles,
      teams,
    });
    const { token, record } = await t.services.sessions.create(user.id);
    return { user, cookie: `${SESSION_COOKIE}=${token}`, csrf: record.csrfToken };
  };
  const get = (s: Session, url: string) => request(t.app).get(url).set('Cookie', s.cookie);
  const post = (s: Session, url: string, form: Record<string, string>) =>
    request(t.app)
      .post(url)
      .set('Cookie', s.cookie)
      .type('form')
      .send({ _csrf: s.csrf, ...form });
  const date = (id: string, iso: string) => ({
    [`${id}-day`]: String(Number(iso.slice(8, 10))),
    [`${id}-month`]: String(Number(iso.slice(5, 7))),
    [`${id}-year`]: iso.slice(0, 4),
  });
  const errorSummary = (text: string) =>
    /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(text)?.[0].replace(/\s+/g, ' ') ?? '';

  before(async () => {
    process.env.OVERSIGHT_TODAY = '2025-04-01';
    t = await createTestApp({}, { analytics: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-recorded-'));
    fs.writeFileSync(path.join(dir, 'list_3.csv'), LIST_3);
    fs.writeFileSync(path.join(dir, 'list_7.csv'), LIST_7);
    const outcome = await t.services.snapshots!.importFiles(
      ['list_3.csv', 'list_7.csv'].map((name) => ({ path: path.join(dir, name), name })),
      { asAt: '2025-03-31', actor: SYSTEM_ACTOR },
    );
    assert.ok(outcome.snapshot, outcome.fatal ?? 'snapshot stored');
    await createTeam(t.services.db, SYSTEM_ACTOR, 'Team A');
    await createTeam(t.services.db, SYSTEM_ACTOR, 'Team B');
    as.sam = await login('Sam Worker', ['social_worker'], ['Team A']);
    as.pat = await login('Pat Other', ['social_worker'], ['Team B']);
    as.tmA = await login('Tina Manager', ['team_manager'], ['Team A']);
    as.tmB = await login('Bob Manager', ['team_manager'], ['Team B']);
    as.ro = await login('Rita Reviewer', ['reviewing_officer']);
    as.member = await login('Mel Member', ['member']);
    as.analyst = await login('Ana Analyst', ['analyst']);
    as.admin = await login('Ada Admin', ['admin']);
  });
  after(async () => {
    delete process.env.OVERSIGHT_TODAY;
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let ploId: number;

  it('lets a social worker record a case for their own child, and refuses another team’s child', async () => {
    const refused = await post(as.sam, '/plo', {
      childIds: 'A1, B1',
      team: 'Team A',
      ...date('legalPlanningDate', '2025-01-06'),
    });
    assert.equal(refused.status, 400);
    assert.match(errorSummary(refused.text), /There is no child B1 among the children you can see/);
    const bad = await post(as.sam, '/plo', {
      childIds: 'A1',
      'legalPlanningDate-day': '6',
      'legalPlanningDate-year': '2025',
    });
    assert.equal(bad.status, 400);
    assert.match(errorSummary(bad.text), /The legal planning meeting date must include a month/);
    assert.match(bad.text, /href="#legalPlanningDate-month"/);
    const created = await post(as.sam, '/plo', {
      childIds: 'A1, A2',
      team: 'Team A',
      workerUserId: String(as.sam.user.id),
      ...date('legalPlanningDate', '2025-01-06'),
      legalPlanningOutcome: 'enter_pre_proceedings',
    });
    assert.equal(created.status, 303, errorSummary(created.text));
    ploId = Number(/\/plo\/(\d+)/.exec(String(created.headers.location))![1]);
    const rows = await t.services.db.selectFrom('plo_cases').select('id').execute();
    assert.equal(rows.length, 1, 'the refused attempts stored nothing');
  });

  it('shows the case to its worker, their manager and the reviewing officer, not to another team', async () => {
    for (const who of ['sam', 'tmA', 'ro', 'analyst'] as const) {
      const page = await get(as[who], `/plo/${ploId}`);
      assert.equal(page.status, 200, who);
      assert.match(page.text, /Case \d+: children A1, A2/);
    }
    for (const who of ['pat', 'tmB'] as const) {
      assert.equal((await get(as[who], `/plo/${ploId}`)).status, 404, who);
      const list = await get(as[who], '/plo');
      assert.equal(list.status, 200);
      assert.ok(!list.text.includes(`/plo/${ploId}"`), `${who} does not see the case in the list`);
    }
    assert.match((await get(as.tmA, '/plo')).text, new RegExp(`/plo/${ploId}"`));
    const log = await searchAccessLog(t.services.db, { subject: 'A2', user: as.tmA.user.email });
    assert.ok(log.rows.some((r) => r.what === `pre-proceedings case ${ploId}` && r.subject_type === 'child'));
  });

  it('refuses members on every child-level page but shows them the counts', async () => {
    for (const url of [
      '/plo',
      `/plo/${ploId}`,
      '/proceedings',
      '/alerts',
      '/alerts/1',
      '/plo/new',
      '/alerts/new',
    ]) {
      assert.equal((await get(as.member, url)).status, 403, url);
    }
    const counts = await get(as.member, '/recorded-trackers');
    assert.equal(counts.status, 200);
    assert.match(counts.text, /Open<\/th><td[^>]*>fewer than 5/);
    assert.ok(!counts.text.includes('A1'));
    const work = await get(as.member, '/my-work');
    assert.equal(work.status, 200);
    assert.match(work.text, /no caseload here/);
    assert.equal((await get(as.ro, '/plo/new')).status, 403);
    assert.equal((await post(as.ro, `/plo/${ploId}/letter`, date('lbpSentDate', '2025-01-10'))).status, 403);
  });

  it('names the field of a bad date, stores nothing, and then records the letter with its history', async () => {
    const before = await t.services.recorded!.plo.history(ploId);
    const bad = await post(as.sam, `/plo/${ploId}/letter`, {
      'lbpSentDate-day': '31',
      'lbpSentDate-month': '2',
      'lbpSentDate-year': '2025',
    });
    assert.equal(bad.status, 400);
    assert.match(
      errorSummary(bad.text),
      /Enter the letter before proceedings date as a real date, for example 27 3 2025/,
    );
    assert.match(bad.text, /name="lbpSentDate-day"[^>]*value="31"|value="31"[^>]*name="lbpSentDate-day"/);
    const noDecision = await post(as.sam, `/plo/${ploId}/decision`, date('legalPlanningDate', '2025-01-07'));
    assert.equal(noDecision.status, 400);
    assert.match(errorSummary(noDecision.text), /Select the legal planning meeting decision/);
    const early = await post(as.sam, `/plo/${ploId}/letter`, date('lbpSentDate', '2025-01-01'));
    assert.equal(early.status, 400);
    assert.match(errorSummary(early.text), /on or after the legal planning meeting date/);
    const future = await post(as.sam, `/plo/${ploId}/letter`, date('lbpSentDate', '2025-04-02'));
    assert.match(errorSummary(future.text), /must be today or in the past/);
    assert.deepEqual(await t.services.recorded!.plo.history(ploId), before, 'nothing stored');

    const ok = await post(as.sam, `/plo/${ploId}/letter`, date('lbpSentDate', '2025-01-10'));
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.location, `/plo/${ploId}?saved=letter#letter`);
    const page = await get(as.sam, `/plo/${ploId}?saved=letter`);
    assert.match(page.text, /Letter before proceedings saved/);
    assert.match(
      page.text,
      /Letter before proceedings date \(LBPSentDate\)<\/td>\s*<td[^>]*>–<\/td>\s*<td[^>]*>10 January 2025/,
    );
    // 2025-04-01 is 81 days after the letter: green; amber from 4 April, red from 2 May.
    assert.match(page.text, /govuk-tag--green">Green/);
    assert.match(page.text, /4 April 2025/);
    assert.match(page.text, /2 May 2025/);
  });

  it('turns amber at 12 weeks and red at 16 weeks and at the 5-month recall, on "today" from OVERSIGHT_TODAY', async () => {
    const rag = async (today: string) => {
      process.env.OVERSIGHT_TODAY = today;
      const page = await get(as.sam, `/plo/${ploId}`);
      return /id="flags"[\s\S]*?govuk-tag--\w+">(\w+[\w ]*)</.exec(page.text)![1];
    };
    assert.equal(await rag('2025-04-03'), 'Green');
    assert.equal(await rag('2025-04-04'), 'Amber');
    assert.equal(await rag('2025-05-01'), 'Amber');
    assert.equal(await rag('2025-05-02'), 'Red');
    process.env.OVERSIGHT_TODAY = '2025-06-10';
    const recall = await get(as.sam, `/plo/${ploId}`);
    assert.match(recall.text, /Recall to a legal planning meeting was due on 2025-06-10/);
    process.env.OVERSIGHT_TODAY = '2025-06-09';
    assert.doesNotMatch(
      (await get(as.sam, `/plo/${ploId}`)).text,
      /Recall to a legal planning meeting was due/,
    );
    process.env.OVERSIGHT_TODAY = '2025-06-12';
    assert.equal(
      (await post(as.sam, `/plo/${ploId}/recall`, date('recallMeetingDate', '2025-06-11'))).status,
      303,
    );
    assert.doesNotMatch(
      (await get(as.sam, `/plo/${ploId}`)).text,
      /Recall to a legal planning meeting was due/,
    );
  });

  it('records meetings and the outcome, stops the flags, and links the care proceedings', async () => {
    process.env.OVERSIGHT_TODAY = '2025-06-20';
    assert.equal(
      (
        await post(as.tmA, `/plo/${ploId}/meetings`, {
          ...date('initialPpMeetingDate', '2025-01-20'),
          fgdmOffered: 'yes',
          fgdmHeld: 'no',
          parentsLegalRep: 'some',
        })
      ).status,
      303,
    );
    for (const d of ['2025-03-03', '2025-04-28']) {
      assert.equal(
        (await post(as.tmA, `/plo/${ploId}/review-meetings`, date('reviewMeetingDate', d))).status,
        303,
      );
    }
    const missing = await post(as.sam, `/plo/${ploId}/outcome`, {
      ...date('stepDecisionDate', '2025-06-18'),
    });
    assert.match(errorSummary(missing.text), /Select the outcome of pre-proceedings/);
    const out = await post(as.sam, `/plo/${ploId}/outcome`, {
      outcome: 'issue_proceedings',
      ...date('stepDecisionDate', '2025-06-18'),
      ...date('courtAppDate', '2025-06-19'),
    });
    assert.equal(out.status, 303, errorSummary(out.text));
    const page = await get(as.sam, `/plo/${ploId}`);
    assert.match(page.text, /Pre-proceedings have ended: an outcome is recorded/);
    assert.match(page.text, /ReviewMeetingsCount<\/th>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>2<\/td>/);
    assert.match(page.text, new RegExp(`/proceedings/new\\?plo=${ploId}`));

    const form = await get(as.sam, `/proceedings/new?plo=${ploId}`);
    assert.match(form.text, /value="A1, A2"/);
    const created = await post(as.sam, '/proceedings', {
      ploCaseId: String(ploId),
      childIds: 'A1, A2',
      team: 'Team A',
      workerUserId: String(as.sam.user.id),
      ...date('issueDate', '2025-06-19'),
      court: 'Family Court at Exampleton',
      caseNumber: 'EX25C00123',
    });
    assert.equal(created.status, 303, errorSummary(created.text));
    const pid = Number(/\/proceedings\/(\d+)/.exec(String(created.headers.location))![1]);
    const again = await post(as.sam, '/proceedings', {
      ploCaseId: String(ploId),
      childIds: 'A1',
      ...date('issueDate', '2025-06-19'),
    });
    assert.equal(again.status, 400);
    assert.match(errorSummary(again.text), /already recorded for case/);
    process.env.OVERSIGHT_TODAY = '2025-12-18';
    assert.equal(
      (
        await post(as.sam, `/proceedings/${pid}/hearings`, {
          ...date('hearingDate', '2025-07-01'),
          hearingType: 'case_management',
        })
      ).status,
      303,
    );
    const show = await get(as.tmA, `/proceedings/${pid}`);
    assert.match(show.text, /26 weeks since issue: past 26 weeks/);
    assert.match(show.text, /Case management hearing/);
    assert.equal((await get(as.pat, `/proceedings/${pid}`)).status, 404);
    const order = await post(as.sam, `/proceedings/${pid}/final-order`, {
      finalOrder: 'care_order',
      ...date('finalOrderDate', '2025-12-17'),
    });
    assert.equal(order.status, 303);
    assert.match((await get(as.sam, `/proceedings/${pid}`)).text, /Final order made after 25 weeks/);
  });

  it('closes with a reason and never deletes', async () => {
    const noReason = await post(as.sam, `/plo/${ploId}/close`, date('closedDate', '2025-12-18'));
    assert.match(errorSummary(noReason.text), /Enter the reason for closing/);
    assert.equal(
      (
        await post(as.sam, `/plo/${ploId}/close`, {
          closedReason: 'Proceedings issued',
          ...date('closedDate', '2025-12-18'),
        })
      ).status,
      303,
    );
    const page = await get(as.sam, `/plo/${ploId}`);
    assert.match(page.text, /Closed on 18 December 2025: Proceedings issued/);
    assert.doesNotMatch(page.text, /action="\/plo\/\d+\/letter"/, 'no update forms on a closed case');
    const history = await t.services.recorded!.plo.history(ploId);
    assert.deepEqual(
      history.map((h) => h.action),
      ['create', 'letter', 'recall', 'meetings', 'review meeting', 'review meeting', 'outcome', 'close'],
    );
    assert.equal((await post(as.sam, `/plo/${ploId}/letter`, date('lbpSentDate', '2025-01-10'))).status, 400);
    assert.match((await get(as.sam, '/plo?status=closed')).text, new RegExp(`/plo/${ploId}"`));
  });

  it('lets the reviewing officer raise an alert on a reviewed child; the worker sees it at home and responds', async () => {
    process.env.OVERSIGHT_TODAY = '2025-04-01';
    assert.equal((await get(as.sam, '/alerts/new')).status, 403);
    const form = await get(as.ro, '/alerts/new?child=A1');
    assert.match(form.text, new RegExp(`<option value="${as.sam.user.id}" selected`));
    assert.match(form.text, new RegExp(`<option value="${as.tmA.user.id}" selected`));
    const notReviewed = await post(as.ro, '/alerts', {
      childId: 'B1',
      category: 'visits',
      description: 'Visits are late',
      ...date('expectedResolutionDate', '2025-04-15'),
      workerUserId: String(as.pat.user.id),
      managerUserId: String(as.tmB.user.id),
    });
    assert.equal(notReviewed.status, 400);
    assert.match(errorSummary(notReviewed.text), /no child B1 among the children you review/);
    const raised = await post(as.ro, '/alerts', {
      childId: 'A1',
      category: 'visits',
      description: 'Statutory visits are late',
      ...date('expectedResolutionDate', '2025-04-15'),
      workerUserId: String(as.sam.user.id),
      managerUserId: String(as.tmA.user.id),
    });
    assert.equal(raised.status, 303, errorSummary(raised.text));
    const alertId = Number(/\/alerts\/(\d+)/.exec(String(raised.headers.location))![1]);
    const home = await get(as.sam, '/');
    assert.match(home.text, /Your alerts/);
    assert.match(home.text, new RegExp(`Alert ${alertId}`));
    assert.ok(!/A1/.test(home.text), 'no child id on the home page');
    assert.equal((await get(as.pat, `/alerts/${alertId}`)).status, 404);
    assert.equal(
      (
        await post(as.analyst, `/alerts/${alertId}/respond`, {
          response: 'x',
          ...date('responseDate', '2025-04-01'),
        })
      ).status,
      403,
      'the analyst can see the alert but is not a recipient',
    );
    const respond = await post(as.sam, `/alerts/${alertId}/respond`, {
      response: 'Visit booked for 3 April',
      ...date('responseDate', '2025-04-01'),
    });
    assert.equal(respond.status, 303);
    process.env.OVERSIGHT_TODAY = '2025-04-16';
    const list = await get(as.tmA, '/alerts?view=received');
    assert.match(list.text, /Overdue by 1 day/);
    const work = await get(as.sam, '/my-work');
    assert.match(work.text, new RegExp(`Alert ${alertId}`));
    assert.match(work.text, /Overdue/);
  });

  it('shows My work from the derived trackers, own caseload and teams only, red first', async () => {
    const entries: TrackerEntry[] = [
      {
        rule: 'cp_visit_overdue',
        ruleTitle: 'CP visit overdue',
        childId: 'A2',
        limitDate: '2025-03-20',
        daysOver: 3,
        rag: 'amber',
        team: 'Team A',
        worker: 'Sam Worker',
        detail: null,
      },
      {
        rule: 'cp_plan_9m',
        ruleTitle: 'CP plan 9 months',
        childId: 'A1',
        limitDate: '2025-03-01',
        daysOver: 30,
        rag: 'red',
        team: 'Team A',
        worker: 'Sam Worker',
        detail: { cp_start_date: '2024-06-01', seen: null },
      },
      {
        rule: 'unallocated',
        ruleTitle: 'Unallocated',
        childId: 'B1',
        limitDate: null,
        daysOver: null,
        rag: 'red',
        team: 'Team B',
        worker: null,
        detail: null,
      },
    ];
    const services = t.services as unknown as { trackers?: unknown };
    const previous = services.trackers;
    services.trackers = { visibleTo: async () => entries };
    try {
      const work = await get(as.sam, '/my-work');
      assert.equal(work.status, 200);
      const a1 = work.text.indexOf('>A1</a>');
      const a2 = work.text.indexOf('>A2</a>');
      assert.ok(a1 > 0 && a2 > a1, 'A1 (red) before A2 (amber)');
      assert.ok(!work.text.includes('>B1</a>'), 'another team’s child is not on my work');
      assert.match(
        work.text,
        /CP plan 9 months<\/a>: Red, limit 1 March 2025 \(30 days over\)\. cp start date 2024-06-01<\/li>/,
      );
      const log = await searchAccessLog(t.services.db, { user: as.sam.user.email });
      const entry = log.rows.find((r) => r.what === 'my work');
      assert.ok(entry);
      assert.deepEqual((entry.details as { children: string[] }).children.sort(), ['A1', 'A2']);
    } finally {
      services.trackers = previous;
    }
  });

  it('takes the escalation stage names from the settings page', async () => {
    const bad = await post(as.admin, '/admin/settings', {
      council_name: 'Test Council',
      la_code: '',
      session_idle_minutes: '30',
      alert_stage_names: 'Only one',
    });
    assert.equal(bad.status, 400);
    assert.match(errorSummary(bad.text), /at least two escalation stages/);
    const ok = await post(as.admin, '/admin/settings', {
      council_name: 'Test Council',
      la_code: '',
      session_idle_minutes: '30',
      alert_stage_names: 'Informal; Formal; Dispute resolution',
    });
    assert.equal(ok.status, 302);
    assert.deepEqual(await t.services.recorded!.alerts.stageNames(), [
      'Informal',
      'Formal',
      'Dispute resolution',
    ]);
  });
});
