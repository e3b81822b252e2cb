#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { loadConfig, ConfigError } from './config.ts';
import { migrate } from './store/database.ts';
import { startServer } from './server.ts';
import { CommandError, UsageError, withDatabase } from './cli/context.ts';
import { registerUserCommands } from './cli/user-commands.ts';
import { registerAccessLogCommand } from './cli/access-log-command.ts';
import { registerBackupCommands } from './cli/backup-commands.ts';
import { registerSnapshotCommands } from './cli/snapshot-commands.ts';
import { registerTrackerCommands } from './cli/tracker-commands.ts';
import { registerBenchmarkCommands } from './cli/benchmark-commands.ts';
import { registerIndicatorCommands } from './cli/indicator-commands.ts';

// Everything Oversight writes (databases, exports, backups) is readable by its owner only.
process.umask(0o077);

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('oversight')
    .description('Oversight: know your children’s services as Ofsted expects')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('serve')
    .description('serve the web app (embedded database, or PostgreSQL when DATABASE_URL is set)')
    .action(async () => {
      const running = await startServer(loadConfig());
      const stop = () => {
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('apply database migrations (they also run when the server starts)')
    .action(async () => {
      const applied = await withDatabase(async ({ db }) => migrate(db));
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
    });

  registerUserCommands(program);
  registerAccessLogCommand(program);
  registerBackupCommands(program);
  registerSnapshotCommands(program);
  registerTrackerCommands(program);
  registerBenchmarkCommands(program);
  registerIndicatorCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    if (error instanceof UsageError) {
      console.error(`oversight: ${error.message}`);
      return 2;
    }
    if (error instanceof CommandError || error instanceof ConfigError) {
      console.error(`oversight: ${error.message}`);
      return 1;
    }
    console.error(`oversight: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

const invokedDirectly =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (invokedDirectly && /cli\.(ts|js)$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).then((code) => {
    // `serve` keeps running; every other command ends here.
    if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
  });
}
