import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, testPgUrl, type TestDatabase } from './database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `oversight …` as a user would, in a child process. */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/oversight.js'), ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

export interface CliEnvironment {
  /** A new temporary folder; the CLI keeps its data in `data` inside it. */
  dir: string;
  /** OVERSIGHT_DATA_DIR, and DATABASE_URL when the tests run against PostgreSQL (OVERSIGHT_TEST_PG). */
  env: Record<string, string>;
  /** Removes the folder and drops the database. */
  cleanup(): Promise<void>;
}

/** A place to run `oversight …` in: a temporary folder and, against PostgreSQL, an empty database of its own. */
export async function cliEnvironment(prefix: string): Promise<CliEnvironment> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const env: Record<string, string> = { OVERSIGHT_DATA_DIR: path.join(dir, 'data') };
  let pg: TestDatabase | null = null;
  if (testPgUrl) {
    pg = await createTestDatabase({ migrate: false });
    await pg.close();
    env.DATABASE_URL = pg.url!;
  }
  return {
    dir,
    env,
    async cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
      if (pg) await pg.drop().catch(() => undefined);
    },
  };
}
