// The rules that tie settings together, run by the settings schema (config.ts)
// after each setting has been read on its own. Each problem is a sentence that
// names every setting it involves, reported at the one to change first.
import { z } from 'zod';
import { mailSettingsProblem } from './mail-settings.js';
import { readMfaSettings, type SettingProblem } from './mfa-settings.js';
import type { Settings } from './settings-schema.js';

/** The second factor's settings: passkeys default to the web front end's origin (mail links use the same APP_URL). */
export const secondFactorOf = (s: Settings) => {
  const production = s.NODE_ENV === 'production';
  return readMfaSettings({ ...s, production, appUrl: s.APP_URL ?? (production ? undefined : 'http://localhost:5173') });
};

export function checkAcrossSettings(s: Settings, ctx: z.RefinementCtx): void {
  const report = ({ setting, message }: SettingProblem) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [setting], message });
  const refuse = (setting: keyof Settings, message: string) => report({ setting, message });
  const production = s.NODE_ENV === 'production';

  if (production && s.JWT_SECRET === undefined && s.JWT_PRIVATE_KEY === undefined) {
    refuse('JWT_SECRET', 'JWT_SECRET is required when NODE_ENV=production (at least 32 bytes, e.g. `openssl rand -base64 48`), unless JWT_PRIVATE_KEY is set');
  }
  if (s.JWT_SECRET !== undefined && s.JWT_PRIVATE_KEY !== undefined) {
    refuse('JWT_PRIVATE_KEY', 'JWT_SECRET and JWT_PRIVATE_KEY are both set: set one (moving from HS256 to a private key, give the old secret as JWT_SECRET_PREVIOUS)');
  }
  if (s.METRICS_PORT !== undefined && s.METRICS_PORT !== 0 && s.METRICS_PORT === s.PORT) refuse('METRICS_PORT', 'METRICS_PORT must differ from PORT');
  if (s.HEADERS_TIMEOUT < 1000 || s.HEADERS_TIMEOUT > s.REQUEST_TIMEOUT) refuse('HEADERS_TIMEOUT', 'HEADERS_TIMEOUT must be at least 1s and not longer than REQUEST_TIMEOUT');
  if (s.LOGIN_LOCKOUT_BASE > s.LOGIN_LOCKOUT_MAX) refuse('LOGIN_LOCKOUT_BASE', 'LOGIN_LOCKOUT_BASE must not be longer than LOGIN_LOCKOUT_MAX');
  if ((s.TLS_CERT === undefined) !== (s.TLS_KEY === undefined)) {
    refuse(s.TLS_CERT === undefined ? 'TLS_CERT' : 'TLS_KEY', 'TLS_CERT and TLS_KEY go together: set both (PEM file paths) or neither');
  }
  // An explorer is for development: production turns introspection off, and Sandbox would load Apollo's CDN.
  if (production && s.EXPLORER !== undefined && s.EXPLORER !== 'off') {
    refuse('EXPLORER', `EXPLORER=${s.EXPLORER} is for development; production serves no explorer (leave EXPLORER unset or set it to off)`);
  }
  for (const problem of secondFactorOf(s).problems) report(problem);
  const mail = mailSettingsProblem(s, production);
  if (mail !== undefined) report(mail);
}
