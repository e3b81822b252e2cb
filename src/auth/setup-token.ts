import type { Db } from '../store/database.ts';
import { randomToken, tokenHash } from './tokens.ts';

export const SETUP_TOKEN_HOURS = 24;

/** Issues a one-time set-up token for the first administrator; earlier unused tokens stop working. */
export async function issueSetupToken(db: Db, secret: string, now = new Date()): Promise<string> {
  const token = randomToken();
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('setup_tokens').set({ used_at: now }).where('used_at', 'is', null).execute();
    await tx
      .insertInto('setup_tokens')
      .values({
        token_hash: tokenHash(secret, token),
        created_at: now,
        expires_at: new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000),
      })
      .execute();
  });
  return token;
}

export async function setupTokenValid(
  db: Db,
  secret: string,
  token: string,
  now = new Date(),
): Promise<boolean> {
  const row = await db
    .selectFrom('setup_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash(secret, token))
    .executeTakeFirst();
  return !!row && row.used_at === null && row.expires_at > now;
}

/** Marks the token used; returns false when it was not valid (already used, expired or unknown). */
export async function consumeSetupToken(
  db: Db,
  secret: string,
  token: string,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable('setup_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash(secret, token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
