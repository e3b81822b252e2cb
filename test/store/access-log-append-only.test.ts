import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase, testPgUrl, type TestDatabase } from '../helpers/database.ts';
import { recordAccess } from '../../src/auth/access-log.ts';

describe('the access log is append-only', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await recordAccess(
      t.db,
      { id: 1, email: 'a@example.gov.uk' },
      { action: 'view', what: 'child timeline', subjectType: 'child', subjectId: 'C1' },
    );
  });
  after(async () => t.drop());

  it('refuses UPDATE, DELETE and TRUNCATE whoever asks (trigger)', async () => {
    await assert.rejects(t.db.updateTable('access_log').set({ subject_id: 'C2' }).execute(), /append-only/);
    await assert.rejects(t.db.deleteFrom('access_log').execute(), /append-only/);
    await assert.rejects(sql`TRUNCATE access_log`.execute(t.db), /append-only/);
    const rows = await t.db.selectFrom('access_log').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.subject_id, 'C1');
  });

  it(
    'on PostgreSQL, the documented grants give the app role no UPDATE, DELETE or TRUNCATE on it',
    { skip: !testPgUrl && 'needs PostgreSQL (npm run test:pg)' },
    async () => {
      const admin = new pg.Client({ connectionString: t.url! });
      await admin.connect();
      try {
        await admin.query(fs.readFileSync('docs/postgres-grants.sql', 'utf8'));
        await admin.query('SET ROLE oversight_app');
        await admin.query(
          `INSERT INTO access_log (action, what, subject_type) VALUES ('view', 'x', 'child')`,
        );
        assert.equal((await admin.query('SELECT count(*)::int AS n FROM access_log')).rows[0].n, 2);
        await assert.rejects(admin.query(`UPDATE access_log SET what = 'y'`), /permission denied/);
        await assert.rejects(admin.query('DELETE FROM access_log'), /permission denied/);
        await assert.rejects(admin.query('TRUNCATE access_log'), /permission denied/);
        await admin.query(`INSERT INTO teams (name) VALUES ('Team X')`);
        await admin.query(`UPDATE teams SET name = 'Team Y'`);
      } finally {
        await admin.query('RESET ROLE').catch(() => undefined);
        await admin.end();
      }
    },
  );
});
