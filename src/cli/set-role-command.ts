// `set-role`: promote or demote a user by email, through the same service as
// setUserRole: the last-admin guard, the role.changed audit event, and the
// user's cached sessions dropped on every running server.
import { BadUserInputError } from '../platform/errors.js';
import { operator } from '../platform/request-context.js';
import { parseRole } from '../services/input.js';
import { requiredOption, type CliCommand } from './cli-command.js';

export const setRoleCommand: CliCommand = {
  name: 'set-role',
  summary: "Change a user's role",
  help: [
    'Usage: npm run cli -- set-role --email <email> --role USER|ADMIN',
    '',
    '  --email  the user to change',
    '  --role   USER or ADMIN',
    '',
    'With REDIS_URL set, every running server sees the new role on the',
    "user's next request; without it, a running server sees it within",
    "SESSION_CACHE_TTL (default 5s). The user's existing tokens carry on with",
    'the new role. The role.changed audit event goes to stderr.',
  ].join('\n'),
  options: { email: { type: 'string' }, role: { type: 'string' } },
  async run(values, open, io) {
    const given = requiredOption(values, 'email');
    const role = parseRole(requiredOption(values, 'role'));
    const { users, emails, origin } = await open();
    const email = emails.normalize(given);
    const user = await users.byEmail(email);
    const noSuchUser = () => new BadUserInputError('email', `No user has the email ${email}`);
    if (!user) throw noSuchUser();
    try {
      await users.setRole(operator, user.id, role, origin);
    } catch (error) {
      // Deleted since it was found: say so in the flag's terms rather than the API's.
      throw error instanceof BadUserInputError && error.field === 'userId' ? noSuchUser() : error;
    }
    io.stdout.write(user.role === role ? `${email} is already ${role}\n` : `${email} is now ${role} (was ${user.role})\n`);
  },
};
