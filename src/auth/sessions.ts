import type { Db } from '../store/database.ts';
import { randomToken, tokenHash } from './tokens.ts';

export interface SessionRecord {
  idHash: string;
  userId: number | null;
  csrfToken: string;
  data: Record<string, unknown>;
  createdAt: Date;
  signedInAt: Date | null;
  lastSeenAt: Date;
}

export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly secret: string,
  ) {}

  /** Starts a session (anonymous when userId is null). Returns the cookie value. */
  async create(
    userId: number | null,
    data: Record<string, unknown> = {},
  ): Promise<{ token: string; record: SessionRecord }> {
    const token = randomToken();
    const now = new Date();
    const record: SessionRecord = {
      idHash: tokenHash(this.secret, token),
      userId,
      csrfToken: randomToken(),
      data,
      createdAt: now,
      signedInAt: userId === null ? null : now,
      lastSeenAt: now,
    };
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: record.idHash,
        user_id: userId,
        csrf_token: record.csrfToken,
        data: JSON.stringify(data),
        created_at: now,
        signed_in_at: record.signedInAt,
        last_seen_at: now,
      })
      .execute();
    return { token, record };
  }

  /** Loads a live session, or null when unknown or expired (an expired one is removed). */
  async load(token: string, limits: SessionLimits, now = new Date()): Promise<SessionRecord | null> {
    const idHash = tokenHash(this.secret, token);
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return null;
    const idleExpired = now.getTime() - row.last_seen_at.getTime() > limits.idleMinutes * 60_000;
    const absoluteExpired = now.getTime() - row.created_at.getTime() > limits.absoluteHours * 3_600_000;
    if (idleExpired || absoluteExpired) {
      await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return null;
    }
    return {
      idHash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      data: row.data,
      createdAt: row.created_at,
      signedInAt: row.signed_in_at,
      lastSeenAt: row.last_seen_at,
    };
  }

  /** Marks activity; written at most once a minute to spare the database. */
  async touch(record: SessionRecord, now = new Date()): Promise<void> {
    if (now.getTime() - record.lastSeenAt.getTime() < 60_000) return;
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id_hash', '=', record.idHash)
      .execute();
    record.lastSeenAt = now;
  }

  async saveData(record: SessionRecord): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ data: JSON.stringify(record.data) })
      .where('id_hash', '=', record.idHash)
      .execute();
  }

  async destroy(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Removes sessions past either limit. */
  async sweep(limits: SessionLimits, now = new Date()): Promise<number> {
    const idle = new Date(now.getTime() - limits.idleMinutes * 60_000);
    const absolute = new Date(now.getTime() - limits.absoluteHours * 3_600_000);
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('last_seen_at', '<', idle), eb('created_at', '<', absolute)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
