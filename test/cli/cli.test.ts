import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cliEnvironment, runCli, type CliEnvironment } from '../helpers/cli.ts';
import { testPgUrl } from '../helpers/database.ts';

describe('the oversight command line', () => {
  let cli: CliEnvironment;
  let env: Record<string, string>;

  before(async () => {
    cli = await cliEnvironment('oversight-cli-');
    ({ env } = cli);
  });
  after(() => cli.cleanup());

  it('has --help on every command', async () => {
    for (const args of [
      [],
      ['serve'],
      ['migrate'],
      ['user'],
      ['user', 'add'],
      ['user', 'list'],
      ['user', 'disable'],
      ['access-log'],
      ['backup'],
      ['restore'],
    ]) {
      const result = await runCli([...args, '--help']);
      assert.equal(result.code, 0, `${args.join(' ')} --help: ${result.stderr}`);
      assert.match(result.stdout, /Usage: oversight/);
    }
  });

  it('migrates, adds users (password from standard input), lists and disables them', async () => {
    const migrated = await runCli(['migrate'], { env });
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, /Applied 0001_foundation|up to date/);

    const added = await runCli(
      [
        'user',
        'add',
        '--email',
        'Tom@Example.gov.uk',
        '--name',
        'Tom Manager',
        '--role',
        'team_manager',
        '--role',
        'qa_lead',
        '--team',
        'Safeguarding 1',
        '--password-stdin',
      ],
      { env, input: 'a long enough password\n' },
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added Tom Manager <tom@example.gov.uk>/);

    const shortPassword = await runCli(
      ['user', 'add', '--email', 'x@example.gov.uk', '--name', 'X', '--role', 'analyst', '--password-stdin'],
      {
        env,
        input: 'short',
      },
    );
    assert.equal(shortPassword.code, 1);
    assert.match(shortPassword.stderr, /12 characters or more/);

    const badRole = await runCli(
      ['user', 'add', '--email', 'y@example.gov.uk', '--name', 'Y', '--role', 'wizard'],
      { env },
    );
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /Unknown role "wizard"/);

    const missing = await runCli(['user', 'add', '--email', 'z@example.gov.uk'], { env });
    assert.equal(missing.code, 2, 'a missing required option is a usage error');

    const duplicate = await runCli(
      ['user', 'add', '--email', 'tom@example.gov.uk', '--name', 'Tom', '--role', 'analyst'],
      { env },
    );
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.stderr, /already exists/);

    const listed = await runCli(['user', 'list', '--json'], { env });
    assert.equal(listed.code, 0, listed.stderr);
    const users = JSON.parse(listed.stdout) as {
      email: string;
      roles: string[];
      teams: string[];
      active: boolean;
    }[];
    assert.equal(users.length, 1);
    assert.deepEqual(users[0]!.roles.sort(), ['qa_lead', 'team_manager']);
    assert.deepEqual(users[0]!.teams, ['Safeguarding 1']);

    const disabled = await runCli(['user', 'disable', '--email', 'tom@example.gov.uk'], { env });
    assert.equal(disabled.code, 0, disabled.stderr);
    const after = JSON.parse((await runCli(['user', 'list', '--json'], { env })).stdout) as {
      active: boolean;
    }[];
    assert.equal(after[0]!.active, false);

    const unknown = await runCli(['user', 'disable', '--email', 'nobody@example.gov.uk'], { env });
    assert.equal(unknown.code, 1);
  });

  it('searches the access log as CSV or JSON, and logs that export', async () => {
    const csv = await runCli(['access-log', '--format', 'csv'], { env });
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(
      csv.stdout,
      /^id,at,user_email,action,what,subject_type,subject_id,correlation_id,details\r\n/,
    );
    const json = await runCli(['access-log', '--format', 'json', '--since', '2000-01-01'], { env });
    assert.equal(json.code, 0, json.stderr);
    const rows = JSON.parse(json.stdout) as { action: string; what: string; user_email: string }[];
    assert.equal(rows[0]!.action, 'export', 'the earlier CSV export was logged');
    assert.match(rows[0]!.what, /command line/);
    assert.match(rows[0]!.user_email, /^cli:/);
    const bad = await runCli(['access-log', '--since', 'yesterday'], { env });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since must be a date/);
  });

  it(
    'keeps the embedded data directory owner-only',
    { skip: !!testPgUrl && 'embedded database only' },
    () => {
      const check = (target: string) => {
        const stat = fs.statSync(target);
        assert.equal(
          stat.mode & 0o077,
          0,
          `${target} is readable by others (${(stat.mode & 0o777).toString(8)})`,
        );
        if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) check(path.join(target, entry));
      };
      check(env.OVERSIGHT_DATA_DIR!);
    },
  );
});
