import type { Command } from 'commander';
import { ACCESS_LOG_COLUMNS, recordAccess, searchAccessLog } from '../auth/access-log.ts';
import { toCsv } from '../export/csv.ts';
import { UsageError, cliActor, withDatabase } from './context.ts';

export function registerAccessLogCommand(program: Command): void {
  program
    .command('access-log')
    .description('search the access log (who viewed, exported or changed which child-level record)')
    .option('--subject <id>', 'only entries about this child or subject id')
    .option('--user <email>', 'only entries by this user')
    .option('--since <date>', 'only entries on or after this date (YYYY-MM-DD)')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--limit <n>', 'at most this many entries, newest first', '100000')
    .action(
      async (options: { subject?: string; user?: string; since?: string; format: string; limit: string }) => {
        if (!['csv', 'json'].includes(options.format)) throw new UsageError('--format must be csv or json');
        if (options.since && !/^\d{4}-\d{2}-\d{2}$/.test(options.since))
          throw new UsageError('--since must be a date like 2026-01-31');
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new UsageError('--limit must be a positive whole number');
        await withDatabase(async ({ db }) => {
          const result = await searchAccessLog(db, {
            subject: options.subject,
            user: options.user,
            since: options.since,
            limit,
          });
          await recordAccess(db, cliActor(), {
            action: 'export',
            what: `access log export (${options.format}, command line)`,
            subjectType: 'access_log',
            subjectId: options.subject ?? null,
            details: { user: options.user ?? null, since: options.since ?? null, rows: result.rows.length },
          });
          if (options.format === 'json') process.stdout.write(`${JSON.stringify(result.rows, null, 2)}\n`);
          else
            process.stdout.write(
              toCsv(ACCESS_LOG_COLUMNS, result.rows as unknown as Record<string, unknown>[]),
            );
        });
      },
    );
}
