import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createTeam, createUser, type User } from '../../auth/users.ts';
import { SYSTEM_ACTOR } from '../../store/change-log.ts';
import { RecordedNotFoundError, RecordedValidationError } from '../history.ts';
import { RecordedTrackers } from './recorded.ts';
import { fixedAllocations } from './scope.ts';
import { censusRecords } from './census.ts';

function problemOf(error: unknown, field: string): string {
  assert.ok(error instanceof RecordedValidationError, String(error));
  const problem = error.problems.find((p) => p.field === field);
  assert.ok(problem, `expected a problem with ${field}, got ${error.message}`);
  return problem.message;
}

describe('pre-proceedings and care proceedings services', () => {
  let database: TestDatabase;
  let recorded: RecordedTrackers;
  let today = '2025-03-01';
  let sw: User, other: User, tm: User, analyst: User;

  before(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await createTeam(db, SYSTEM_ACTOR, 'Team A');
    await createTeam(db, SYSTEM_ACTOR, 'Team B');
    const user = (name: string, roles: User['roles'], teams: string[] = []) =>
      createUser(db, SYSTEM_ACTOR, {
        email: `${name.replace(/ /g, '.').toLowerCase()}@example.gov.uk`,
        name,
        roles,
        teams,
      });
    sw = await user('Sam Worker', ['social_worker'], ['Team A']);
    other = await user('Pat Other', ['social_worker'], ['Team B']);
    tm = await user('Tina Manager', ['team_manager'], ['Team A']);
    analyst = await user('Ana Analyst', ['analyst']);
    recorded = new RecordedTrackers({
      db,
      config: { env: 'test', baseUrl: 'http://localhost' },
      allocations: fixedAllocations({
        A1: { team: 'Team A', worker: 'Sam Worker' },
        A2: { team: 'Team A', worker: 'Sam Worker' },
        B1: { team: 'Team B', worker: 'Pat Other' },
      }),
      today: () => today,
    });
  });
  after(async () => database.drop());

  const rows = async (table: 'plo_cases' | 'plo_case_history' | 'care_proceedings') =>
    (await database.db.selectFrom(table).selectAll().execute()).length;

  it('refuses an invalid case naming the field, and stores nothing', async () => {
    const plo = recorded.plo;
    await assert.rejects(plo.create(sw, { childIds: ['A1'], lbpSentDate: '2025-02-30' }), (e: unknown) => {
      assert.match(problemOf(e, 'lbpSentDate'), /letter before proceedings date as a real date/);
      return true;
    });
    await assert.rejects(plo.create(sw, { childIds: ['A1', 'B1'] }), (e: unknown) => {
      assert.match(problemOf(e, 'childIds'), /no child B1/);
      return true;
    });
    await assert.rejects(plo.create(sw, { childIds: ['A1'], team: 'Team Z' }), (e: unknown) => {
      assert.match(problemOf(e, 'team'), /no team called "Team Z"/);
      return true;
    });
    await assert.rejects(plo.create(sw, { childIds: ['A1'], outcome: 'step_down' }), (e: unknown) => {
      assert.match(problemOf(e, 'stepDecisionDate'), /Enter the outcome decision date/);
      return true;
    });
    assert.equal(await rows('plo_cases'), 0);
    assert.equal(await rows('plo_case_history'), 0);
  });

  it('creates, updates with field-level history, refuses a bad update without storing it, and closes with a reason', async () => {
    const plo = recorded.plo;
    const c = await plo.create(sw, {
      childIds: ['A1', 'A2'],
      team: 'team a',
      workerUserId: sw.id,
      legalPlanningDate: '2025-01-06',
      legalPlanningOutcome: 'enter_pre_proceedings',
    });
    assert.equal(c.team, 'Team A', 'the team as set up in Oversight');
    await plo.update(sw, c.id, { lbpSentDate: '2025-01-10', ppStartDate: '2025-01-10' }, 'letter');
    await plo.addReviewMeeting(tm, c.id, '2025-02-20');
    await plo.addReviewMeeting(tm, c.id, '2025-02-03');
    await assert.rejects(plo.addReviewMeeting(tm, c.id, '2025-02-03'), /already recorded/);

    const before = await plo.load(c.id);
    const historyBefore = await plo.history(c.id);
    await assert.rejects(
      plo.update(sw, c.id, { stepDecisionDate: '2025-02-25', initialPpMeetingDate: '2025-01-01' }, 'outcome'),
      (e: unknown) => {
        assert.match(problemOf(e, 'outcome'), /Select the outcome/);
        assert.match(problemOf(e, 'initialPpMeetingDate'), /on or after the letter before proceedings date/);
        return true;
      },
    );
    assert.deepEqual(await plo.load(c.id), before, 'a bad update stores nothing');
    assert.deepEqual(await plo.history(c.id), historyBefore);

    const history = await plo.history(c.id);
    assert.deepEqual(
      history.map((h) => h.action),
      ['create', 'letter', 'review meeting', 'review meeting'],
    );
    assert.deepEqual(history[1]!.changes, [
      { field: 'lbpSentDate', before: null, after: '2025-01-10' },
      { field: 'ppStartDate', before: null, after: '2025-01-10' },
    ]);
    assert.deepEqual(history[3]!.changes, [
      { field: 'reviewMeetingDates', before: ['2025-02-20'], after: ['2025-02-03', '2025-02-20'] },
    ]);
    assert.equal(history[1]!.actorEmail, sw.email);

    const records = censusRecords((await plo.load(c.id))!);
    assert.equal(records.length, 2);
    assert.deepEqual(records[1], {
      LAchildID: 'A2',
      PPStartDate: '2025-01-10',
      LBPSentDate: '2025-01-10',
      FGDMMeetingOffer: null,
      FGDMMeetingFac: null,
      InitialPPMeetingDate: null,
      ReviewMeetingsCount: 2,
      StepDecisionDate: null,
      PPOutcome: null,
      CourtAppDate: null,
    });

    await assert.rejects(plo.view(other, c.id), RecordedNotFoundError);
    assert.deepEqual(await plo.list(other), []);
    today = '2025-04-04';
    assert.deepEqual(
      (await plo.list(tm, { rag: 'amber' })).map((v) => v.case.id),
      [c.id],
    );
    assert.deepEqual(await plo.list(tm, { rag: 'red' }), []);
    assert.deepEqual(await plo.list(analyst, { team: 'Team B' }), []);

    await assert.rejects(plo.close(sw, c.id, { reason: ' ', date: today }), (e: unknown) => {
      assert.match(problemOf(e, 'closedReason'), /Enter the reason for closing/);
      return true;
    });
    const closed = await plo.close(sw, c.id, { reason: 'Recorded twice', date: today });
    assert.equal(closed.status, 'closed');
    await assert.rejects(plo.update(sw, c.id, { ppStartDate: null }, 'letter'), /closed/);
    await assert.rejects(database.db.deleteFrom('plo_cases').execute(), /never deleted/);
    await assert.rejects(database.db.deleteFrom('plo_case_history').execute(), /append-only/);
    assert.equal((await plo.counts()).closed, 1);
  });

  it('records care proceedings from a case that decided to issue, with hearings and the final order', async () => {
    today = '2025-06-30';
    const c = await recorded.plo.create(sw, {
      childIds: ['A1'],
      team: 'Team A',
      workerUserId: sw.id,
      legalPlanningDate: '2025-01-06',
      lbpSentDate: '2025-01-10',
    });
    await assert.rejects(
      recorded.proceedings.create(sw, { ploCaseId: c.id, issueDate: '2025-06-20' }),
      (e: unknown) => {
        assert.match(problemOf(e, 'ploCaseId'), /no decision to issue proceedings/);
        return true;
      },
    );
    await recorded.plo.update(
      sw,
      c.id,
      { outcome: 'issue_proceedings', stepDecisionDate: '2025-06-02', courtAppDate: '2025-06-05' },
      'outcome',
    );
    assert.equal((await recorded.plo.view(sw, c.id)).flags.rag, null, 'flags stop at the outcome');
    await assert.rejects(recorded.proceedings.create(other, { ploCaseId: c.id }), /no pre-proceedings case/);
    const p = await recorded.proceedings.create(sw, { ploCaseId: c.id, childIds: [], court: 'Exampleton' });
    assert.deepEqual(p.childIds, ['A1']);
    assert.equal(p.issueDate, '2025-06-05', 'the court application date by default');
    assert.equal((await recorded.plo.view(sw, c.id)).proceedingsId, p.id);
    await assert.rejects(
      recorded.proceedings.addHearing(sw, p.id, { date: '2025-06-01', type: 'interim' }),
      (e: unknown) => {
        assert.match(problemOf(e, 'hearingDate'), /on or after the issue date/);
        return true;
      },
    );
    await recorded.proceedings.addHearing(sw, p.id, {
      date: '2025-07-15',
      type: 'case_management',
      note: 'Listed',
    });
    await assert.rejects(
      recorded.proceedings.update(sw, p.id, { issueDate: '2025-07-20' }),
      /on or before the first hearing|today or in the past/,
    );
    today = '2025-12-04';
    const view = await recorded.proceedings.view(tm, p.id);
    assert.equal(view.flags.rag, 'red');
    assert.equal(view.flags.weeksSinceIssue, 26);
    await recorded.proceedings.update(sw, p.id, { extensionReasons: 'Expert assessment delayed' }, 'details');
    await recorded.proceedings.recordFinalOrder(sw, p.id, { order: 'care_order', date: '2025-12-03' });
    const done = await recorded.proceedings.view(sw, p.id);
    assert.equal(done.flags.rag, null);
    assert.equal(done.proceedings.finalOrder, 'care_order');
    assert.deepEqual(
      (await recorded.proceedings.history(p.id)).map((h) => h.action),
      ['create', 'hearing', 'details', 'final order'],
    );
    await assert.rejects(database.db.deleteFrom('care_proceedings_hearings').execute(), /never deleted/);
    assert.deepEqual(await recorded.proceedings.counts(), {
      open: 0,
      red: 0,
      amber: 0,
      green: 0,
      finalOrder: 1,
      closed: 0,
    });
  });
});
