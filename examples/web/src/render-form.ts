// The pieces every screen's forms are drawn from: elements with text only
// (never innerHTML, so whatever a user typed stays text), labelled controls
// with the place for their error beside them, and an API error shown next to
// the field its `extensions.field` names.
import { ApiError } from './auth-client.js';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  return created;
}

export function button(text: string, className: string, type: 'button' | 'submit' = 'button'): HTMLButtonElement {
  const created = element('button', text);
  created.type = type;
  created.className = className;
  return created;
}

export const when = (iso: string) => new Date(iso).toLocaleString();

/** The place for a field's error: `data-error-for` is the argument name the API puts in `extensions.field`. */
export function errorPlace(name: string, id: string): HTMLElement {
  const error = element('span');
  error.className = 'field-error';
  error.id = id;
  error.dataset['errorFor'] = name;
  error.setAttribute('aria-live', 'polite');
  return error;
}

/** A labelled control with the place for its error right beside it. */
export function field(label: string, name: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, idPrefix: string): HTMLElement {
  control.name = name;
  control.id = `${idPrefix}-${name}`;
  const error = errorPlace(name, `${control.id}-error`);
  control.setAttribute('aria-describedby', error.id);
  const wrapper = element('label', label);
  wrapper.append(control, error);
  return wrapper;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const isControl = (node: unknown): node is Control => node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement;

/** Shows a BAD_USER_INPUT next to the field it names; false when it names none of this form's. */
export function showFieldError(form: HTMLFormElement, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const bad = error.errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.field !== undefined);
  const name = bad?.extensions?.field;
  if (bad === undefined || name === undefined) return false;
  const place = [...form.querySelectorAll<HTMLElement>('[data-error-for]')].find((candidate) => candidate.dataset['errorFor'] === name);
  // A group of checkboxes sharing the name answers with a list: the first one takes the focus.
  const named = form.elements.namedItem(name);
  const control = named instanceof RadioNodeList ? named[0] : named;
  if (place === undefined || !isControl(control)) return false;
  place.textContent = bad.message;
  control.setAttribute('aria-invalid', 'true');
  control.focus();
  return true;
}

export function clearFieldErrors(form: HTMLFormElement): void {
  for (const place of form.querySelectorAll<HTMLElement>('[data-error-for]')) place.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}
