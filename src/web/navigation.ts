import type { Request } from 'express';
import { hasPermission, type Permission } from '../auth/roles.ts';

/** The service navigation: each item is shown only to users whose roles grant its permission. */
export interface NavItem {
  href: string;
  text: string;
  access: 'signed-in' | Permission;
}

export const NAVIGATION: NavItem[] = [
  { href: '/', text: 'Home', access: 'signed-in' },
  { href: '/performance', text: 'Performance', access: 'figures.view' },
  { href: '/snapshots', text: 'Data', access: 'figures.view' },
  { href: '/trackers', text: 'Drift and delay', access: 'figures.view' },
  { href: '/standards', text: 'Standards', access: 'figures.view' },
  { href: '/my-work', text: 'My work', access: 'signed-in' },
  { href: '/plo', text: 'Proceedings', access: 'children.view' },
  { href: '/alerts', text: 'Alerts', access: 'children.view' },
  { href: '/admin/users', text: 'Users', access: 'admin.manage' },
  { href: '/admin/access-log', text: 'Access log', access: 'admin.access_log' },
  { href: '/admin/settings', text: 'Settings', access: 'admin.manage' },
];

export function navigationFor(req: Request) {
  const user = req.user;
  if (!user) return [];
  return NAVIGATION.filter(
    (item) => item.access === 'signed-in' || hasPermission(user.roles, item.access),
  ).map((item) => ({
    href: item.href,
    text: item.text,
    active: item.href === '/' ? req.path === '/' : req.path.startsWith(item.href),
  }));
}
