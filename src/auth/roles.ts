/** The roles a user can hold (several at once) and what each may do. Enforced on the server. */
export const ROLES = [
  'admin',
  'analyst',
  'director',
  'service_manager',
  'team_manager',
  'qa_lead',
  'reviewing_officer',
  'social_worker',
  'member',
  'inspector',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { label: string; description: string }> = {
  admin: {
    label: 'Administrator',
    description: 'Manages users, roles, teams and settings; reads the access log.',
  },
  analyst: { label: 'Performance analyst', description: 'Imports data, manages indicators; sees all data.' },
  director: { label: 'Director', description: 'Reads everything, all teams; changes nothing.' },
  service_manager: {
    label: 'Service manager',
    description: "Sees all teams' children and figures in their service.",
  },
  team_manager: { label: 'Team manager', description: "Sees their own team(s)' children and figures." },
  qa_lead: { label: 'Quality assurance lead', description: 'Runs case audits across teams.' },
  reviewing_officer: {
    label: 'Reviewing officer (IRO / CP chair)',
    description: 'Sees the children they review; raises practice alerts.',
  },
  social_worker: { label: 'Social worker', description: 'Sees their own allocated children.' },
  member: { label: 'Elected member', description: 'Sees aggregate figures only, never a child-level row.' },
  inspector: {
    label: 'Inspector',
    description: 'Time-boxed read-only access granted for an inspection; expires automatically.',
  },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Permissions are what routes ask for; roles grant them. A route names one permission, so the
 * authorisation matrix can be read from this table and tested route by route.
 */
export const PERMISSIONS = {
  /** Manage users, roles, teams and settings. */
  'admin.manage': ['admin'],
  /** Search and export the access log. */
  'admin.access_log': ['admin'],
  /** Aggregate figures (dashboards, counts). Every signed-in role. */
  'figures.view': ROLES,
  /** Child-level rows and drill-downs, limited further by scope (own children, own teams, all). */
  'children.view': [
    'admin',
    'analyst',
    'director',
    'service_manager',
    'team_manager',
    'qa_lead',
    'reviewing_officer',
    'social_worker',
    'inspector',
  ],
  /** Data-quality reports of imports (they quote child ids and values): roles that see every child. */
  'data.quality': ['admin', 'analyst', 'director', 'service_manager', 'qa_lead', 'inspector'],
  /** Import data, re-derive snapshots, map local codes. */
  'data.import': ['analyst'],
  /** Export a whole snapshot as an Annex A workbook (every child's record). */
  'data.export': ['analyst', 'director'],
  /** Delete a snapshot. */
  'data.delete': ['admin'],
  /** Change local standards (visit intervals, caseload standard, tracker windows…) and benchmark choices. */
  'standards.manage': ['admin', 'analyst'],
  /** Import DfE benchmark statistics and enter workforce figures. */
  'benchmarks.manage': ['analyst'],
  /** Raise and escalate practice alerts on a child (IROs and CP chairs). */
  'alerts.raise': ['reviewing_officer'],
  /** Record and update pre-proceedings and care proceedings trackers. */
  'proceedings.record': ['service_manager', 'team_manager', 'social_worker', 'analyst'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed = PERMISSIONS[permission] as readonly Role[];
  return roles.some((role) => allowed.includes(role));
}

/** How far a user's child-level view reaches. */
export type ChildScope =
  { kind: 'all' } | { kind: 'teams' } | { kind: 'own' } | { kind: 'reviewed' } | { kind: 'none' };

export function childScope(roles: readonly Role[]): ChildScope {
  if (
    roles.some((r) => ['admin', 'analyst', 'director', 'service_manager', 'qa_lead', 'inspector'].includes(r))
  ) {
    return { kind: 'all' };
  }
  if (roles.includes('team_manager')) return { kind: 'teams' };
  if (roles.includes('reviewing_officer')) return { kind: 'reviewed' };
  if (roles.includes('social_worker')) return { kind: 'own' };
  return { kind: 'none' };
}
