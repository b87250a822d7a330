// `set-role`: promote or demote a user by email.
import { BadUserInputError } from '../platform/errors.js';
import { checkNotLastAdmin, parseRole } from '../services/input.js';
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
    'A running server sees the new role within SESSION_CACHE_TTL (default 5s);',
    "the user's existing tokens carry on with the new role.",
  ].join('\n'),
  options: { email: { type: 'string' }, role: { type: 'string' } },
  async run(values, open, io) {
    const given = requiredOption(values, 'email');
    const role = parseRole(requiredOption(values, 'role'));
    const { users, clock, emails } = await open();
    const email = emails.normalize(given);
    const user = await users.findByEmail(email);
    if (!user) throw new BadUserInputError('email', `No user has the email ${email}`);
    if (role !== 'ADMIN') checkNotLastAdmin(user, await users.countAdmins(), 'role', 'demote');
    const updated = await users.setRole(user.id, role, clock.now());
    // Deleted between the two statements: say so rather than claim success.
    if (!updated) throw new BadUserInputError('email', `No user has the email ${email}`);
    io.stdout.write(user.role === role ? `${email} is already ${role}\n` : `${email} is now ${role} (was ${user.role})\n`);
  },
};
