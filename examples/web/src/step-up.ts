// Step-up in the page. Some changes want a recent proof of who you are
// (the API declares them @auth(fresh: …)); when it answers
// REAUTHENTICATION_REQUIRED, the page asks "Confirm it is you" (the password,
// or with two-step sign-in on a code from the app), calls reauthenticate,
// keeps the new tokens, and runs the change once more.
import { ApiError, type AuthClient } from './auth-client.js';
import { describeError } from './describe-error.js';
import { ReauthenticateDocument } from './mfa-operations.js';

export interface StepUp {
  /** Runs `action`; if it needs a fresh proof, asks for one and runs it again. */
  guarded<T>(action: () => Promise<T>): Promise<T>;
  /** Closes the prompt, if open (on sign-out). */
  clear(): void;
}

export interface StepUpElements {
  readonly form: HTMLFormElement;
  readonly password: HTMLInputElement;
  readonly code: HTMLInputElement;
  readonly error: HTMLElement;
  readonly cancel: HTMLButtonElement;
}

export class StepUpCancelled extends Error {
  constructor() {
    super('Not confirmed: nothing was changed');
    this.name = 'StepUpCancelled';
  }
}

export function createStepUp(ui: StepUpElements, deps: { api: AuthClient; log: (text: string) => void }): StepUp {
  let waiting: { resolve: () => void; reject: (error: Error) => void } | undefined;

  function close(): void {
    ui.form.hidden = true;
    ui.form.reset();
    ui.error.textContent = '';
  }

  function ask(): Promise<void> {
    ui.form.hidden = false;
    ui.password.focus();
    return new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const password = ui.password.value === '' ? null : ui.password.value;
    const code = ui.code.value.trim() === '' ? null : ui.code.value;
    void (async () => {
      try {
        const { reauthenticate } = await deps.api.request(ReauthenticateDocument, { password, code });
        deps.api.useTokens(reauthenticate); // same session, new proof; the refresh token rotated too
        close();
        deps.log('Confirmed it is you');
        waiting?.resolve();
        waiting = undefined;
      } catch (error) {
        ui.error.textContent = describeError(error).text;
      }
    })();
  });

  ui.cancel.addEventListener('click', () => {
    close();
    waiting?.reject(new StepUpCancelled());
    waiting = undefined;
  });

  return {
    async guarded(action) {
      try {
        return await action();
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'REAUTHENTICATION_REQUIRED') throw error;
        deps.log('This change needs a recent sign-in: confirm it is you');
        await ask();
        return action();
      }
    },
    clear() {
      close();
      waiting?.reject(new StepUpCancelled());
      waiting = undefined;
    },
  };
}
