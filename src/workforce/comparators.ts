/**
 * DfE comparators for the workforce pages, from the children's social work workforce file (figures at 30
 * September, full-time equivalent): England, the council's region, its statistical neighbours' average, its
 * quartile band and rank, and the council's own published figure. Comparisons are cached until the stored
 * benchmark files (checked at most once a minute), the council or the neighbour model change.
 */
import { sql } from 'kysely';
import { comparatorsFor, type Comparison, type SnModel } from '../benchmarks/index.ts';
import type { Db } from '../store/database.ts';
import type { Settings } from '../store/settings.ts';
import { WORKFORCE_MEASURES } from './figures.ts';

export const DFE_WORKFORCE_CAVEAT =
  'DfE’s figures are for children and family social workers at 30 September each year, full-time equivalent ' +
  '(turnover and absence: the year to 30 September). The figures entered here are the council’s own for each ' +
  'quarter, so they compare with DfE’s only where they are counted the same way.';

export const DFE_CASELOAD_CAVEAT =
  'DfE divides the cases held by case-holding social workers at 30 September by their full-time equivalent; ' +
  'this page counts distinct children open in Annex A per named allocated worker on the snapshot’s as-at ' +
  'date, whatever their hours.';

const caches = new WeakMap<Db, Map<string, Promise<Comparison | null>>>();

/** How long a check of the stored benchmark files stands (a CLI import in another process shows within this). */
const FINGERPRINT_MS = 60_000;
const prints = new WeakMap<Db, { at: number; value: Promise<string> }>();

function fingerprint(db: Db): Promise<string> {
  const found = prints.get(db);
  if (found && Date.now() - found.at < FINGERPRINT_MS) return found.value;
  const value = readFingerprint(db);
  value.catch(() => prints.delete(db));
  prints.set(db, { at: Date.now(), value });
  return value;
}

async function readFingerprint(db: Db): Promise<string> {
  const row = await db
    .selectFrom('benchmark_sources')
    .select([sql<number>`count(*)`.as('n'), sql<string>`coalesce(max(imported_at)::text, '')`.as('at')])
    .executeTakeFirst();
  return `${row?.n ?? 0}@${row?.at ?? ''}`;
}

function cached(db: Db, key: string, run: () => Promise<Comparison | null>): Promise<Comparison | null> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let found = cache.get(key);
  if (!found) {
    found = run();
    found.catch(() => cache.delete(key));
    cache.set(key, found);
    if (cache.size > 64) cache.delete(cache.keys().next().value!);
  }
  return found;
}

function laAndModel(settings: Settings): { laCode: string; snModel: SnModel } | null {
  const laCode = String(settings.la_code ?? '').trim();
  if (!laCode) return null;
  return { laCode, snModel: settings.sn_model === '2021' ? '2021' : '2025' };
}

/** DfE's average caseload comparison for the council (null without an LA code or figures). */
export async function caseloadComparison(db: Db, settings: Settings): Promise<Comparison | null> {
  const la = laAndModel(settings);
  if (!la) return null;
  const key = `${await fingerprint(db)}|csww_caseload_fte|${la.laCode}|${la.snModel}`;
  return cached(db, key, () =>
    comparatorsFor(db, { measure: 'csww_caseload_fte', ...la, polarity: 'low_good' }),
  );
}

/** The comparison of each entered workforce measure that DfE publishes, by measure key. */
export async function workforceComparisons(
  db: Db,
  settings: Settings,
): Promise<Map<string, Comparison | null>> {
  const out = new Map<string, Comparison | null>();
  const la = laAndModel(settings);
  if (!la) return out;
  const print = await fingerprint(db);
  for (const m of WORKFORCE_MEASURES) {
    if (!m.dfe) continue;
    const measure = m.dfe;
    const polarity = m.kind === 'rate' ? 'low_good' : 'neutral';
    out.set(
      m.key,
      await cached(db, `${print}|${measure}|${la.laCode}|${la.snModel}`, () =>
        comparatorsFor(db, { measure, ...la, polarity }),
      ),
    );
  }
  return out;
}
