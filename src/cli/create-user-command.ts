// `create-user`: how the first ADMIN comes to exist (signup only makes USERs).
import { parseRole } from '../services/input.js';
import { requiredOption, stringOption, type CliCommand } from './cli-command.js';
import { readPassword } from './read-password.js';

export const createUserCommand: CliCommand = {
  name: 'create-user',
  summary: 'Create a user with a role (how the first ADMIN is made)',
  help: [
    'Usage: npm run cli -- create-user --email <email> [--password <password>] [--role USER|ADMIN]',
    '',
    '  --email     sign-in email; trimmed and lower-cased, unique case-insensitively',
    '              (and by look, with EMAIL_UTF8_LOCAL_PARTS=true)',
    '  --password  8 to 128 characters; better omitted: the flag lands in shell history,',
    "              `ps` and npm's logs. Without it the password is read from stdin",
    '              (piped, or typed at a prompt that does not echo)',
    '  --role      USER (default) or ADMIN',
  ].join('\n'),
  options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } },
  async run(values, open, io) {
    const email = requiredOption(values, 'email');
    // Role, settings and database are checked before the password is asked for: fail fast, type nothing twice.
    const role = parseRole(stringOption(values, 'role') ?? 'USER');
    const { registerUser } = await open();
    const password = stringOption(values, 'password') ?? (await readPassword(io));
    const user = await registerUser({ email, password, role });
    io.stdout.write(`Created ${user.role} ${user.email} (id ${user.id})\n`);
  },
};
