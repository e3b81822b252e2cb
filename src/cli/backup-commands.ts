import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BackupError, restoreBackup, writeBackup } from '../backup/backup.ts';
import { CommandError, UsageError, withDatabase } from './context.ts';
import type { Config } from '../config.ts';

function requireKey(config: Config): Buffer {
  if (!config.backupKey) {
    throw new UsageError(
      'Set OVERSIGHT_BACKUP_KEY to a 32-byte key (64 hex characters), for example from `openssl rand -hex 32`, and keep it apart from the backups',
    );
  }
  return config.backupKey;
}

export function analyticsFileOf(config: Config): string {
  return path.join(config.dataDir, 'analytics.duckdb');
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write an encrypted (AES-256-GCM) backup of both stores; stop the server first when using the embedded database',
    )
    .requiredOption('--out <file>', 'the backup file to write')
    .action(async (options: { out: string }) => {
      await withDatabase(async ({ db }, config) => {
        const key = requireKey(config);
        const analytics = analyticsFileOf(config);
        if (fs.existsSync(`${analytics}.wal`)) {
          throw new CommandError(
            `${analytics}.wal exists: the analytics store is open or was not closed cleanly. Stop the server (it checkpoints on exit) and try again.`,
          );
        }
        const manifest = await writeBackup({
          db,
          analyticsFile: analytics,
          key,
          out: path.resolve(options.out),
        });
        const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
        console.log(
          `Backup written to ${options.out}: ${manifest.tables.length} tables, ${rows} rows` +
            (manifest.analytics
              ? `, analytics store ${manifest.analytics.bytes} bytes`
              : ', no analytics store yet'),
        );
      });
    });

  program
    .command('restore')
    .description('restore a backup into a new, empty database and data directory')
    .requiredOption('--in <file>', 'the backup file to read')
    .action(async (options: { in: string }) => {
      if (!fs.existsSync(options.in)) throw new UsageError(`There is no file ${options.in}`);
      await withDatabase(async ({ db }, config) => {
        const key = requireKey(config);
        try {
          const manifest = await restoreBackup({
            db,
            analyticsFile: analyticsFileOf(config),
            key,
            input: options.in,
          });
          console.log(`Restored the backup made ${manifest.created_at}: ${manifest.tables.length} tables.`);
        } catch (error) {
          if (error instanceof BackupError) throw new CommandError(error.message);
          throw error;
        }
      });
    });
}
