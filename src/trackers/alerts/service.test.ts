import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createTeam, createUser, type User } from '../../auth/users.ts';
import { SYSTEM_ACTOR } from '../../store/change-log.ts';
import { updateSettings } from '../../store/settings.ts';
import { fixedAllocations } from '../plo/scope.ts';
import { RecordedForbiddenError, RecordedNotFoundError, RecordedValidationError } from '../history.ts';
import { createMailer } from './mailer.ts';
import { AlertsService, overdueAlerts, parseStageNames, stageNamesProblem } from './service.ts';

interface Received {
  to: string[];
  data: string;
}

describe('practice alerts service', () => {
  let database: TestDatabase;
  let smtp: SMTPServer;
  const received: Received[] = [];
  let today = '2025-03-03';
  let alerts: AlertsService;
  let ro: User, ro2: User, sw: User, sw2: User, tm: User, sm: User, member: User;

  before(async () => {
    database = await createTestDatabase();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const db = database.db;
    await createTeam(db, SYSTEM_ACTOR, 'Team A');
    await createTeam(db, SYSTEM_ACTOR, 'Team B');
    const user = (name: string, roles: User['roles'], teams: string[] = []) =>
      createUser(db, SYSTEM_ACTOR, {
        email: `${name.toLowerCase().replace(/ /g, '.')}@example.gov.uk`,
        name,
        roles,
        teams,
      });
    ro = await user('Rita Reviewer', ['reviewing_officer']);
    ro2 = await user('Roy Reviewer', ['reviewing_officer']);
    sw = await user('Sam Worker', ['social_worker'], ['Team A']);
    sw2 = await user('Sue Other', ['social_worker'], ['Team B']);
    tm = await user('Tina Manager', ['team_manager'], ['Team A']);
    sm = await user('Stan Service', ['service_manager']);
    member = await user('Mel Member', ['member']);
    alerts = new AlertsService({
      db,
      allocations: fixedAllocations({
        C1: { team: 'Team A', worker: 'Sam Worker', reviewed: true },
        C9: { team: 'Team B', worker: 'Sue Other' },
      }),
      today: () => today,
      mailer: createMailer({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'Oversight <oversight@example.gov.uk>',
      }),
      baseUrl: 'https://oversight.example.gov.uk',
    });
  });
  after(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await database.drop();
  });

  const count = async () =>
    Number(
      (
        await database.db
          .selectFrom('practice_alerts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const raiseInput = {
    childId: 'C1',
    category: 'plan_not_progressed',
    description: 'The child protection plan actions from the review have not started.',
    expectedResolutionDate: '2025-03-17',
    workerUserId: 0,
    managerUserId: 0,
  };

  it('refuses bad alerts naming the field, and stores nothing', async () => {
    const input = { ...raiseInput, workerUserId: sw.id, managerUserId: tm.id };
    const cases: [Partial<typeof input>, string, RegExp][] = [
      [
        { expectedResolutionDate: '2025-02-30' },
        'expectedResolutionDate',
        /real date, for example 27 3 2025/,
      ],
      [{ expectedResolutionDate: '2025-03-02' }, 'expectedResolutionDate', /today or in the future/],
      [{ childId: 'C9' }, 'childId', /no child C9 among the children you review/],
      [{ category: 'gossip' }, 'category', /category/],
      [{ description: '  ' }, 'description', /Enter the description/],
      [{ managerUserId: member.id }, 'managerUserId', /not an elected member/],
    ];
    for (const [change, field, message] of cases) {
      await assert.rejects(alerts.raise(ro, { ...input, ...change }), (error: unknown) => {
        assert.ok(error instanceof RecordedValidationError, String(error));
        const problem = error.problems.find((p) => p.field === field);
        assert.ok(problem, `${field} named in ${error.message}`);
        assert.match(problem.message, message);
        return true;
      });
    }
    await assert.rejects(alerts.raise(sw, input), RecordedForbiddenError);
    assert.equal(await count(), 0);
  });

  it('raises, escalates twice, takes responses and resolves, keeping the history and emailing without the child id', async () => {
    today = '2025-03-03';
    const raised = await alerts.raise(ro, { ...raiseInput, workerUserId: sw.id, managerUserId: tm.id });
    assert.equal(raised.stageName, 'Informal');
    assert.equal(raised.team, 'Team A');
    assert.equal(raised.status, 'open');
    await alerts.idle();
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]!.to.sort(), [sw.email, tm.email].sort());
    const subject = /^Subject: (.*)$/m.exec(received[0]!.data)![1]!;
    assert.equal(subject, `Oversight practice alert ${raised.id}: raised`);
    assert.ok(!received[0]!.data.includes('C1'), 'no child id anywhere in the email');
    assert.match(received[0]!.data, new RegExp(`https://oversight.example.gov.uk/alerts/${raised.id}`));

    // Only the raiser escalates; another reviewing officer cannot even see it.
    await assert.rejects(alerts.escalate(ro2, raised.id, { date: today, note: 'x' }), RecordedNotFoundError);
    await assert.rejects(alerts.escalate(tm, raised.id, { date: today, note: 'x' }), RecordedForbiddenError);
    await assert.rejects(alerts.view(sw2, raised.id), RecordedNotFoundError);
    assert.equal((await alerts.view(sm, raised.id)).id, raised.id);

    today = '2025-03-10';
    await assert.rejects(
      alerts.escalate(ro, raised.id, { date: '2025-03-11', note: 'No progress' }),
      (e: unknown) => e instanceof RecordedValidationError && e.problems[0]!.field === 'escalationDate',
    );
    const formal = await alerts.escalate(ro, raised.id, {
      date: '2025-03-10',
      note: 'No progress after a week',
    });
    assert.equal(formal.stageName, 'Formal to team manager');
    await alerts.respond(sw, raised.id, { response: 'Core group booked for 12 March', date: '2025-03-10' });
    today = '2025-03-20';
    assert.deepEqual(
      (await overdueAlerts(database.db, today)).map((a) => ({ ...a })),
      [
        {
          id: raised.id,
          childId: 'C1',
          category: 'Plan not progressed',
          expectedResolutionDate: '2025-03-17',
          stage: 'Formal to team manager',
          team: 'Team A',
          worker: 'Sam Worker',
          raisedBy: 'Rita Reviewer',
        },
      ],
    );
    assert.deepEqual(await overdueAlerts(database.db, '2025-03-17'), [], 'not overdue on the expected day');
    const third = await alerts.escalate(ro, raised.id, {
      date: '2025-03-20',
      note: 'Core group did not happen',
      escalatedToUserId: sm.id,
      expectedResolutionDate: '2025-03-31',
    });
    assert.equal(third.stageName, 'Service manager');
    assert.equal(third.overdue, false);
    await assert.rejects(
      alerts.respond(ro2, raised.id, { response: 'x', date: today }),
      RecordedNotFoundError,
    );
    await alerts.respond(sm, raised.id, {
      response: 'Agreed extra resource; plan reviewed',
      date: '2025-03-20',
    });
    await assert.rejects(
      alerts.resolve(sm, raised.id, { outcome: 'done', date: today }),
      RecordedForbiddenError,
    );
    today = '2025-03-25';
    const resolved = await alerts.resolve(ro, raised.id, {
      outcome: 'Plan back on track',
      date: '2025-03-25',
    });
    assert.equal(resolved.status, 'resolved');
    assert.deepEqual(
      resolved.stages.map((s) => [s.stageName, s.response]),
      [
        ['Informal', null],
        ['Formal to team manager', 'Core group booked for 12 March'],
        ['Service manager', 'Agreed extra resource; plan reviewed'],
      ],
    );
    await assert.rejects(
      alerts.escalate(ro, raised.id, { date: today, note: 'again' }),
      (e: unknown) => e instanceof RecordedValidationError && /resolved/.test(e.message),
    );
    assert.deepEqual(await overdueAlerts(database.db, '2025-12-01'), []);

    const history = await alerts.history(raised.id);
    assert.deepEqual(
      history.map((h) => h.action),
      ['raise', 'escalate', 'respond', 'escalate', 'respond', 'resolve'],
    );
    assert.ok(history.every((h) => h.actorEmail));
    assert.deepEqual(
      history[3]!.changes.find((c) => c.field === 'expectedResolutionDate'),
      { field: 'expectedResolutionDate', before: '2025-03-17', after: '2025-03-31' },
    );
    await alerts.idle();
    const subjectOf = (r: Received) => /^Subject: (.*)$/m.exec(r.data)![1]!;
    // Emails arrive in whatever order the SMTP connections finish.
    assert.deepEqual(
      received.map(subjectOf).sort(),
      [
        `Oversight practice alert ${raised.id}: raised`,
        `Oversight practice alert ${raised.id}: escalated to Formal to team manager`,
        `Oversight practice alert ${raised.id}: response recorded`,
        `Oversight practice alert ${raised.id}: escalated to Service manager`,
        `Oversight practice alert ${raised.id}: response recorded`,
        `Oversight practice alert ${raised.id}: resolved`,
      ].sort(),
    );
    assert.ok(received.every((r) => !r.data.includes('C1')));
    const bySubject = (end: string) => received.filter((r) => subjectOf(r).endsWith(end));
    assert.ok(bySubject('Service manager')[0]!.to.includes(sm.email), 'the person escalated to is told');
    assert.ok(!bySubject('Service manager')[0]!.to.includes(ro.email), 'not the person who escalated');
    assert.deepEqual(
      bySubject('response recorded').map((r) => r.to),
      [[ro.email], [ro.email]],
      'responses go to the raiser',
    );

    const lists = {
      raised: await alerts.list(ro, 'raised'),
      received: await alerts.list(sw, 'received'),
      scope: await alerts.list(sw2, 'all'),
      manager: await alerts.list(tm, 'all'),
    };
    assert.deepEqual(
      lists.raised.map((a) => a.id),
      [raised.id],
    );
    assert.deepEqual(
      lists.received.map((a) => a.id),
      [raised.id],
    );
    assert.deepEqual(lists.scope, []);
    assert.deepEqual(
      lists.manager.map((a) => a.id),
      [raised.id],
    );
  });

  it('never deletes: the database refuses to delete alerts or change their history', async () => {
    await assert.rejects(database.db.deleteFrom('practice_alerts').execute(), /never deleted/);
    await assert.rejects(
      database.db.updateTable('practice_alert_history').set({ note: 'edited' }).execute(),
      /append-only/,
    );
  });

  it('closes an alert raised in error with a reason, and takes its stage names from the setting', async () => {
    await updateSettings(database.db, SYSTEM_ACTOR, {
      alert_stage_names: 'Quiet word; Formal; Dispute resolution',
    });
    today = '2025-04-01';
    const a = await alerts.raise(ro, {
      ...raiseInput,
      expectedResolutionDate: '2025-04-10',
      workerUserId: sw.id,
      managerUserId: tm.id,
    });
    assert.equal(a.stageName, 'Quiet word');
    await assert.rejects(
      alerts.close(ro, a.id, { reason: '', date: today }),
      (e: unknown) => e instanceof RecordedValidationError && e.problems[0]!.field === 'closedReason',
    );
    const closed = await alerts.close(ro, a.id, { reason: 'Raised on the wrong child', date: today });
    assert.equal(closed.status, 'closed');
    assert.equal(closed.closedReason, 'Raised on the wrong child');
    assert.equal((await alerts.counts()).closed, 1);
  });

  it('parses and checks the stage names setting', () => {
    assert.deepEqual(parseStageNames(' Informal ;Formal;; Director '), ['Informal', 'Formal', 'Director']);
    assert.match(stageNamesProblem('Only one')!, /at least two/);
    assert.match(stageNamesProblem('A; a')!, /different name/);
    assert.equal(stageNamesProblem('Informal; Formal to team manager'), null);
  });
});
