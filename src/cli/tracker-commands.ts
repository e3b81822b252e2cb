import type { Command } from 'commander';
import { openAnalyticsStore } from '../analytics/store.ts';
import { recordAccess } from '../auth/access-log.ts';
import { SnapshotService } from '../snapshots/index.ts';
import { getSettings } from '../store/settings.ts';
import { DerivedTrackers, TRACKER_RULE_IDS, isTrackerRuleId } from '../trackers/derived/index.ts';
import type { TrackerEntry } from '../trackers/derived/index.ts';
import { CommandError, UsageError, cliActor, withDatabase } from './context.ts';

/** The columns of `oversight trackers --json`, exactly. */
export function trackerJson(entry: TrackerEntry) {
  return {
    rule: entry.rule,
    child_id: entry.childId,
    limit_date: entry.limitDate,
    rag: entry.rag,
    team: entry.team,
    worker: entry.worker,
  };
}

function table(entries: TrackerEntry[]): string[] {
  const header = ['Rule', 'Child', 'Limit date', 'Days over', 'RAG', 'Team', 'Worker'];
  const rows = entries.map((e) => [
    e.rule,
    e.childId,
    e.limitDate ?? '-',
    e.daysOver === null ? '-' : String(e.daysOver),
    e.rag,
    e.team ?? '-',
    e.worker ?? '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function registerTrackerCommands(program: Command): void {
  program
    .command('trackers')
    .description('print the drift and delay tracker entries of a snapshot (child-level: logged as an export)')
    .option('--snapshot <id>', 'the snapshot id, or "latest"', 'latest')
    .option('--rule <id>', 'only this rule')
    .option('--json', 'print a JSON array of {rule, child_id, limit_date, rag, team, worker}')
    .action(async (options: { snapshot: string; rule?: string; json?: boolean }) => {
      if (options.rule !== undefined && !isTrackerRuleId(options.rule)) {
        throw new UsageError(`Unknown rule "${options.rule}". The rules are: ${TRACKER_RULE_IDS.join(', ')}`);
      }
      const rule = options.rule as (typeof TRACKER_RULE_IDS)[number] | undefined;
      const result = await withDatabase(async (database, config) => {
        const analytics = await openAnalyticsStore(config.dataDir);
        try {
          const snapshots = new SnapshotService({
            db: database.db,
            analytics,
            dataDir: config.dataDir,
            councilName: async () => (await getSettings(database.db)).council_name,
          });
          await snapshots.reconcile();
          const snapshot =
            options.snapshot === 'latest' ? await snapshots.latest() : await snapshots.get(options.snapshot);
          if (!snapshot) {
            throw new CommandError(
              options.snapshot === 'latest'
                ? 'There are no snapshots yet'
                : `No snapshot ${options.snapshot}`,
            );
          }
          const trackers = new DerivedTrackers({ db: database.db, analytics, snapshots });
          const entries = await trackers.entries(snapshot.id, rule ? { rule } : {});
          await recordAccess(database.db, cliActor(), {
            action: 'export',
            what: 'tracker entries (command line)',
            subjectType: 'list',
            subjectId: snapshot.id,
            details: { rule: rule ?? null, entries: entries.length, format: options.json ? 'json' : 'text' },
          });
          return { snapshot, entries };
        } finally {
          await analytics.close();
        }
      });
      if (options.json) {
        console.log(JSON.stringify(result.entries.map(trackerJson)));
        return;
      }
      const { snapshot, entries } = result;
      console.log(
        `Snapshot ${snapshot.id} as at ${snapshot.asAt}: ${String(entries.length)} tracker entr${entries.length === 1 ? 'y' : 'ies'}${rule ? ` for ${rule}` : ''}.`,
      );
      if (entries.length) {
        console.log('');
        for (const l of table(entries)) console.log(l);
      }
    });
}
