// Runs what a form submits through the page's runner: the form's buttons are
// off while it runs (no double submit), and a BAD_USER_INPUT lands beside the
// field it names (`extensions.field`) instead of in the status line.
import { clearFieldErrors, showFieldError } from './render-notes.js';

export type Runner = (action: () => Promise<void>) => Promise<void>;

export function submitForm(form: HTMLFormElement, run: Runner, action: () => Promise<void>): Promise<void> {
  const buttons = [...form.querySelectorAll('button')];
  return run(async () => {
    clearFieldErrors(form);
    for (const b of buttons) b.disabled = true;
    try {
      await action();
    } catch (error) {
      if (!showFieldError(form, error)) throw error;
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  });
}

/** Calls `onSubmit` on submit, without the browser's own navigation. */
export function onSubmit(form: HTMLFormElement, run: Runner, action: () => Promise<void>): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitForm(form, run, action);
  });
}
