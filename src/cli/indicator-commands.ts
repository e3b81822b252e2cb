import type { Command } from 'commander';
import { INDICATORS } from '../indicators/registry.ts';
import type { IndicatorResult } from '../indicators/types.ts';
import { CommandError } from './context.ts';
import { withSnapshots } from './snapshot-commands.ts';

/** The keys `indicators --json` prints for each indicator, in order. */
export const INDICATOR_JSON_KEYS = [
  'id',
  'value',
  'numerator',
  'denominator',
  'period_start',
  'period_end',
  'as_at',
  'unit',
  'polarity',
] as const;

function jsonOf(r: IndicatorResult) {
  const def = INDICATORS.find((d) => d.id === r.indicatorId)!;
  return {
    id: r.indicatorId,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    period_start: r.periodStart,
    period_end: r.periodEnd,
    as_at: r.asAt,
    unit: def.unit,
    polarity: def.polarity,
  };
}

const UNIT_SUFFIX: Record<string, string> = {
  percent: '%',
  rate_per_10k: ' per 10,000',
  count: '',
  days: ' days',
  working_days: ' working days',
};

export function registerIndicatorCommands(program: Command): void {
  program
    .command('indicators')
    .description(
      'compute and print every indicator for a snapshot: value, numerator, denominator, period, as-at, unit, polarity',
    )
    .option('--snapshot <id>', 'snapshot id, or "latest"', 'latest')
    .option('--json', 'print a JSON array of objects with the keys ' + INDICATOR_JSON_KEYS.join(', '))
    .action(async (options: { snapshot: string; json?: boolean }) => {
      const results = await withSnapshots(async (service, _database, services) => {
        const snapshot =
          options.snapshot === 'latest' ? await service.latest() : await service.get(options.snapshot);
        if (!snapshot) {
          throw new CommandError(
            options.snapshot === 'latest'
              ? 'There are no snapshots yet: import Annex A first (oversight import PATH)'
              : `There is no snapshot ${options.snapshot} (oversight snapshots lists them)`,
          );
        }
        return (await services.indicators!.compute(snapshot.id)).results;
      });
      if (options.json) {
        console.log(JSON.stringify(results.map(jsonOf), null, 2));
        return;
      }
      const first = results[0];
      if (first) console.log(`As at ${first.asAt} (snapshot ${first.snapshotId})`);
      for (const r of results) {
        const def = INDICATORS.find((d) => d.id === r.indicatorId)!;
        const value = r.value === null ? 'no data' : `${r.value}${UNIT_SUFFIX[def.unit]}`;
        const counts = r.denominator === null ? `${r.numerator ?? ''}` : `${r.numerator} / ${r.denominator}`;
        console.log(
          `${r.indicatorId.padEnd(42)} ${value.padStart(22)}  (${counts}; ${r.periodStart} to ${r.periodEnd}; ${def.polarity})`,
        );
      }
    });
}
