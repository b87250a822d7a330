// TOTP as RFC 6238 and every authenticator app have it: HMAC-SHA-1, 6 digits,
// 30-second steps, and one step either side accepted for clock drift. The
// step a code matched is returned, so the caller can refuse it a second time.
import { Secret, TOTP } from 'otpauth';

const parameters = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const stepMs = parameters.period * 1000;

/** 160 random bits (RFC 4226 §4's recommendation), base32 as apps expect it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** `otpauth://totp/Issuer:label?secret=…&issuer=Issuer&algorithm=SHA1&digits=6&period=30`, the text of the QR code. */
export const totpUri = (secret: string, issuer: string, label: string): string =>
  new TOTP({ ...parameters, issuer, label, secret: Secret.fromBase32(secret) }).toString();

/** Whether `code` has the shape of a TOTP code (after spaces are removed). */
export const looksLikeTotpCode = (code: string): boolean => /^\d{6}$/.test(code);

/** The time step `code` belongs to (now, or one either side), or undefined when it matches none. */
export function matchingStep(secret: string, code: string, nowMs: number): number | undefined {
  if (!looksLikeTotpCode(code)) return undefined;
  const delta = TOTP.validate({ ...parameters, secret: Secret.fromBase32(secret), token: code, timestamp: nowMs, window: 1 });
  return delta === null ? undefined : Math.floor(nowMs / stepMs) + delta;
}
