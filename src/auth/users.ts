import type { Db } from '../store/database.ts';
import { recordChange, type Actor } from '../store/change-log.ts';
import { isRole, type Role } from './roles.ts';
import { hashPassword } from './passwords.ts';

export interface User {
  id: number;
  email: string;
  name: string;
  active: boolean;
  accessExpiresAt: Date | null;
  roles: Role[];
  teams: { id: number; name: string }[];
  hasPassword: boolean;
}

export class UserError extends Error {}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailProblem(email: string): string | null {
  if (!email) return 'Enter an email address';
  if (!EMAIL.test(email)) return 'Enter an email address in the correct format, like name@example.gov.uk';
  return null;
}

async function loadUsers(db: Db, ids: number[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const [users, roles, teams] = await Promise.all([
    db.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('name').execute(),
    db.selectFrom('user_roles').selectAll().where('user_id', 'in', ids).execute(),
    db
      .selectFrom('user_teams')
      .innerJoin('teams', 'teams.id', 'user_teams.team_id')
      .select(['user_teams.user_id', 'teams.id', 'teams.name'])
      .where('user_teams.user_id', 'in', ids)
      .orderBy('teams.name')
      .execute(),
  ]);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    active: u.active,
    accessExpiresAt: u.access_expires_at,
    hasPassword: u.password_hash !== null,
    roles: roles.filter((r) => r.user_id === u.id && isRole(r.role)).map((r) => r.role as Role),
    teams: teams.filter((t) => t.user_id === u.id).map((t) => ({ id: t.id, name: t.name })),
  }));
}

export async function getUser(db: Db, id: number): Promise<User | null> {
  return (await loadUsers(db, [id]))[0] ?? null;
}

export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<(User & { passwordHash: string | null }) | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  if (!row) return null;
  const user = (await loadUsers(db, [row.id]))[0]!;
  return { ...user, passwordHash: row.password_hash };
}

export async function listUsers(db: Db): Promise<User[]> {
  const ids = await db.selectFrom('users').select('id').execute();
  return loadUsers(
    db,
    ids.map((r) => r.id),
  );
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A user can sign in when active and, for time-boxed access, not past their expiry. */
export function canSignIn(user: Pick<User, 'active' | 'accessExpiresAt'>, now = new Date()): boolean {
  return user.active && (user.accessExpiresAt === null || user.accessExpiresAt > now);
}

export interface UserInput {
  email: string;
  name: string;
  roles: Role[];
  teams?: string[];
  password?: string | null;
  accessExpiresAt?: Date | null;
}

function checkRoles(roles: Role[], accessExpiresAt: Date | null | undefined): void {
  if (roles.length === 0) throw new UserError('Select at least one role');
  if (roles.includes('inspector') && !accessExpiresAt) {
    throw new UserError('Inspector access is time-boxed: give the date it ends');
  }
}

async function teamIds(db: Db, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const existing = await db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) ids.push(existing.id);
    else throw new UserError(`There is no team called "${name}"; add it on the teams page first`);
  }
  return ids;
}

export async function createUser(db: Db, actor: Actor, input: UserInput): Promise<User> {
  const email = normaliseEmail(input.email);
  const problem = emailProblem(email);
  if (problem) throw new UserError(problem);
  if (!input.name.trim()) throw new UserError('Enter the person’s name');
  checkRoles(input.roles, input.accessExpiresAt);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = await db.transaction().execute(async (tx) => {
    const exists = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (exists) throw new UserError(`A user with the email ${email} already exists`);
    const ids = await teamIds(tx, input.teams ?? []);
    const row = await tx
      .insertInto('users')
      .values({
        email,
        name: input.name.trim(),
        password_hash: passwordHash,
        access_expires_at: input.accessExpiresAt ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('user_roles')
      .values(input.roles.map((role) => ({ user_id: row.id, role })))
      .execute();
    if (ids.length) {
      await tx
        .insertInto('user_teams')
        .values(ids.map((team_id) => ({ user_id: row.id, team_id })))
        .execute();
    }
    await recordChange(tx, actor, {
      entityType: 'user',
      entityId: row.id,
      action: 'create',
      details: {
        email,
        roles: input.roles,
        teams: input.teams ?? [],
        accessExpiresAt: input.accessExpiresAt?.toISOString() ?? null,
      },
    });
    return row.id;
  });
  return (await getUser(db, id))!;
}

export interface UserUpdate {
  name?: string;
  roles?: Role[];
  teams?: string[];
  active?: boolean;
  accessExpiresAt?: Date | null;
}

export async function updateUser(db: Db, actor: Actor, id: number, update: UserUpdate): Promise<User> {
  await db.transaction().execute(async (tx) => {
    const before = await getUser(tx, id);
    if (!before) throw new UserError(`There is no user with id ${id}`);
    const roles = update.roles ?? before.roles;
    const expiry = update.accessExpiresAt !== undefined ? update.accessExpiresAt : before.accessExpiresAt;
    checkRoles(roles, expiry);
    if (actor.id === id && before.roles.includes('admin') && !roles.includes('admin')) {
      throw new UserError('You cannot remove your own administrator role');
    }
    if (actor.id === id && update.active === false)
      throw new UserError('You cannot disable your own account');
    const changes: Record<string, unknown> = {};
    const values: Record<string, unknown> = {};
    if (update.name !== undefined && update.name.trim() !== before.name) {
      values.name = update.name.trim();
      changes.name = { from: before.name, to: values.name };
    }
    if (update.active !== undefined && update.active !== before.active) {
      values.active = update.active;
      changes.active = { from: before.active, to: update.active };
    }
    if (
      update.accessExpiresAt !== undefined &&
      update.accessExpiresAt?.getTime() !== before.accessExpiresAt?.getTime()
    ) {
      values.access_expires_at = update.accessExpiresAt;
      changes.accessExpiresAt = {
        from: before.accessExpiresAt?.toISOString() ?? null,
        to: update.accessExpiresAt?.toISOString() ?? null,
      };
    }
    if (Object.keys(values).length) {
      await tx
        .updateTable('users')
        .set({ ...values, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    }
    if (update.roles) {
      const sorted = [...new Set(update.roles)].sort();
      if (sorted.join() !== [...before.roles].sort().join()) {
        await tx.deleteFrom('user_roles').where('user_id', '=', id).execute();
        await tx
          .insertInto('user_roles')
          .values(sorted.map((role) => ({ user_id: id, role })))
          .execute();
        changes.roles = { from: before.roles, to: sorted };
      }
    }
    if (update.teams) {
      const ids = await teamIds(tx, update.teams);
      const beforeIds = before.teams.map((t) => t.id).sort();
      if ([...ids].sort().join() !== beforeIds.join()) {
        await tx.deleteFrom('user_teams').where('user_id', '=', id).execute();
        if (ids.length) {
          await tx
            .insertInto('user_teams')
            .values(ids.map((team_id) => ({ user_id: id, team_id })))
            .execute();
        }
        changes.teams = { from: before.teams.map((t) => t.name), to: update.teams };
      }
    }
    if (update.active === false || changes.roles) {
      // Disabling a user or changing their roles ends their sessions.
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    if (Object.keys(changes).length) {
      await recordChange(tx, actor, { entityType: 'user', entityId: id, action: 'update', details: changes });
    }
  });
  return (await getUser(db, id))!;
}

export async function setPassword(db: Db, actor: Actor, id: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordChange(tx, actor, { entityType: 'user', entityId: id, action: 'set password' });
  });
}

export async function listTeams(db: Db) {
  return db.selectFrom('teams').selectAll().orderBy('name').execute();
}

export async function createTeam(db: Db, actor: Actor, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new UserError('Enter a team name');
  if (trimmed.length > 120) throw new UserError('Team name must be 120 characters or fewer');
  await db.transaction().execute(async (tx) => {
    const exists = await tx.selectFrom('teams').select('id').where('name', '=', trimmed).executeTakeFirst();
    if (exists) throw new UserError(`There is already a team called "${trimmed}"`);
    const row = await tx
      .insertInto('teams')
      .values({ name: trimmed })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(tx, actor, {
      entityType: 'team',
      entityId: row.id,
      action: 'create',
      details: { name: trimmed },
    });
  });
}

export function actorOf(user: Pick<User, 'id' | 'email'> | null | undefined): Actor {
  return user ? { id: user.id, email: user.email } : { id: null, email: null };
}
