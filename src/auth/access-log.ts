import type { Db } from '../store/database.ts';
import type { Actor } from '../store/change-log.ts';

export type AccessAction = 'view' | 'export' | 'change' | 'delete';

export interface AccessEntry {
  action: AccessAction;
  /** What was looked at, e.g. "child timeline", "indicator drill-down: cp_rate_per_10k". */
  what: string;
  /** "child" for one child's record, "list" for a list of children, "snapshot", … */
  subjectType: string;
  subjectId?: string | null;
  correlationId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the access log. The table refuses updates and deletes (trigger, and grants on PostgreSQL). */
export async function recordAccess(db: Db, actor: Actor, entry: AccessEntry): Promise<void> {
  await db
    .insertInto('access_log')
    .values({
      user_id: actor.id,
      user_email: actor.email,
      action: entry.action,
      what: entry.what,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      correlation_id: entry.correlationId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AccessLogFilter {
  subject?: string;
  user?: string;
  since?: string;
  limit?: number;
  offset?: number;
}

export async function searchAccessLog(db: Db, filter: AccessLogFilter) {
  let query = db.selectFrom('access_log').selectAll();
  if (filter.subject) query = query.where('subject_id', '=', filter.subject);
  if (filter.user) query = query.where('user_email', '=', filter.user.toLowerCase());
  if (filter.since) query = query.where('at', '>=', new Date(`${filter.since}T00:00:00Z`));
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
  return { total: Number(total.n), rows };
}

export const ACCESS_LOG_COLUMNS = [
  'id',
  'at',
  'user_email',
  'action',
  'what',
  'subject_type',
  'subject_id',
  'correlation_id',
  'details',
] as const;
