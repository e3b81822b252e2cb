#!/usr/bin/env node
// Runs a command with OVERSIGHT_TEST_PG pointing at a PostgreSQL server, after checking it answers.
// Each test creates and drops its own database on that server. Default: the local server.
import { spawn } from 'node:child_process';
import pg from 'pg';

const url = process.env.OVERSIGHT_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  console.log(`Running against PostgreSQL ${rows[0].server_version} at ${new URL(url).host}`);
  await client.end();
} catch (error) {
  console.error(`Cannot reach PostgreSQL at ${new URL(url).host} (${error.message}). Start it, or set OVERSIGHT_TEST_PG.`);
  process.exit(1);
}
const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, OVERSIGHT_TEST_PG: url } });
child.on('close', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
