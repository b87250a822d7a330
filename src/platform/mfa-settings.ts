// The second-factor settings, derived from the raw values config.ts has
// checked: the key TOTP secrets are encrypted with, and where passkeys are
// valid (the WebAuthn relying party), by default the web front end's APP_URL.
import { createHash } from 'node:crypto';

export interface MfaSettings {
  /** AES-256-GCM key for TOTP secrets at rest; undefined in production when MFA_ENCRYPTION_KEY is not set. */
  readonly encryptionKey: Buffer | undefined;
  /** True outside production when MFA_ENCRYPTION_KEY is not set and a fixed, public development key stands in. */
  readonly developmentKey: boolean;
  /** The issuer an authenticator app shows beside the account (the otpauth:// URI's `issuer`). */
  readonly issuer: string;
}

export interface WebAuthnSettings {
  /** The relying party id: the domain passkeys are bound to. */
  readonly rpId: string;
  readonly rpName: string;
  /** Every origin a passkey ceremony may come from. */
  readonly origins: readonly string[];
}

export interface RawMfaSettings {
  readonly production: boolean;
  readonly appUrl: string | undefined;
  readonly MFA_ENCRYPTION_KEY?: string | undefined;
  readonly MFA_ISSUER: string;
  readonly WEBAUTHN_RP_ID?: string | undefined;
  readonly WEBAUTHN_RP_NAME?: string | undefined;
  readonly WEBAUTHN_ORIGIN?: string | undefined;
}

// Not a secret: it only lets development and tests run without a setting.
// Production never uses it (config refuses nothing, but the key is undefined there).
const developmentKey = createHash('sha256').update('graphql-auth development MFA key: not secret').digest();

/** A key of exactly 32 bytes, written in base64 or base64url; undefined when it is not one. */
export function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : undefined;
}

// WebAuthn runs only in a secure context: https, or http on the loopback host.
const isSecureOrigin = (url: URL) => url.protocol === 'https:' || (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname.endsWith('.localhost')));

/** A setting that cannot be used as given, and why. */
export interface SettingProblem {
  readonly setting: string;
  readonly message: string;
}

/** Reads the settings; each problem names its setting. */
export function readMfaSettings(raw: RawMfaSettings): { mfa: MfaSettings; webauthn: WebAuthnSettings | undefined; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  let encryptionKey: Buffer | undefined;
  if (raw.MFA_ENCRYPTION_KEY !== undefined) {
    encryptionKey = decodeKey(raw.MFA_ENCRYPTION_KEY);
    if (!encryptionKey) problems.push({ setting: 'MFA_ENCRYPTION_KEY', message: 'must be 32 random bytes in base64, e.g. `openssl rand -base64 32`' });
  }
  const mfa: MfaSettings = {
    encryptionKey: encryptionKey ?? (raw.production ? undefined : developmentKey),
    developmentKey: encryptionKey === undefined && !raw.production,
    issuer: raw.MFA_ISSUER,
  };

  const originText = raw.WEBAUTHN_ORIGIN ?? raw.appUrl;
  if (originText === undefined) return { mfa, webauthn: undefined, problems };
  const setting = raw.WEBAUTHN_ORIGIN === undefined ? 'APP_URL' : 'WEBAUTHN_ORIGIN';
  const origins: string[] = [];
  const hosts: string[] = [];
  for (const part of originText.split(',').map((o) => o.trim()).filter((o) => o !== '')) {
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      problems.push({ setting, message: `"${part}" is not a URL` });
      continue;
    }
    if (!isSecureOrigin(url)) {
      // APP_URL means more than passkeys (links in mail): an http one turns passkeys off rather than stopping the boot.
      if (setting === 'APP_URL') return { mfa, webauthn: undefined, problems };
      problems.push({ setting, message: `passkeys need https (or http://localhost), not ${url.origin}` });
    }
    origins.push(url.origin);
    hosts.push(url.hostname);
  }
  const rpId = raw.WEBAUTHN_RP_ID ?? hosts[0] ?? '';
  // A passkey is bound to its RP id; each origin must be that domain or under it.
  for (const host of hosts) if (host !== rpId && !host.endsWith(`.${rpId}`)) problems.push({ setting: 'WEBAUTHN_RP_ID', message: `"${rpId}" is not ${host} or a parent domain of it` });
  if (origins.length === 0) problems.push({ setting, message: 'names no origin' });
  return { mfa, webauthn: { rpId, rpName: raw.WEBAUTHN_RP_NAME ?? raw.MFA_ISSUER, origins }, problems };
}
