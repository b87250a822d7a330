// Draws the API keys screen's pieces: the create form (its scopes come from
// the API's `apiScopes`, so the screen follows the schema), a key's row, and
// the box that shows a new key once. A key's name is whatever its owner typed:
// textContent and input values only, never innerHTML.
import type { ApiKeyFieldsFragment as ApiKey, ApiKeysScreenQuery } from './gql/graphql.js';
import { button, element, errorPlace, field, when } from './render-form.js';

export type { ApiKey };
export type ApiScope = ApiKeysScreenQuery['apiScopes'][number];

export interface KeyFormElements {
  readonly form: HTMLFormElement;
  readonly name: HTMLInputElement;
  readonly expiresIn: HTMLSelectElement;
  /** The checked scopes' names. */
  readonly scopes: () => string[];
}

const lifetimes: ReadonlyArray<readonly [string, string]> = [
  ['', 'Never (until revoked)'],
  ['30d', '30 days'],
  ['90d', '90 days'],
  ['366d', 'A year'],
];

export function keyForm(scopes: readonly ApiScope[]): KeyFormElements {
  const form = element('form');
  form.id = 'api-key-form';
  form.noValidate = true; // the API's own messages, next to their fields
  const name = element('input');
  name.type = 'text';
  name.autocomplete = 'off';
  name.placeholder = 'e.g. CI deploy';
  const scopeBox = element('fieldset');
  scopeBox.id = 'api-key-scopes';
  scopeBox.append(element('legend', 'What it may do'));
  for (const scope of scopes) {
    const box = element('input');
    box.type = 'checkbox';
    box.name = 'scopes';
    box.value = scope.name;
    const label = element('label');
    label.className = 'scope';
    const title = element('code', scope.name);
    label.append(box, title, document.createTextNode(` ${scope.description}`));
    scopeBox.append(label);
  }
  scopeBox.append(errorPlace('scopes', 'api-key-scopes-error'));
  const expiresIn = element('select');
  for (const [value, text] of lifetimes) {
    const option = element('option', text);
    option.value = value;
    expiresIn.append(option);
  }
  const actions = element('div');
  actions.append(button('Create key', 'save', 'submit'));
  form.append(field('Name', 'name', name, 'api-key'), scopeBox, field('Expires', 'expiresIn', expiresIn, 'api-key'), actions);
  const checked = () => [...form.querySelectorAll<HTMLInputElement>('input[name=scopes]:checked')].map((box) => box.value);
  return { form, name, expiresIn, scopes: checked };
}

function expiry(key: ApiKey): string {
  if (key.expiresAt === null) return 'never expires';
  return new Date(key.expiresAt).getTime() <= Date.now() ? `expired ${when(key.expiresAt)}` : `expires ${when(key.expiresAt)}`;
}

/** A key as listed: name, its first characters, scopes, dates, and Revoke. */
export function drawKey(row: HTMLLIElement, key: ApiKey, onRevoke: () => void): void {
  row.dataset['apiKeyId'] = key.id;
  row.className = 'api-key';
  const name = element('strong', key.name);
  name.className = 'api-key-name';
  const prefix = element('code', `${key.prefix}…`);
  prefix.className = 'api-key-prefix';
  const scopes = element('span', ` ${key.scopes.join(', ')} `);
  scopes.className = 'api-key-scopes';
  const used = key.lastUsedAt === null ? 'never used' : `last used ${when(key.lastUsedAt)}`;
  const meta = element('small', `made ${when(key.createdAt)} · ${used} · ${expiry(key)} `);
  meta.className = 'api-key-meta';
  const revoke = button('Revoke', 'revoke');
  revoke.addEventListener('click', onRevoke);
  row.replaceChildren(name, document.createTextNode(' '), prefix, scopes, meta, revoke);
}

export interface NewKeyActions {
  readonly onCopy: (input: HTMLInputElement) => void;
  readonly onDone: () => void;
}

/** The key itself, shown this once: selectable, with Copy and Done. */
export function drawNewKey(box: HTMLElement, created: { readonly key: string; readonly apiKey: ApiKey }, actions: NewKeyActions): void {
  const warning = element('p', `Copy the key for “${created.apiKey.name}” now: it is not stored and will not be shown again.`);
  const value = element('input');
  value.id = 'new-api-key-value';
  value.readOnly = true;
  value.value = created.key;
  value.size = created.key.length;
  value.setAttribute('aria-label', 'The new API key');
  const copy = button('Copy', 'copy');
  copy.id = 'new-api-key-copy';
  copy.addEventListener('click', () => actions.onCopy(value));
  const done = button('Done', 'done');
  done.id = 'new-api-key-done';
  done.addEventListener('click', actions.onDone);
  box.replaceChildren(warning, value, copy, done);
  box.hidden = false;
  value.select();
}
