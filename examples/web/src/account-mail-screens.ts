// The parts of the page that lead to a mail: "Forgot password?" beside the
// sign-in form, and, once signed in, the banner of an unverified address
// (with a button that sends the link again) and the email change form. What
// happens when a link from those mails is opened is in link-pages.ts.
import type { AuthClient } from './auth-client.js';
import {
  RequestEmailChangeDocument,
  RequestEmailVerificationDocument,
  RequestPasswordResetDocument,
} from './account-mail-operations.js';
import { byId } from './by-id.js';
import { onSubmit, type Run } from './form-action.js';
import type { StepUp } from './step-up.js';

export interface AccountMailScreensDeps {
  readonly api: AuthClient;
  readonly run: Run;
  readonly log: (text: string) => void;
  /** An email change wants a recent proof (REAUTHENTICATION_REQUIRED): asks for it and tries again. */
  readonly stepUp: StepUp;
}

export interface AccountMailScreens {
  /** The signed-in view: the banner shows while the address is unverified. */
  showAccount(me: { readonly email: string; readonly emailVerified: boolean }): void;
  /** Signed out: nothing typed into the account's forms (a password!) stays for the next person at the page. */
  clear(): void;
}

export function createAccountMailScreens({ api, run, log, stepUp }: AccountMailScreensDeps): AccountMailScreens {
  const ui = {
    authForm: byId<HTMLFormElement>('auth-form'),
    email: byId<HTMLInputElement>('email'),
    forgotForm: byId<HTMLFormElement>('forgot-form'),
    forgotEmail: byId<HTMLInputElement>('forgot-email'),
    forgotDone: byId('forgot-done'),
    unverified: byId('unverified'),
    changeForm: byId<HTMLFormElement>('email-change-form'),
    newEmail: byId<HTMLInputElement>('new-email'),
    currentPassword: byId<HTMLInputElement>('change-email-password'),
  };

  function showForgot(forgot: boolean): void {
    ui.authForm.hidden = forgot;
    ui.forgotForm.hidden = !forgot;
    ui.forgotDone.textContent = '';
  }

  byId('forgot-password').addEventListener('click', () => {
    ui.forgotEmail.value = ui.email.value;
    showForgot(true);
    ui.forgotEmail.focus();
  });
  byId('forgot-cancel').addEventListener('click', () => showForgot(false));

  onSubmit(ui.forgotForm, run, async () => {
    const email = ui.forgotEmail.value;
    await api.request(RequestPasswordResetDocument, { email });
    // The API answers the same whether or not the address has an account, and so does the page.
    const sent = `If ${email} has an account, a link to choose a new password is on its way there.`;
    ui.forgotDone.textContent = sent;
    log(sent);
  });

  byId('resend-verification').addEventListener('click', () => {
    void run(async () => {
      const { requestEmailVerification } = await api.request(RequestEmailVerificationDocument);
      if (requestEmailVerification) log('Sent a new verification link: the older one no longer works');
      else ui.unverified.hidden = true; // verified meanwhile, in another tab
    });
  });

  onSubmit(ui.changeForm, run, async () => {
    const newEmail = ui.newEmail.value;
    const currentPassword = ui.currentPassword.value;
    await stepUp.guarded(() => api.request(RequestEmailChangeDocument, { newEmail, currentPassword }));
    ui.changeForm.reset();
    log(`Sent a confirmation link to ${newEmail}: your address changes when you open it`);
  });

  return {
    showAccount(me) {
      ui.unverified.hidden = me.emailVerified;
    },
    clear() {
      ui.changeForm.reset();
      ui.unverified.hidden = true;
    },
  };
}
