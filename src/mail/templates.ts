// What each mail says, as small functions: plain text and HTML from the same
// sentences. Only `html` (html.ts) builds markup, so every address, User-Agent
// and other user-supplied text is escaped in the HTML part.
import { html, type SafeHtml } from './html.js';

export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly link?: string;
}

/** Where a security-relevant change came from, for notices. */
export interface ChangeOrigin {
  readonly at: number;
  readonly ip: string;
  readonly userAgent: string | undefined;
}

/** The site the mail speaks for: APP_URL and its host name. */
export interface Site {
  readonly url: string;
  readonly name: string;
}

export const siteOf = (appUrl: string): Site => ({ url: appUrl, name: new URL(appUrl).host });

/** "30 minutes", "24 hours", "2 days". */
export function describeDuration(ms: number): string {
  const units: ReadonlyArray<readonly [string, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [name, size] of units) {
    if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms === size ? '' : 's'}`;
  }
  return `${Math.max(1, Math.round(ms / 60_000))} minutes`;
}

const describeOrigin = ({ at, ip, userAgent }: ChangeOrigin): string =>
  `on ${new Date(at).toUTCString()} from ${ip}${userAgent ? ` (${userAgent.slice(0, 200)})` : ''}`;

/** A paragraph is text in the plain part and a <p> in the HTML part. */
type Paragraph = string | { readonly link: string; readonly label: string };

function compose(site: Site, subject: string, paragraphs: readonly Paragraph[], link?: string): MailContent {
  const footer = `This mail was sent by ${site.name} (${site.url}) about your account there.`;
  const text = [...paragraphs.map((p) => (typeof p === 'string' ? p : `${p.label}:\n${p.link}`)), '--', footer].join('\n\n');
  const body: SafeHtml[] = paragraphs.map((p) =>
    typeof p === 'string' ? html`<p>${p}</p>` : html`<p><a href="${p.link}" style="display:inline-block;padding:0.6em 1em;background:#1f5fbf;color:#fff;text-decoration:none;border-radius:4px">${p.label}</a></p><p style="font-size:smaller;color:#555">Or paste this address into your browser: ${p.link}</p>`,
  );
  const page = html`<!doctype html><html><head><meta charset="utf-8"><title>${subject}</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:1rem auto;padding:0 1rem">${body}<hr><p style="font-size:smaller;color:#555">${footer}</p></body></html>`;
  return { subject, text, html: page.markup, ...(link === undefined ? {} : { link }) };
}

export const passwordResetMail = (site: Site, p: { email: string; link: string; ttlMs: number }): MailContent =>
  compose(
    site,
    'Reset your password',
    [
      `Someone, hopefully you, asked to reset the password of the account ${p.email} at ${site.name}.`,
      { label: 'Choose a new password', link: p.link },
      `The link works once, for ${describeDuration(p.ttlMs)}. Choosing a new password signs the account out everywhere and removes its passkeys and API keys.`,
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ],
    p.link,
  );

export const passwordChangedMail = (site: Site, p: { email: string; origin: ChangeOrigin; how: 'reset' | 'changed' }): MailContent =>
  compose(site, 'Your password was changed', [
    `The password of your account ${p.email} at ${site.name} was ${p.how === 'reset' ? 'reset with a link sent to this address' : 'changed'} ${describeOrigin(p.origin)}.`,
    p.how === 'reset' ? 'Every session of the account was signed out, and its passkeys and API keys were removed.' : 'Every other session of the account was signed out.',
    `If this was you, there is nothing to do. If it was not, choose a new password now with "Forgot password?" at ${site.url} and check the address your account uses.`,
  ]);

export const verifyEmailMail = (site: Site, p: { email: string; link: string; ttlMs: number }): MailContent =>
  compose(
    site,
    'Confirm your email address',
    [
      `Please confirm that ${p.email} is your address for your account at ${site.name}.`,
      { label: 'Confirm my address', link: p.link },
      `The link works once, for ${describeDuration(p.ttlMs)}.`,
      `If you did not create an account at ${site.name}, ignore this mail.`,
    ],
    p.link,
  );

export const emailChangeConfirmationMail = (site: Site, p: { newEmail: string; link: string; ttlMs: number }): MailContent =>
  compose(
    site,
    'Confirm your new email address',
    [
      `Someone asked to make ${p.newEmail} the email address of their account at ${site.name}.`,
      { label: 'Confirm the new address', link: p.link },
      `The link works once, for ${describeDuration(p.ttlMs)}; nothing changes until it is opened.`,
      'If you did not ask for this, ignore this mail.',
    ],
    p.link,
  );

export const emailChangeRequestedMail = (site: Site, p: { email: string; newEmail: string; origin: ChangeOrigin }): MailContent =>
  compose(site, 'Your email address is about to change', [
    `A change of the email address of your account at ${site.name} from ${p.email} to ${p.newEmail} was requested ${describeOrigin(p.origin)}.`,
    'It happens only when the link sent to the new address is opened.',
    `If this was not you, someone knows your password: choose a new one now with "Forgot password?" at ${site.url}, which also cancels the change.`,
  ]);

export const emailChangedMail = (site: Site, p: { email: string; newEmail: string; origin: ChangeOrigin }): MailContent =>
  compose(site, 'Your email address was changed', [
    `The email address of your account at ${site.name} was changed from ${p.email} to ${p.newEmail} ${describeOrigin(p.origin)}.`,
    `From now on the account signs in with ${p.newEmail}, and mail about it goes there.`,
    `If this was not you, contact ${site.name} at once.`,
  ]);
