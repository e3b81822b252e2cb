import type { Db } from './database.ts';
import { recordChange, type Actor } from './change-log.ts';
import { STANDARD_DEFAULTS } from '../domain/standards.ts';

/** Settings an administrator can change in the app, with their defaults. */
export const SETTING_DEFAULTS = {
  council_name: 'Demo Borough Council',
  la_code: '',
  session_idle_minutes: 30,
  /** the statistical neighbour model benchmarks use: '2025' (DfE's current) or '2021' */
  sn_model: '2025',
  /**
   * Children aged 0–17 used for rates per 10,000 instead of the ONS estimate for `la_code`; 0 means use ONS.
   * The synthetic demo council sets it, since its 3,000 children stand for a smaller population than any
   * real council's.
   */
  population_override: 0,
  /** Practice alert escalation stages, in order, separated by semicolons (the first is the stage an alert starts at). */
  alert_stage_names: 'Informal; Formal to team manager; Service manager; Head of service; Director',
  ...STANDARD_DEFAULTS,
} as const;
export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type Settings = {
  -readonly [K in SettingKey]: (typeof SETTING_DEFAULTS)[K] extends number ? number : string;
};

/**
 * Settings are read on every request (the idle time-out, the council's name), so they are kept for a moment:
 * this process sees its own changes at once (updateSettings clears the copy); another process sharing the
 * database (a second server on PostgreSQL) sees them within SETTINGS_CACHE_MS.
 */
export const SETTINGS_CACHE_MS = 2_000;
const cached = new WeakMap<Db, { at: number; settings: Settings }>();

export async function getSettings(db: Db): Promise<Settings> {
  const hit = cached.get(db);
  if (hit && Date.now() - hit.at < SETTINGS_CACHE_MS) return { ...hit.settings };
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const settings: Record<string, unknown> = { ...SETTING_DEFAULTS };
  for (const row of rows) if (row.key in SETTING_DEFAULTS) settings[row.key] = row.value;
  cached.set(db, { at: Date.now(), settings: settings as Settings });
  return { ...(settings as Settings) };
}

export async function updateSettings(db: Db, actor: Actor, changes: Partial<Settings>): Promise<void> {
  cached.delete(db);
  await db.transaction().execute(async (tx) => {
    const before = await getSettings(tx);
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in SETTING_DEFAULTS) || value === undefined) continue;
      if (before[key as SettingKey] === value) continue;
      await tx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updated_by: actor.id })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({ value: JSON.stringify(value), updated_by: actor.id, updated_at: new Date() }),
        )
        .execute();
      await recordChange(tx, actor, {
        entityType: 'setting',
        entityId: key,
        action: 'update',
        details: { from: before[key as SettingKey], to: value },
      });
    }
  });
  cached.delete(db);
}
