import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cliEnvironment, runCli, type CliEnvironment } from '../helpers/cli.ts';
import { writeListCsv } from '../../src/ingest/annex-a/test-support/fixtures.ts';

describe('oversight trackers', () => {
  let dir: string;
  let env: Record<string, string>;
  let cli: CliEnvironment;

  before(async () => {
    cli = await cliEnvironment('oversight-cli-trackers-');
    ({ dir, env } = cli);
  });
  after(() => cli.cleanup());

  it('refuses an unknown rule with exit code 2 and the list of rule ids', async () => {
    const r = await runCli(['trackers', '--rule', 'cp_plan_19m'], { env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown rule "cp_plan_19m"/);
    assert.match(r.stderr, /cp_plan_9m, cp_plan_12m, .*unallocated/);
  });

  it('prints the entries of the latest snapshot, as text and as exactly the documented JSON, and logs the export', async () => {
    const files = [
      await writeListCsv(dir, 'List 6.csv', 6, [
        {
          child_id: 'B1',
          cin_start_date: '2025-01-06',
          date_last_seen: '2025-02-03',
          allocated_team: 'CIN 1',
        },
        {
          child_id: 'B2',
          cin_start_date: '2025-01-06',
          date_last_seen: '2025-03-28',
          allocated_worker: 'Cas',
        },
      ]),
      await writeListCsv(dir, 'List 7.csv', 7, [
        {
          child_id: 'P1',
          cp_start_date: '2023-03-01',
          date_last_statutory_visit: '2025-03-27',
          allocated_worker: 'Sam',
        },
      ]),
    ];
    const imported = await runCli(['import', ...files, '--as-at', '2025-03-31'], { env });
    assert.equal(imported.code, 0, imported.stderr);

    const json = await runCli(['trackers', '--json'], { env });
    assert.equal(json.code, 0, json.stderr);
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    for (const row of rows)
      assert.deepEqual(Object.keys(row), ['rule', 'child_id', 'limit_date', 'rag', 'team', 'worker']);
    assert.deepEqual(rows.map((r) => `${String(r.rule)}:${String(r.child_id)}:${String(r.rag)}`).sort(), [
      'cin_not_seen:B1:red',
      'cp_plan_2y:P1:red',
      'cp_review_overdue:P1:red',
      'unallocated:B1:red',
    ]);
    assert.deepEqual(
      rows.find((r) => r.rule === 'cin_not_seen'),
      {
        rule: 'cin_not_seen',
        child_id: 'B1',
        limit_date: '2025-03-03',
        rag: 'red',
        team: 'CIN 1',
        worker: null,
      },
    );

    const one = await runCli(['trackers', '--snapshot', 'latest', '--rule', 'cp_plan_2y'], { env });
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /1 tracker entry for cp_plan_2y/);
    assert.match(one.stdout, /cp_plan_2y\s+P1\s+2025-03-01\s+30\s+red\s+-\s+Sam/);

    const missing = await runCli(['trackers', '--snapshot', 'nope'], { env });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No snapshot nope/);

    const log = await runCli(['access-log', '--format', 'json'], { env });
    const entries = JSON.parse(log.stdout) as {
      what: string;
      action: string;
      details: Record<string, unknown>;
    }[];
    const exports = entries.filter((e) => e.what === 'tracker entries (command line)');
    assert.equal(exports.length, 2);
    assert.ok(exports.every((e) => e.action === 'export'));
    assert.ok(exports.some((e) => e.details.rule === 'cp_plan_2y' && e.details.entries === 1));
  });
});
