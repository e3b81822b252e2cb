/** What the recorded tracker routes share: the service, access logging, user choices, error handling. */
import type { Request } from 'express';
import type { Services } from '../../services.ts';
import { actorOf } from '../../../auth/users.ts';
import { recordAccess, type AccessAction } from '../../../auth/access-log.ts';
import { ROLE_LABELS, type Role } from '../../../auth/roles.ts';
import { NotFoundError } from '../../route-registry.ts';
import type { RecordedTrackers } from '../../../trackers/plo/recorded.ts';
import { norm } from '../../../trackers/plo/scope.ts';
import type { Rag } from '../../../trackers/plo/flags.ts';
import { hasPermission } from '../../../auth/roles.ts';
import { str } from './forms.ts';

export function recordedOf(services: Services): RecordedTrackers {
  if (!services.recorded) throw new Error('The recorded trackers service is not configured');
  return services.recorded;
}

/** The numeric id in the path, or a 404. */
export function idParam(req: Request): number {
  const text = String(req.params.id ?? '');
  if (!/^\d{1,9}$/.test(text)) throw new NotFoundError();
  return Number(text);
}

/** Logs a view (or change) of an item: one entry per child, subject type 'child'. */
export async function logChildren(
  services: Services,
  req: Request,
  action: AccessAction,
  what: string,
  childIds: readonly string[],
  details: Record<string, unknown> = {},
): Promise<void> {
  for (const childId of childIds) {
    await recordAccess(services.db, actorOf(req.user), {
      action,
      what,
      subjectType: 'child',
      subjectId: childId,
      correlationId: req.correlationId,
      details,
    });
  }
}

/** Logs a view of a list of children (one entry naming every child shown). */
export async function logList(
  services: Services,
  req: Request,
  what: string,
  childIds: readonly string[],
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAccess(services.db, actorOf(req.user), {
    action: 'view',
    what,
    subjectType: 'list',
    subjectId: null,
    correlationId: req.correlationId,
    details: { ...details, children: [...new Set(childIds)] },
  });
}

export interface UserChoice {
  value: string;
  text: string;
  selected: boolean;
}

/** Active users who work with children's records, for the "allocated worker" and recipient selects. */
export async function userChoices(services: Services, selected?: number | null): Promise<UserChoice[]> {
  const users = await recordedOf(services).alerts.recipients();
  return [
    { value: '', text: 'Choose someone', selected: !selected },
    ...users.map((u) => ({
      value: String(u.id),
      text: `${u.name} (${u.roles.map((r) => ROLE_LABELS[r as Role]?.label ?? r).join(', ')})`,
      selected: u.id === selected,
    })),
  ];
}

/** The teams set up in Oversight, for the team select. */
export async function teamChoices(services: Services, selected?: string | null) {
  const teams = await services.db.selectFrom('teams').select('name').orderBy('name').execute();
  return [
    { value: '', text: 'Not recorded', selected: !selected },
    ...teams.map((t) => ({ value: t.name, text: t.name, selected: norm(t.name) === norm(selected) })),
  ];
}

/** Marks the chosen option in a list of {value, text}. */
export function options(map: Record<string, string>, selected: string | null | undefined, empty?: string) {
  return [
    ...(empty !== undefined ? [{ value: '', text: empty, selected: !selected }] : []),
    ...Object.entries(map).map(([value, text]) => ({ value, text, selected: value === selected })),
  ];
}

/** Radio items from a map, checked when the value matches. */
export function radios(map: Record<string, string>, checked: string | null | undefined) {
  return Object.entries(map).map(([value, text]) => ({ value, text, checked: value === checked }));
}

/** The filter of the pre-proceedings and care proceedings lists: RAG, team, open or closed. */
export type CaseListFilter = {
  rag: Rag | undefined;
  team: string | undefined;
  status: 'open' | 'closed' | 'all';
};

/** Reads the list filter from the query string (open cases unless asked otherwise). */
export function caseListFilter(req: Request): CaseListFilter {
  const q = req.query as Record<string, string | undefined>;
  return {
    rag: (['red', 'amber', 'green'] as const).includes(q.rag as Rag) ? (q.rag as Rag) : undefined,
    team: str(q.team) || undefined,
    status: (['open', 'closed', 'all'] as const).find((s) => s === q.status) ?? 'open',
  };
}

/** The filter's choices and whether the user may record, for a case list page. */
export async function caseListChoices(services: Services, req: Request, filter: CaseListFilter) {
  return {
    teams: await teamChoices(services, filter.team),
    canRecord: hasPermission(req.user!.roles, 'proceedings.record'),
    ragOptions: options({ red: 'Red', amber: 'Amber', green: 'Green' }, filter.rag, 'Any'),
    statusOptions: options({ open: 'Open', closed: 'Closed', all: 'Open and closed' }, filter.status),
  };
}
