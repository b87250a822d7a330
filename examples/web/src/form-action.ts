// How a screen runs one action of a form or a row: its buttons are off while
// it runs (no double submit), a BAD_USER_INPUT lands next to the field it
// names, and after RATE_LIMITED the buttons stay off for `retryAfter` seconds.
// Anything else goes to the page's runner, which shows it.
import { describeError } from './describe-error.js';
import { clearFieldErrors, showFieldError } from './render-form.js';

export type Run = (action: () => Promise<void>) => Promise<void>;
export type Act = (container: HTMLElement, form: HTMLFormElement | undefined, action: () => Promise<void>) => Promise<void>;

export function formAction(run: Run): Act {
  return (container, form, action) => {
    const buttons = container instanceof HTMLButtonElement ? [container] : [...container.querySelectorAll('button')];
    return run(async () => {
      if (form) clearFieldErrors(form);
      for (const b of buttons) b.disabled = true;
      let holdSeconds = 0;
      try {
        await action();
      } catch (error) {
        if (form && showFieldError(form, error)) return;
        holdSeconds = describeError(error).retryAfter ?? 0;
        throw error;
      } finally {
        setTimeout(() => {
          for (const b of buttons) b.disabled = false;
        }, holdSeconds * 1000);
      }
    });
  };
}

/** Runs `action`, as above, when the form is submitted, without the browser's own navigation (the mail pages' forms). */
export function onSubmit(form: HTMLFormElement, run: Run, action: () => Promise<void>): void {
  const act = formAction(run);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(form, form, action);
  });
}
