// Every mail about an account, posted to the outbox: each is prepared off the
// request path (a reset even looks the address up there, so a known and an
// unknown address cost the request the same), with its token issued just
// before it is sent and its link pointing at APP_URL.
import type { Outbox, PreparedMail } from '../mail/outbox.js';
import {
  emailChangeConfirmationMail,
  emailChangedMail,
  emailChangeRequestedMail,
  passwordChangedMail,
  passwordResetMail,
  siteOf,
  verifyEmailMail,
  type ChangeOrigin,
  type MailContent,
} from '../mail/templates.js';
import type { Clock } from '../platform/clock.js';
import type { RequestOrigin } from '../platform/request-context.js';
import type { UserRecord } from '../repositories/records.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { OneTimeTokens } from './one-time-tokens.js';

export interface AccountMail {
  /** Mails a reset link if the (normalised) address has an account, and nothing otherwise; the lookup happens off the request path. */
  passwordResetLink(email: string, origin: RequestOrigin): void;
  /** Tells the account's address that its password changed (`reset`: through a mailed link). */
  passwordChanged(user: UserRecord, how: 'reset' | 'changed', origin: RequestOrigin): void;
  /** Mails a link that verifies the user's current address (replacing any older one). */
  verificationLink(user: Pick<UserRecord, 'id' | 'email'>, origin: RequestOrigin): void;
  /** Mails a confirmation link to the new address and a notice to the current one. */
  emailChangeLinks(user: UserRecord, newEmail: string, origin: RequestOrigin): void;
  /** Tells the old address that the account moved to `newEmail`. */
  emailChanged(before: UserRecord, newEmail: string, origin: RequestOrigin): void;
}

export interface AccountMailDeps {
  readonly outbox: Outbox;
  readonly tokens: OneTimeTokens;
  readonly users: UserRepository;
  readonly clock: Clock;
  readonly appUrl: string;
  readonly passwordResetTtlMs: number;
  readonly emailVerificationTtlMs: number;
}

export function createAccountMail(deps: AccountMailDeps): AccountMail {
  const { outbox, tokens, users, clock } = deps;
  const site = siteOf(deps.appUrl);
  const linkTo = (page: string, token: string) => `${site.url}/${page}?token=${token}`;
  const changeOrigin = (origin: RequestOrigin): ChangeOrigin => ({ at: clock.now(), ip: origin.ip, userAgent: origin.userAgent });
  const to = (user: Pick<UserRecord, 'id' | 'email'>, content: MailContent): PreparedMail => ({ to: user.email, subjectId: user.id, ...content });

  return {
    passwordResetLink(email, origin) {
      outbox.post('password_reset', origin, async () => {
        const user = await users.findByEmail(email);
        if (user === undefined) return undefined;
        const token = await tokens.issue(user.id, 'password_reset', user.email, deps.passwordResetTtlMs);
        return to(user, passwordResetMail(site, { email: user.email, link: linkTo('reset-password', token), ttlMs: deps.passwordResetTtlMs }));
      });
    },
    verificationLink(user, origin) {
      outbox.post('email_verification', origin, async () => {
        const token = await tokens.issue(user.id, 'email_verification', user.email, deps.emailVerificationTtlMs);
        return to(user, verifyEmailMail(site, { email: user.email, link: linkTo('verify-email', token), ttlMs: deps.emailVerificationTtlMs }));
      });
    },
    emailChangeLinks(user, newEmail, origin) {
      outbox.post('email_change_confirmation', origin, async () => {
        const token = await tokens.issue(user.id, 'email_change', newEmail, deps.emailVerificationTtlMs);
        const content = emailChangeConfirmationMail(site, { newEmail, link: linkTo('confirm-email-change', token), ttlMs: deps.emailVerificationTtlMs });
        return to({ id: user.id, email: newEmail }, content);
      });
      const at = changeOrigin(origin);
      outbox.post('email_change_requested', origin, async () => to(user, emailChangeRequestedMail(site, { email: user.email, newEmail, origin: at })));
    },
    emailChanged(before, newEmail, origin) {
      const at = changeOrigin(origin);
      outbox.post('email_changed', origin, async () => to(before, emailChangedMail(site, { email: before.email, newEmail, origin: at })));
    },
    passwordChanged(user, how, origin) {
      const at = changeOrigin(origin);
      outbox.post('password_changed', origin, async () => to(user, passwordChangedMail(site, { email: user.email, origin: at, how })));
    },
  };
}
