import fs from 'node:fs';
import path from 'node:path';

/**
 * The data directory holds child-level data: it and everything in it are owner-only.
 * Creates it 0700 if missing and tightens the modes of anything already inside.
 */
export function ensureDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir);
}

export function tighten(target: string): void {
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) fs.chmodSync(target, 0o700);
    for (const entry of fs.readdirSync(target)) tighten(path.join(target, entry));
  } else if ((stat.mode & 0o777) !== 0o600) {
    fs.chmodSync(target, 0o600);
  }
}
