// The API keys screen: the signed-in person's keys (name, first characters,
// scopes, last use, expiry) with Revoke, and a form that makes a key with the
// scopes the API declares and shows it once, to copy. The key is never kept:
// not in storage, and gone from the page at Done, a reload or a sign-out.
import type { AuthClient } from './auth-client.js';
import { ApiKeysScreenDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from './api-keys-operations.js';
import { formAction, type Run } from './form-action.js';
import { drawKey, drawNewKey, keyForm, type ApiKey, type KeyFormElements } from './render-api-keys.js';
import { clearFieldErrors, element } from './render-form.js';
import type { StepUp } from './step-up.js';

export interface ApiKeysScreenDeps {
  readonly api: AuthClient;
  readonly run: Run;
  readonly log: (text: string) => void;
  /** Making a key wants a recent proof (REAUTHENTICATION_REQUIRED): asks for it and tries again. */
  readonly stepUp: StepUp;
}

export interface ApiKeysScreen {
  /** Shows the section with the viewer's keys and the scopes a key can have. */
  load(): Promise<void>;
  /** Hides the section and forgets every key drawn, the new one first (on sign-out). */
  clear(): void;
}

export function createApiKeysScreen(section: HTMLElement, { api, run, log, stepUp }: ApiKeysScreenDeps): ApiKeysScreen {
  const act = formAction(run);
  const newKey = element('div');
  newKey.id = 'new-api-key';
  newKey.setAttribute('role', 'alert');
  const list = element('ul');
  list.id = 'api-keys-list';
  const empty = element('p', 'No API keys yet.');
  empty.id = 'api-keys-empty';
  const formSlot = element('div');
  section.replaceChildren(element('h2', 'API keys'), element('p', 'For scripts, CI jobs and other services: a key acts as you, but only within its scopes, and can never change your password, sessions or keys.'), newKey, formSlot, empty, list);
  let form: KeyFormElements | undefined;
  // Bumped by load and clear: an answer arriving after a sign-out is dropped.
  let generation = 0;

  const forgetNewKey = () => {
    newKey.replaceChildren();
    newKey.hidden = true;
  };
  const showEmpty = () => {
    empty.hidden = list.childElementCount > 0;
  };

  function rowFor(key: ApiKey): HTMLLIElement {
    const row = element('li');
    drawKey(row, key, () => revoke(row, key));
    return row;
  }

  function revoke(row: HTMLLIElement, key: ApiKey): void {
    if (!window.confirm(`Revoke the API key “${key.name}”? Whatever uses it is refused from now on.`)) return;
    void act(row, undefined, async () => {
      const at = generation;
      const { revokeApiKey } = await api.request(RevokeApiKeyDocument, { id: key.id });
      if (at !== generation) return;
      row.remove();
      showEmpty();
      log(revokeApiKey ? `Revoked API key “${key.name}”` : `API key “${key.name}” was revoked already`);
    });
  }

  async function copy(input: HTMLInputElement): Promise<void> {
    try {
      await navigator.clipboard.writeText(input.value);
      log('Copied the new API key');
    } catch {
      input.select(); // no clipboard (an insecure origin, a refused permission): selected, to copy by hand
      log('Could not copy: the key is selected, copy it by hand');
    }
  }

  function buildForm(scopes: Parameters<typeof keyForm>[0]): KeyFormElements {
    const made = keyForm(scopes);
    made.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(made.form, made.form, async () => {
        const at = generation;
        const expiresIn = made.expiresIn.value === '' ? null : made.expiresIn.value;
        const { createApiKey } = await stepUp.guarded(() => api.request(CreateApiKeyDocument, { name: made.name.value, scopes: made.scopes(), expiresIn }));
        if (at !== generation) return;
        drawNewKey(newKey, createApiKey, { onCopy: (input) => void copy(input), onDone: forgetNewKey });
        list.prepend(rowFor(createApiKey.apiKey));
        showEmpty();
        made.form.reset();
        log(`Created API key “${createApiKey.apiKey.name}”`);
      });
    });
    formSlot.replaceChildren(made.form);
    return made;
  }

  function forgetAll(): void {
    generation += 1;
    forgetNewKey();
    list.replaceChildren();
    empty.hidden = true;
  }

  return {
    async load() {
      forgetAll();
      section.hidden = false;
      const at = generation;
      const { apiKeys, apiScopes } = await api.request(ApiKeysScreenDocument);
      if (at !== generation) return;
      form ??= buildForm(apiScopes); // a reload keeps a key being described
      list.replaceChildren(...apiKeys.map(rowFor));
      showEmpty();
    },
    clear() {
      forgetAll();
      if (form) {
        form.form.reset();
        clearFieldErrors(form.form);
      }
      section.hidden = true;
    },
  };
}
