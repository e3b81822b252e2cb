import type { Command } from 'commander';
import { ROLES, isRole, type Role } from '../auth/roles.ts';
import {
  UserError,
  createTeam,
  createUser,
  findUserByEmail,
  listTeams,
  listUsers,
  updateUser,
} from '../auth/users.ts';
import { passwordProblem } from '../auth/passwords.ts';
import { CommandError, UsageError, cliActor, readStdin, withDatabase } from './context.ts';

function collect(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage user accounts');

  user
    .command('add')
    .description('add a user (roles: ' + ROLES.join(', ') + ')')
    .requiredOption('--email <email>', 'their email address (their sign-in name)')
    .requiredOption('--name <name>', 'their full name')
    .requiredOption('--role <role>', 'a role; repeat or comma-separate for several', collect, [])
    .option('--team <team>', 'a team (added if new); repeat for several', collect, [])
    .option('--expires <date>', 'access ends at the end of this day (YYYY-MM-DD); required for inspectors')
    .option('--password-stdin', 'read their password from standard input (else they use single sign-on)')
    .action(
      async (options: {
        email: string;
        name: string;
        role: string[];
        team: string[];
        expires?: string;
        passwordStdin?: boolean;
      }) => {
        const bad = options.role.filter((r) => !isRole(r));
        if (bad.length)
          throw new UsageError(`Unknown role "${bad.join('", "')}". Roles are: ${ROLES.join(', ')}`);
        let expires: Date | null = null;
        if (options.expires) {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(options.expires))
            throw new UsageError('--expires must be a date like 2026-12-18');
          expires = new Date(`${options.expires}T23:59:59Z`);
        }
        let password: string | null = null;
        if (options.passwordStdin) {
          password = await readStdin();
          const problem = passwordProblem(password);
          if (problem) throw new CommandError(problem);
        }
        await withDatabase(async ({ db }) => {
          try {
            const existing = new Set((await listTeams(db)).map((t) => t.name));
            for (const team of options.team) if (!existing.has(team)) await createTeam(db, cliActor(), team);
            const created = await createUser(db, cliActor(), {
              email: options.email,
              name: options.name,
              roles: options.role as Role[],
              teams: options.team,
              password,
              accessExpiresAt: expires,
            });
            console.log(`Added ${created.name} <${created.email}> with roles ${created.roles.join(', ')}`);
          } catch (error) {
            if (error instanceof UserError) throw new CommandError(error.message);
            throw error;
          }
        });
      },
    );

  user
    .command('list')
    .description('list users with their roles and teams')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const users = await listUsers(db);
        if (options.json) {
          console.log(
            JSON.stringify(
              users.map((u) => ({
                email: u.email,
                name: u.name,
                roles: u.roles,
                teams: u.teams.map((t) => t.name),
                active: u.active,
                access_expires_at: u.accessExpiresAt?.toISOString() ?? null,
              })),
              null,
              2,
            ),
          );
          return;
        }
        if (!users.length) console.log('No users yet.');
        for (const u of users) {
          const status = u.active
            ? u.accessExpiresAt
              ? `until ${u.accessExpiresAt.toISOString().slice(0, 10)}`
              : 'active'
            : 'disabled';
          console.log(
            `${u.email}\t${u.name}\t${u.roles.join(',')}\t${u.teams.map((t) => t.name).join(',')}\t${status}`,
          );
        }
      });
    });

  user
    .command('disable')
    .description('disable a user: they cannot sign in and their sessions end')
    .requiredOption('--email <email>', 'the user to disable')
    .action(async (options: { email: string }) => {
      await withDatabase(async ({ db }) => {
        const found = await findUserByEmail(db, options.email);
        if (!found) throw new CommandError(`There is no user with the email ${options.email}`);
        await updateUser(db, cliActor(), found.id, { active: false });
        console.log(`Disabled ${found.email}`);
      });
    });
}
