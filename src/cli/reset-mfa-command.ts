// `reset-mfa`: removes a user's second factors, for when nobody who could do
// it over the API (resetUserMfa, an ADMIN) can sign in: the last admin lost
// their device and their recovery codes. The same service as resetUserMfa,
// so the mfa.reset audit event is written (to stderr) alike.
import { BadUserInputError } from '../platform/errors.js';
import { operator } from '../platform/request-context.js';
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
    'the same with resetUserMfa(id); both are audited (mfa.reset).',
  ].join('\n'),
  options: { email: { type: 'string' } },
  async run(values, open, io) {
    const given = requiredOption(values, 'email');
    const { users, emails, resetSecondFactors, origin } = await open();
    const email = emails.normalize(given);
    const user = await users.byEmail(email);
    if (!user) throw new BadUserInputError('email', `No user has the email ${email}`);
    const removed = await resetSecondFactors(operator, user.id, origin);
    io.stdout.write(`${email}: ${removed.totp ? 'TOTP and recovery codes removed' : 'had no TOTP'}, ${removed.passkeys} passkey(s) removed\n`);
  },
};
