// How and when a session's holder last proved who they are. Access tokens
// carry it as `auth_time` and `amr` (OpenID Connect Core §2, RFC 8176), the
// session keeps it so a refresh does not make an old proof look new, and
// `@auth(fresh: …)` compares it with the clock.

/**
 * RFC 8176 method references: `pwd` a password, `otp` a one-time code (TOTP
 * or recovery code), `hwk` / `swk` a key held in hardware / in software (a
 * device-bound / a synced passkey), `mfa` more than one factor.
 */
export type AuthMethod = 'pwd' | 'otp' | 'hwk' | 'swk' | 'mfa';

export interface AuthProof {
  /** Epoch milliseconds of the proof. */
  readonly authTime: number;
  /** What was proven then, in RFC 8176 terms; never empty. */
  readonly amr: readonly AuthMethod[];
}

const methods: ReadonlySet<string> = new Set<AuthMethod>(['pwd', 'otp', 'hwk', 'swk', 'mfa']);

export const isAuthMethod = (value: unknown): value is AuthMethod => typeof value === 'string' && methods.has(value);

/** The proof made at `authTime` with `used`; two distinct factors add `mfa` (a passkey with user verification is both). */
export function proofOf(authTime: number, used: readonly Exclude<AuthMethod, 'mfa'>[], multiFactor = used.length > 1): AuthProof {
  const amr: AuthMethod[] = [...new Set(used)];
  return { authTime, amr: multiFactor ? [...amr, 'mfa'] : amr };
}

/** As stored with a session: space-separated, e.g. "pwd otp mfa". */
export const amrToText = (amr: readonly AuthMethod[]): string => amr.join(' ');

/** The stored text back; unknown words are dropped (a proof never claims more than it can show). */
export const amrFromText = (text: string): AuthMethod[] => text.split(' ').filter(isAuthMethod);
