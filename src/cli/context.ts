import os from 'node:os';
import { loadConfig, type Config } from '../config.ts';
import { migrate, openDatabase, type Database } from '../store/database.ts';
import type { Actor } from '../store/change-log.ts';

/** A usage mistake: printed with the command's help hint, exit code 2. */
export class UsageError extends Error {}

/** A failure the user can act on: printed without a stack trace, exit code 1. */
export class CommandError extends Error {}

/** The actor recorded for changes made from the command line. */
export function cliActor(): Actor {
  return { id: null, email: `cli:${os.userInfo().username}` };
}

export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError('--password-stdin reads the password from standard input: pipe it in');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
