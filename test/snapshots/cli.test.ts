import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cliEnvironment, runCli, type CliEnvironment } from '../helpers/cli.ts';
import { SAMPLE } from './helpers.ts';

const LISTS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'];
const ISSUE_KEYS = ['code', 'column', 'list', 'message', 'row', 'severity', 'sheet', 'value'];

describe('oversight import, snapshots, export-annex-a, demo-data', () => {
  let dir: string;
  let env: Record<string, string>;
  let cli: CliEnvironment;

  before(async () => {
    cli = await cliEnvironment('oversight-cli-snap-');
    ({ dir, env } = cli);
  });
  after(() => cli.cleanup());

  it('exits 2 on usage errors', async () => {
    for (const args of [
      ['import', SAMPLE, '--as-at', '31/03/2025'],
      ['import', path.join(dir, 'missing.xlsx')],
      ['demo-data', '--out', dir, '--children', 'many', '--as-at', '2025-03-31', '--seed', '1'],
    ]) {
      const r = await runCli(args, { env });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    }
  });

  let id = '';
  let accepted: Record<string, number> = {};
  it('imports the sample: exit 0 and exactly the documented JSON', async () => {
    const r = await runCli(['import', SAMPLE, '--as-at', '2024-01-31', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      snapshot_id: string;
      as_at: string;
      period_start: string;
      lists: Record<string, { rows_read: number; rows_accepted: number }>;
      issues: Record<string, unknown>[];
    };
    assert.deepEqual(Object.keys(out).sort(), ['as_at', 'issues', 'lists', 'period_start', 'snapshot_id']);
    assert.deepEqual(Object.keys(out.lists), LISTS);
    for (const l of Object.values(out.lists))
      assert.deepEqual(Object.keys(l).sort(), ['rows_accepted', 'rows_read']);
    assert.equal(out.lists['7']?.rows_read, 7);
    assert.equal(out.as_at, '2024-01-31');
    assert.equal(out.period_start, '2023-08-01');
    assert.ok(out.issues.length > 0);
    for (const i of out.issues) assert.deepEqual(Object.keys(i).sort(), ISSUE_KEYS);
    id = out.snapshot_id;
    accepted = Object.fromEntries(LISTS.map((n) => [n, out.lists[n]?.rows_accepted ?? -1]));
    assert.match(id, /^s\d{14}-[0-9a-f]{8}$/);
  });

  it('exits 1, storing nothing, for a duplicate and for a bad file (errors named by file/sheet/row/column)', async () => {
    const dup = await runCli(['import', SAMPLE, '--json'], { env });
    assert.equal(dup.code, 1);
    const out = JSON.parse(dup.stdout) as { snapshot_id: string | null; issues: unknown[] };
    assert.equal(out.snapshot_id, null);
    assert.match(dup.stderr, new RegExp(`already imported as snapshot ${id}`));

    const bad = path.join(dir, 'list_1.csv');
    fs.writeFileSync(
      bad,
      'Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source\n' +
        ',F,WBRI,01/01/2015,9,02/01/2024,Police\n',
    );
    const r = await runCli(['import', bad, '--as-at', '2024-01-31'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error\s+AA\d+\s+list_1\.csv, sheet "list_1", row 2, column "Child Unique ID"/);
    assert.match(r.stderr, /nothing was stored/);
  });

  it('lists snapshots', async () => {
    const r = await runCli(['snapshots', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    const list = JSON.parse(r.stdout) as { id: string; asAt: string }[];
    assert.deepEqual(
      list.map((s) => [s.id, s.asAt]),
      [[id, '2024-01-31']],
    );
    const text = await runCli(['snapshots'], { env });
    assert.match(text.stdout, new RegExp(`${id}\\s+as at 2024-01-31`));
  });

  it('exports the latest snapshot as Annex A, which imports again with the same rows', async () => {
    const out = path.join(dir, 'export.xlsx');
    const r = await runCli(['export-annex-a', '--snapshot', 'latest', '--out', out], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.statSync(out).size > 0);
    const again = await runCli(['import', out, '--as-at', '2024-01-31', '--json'], {
      env: { ...env, OVERSIGHT_DATA_DIR: path.join(dir, 'data2') },
    });
    assert.equal(again.code, 0, again.stderr);
    const reimported = JSON.parse(again.stdout) as { lists: Record<string, { rows_read: number }> };
    for (const n of LISTS) assert.equal(reimported.lists[n]?.rows_read, accepted[n], `list ${n}`);
    assert.equal((await runCli(['export-annex-a', '--snapshot', 'nope', '--out', out], { env })).code, 1);
  });

  it('writes a demo council', async () => {
    const out = path.join(dir, 'demo');
    const r = await runCli(
      [
        'demo-data',
        '--out',
        out,
        '--children',
        '50',
        '--as-at',
        '2025-03-31',
        '--seed',
        '4',
        '--format',
        'csv',
        '--faults',
        '0.05',
      ],
      { env },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /list_1\.csv/);
    assert.match(r.stdout, /faults recorded/);
    assert.ok(fs.existsSync(path.join(out, 'list_11.csv')));
  });
});
