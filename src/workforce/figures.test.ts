import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { SYSTEM_ACTOR } from '../store/change-log.ts';
import { listQuarters, parseFigure, quarterHistory, saveQuarters, WORKFORCE_MEASURES } from './figures.ts';

const blank = {
  agency_rate: null,
  turnover_rate: null,
  vacancy_rate: null,
  absence_rate: null,
  headcount: null,
  fte: null,
};

describe('workforce figures store', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.drop());

  it('reads figures: blank is not known, percentages with or without %, counts', () => {
    const [agency, , , , headcount, fte] = WORKFORCE_MEASURES;
    assert.deepEqual(parseFigure(agency!, ' '), { value: null });
    assert.deepEqual(parseFigure(agency!, '12.5 %'), { value: 12.5 });
    assert.deepEqual(parseFigure(agency!, '100'), { value: 100 });
    assert.ok('error' in parseFigure(agency!, '100.1'));
    assert.ok('error' in parseFigure(agency!, '-1'));
    assert.ok('error' in parseFigure(agency!, '1e2'));
    assert.deepEqual(parseFigure(headcount!, '120'), { value: 120 });
    assert.ok('error' in parseFigure(headcount!, '120.5'));
    assert.deepEqual(parseFigure(fte!, '112.25'), { value: 112.25 });
  });

  it('stores all the quarters or none: a failure part-way leaves nothing', async () => {
    await assert.rejects(
      saveQuarters(
        database.db,
        SYSTEM_ACTOR,
        [
          { quarter: '2025-26 Q1', sortKey: 20251, ...blank, agency_rate: 14 },
          // past the parser, the database still refuses a rate over 100
          { quarter: '2025-26 Q2', sortKey: 20252, ...blank, agency_rate: 140 },
        ],
        'import',
      ),
    );
    assert.deepEqual(await listQuarters(database.db), []);
    assert.deepEqual(await quarterHistory(database.db), []);
  });

  it('records who changed what, and leaves an unchanged quarter alone', async () => {
    const actor = { id: null, email: 'analyst@example.gov.uk' };
    const q = { quarter: '2025-26 Q1', sortKey: 20251, ...blank, agency_rate: 14, vacancy_rate: 18 };
    assert.deepEqual(await saveQuarters(database.db, actor, [q], 'form'), {
      added: 1,
      changed: 0,
      unchanged: 0,
    });
    assert.deepEqual(await saveQuarters(database.db, actor, [q], 'import'), {
      added: 0,
      changed: 0,
      unchanged: 1,
    });
    assert.deepEqual(await saveQuarters(database.db, actor, [{ ...q, vacancy_rate: null }], 'import'), {
      added: 0,
      changed: 1,
      unchanged: 0,
    });
    const history = await quarterHistory(database.db);
    assert.deepEqual(
      history.map((h) => [h.action, h.source, h.who, h.changes.map((c) => [c.key, c.from, c.to])]),
      [
        ['update', 'import', 'analyst@example.gov.uk', [['vacancy_rate', 18, null]]],
        [
          'create',
          'form',
          'analyst@example.gov.uk',
          [
            ['agency_rate', null, 14],
            ['vacancy_rate', null, 18],
          ],
        ],
      ],
    );
    const [stored] = await listQuarters(database.db);
    assert.deepEqual(
      [stored!.start, stored!.end, stored!.vacancy_rate, stored!.source],
      ['2025-04-01', '2025-06-30', null, 'import'],
    );
  });
});
