// `reset-mfa`: removes a user's second factors, for when nobody who could do
// it over the API (resetUserMfa, an ADMIN) can sign in: the last admin lost
// their device and their recovery codes.
import { BadUserInputError } from '../platform/errors.js';
import { createMfaRepositories } from '../repositories/create-repositories.js';
import { resetSecondFactors } from '../services/mfa/reset-second-factors.js';
import { requiredOption, type CliCommand } from './cli-command.js';

export const resetMfaCommand: CliCommand = {
  name: 'reset-mfa',
  summary: "Remove a user's TOTP, recovery codes and passkeys",
  help: [
    'Usage: npm run cli -- reset-mfa --email <email>',
    '',
    '  --email  the user who lost their device',
    '',
    'They then sign in with their password alone. Over the API an ADMIN does',
    'the same with resetUserMfa(id) (audited); this is for when none can.',
  ].join('\n'),
  options: { email: { type: 'string' } },
  async run(values, open, io) {
    const given = requiredOption(values, 'email');
    const { users, database, emails } = await open();
    const email = emails.normalize(given);
    const user = await users.findByEmail(email);
    if (!user) throw new BadUserInputError('email', `No user has the email ${email}`);
    const removed = await resetSecondFactors(createMfaRepositories(database), user.id);
    io.stdout.write(`${email}: ${removed.totp ? 'TOTP and recovery codes removed' : 'had no TOTP'}, ${removed.passkeys} passkey(s) removed\n`);
  },
};
