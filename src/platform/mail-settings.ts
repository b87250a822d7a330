// The mail settings: where mail goes (SMTP_URL), whom it is from (MAIL_FROM)
// and where its links point (APP_URL). Checked at start like every setting;
// the rules that tie them together (MAIL_FROM with SMTP_URL, APP_URL in
// production) are here, and config.ts's schema runs them.
import { z } from 'zod';
import type { SettingProblem } from './mfa-settings.js';

export interface MailSettings {
  /** smtp:// or smtps://, with user:pass; undefined: no mail leaves (logged in development, audited in production). */
  readonly smtpUrl: string | undefined;
  /** The From of every mail: `address@domain` or `Name <address@domain>`. */
  readonly from: string;
  /** The web front end's base URL, without a trailing slash: links are APP_URL/reset-password?token=… */
  readonly appUrl: string;
}

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

const isSmtpUrl = (v: string): boolean => {
  try {
    const url = new URL(v);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
};

const isAppUrl = (v: string): boolean => {
  try {
    const url = new URL(v);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '' && url.username === '';
  } catch {
    return false;
  }
};

// One address, optionally with a display name; no second address, no header tricks.
const fromPattern = /^(?:[^<>\r\n",;]{0,100}<[^\s<>@",;]+@[^\s<>@",;]+>|[^\s<>@",;]+@[^\s<>@",;]+)$/;

/** The settings' part of the environment schema (spread into config.ts's). */
export const mailEnv = {
  SMTP_URL: z
    .string()
    .optional()
    .transform(blankToUndefined)
    // The message never repeats the value: it holds the SMTP password.
    .refine((v) => v === undefined || isSmtpUrl(v), 'must be an smtp:// or smtps:// URL with a host, e.g. smtp://user:pass@mail.example.com:587'),
  MAIL_FROM: z
    .string()
    .optional()
    .transform(blankToUndefined)
    .refine((v) => v === undefined || fromPattern.test(v), 'must be one address, e.g. no-reply@example.com or "Example <no-reply@example.com>"'),
  APP_URL: z
    .string()
    .optional()
    .transform(blankToUndefined)
    .refine((v) => v === undefined || isAppUrl(v), 'must be an http(s) URL without query or fragment, e.g. https://app.example.com'),
};

type MailEnv = { readonly SMTP_URL?: string | undefined; readonly MAIL_FROM?: string | undefined; readonly APP_URL?: string | undefined };

/** What is wrong with the settings taken together, as a sentence naming the settings; undefined when nothing is. */
export function mailSettingsProblem(e: MailEnv, production: boolean): SettingProblem | undefined {
  if (e.SMTP_URL !== undefined && e.MAIL_FROM === undefined) return { setting: 'MAIL_FROM', message: 'MAIL_FROM is required with SMTP_URL (e.g. "Example <no-reply@example.com>")' };
  // Links to localhost in real mail would lead nowhere.
  if (production && e.SMTP_URL !== undefined && e.APP_URL === undefined) return { setting: 'APP_URL', message: 'APP_URL is required with SMTP_URL when NODE_ENV=production: the links in mails point there' };
  return undefined;
}

/** The settings, once mailSettingsProblem has found nothing. */
export function readMailSettings(e: MailEnv): MailSettings {
  return Object.freeze({
    smtpUrl: e.SMTP_URL,
    from: e.MAIL_FROM ?? 'graphql-auth <no-reply@localhost>',
    // The web example's development server (examples/web).
    appUrl: (e.APP_URL ?? 'http://localhost:5173').replace(/\/+$/, ''),
  });
}
