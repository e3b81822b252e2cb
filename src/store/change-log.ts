import type { Db } from './database.ts';

export interface Actor {
  id: number | null;
  email: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system' };

/** Records a change to a non-child record (users, roles, teams, settings, mappings…): who, when, what. */
export async function recordChange(
  db: Db,
  actor: Actor,
  entry: { entityType: string; entityId: string | number; action: string; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('change_log')
    .values({
      actor_user_id: actor.id,
      actor_email: actor.email,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export async function listChanges(
  db: Db,
  filter: { entityType?: string; entityId?: string; limit?: number } = {},
) {
  let query = db.selectFrom('change_log').selectAll().orderBy('id', 'desc');
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  return query.limit(filter.limit ?? 200).execute();
}
