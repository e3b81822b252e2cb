import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createLogger, maskUrl } from '../../src/logger.ts';
import { ensureDataDir } from '../../src/data-dir.ts';
import { csvCell, toCsv } from '../../src/export/csv.ts';

describe('configuration', () => {
  it('refuses to start in production without a session secret', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), ConfigError);
    assert.throws(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'too short' }), /at least 32/);
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    assert.equal(config.env, 'production');
    assert.equal(config.demoData, false, 'no demo data in production');
  });

  it('has working defaults in development', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, null);
    assert.equal(config.demoData, true);
    assert.ok(config.dataDir.endsWith('data'));
  });

  it('checks the backup key, port and single sign-on settings', () => {
    assert.throws(() => loadConfig({ OVERSIGHT_BACKUP_KEY: 'abcd' }), /32 bytes/);
    assert.equal(loadConfig({ OVERSIGHT_BACKUP_KEY: 'ab'.repeat(32) }).backupKey!.length, 32);
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be/);
    assert.throws(() => loadConfig({ OIDC_ISSUER_URL: 'https://login.example' }), /OIDC_CLIENT_ID/);
  });
});

describe('logging never holds secrets or child identifiers in clear', () => {
  it('masks identifiers in URLs', () => {
    assert.equal(maskUrl('/children/1234567?snapshot=abc'), '/children/:id?[masked]');
    assert.equal(maskUrl('/setup/qSDRtxKCrrRUYoV971B8t_a6M0yv_knUGsjyVDlBPNQ'), '/setup/:id');
    assert.equal(maskUrl('/admin/users'), '/admin/users');
  });

  it('redacts passwords, tokens, cookies and child ids', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      {
        password: 'hunter2hunter2',
        token: 'abc',
        childId: 'C99',
        req: { headers: { cookie: 'oversight_session=s' } },
      },
      'x',
    );
    logger.info({ details: { password: 'pw-in-nested', subjectId: 'C77' } }, 'nested');
    assert.equal(lines.length, 2);
    assert.doesNotMatch(lines.join(''), /hunter2|C99|oversight_session=s|pw-in-nested|C77/);
  });
});

describe('the data directory', () => {
  it('is owner-only, and tightens what is inside', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-dd-')), 'data');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'file'), 'x', { mode: 0o644 });
    ensureDataDir(dir);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    assert.equal(fs.statSync(path.join(dir, 'file')).mode & 0o777, 0o600);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});

describe('CSV export', () => {
  it('quotes and defuses spreadsheet formulas', () => {
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('-12.5'), '-12.5');
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(toCsv(['a', 'b'], [{ a: 'x,y', b: null }]), 'a,b\r\n"x,y",\r\n');
  });
});
