import type { User } from '../../../auth/users.ts';
import { childScope } from '../../../auth/roles.ts';
import type { TimelineEntry } from '../../../analytics/store.ts';

/**
 * Whether a user may see this child's record, from the child's rows in the snapshot:
 *  - roles that see every child (analyst, director, service and QA leads, inspectors, admins): yes;
 *  - team managers: when any of the child's rows is allocated to one of their teams;
 *  - social workers: when any row names them (their user name) as allocated worker;
 *  - reviewing officers (IROs, CP chairs): children on a child protection plan (list 7) or looked
 *    after (list 8), the children they review — Annex A does not name the reviewing officer;
 *  - elected members: never.
 */
export function mayViewChild(user: User, rows: TimelineEntry[]): boolean {
  const scope = childScope(user.roles);
  const text = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
  switch (scope.kind) {
    case 'all':
      return true;
    case 'teams': {
      const teams = new Set(user.teams.map((t) => t.name.trim().toLowerCase()));
      return rows.some((r) => teams.has(text(r.values.allocated_team)));
    }
    case 'own':
      return rows.some((r) => text(r.values.allocated_worker) === user.name.trim().toLowerCase());
    case 'reviewed':
      return rows.some((r) => r.list === 7 || r.list === 8);
    default:
      return false;
  }
}
