#!/usr/bin/env node
// Runs node's test runner (through tsx) on every *.test.ts file under the given folders.
// Node 20's runner does not expand globs or find .ts files by itself.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: run-tests.js FOLDER...');
  process.exit(2);
}
const files = [];
for (const folder of folders) {
  if (!fs.existsSync(folder)) continue;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.test.ts')) files.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
}
files.sort();
if (files.length === 0) {
  console.error(`No test files found in ${folders.join(', ')}`);
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${process.env.OVERSIGHT_TEST_CONCURRENCY ?? '2'}`, ...files], { stdio: 'inherit' });
child.on('close', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
