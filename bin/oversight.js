#!/usr/bin/env node
// The `oversight` command. Runs the TypeScript sources through tsx, so no build step is needed;
// `npm run build` also produces dist/cli.js for `node dist/cli.js`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const code = await main(process.argv.slice(2));
if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
