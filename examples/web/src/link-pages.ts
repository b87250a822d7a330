// The pages a mailed link opens: APP_URL/reset-password, /verify-email and
// /confirm-email-change, each with ?token=…. The token is read once and
// taken out of the address bar (and so out of history and of any Referer;
// index.html also sends no Referer at all), then used: a verification or an
// email change at once, a reset when the new password is submitted. These
// pages never need the user to be signed in: the link is the proof.
import type { AuthClient } from './auth-client.js';
import { ConfirmEmailChangeDocument, ResetPasswordDocument, VerifyEmailDocument } from './account-mail-operations.js';
import { byId } from './by-id.js';
import { describeError } from './describe-error.js';
import { onSubmit, type Run } from './form-action.js';

export interface LinkPageDeps {
  readonly api: AuthClient;
  readonly run: Run;
  readonly log: (text: string) => void;
}

const pages = ['reset-password', 'verify-email', 'confirm-email-change'] as const;
type LinkPage = (typeof pages)[number];

/** Shows the page for `location` if it is one of a mailed link's; false for any other address. */
export function openLinkPage(location: Location, { api, run, log }: LinkPageDeps): boolean {
  const name = location.pathname.split('/').pop();
  const page = pages.find((p) => p === name);
  if (page === undefined) return false;
  const token = new URLSearchParams(location.search).get('token') ?? '';
  history.replaceState(null, '', location.pathname);

  const ui = { section: byId('link-page'), title: byId('link-title'), message: byId('link-message'), resetForm: byId<HTMLFormElement>('reset-form') };
  byId('auth-form').hidden = true;
  byId<HTMLAnchorElement>('link-home').href = new URL('.', location.href).pathname;
  ui.section.hidden = false;
  const show = (title: string, message: string) => {
    ui.title.textContent = title;
    ui.message.textContent = message;
  };
  const failed = (error: unknown) => show('This link does not work', `${describeError(error).text} Sign in to ask for a new one.`);

  const handlers: Record<LinkPage, () => void> = {
    'verify-email': () => {
      show('Verifying your email address…', '');
      api.request(VerifyEmailDocument, { token }).then(() => {
        show('Email address verified', 'Thank you: your address is verified. You can close this page, or sign in.');
        log('Verified the email address');
      }, failed);
    },
    'confirm-email-change': () => {
      show('Changing your email address…', '');
      api.request(ConfirmEmailChangeDocument, { token }).then(() => {
        show('Email address changed', 'Your account now uses its new address: sign in with it.');
        log('Changed the email address');
      }, failed);
    },
    'reset-password': () => {
      show('Choose a new password', 'Every session of your account will be signed out, and its passkeys and API keys removed.');
      ui.resetForm.hidden = false;
      byId<HTMLInputElement>('reset-token').value = token;
      const newPassword = byId<HTMLInputElement>('new-password');
      newPassword.focus();
      onSubmit(ui.resetForm, run, async () => {
        await api.request(ResetPasswordDocument, { token, newPassword: newPassword.value });
        ui.resetForm.hidden = true;
        show('Password changed', 'Every session of your account was signed out, and its passkeys and API keys removed. Sign in with your new password.');
        log('Changed the password');
      });
    },
  };
  handlers[page]();
  return true;
}
