// The boot check for MFA_ENCRYPTION_KEY. TOTP secrets are sealed with it, so
// a server started without it, or with another one, would turn away every
// user with two-step sign-in on, at their next sign-in. Checked at start
// against the database instead:
// - production without the key: refused to start if any account has TOTP on;
//   otherwise it starts, and TOTP cannot be turned on until the key is set;
// - any secret sealed under another key: refused in production, a warning
//   elsewhere;
// - outside production without the key: a fixed development key, with a warning;
// - the database unreachable at start (the server starts anyway): skipped,
//   with a warning.
import { createSecretBox, type SecretBox } from '../../credentials/secret-box.js';
import { ConfigError } from '../../platform/config.js';
import type { MfaSettings } from '../../platform/mfa-settings.js';
import type { MfaRepository } from '../../repositories/mfa-repository.js';

export interface MfaKeyCheck {
  readonly mfa: MfaRepository;
  readonly settings: MfaSettings;
  readonly production: boolean;
  readonly warn: (message: string) => void;
  /** Whether a failed query means the database cannot be reached (db/: Database.isUnavailable). */
  readonly isUnavailable: (error: unknown) => boolean;
}

export async function checkMfaKey(check: MfaKeyCheck): Promise<SecretBox | undefined> {
  const { settings, warn } = check;
  try {
    return await checkAgainstDatabase(check);
  } catch (error) {
    if (!check.isUnavailable(error)) throw error;
    // A server starts while its database is away (it answers 503 meanwhile):
    // the check cannot wait. Without it a missing or wrong key fails closed,
    // at the first TOTP code, with a logged error naming the key.
    warn('MFA_ENCRYPTION_KEY could not be checked: the database is unreachable at start');
    return settings.encryptionKey === undefined ? undefined : createSecretBox(settings.encryptionKey);
  }
}

async function checkAgainstDatabase({ mfa, settings, production, warn }: MfaKeyCheck): Promise<SecretBox | undefined> {
  if (settings.encryptionKey === undefined) {
    if (await mfa.anyEnabled()) {
      throw new ConfigError('MFA_ENCRYPTION_KEY is required: accounts have two-step sign-in on, and their TOTP secrets cannot be read without the key they were encrypted with');
    }
    warn('MFA_ENCRYPTION_KEY is not set: TOTP cannot be turned on until it is (passkeys still can)');
    return undefined;
  }
  const box = createSecretBox(settings.encryptionKey);
  if (await mfa.anySealedOtherwise(box.prefix)) {
    const which = settings.developmentKey ? 'the development key (MFA_ENCRYPTION_KEY is not set)' : 'MFA_ENCRYPTION_KEY';
    const message = `TOTP secrets in the database were encrypted with another key than ${which}: their users cannot finish signing in; start with the key they were encrypted with`;
    if (production) throw new ConfigError(message);
    warn(message);
  }
  if (settings.developmentKey) warn('MFA_ENCRYPTION_KEY is not set: TOTP secrets are encrypted with a fixed development key, which is not secret; set one before production');
  return box;
}
