import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cliEnvironment, runCli, type CliEnvironment } from '../../test/helpers/cli.ts';

const DFE_DIR = new URL('../../../shared/data/dfe/', import.meta.url).pathname;

describe('oversight benchmarks', () => {
  let dir: string;
  let env: Record<string, string>;
  let cli: CliEnvironment;
  let fixtures: string;

  before(async () => {
    cli = await cliEnvironment('oversight-cli-bench-');
    ({ dir, env } = cli);
    // a small folder like DfE's: two published files, a note that is not CSV
    fixtures = path.join(dir, 'dfe');
    fs.mkdirSync(fixtures);
    for (const f of ['d3_cpps_subsequent_plan_2013_to_2025.csv', 'sn_model_2025_wide.csv'])
      fs.copyFileSync(path.join(DFE_DIR, f), path.join(fixtures, f));
    fs.writeFileSync(path.join(fixtures, 'README.txt'), 'downloaded from explore-education-statistics\n');
  });
  after(() => cli.cleanup());

  it('exits 2 on usage errors', async () => {
    for (const args of [
      ['benchmarks', 'import'],
      ['benchmarks', 'compare', 'E09000033', '--model', '2019'],
    ]) {
      const r = await runCli(args, { env });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    }
  });

  it('exits 1 naming the file when a file is not recognised, and imports nothing', async () => {
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.copyFileSync(path.join(DFE_DIR, 'd3_cpps_subsequent_plan_2013_to_2025.csv'), path.join(bad, 'd3.csv'));
    fs.writeFileSync(path.join(bad, 'outcomes.csv'), 'urn,judgement\n1,Good\n');
    const r = await runCli(['benchmarks', 'import', bad], { env });
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /oversight: outcomes\.csv: not a DfE statistics file Oversight recognises\. Its columns are: urn, judgement/,
    );
    assert.match(r.stderr, /Nothing was imported\./);
    assert.equal(r.stdout, '');
  });

  it('imports a folder, prints a summary, and compares a council', async () => {
    const r = await runCli(['benchmarks', 'import', fixtures], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Imported 2 files in \d+\.\d s:/);
    assert.match(
      r.stdout,
      /second or subsequent child protection plans \(D3\): 1 measure, 2,132 figures, 2013–2025/,
    );
    assert.match(r.stdout, /statistical neighbours, 2025 model: 153 local authorities’ neighbour groups/);
    assert.match(r.stdout, /Skipped \(not CSV\): README\.txt/);
    assert.match(r.stdout, /Stored now: 1 measure, 2,132 figures, years 2013–2025/);
    assert.match(r.stdout, /Open Government Licence v3\.0/);

    const c = await runCli(
      ['benchmarks', 'compare', 'E09000033', '--measure', 'd3_cp_subsequent_pct', '--json'],
      {
        env,
      },
    );
    assert.equal(c.code, 0, c.stderr);
    const [comparison] = JSON.parse(c.stdout) as {
      year: number;
      england: number;
      la: { value: number };
      quartile: string;
      region: { name: string; value: number };
    }[];
    assert.deepEqual(
      [comparison!.year, comparison!.england, comparison!.la.value, comparison!.quartile, comparison!.region],
      [2025, 24.5, 7.6, 'A', { name: 'London', value: 19.2 }],
    );
  });
});
