// The sign-in steps after (or instead of) the password: the code prompt when
// the API answers MFA_REQUIRED, and signing in with a passkey. Both end where
// a password sign-in ends: `onSignedIn` with the tokens.
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { ApiError, type AuthClient, type Tokens } from './auth-client.js';
import { FinishPasskeyLoginDocument, StartPasskeyLoginDocument, VerifyMfaDocument } from './mfa-operations.js';

export interface SignedInPayload extends Tokens {
  readonly deviceToken?: string | null;
}

export interface SignInStepsElements {
  readonly passwordForm: HTMLFormElement;
  readonly email: HTMLInputElement;
  readonly mfaForm: HTMLFormElement;
  readonly mfaCode: HTMLInputElement;
  readonly mfaCancel: HTMLButtonElement;
  readonly passkeyButton: HTMLButtonElement;
}

export interface SignInStepsDeps {
  readonly api: AuthClient;
  readonly run: (action: () => Promise<void>) => Promise<void>;
  readonly log: (text: string) => void;
  readonly onSignedIn: (payload: SignedInPayload, email: string | undefined) => Promise<void>;
}

export interface SignInSteps {
  /** Takes over after a sign-in answered MFA_REQUIRED (true), or leaves the error to the caller (false). */
  continueAfter(error: unknown, email: string): boolean;
  /** Back to the password form, forgetting any sign-in halfway through. */
  clear(): void;
  /** Whether the code prompt is up (the password form stays hidden meanwhile). */
  readonly askingForCode: boolean;
}

export function createSignInSteps(ui: SignInStepsElements, deps: SignInStepsDeps): SignInSteps {
  const { api, run, log } = deps;
  let pending: { mfaToken: string; email: string } | undefined;

  function clear(): void {
    pending = undefined;
    ui.mfaForm.hidden = true;
    ui.mfaForm.reset();
    ui.passwordForm.hidden = false;
  }

  ui.mfaForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const current = pending;
    if (!current) return;
    void run(async () => {
      try {
        const { verifyMfa } = await api.request(VerifyMfaDocument, { mfaToken: current.mfaToken, code: ui.mfaCode.value });
        clear();
        await deps.onSignedIn(verifyMfa, current.email);
      } catch (error) {
        // Five wrong codes, or five minutes: the mfaToken is over, so the password is asked again.
        if (error instanceof ApiError && error.errors[0]?.extensions?.attemptsLeft === 0) clear();
        ui.mfaCode.select();
        throw error;
      }
    });
  });

  ui.mfaCancel.addEventListener('click', clear);

  ui.passkeyButton.addEventListener('click', () => {
    const email = ui.email.value.trim() === '' ? undefined : ui.email.value;
    void run(async () => {
      const { startPasskeyLogin } = await api.request(StartPasskeyLoginDocument, { email: email ?? null });
      // The options come from @simplewebauthn/server as JSON; the browser library takes them as they are.
      const response = await startAuthentication({ optionsJSON: startPasskeyLogin.options as PublicKeyCredentialRequestOptionsJSON });
      const { finishPasskeyLogin } = await api.request(FinishPasskeyLoginDocument, { challengeId: startPasskeyLogin.challengeId, response });
      log('Signed in with a passkey');
      await deps.onSignedIn(finishPasskeyLogin, email);
    });
  });

  return {
    continueAfter(error, email) {
      const mfaToken = error instanceof ApiError && error.code === 'MFA_REQUIRED' ? error.errors[0]?.extensions?.mfaToken : undefined;
      if (mfaToken === undefined) return false;
      pending = { mfaToken, email };
      ui.passwordForm.hidden = true;
      ui.mfaForm.hidden = false;
      ui.mfaCode.focus();
      log('Password accepted: now the code from your authenticator app');
      return true;
    },
    clear,
    get askingForCode() {
      return pending !== undefined;
    },
  };
}
