import type { Db } from '../store/database.ts';

/**
 * Sign-in rate limiting with temporary lockout, kept in the database so it holds across restarts
 * and across several app processes. An account locks after 5 failures in 15 minutes; an IP address
 * after 20 (a council office signs in from one address, so its limit is higher). Both locks last
 * 15 minutes. A successful sign-in clears the account's count.
 */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  accountFailures: 5,
  ipFailures: 20,
} as const;

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

export async function lockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.selectFrom('signin_throttle').selectAll().where('key', 'in', keys).execute();
  let latest: Date | null = null;
  for (const row of rows) {
    if (row.locked_until && row.locked_until > now && (!latest || row.locked_until > latest))
      latest = row.locked_until;
  }
  return latest;
}

export async function recordFailure(db: Db, key: string, limit: number, now = new Date()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('signin_throttle')
      .selectAll()
      .where('key', '=', key)
      .forUpdate()
      .executeTakeFirst();
    const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
    const fresh = !row || row.window_started_at < windowStart;
    const failures = fresh ? 1 : row.failures + 1;
    const locked = failures >= limit ? new Date(now.getTime() + THROTTLE.lockMinutes * 60_000) : null;
    if (!row) {
      await tx
        .insertInto('signin_throttle')
        .values({ key, failures, window_started_at: now, locked_until: locked })
        .execute();
    } else {
      await tx
        .updateTable('signin_throttle')
        .set({
          failures: locked ? 0 : failures,
          window_started_at: fresh || locked ? now : row.window_started_at,
          locked_until: locked ?? row.locked_until,
        })
        .where('key', '=', key)
        .execute();
    }
  });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('signin_throttle').where('key', '=', key).execute();
}
