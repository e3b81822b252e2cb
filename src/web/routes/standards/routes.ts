/**
 * Local standards: every entry of STANDARDS (grouped by the part of the product that reads it) with its
 * default and the value in force, plus the benchmark choices (statistical neighbour model, population for
 * rates). Everyone with figures.view reads it; standards.manage changes it. Saved through updateSettings, which
 * records each change in change_log; the history is shown below.
 */
import type { Request, Response } from 'express';
import type { RouteRegistry } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { hasPermission } from '../../../auth/roles.ts';
import { actorOf } from '../../../auth/users.ts';
import {
  STANDARDS,
  parseStandard,
  type StandardDefinition,
  type StandardKey,
} from '../../../domain/standards.ts';
import { getSettings, updateSettings, type Settings } from '../../../store/settings.ts';
import { listChanges } from '../../../store/change-log.ts';

export const GROUP_TITLES: Record<string, string> = {
  indicators: 'Indicators',
  dashboard: 'Dashboard and caseloads',
  trackers: 'Trackers: warnings before a date is missed',
  recorded: 'Pre-proceedings and care proceedings',
};

const MAX_POPULATION = 5_000_000;
export const POPULATION_ERROR = `Enter the number of children aged 0 to 17 as a whole number from 0 to ${MAX_POPULATION.toLocaleString('en-GB')} (0 uses the ONS estimate)`;
const BENCHMARK_KEYS = ['sn_model', 'population_override'] as const;

function groups(settings: Settings, values: Record<string, string>) {
  const byGroup = new Map<string, { def: StandardDefinition; inForce: number; value: string }[]>();
  for (const def of STANDARDS as readonly StandardDefinition[]) {
    const list = byGroup.get(def.group) ?? [];
    list.push({
      def,
      inForce: Number(settings[def.key as StandardKey]),
      value: values[def.key] ?? String(settings[def.key as StandardKey]),
    });
    byGroup.set(def.group, list);
  }
  const order = Object.keys(GROUP_TITLES);
  return [...byGroup.entries()]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b))
    .map(([group, items]) => ({
      group,
      title: GROUP_TITLES[group] ?? group.charAt(0).toUpperCase() + group.slice(1).replaceAll('_', ' '),
      items,
    }));
}

export function registerStandardsRoutes(routes: RouteRegistry, services: Services): void {
  const keys = new Set<string>([...STANDARDS.map((s) => s.key), ...BENCHMARK_KEYS]);
  const labels = new Map<string, string>([
    ...STANDARDS.map((s) => [s.key, s.label] as [string, string]),
    ['sn_model', 'Statistical neighbour model'],
    ['population_override', 'Children aged 0 to 17 for rates'],
  ]);

  const render = async (
    req: Request,
    res: Response,
    extra: {
      status?: number;
      errors?: { text: string; href: string }[];
      values?: Record<string, string>;
    } = {},
  ) => {
    const settings = await getSettings(services.db);
    const history = (await listChanges(services.db, { entityType: 'setting', limit: 500 }))
      .filter((c) => keys.has(c.entity_id))
      .slice(0, 100)
      .map((c) => {
        const details = (typeof c.details === 'string' ? JSON.parse(c.details) : c.details) as {
          from?: unknown;
          to?: unknown;
        };
        return { ...c, label: labels.get(c.entity_id) ?? c.entity_id, from: details.from, to: details.to };
      });
    const values = extra.values ?? {};
    const canRecompute =
      hasPermission(req.user!.roles, 'standards.manage') && services.indicators !== undefined;
    res.status(extra.status ?? 200).render('standards/standards', {
      groups: groups(settings, values),
      settings,
      snModel: values.sn_model ?? settings.sn_model,
      population: values.population_override ?? String(settings.population_override),
      canManage: hasPermission(req.user!.roles, 'standards.manage'),
      history,
      errors: extra.errors,
      saved: req.query.saved === '1',
      recomputed: typeof req.query.recomputed === 'string' ? req.query.recomputed : null,
      latest: canRecompute ? await services.snapshots!.latest() : null,
    });
  };

  routes.get('/standards', 'figures.view', async (req, res) => {
    await render(req, res);
  });

  routes.post('/standards', 'standards.manage', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const errors: { text: string; href: string }[] = [];
    const values: Record<string, string> = {};
    const changes: Partial<Settings> = {};
    for (const def of STANDARDS) {
      const raw = text(def.key);
      values[def.key] = raw;
      const parsed = parseStandard(def.key, raw);
      if ('error' in parsed) errors.push({ text: parsed.error, href: `#${def.key}` });
      else (changes as Record<string, number>)[def.key] = parsed.value;
    }
    const snModel = text('sn_model');
    values.sn_model = snModel;
    if (snModel === '2025' || snModel === '2021') changes.sn_model = snModel;
    else errors.push({ text: 'Choose the 2025 or the 2021 statistical neighbour model', href: '#sn_model' });
    const population = text('population_override').trim().replace(/,/g, '');
    values.population_override = text('population_override');
    if (/^\d{1,7}$/.test(population) && Number(population) <= MAX_POPULATION) {
      changes.population_override = Number(population);
    } else errors.push({ text: POPULATION_ERROR, href: '#population_override' });
    if (errors.length) return render(req, res, { status: 400, errors, values });
    await updateSettings(services.db, actorOf(req.user), changes);
    res.redirect(303, '/standards?saved=1');
  });

  /**
   * Figures keep the standards they were computed with; this computes the latest snapshot's indicators (and
   * drift and delay trackers) again with the standards in force now.
   */
  routes.post('/standards/recompute', 'standards.manage', async (req, res) => {
    const latest = await services.snapshots?.latest();
    if (!latest || !services.indicators) return res.redirect(303, '/standards');
    await services.indicators.compute(latest.id);
    await services.trackers?.recompute(latest.id);
    res.redirect(303, `/standards?recomputed=${encodeURIComponent(latest.asAt)}`);
  });
}
