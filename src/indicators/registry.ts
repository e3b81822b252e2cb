/** Every indicator definition, by area, checked once for unique ids and complete metadata. */
import { ADOPTION } from './definitions/adoption.ts';
import { CARE_LEAVERS } from './definitions/care-leavers.ts';
import { CHILD_PROTECTION } from './definitions/child-protection.ts';
import { CHILDREN_IN_CARE } from './definitions/children-in-care.ts';
import { FRONT_DOOR } from './definitions/front-door.ts';
import { WORKFORCE } from './definitions/workforce.ts';
import type { IndicatorDefinition } from './types.ts';

const ID = /^[a-z][a-z0-9_]*$/;

function checked(defs: readonly IndicatorDefinition[]): readonly IndicatorDefinition[] {
  const seen = new Set<string>();
  for (const d of defs) {
    if (!ID.test(d.id)) throw new Error(`Indicator id ${JSON.stringify(d.id)} is not snake_case`);
    if (seen.has(d.id)) throw new Error(`Indicator ${d.id} is defined twice`);
    seen.add(d.id);
    if (!d.title || !d.definition || !d.source)
      throw new Error(`Indicator ${d.id} needs a title, definition and source`);
    const unitFits =
      (d.aggregate === 'share' && d.unit === 'percent') ||
      (d.aggregate === 'rate' && d.unit === 'rate_per_10k') ||
      (d.aggregate === 'count' && d.unit === 'count') ||
      (d.aggregate === 'mean' && ['days', 'working_days', 'count'].includes(d.unit));
    if (!unitFits) throw new Error(`Indicator ${d.id}: unit ${d.unit} does not fit aggregate ${d.aggregate}`);
  }
  return defs;
}

export const INDICATORS: readonly IndicatorDefinition[] = checked([
  ...FRONT_DOOR,
  ...CHILD_PROTECTION,
  ...CHILDREN_IN_CARE,
  ...CARE_LEAVERS,
  ...ADOPTION,
  ...WORKFORCE,
]);

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}
