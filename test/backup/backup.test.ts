import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackupError, MAGIC, restoreBackup, writeBackup } from '../../src/backup/backup.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createTeam, createUser, listUsers } from '../../src/auth/users.ts';
import { recordAccess } from '../../src/auth/access-log.ts';
import { SYSTEM_ACTOR } from '../../src/store/change-log.ts';
import { getSettings, updateSettings } from '../../src/store/settings.ts';

describe('encrypted backup and restore', () => {
  let source: TestDatabase;
  let dir: string;
  const key = crypto.randomBytes(32);
  const analytics = () => path.join(dir, 'analytics.duckdb');

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-backup-'));
    source = await createTestDatabase();
    await createTeam(source.db, SYSTEM_ACTOR, 'Safeguarding 1');
    await createUser(source.db, SYSTEM_ACTOR, {
      email: 'ada@example.gov.uk',
      name: 'Ada',
      roles: ['admin', 'analyst'],
      teams: ['Safeguarding 1'],
      password: 'a long enough password',
    });
    for (let i = 0; i < 2500; i++) {
      await recordAccess(
        source.db,
        { id: 1, email: 'ada@example.gov.uk' },
        {
          action: 'view',
          what: 'child timeline',
          subjectType: 'child',
          subjectId: `C${i}`,
          details: { n: i },
        },
      );
    }
    await updateSettings(source.db, SYSTEM_ACTOR, { council_name: 'Backupshire' });
    // Stands in for the analytics store file: 3 MB of bytes that must come back identical.
    fs.writeFileSync(analytics(), crypto.randomBytes(3 * 1024 * 1024));
  });
  after(async () => {
    await source.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips both stores, and the restored database keeps working', async () => {
    const out = path.join(dir, 'oversight.backup');
    const sources = path.join(dir, 'sources');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'abc123'), crypto.randomBytes(2 * 1024 * 1024 + 5));
    const manifest = await writeBackup({
      db: source.db,
      analyticsFile: analytics(),
      sourcesDir: sources,
      key,
      out,
    });
    assert.equal(manifest.tables.find((t) => t.name === 'access_log')!.rows, 2500);
    assert.equal((fs.statSync(out).mode & 0o777).toString(8), '600');
    const bytes = fs.readFileSync(out);
    assert.ok(bytes.subarray(0, MAGIC.length).equals(MAGIC));
    assert.equal(bytes.indexOf(Buffer.from('ada@example.gov.uk')), -1, 'nothing readable in the file');

    const target = await createTestDatabase();
    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-restore-'));
    try {
      const restoredAnalytics = path.join(restoredDir, 'analytics.duckdb');
      const restoredSources = path.join(restoredDir, 'sources');
      await restoreBackup({
        db: target.db,
        analyticsFile: restoredAnalytics,
        sourcesDir: restoredSources,
        key,
        input: out,
      });
      assert.ok(
        fs
          .readFileSync(path.join(restoredSources, 'abc123'))
          .equals(fs.readFileSync(path.join(sources, 'abc123'))),
      );
      const users = await listUsers(target.db);
      assert.deepEqual(
        users.map((u) => [u.email, [...u.roles].sort(), u.teams.map((t) => t.name)]),
        [['ada@example.gov.uk', ['admin', 'analyst'], ['Safeguarding 1']]],
      );
      const log = await target.db.selectFrom('access_log').selectAll().orderBy('id').execute();
      assert.equal(log.length, 2500);
      assert.deepEqual(log[42]!.details, { n: 42 });
      assert.equal((await getSettings(target.db)).council_name, 'Backupshire');
      assert.ok(fs.readFileSync(restoredAnalytics).equals(fs.readFileSync(analytics())));
      // Sequences continue after the restored ids.
      await createUser(target.db, SYSTEM_ACTOR, {
        email: 'new@example.gov.uk',
        name: 'New',
        roles: ['member'],
      });
      await recordAccess(target.db, SYSTEM_ACTOR, { action: 'view', what: 'x', subjectType: 'child' });
      // Restoring again is refused: the target is no longer empty.
      await assert.rejects(
        restoreBackup({
          db: target.db,
          analyticsFile: path.join(restoredDir, 'other.duckdb'),
          key,
          input: out,
        }),
        /already has users/,
      );
    } finally {
      await target.drop();
      fs.rmSync(restoredDir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong key or a changed file before writing anything', async () => {
    const out = path.join(dir, 'second.backup');
    await writeBackup({ db: source.db, analyticsFile: analytics(), key, out });
    const target = await createTestDatabase();
    try {
      const restored = path.join(dir, 'never.duckdb');
      await assert.rejects(
        restoreBackup({ db: target.db, analyticsFile: restored, key: crypto.randomBytes(32), input: out }),
        (error: unknown) => error instanceof BackupError && /wrong backup key|changed/.test(error.message),
      );
      const tampered = path.join(dir, 'tampered.backup');
      const bytes = fs.readFileSync(out);
      bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
      fs.writeFileSync(tampered, bytes);
      await assert.rejects(
        restoreBackup({ db: target.db, analyticsFile: restored, key, input: tampered }),
        BackupError,
      );
      fs.writeFileSync(
        path.join(dir, 'junk.backup'),
        'not a backup at all, just some text that is long enough',
      );
      await assert.rejects(
        restoreBackup({ db: target.db, analyticsFile: restored, key, input: path.join(dir, 'junk.backup') }),
        /not an Oversight backup/,
      );
      assert.equal(fs.existsSync(restored), false);
      assert.equal((await listUsers(target.db)).length, 0);
    } finally {
      await target.drop();
    }
  });
});
