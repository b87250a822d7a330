// The security screen: two-step sign-in (TOTP) with its QR code, recovery
// codes shown once, and passkeys. Every change that the API guards with
// @auth(fresh: …) goes through the step-up prompt. The QR code is an SVG the
// API made; it is shown as an image (a data URL), never as markup.
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import type { AuthClient } from './auth-client.js';
import {
  ConfirmTotpDocument,
  DisableTotpDocument,
  EnrollTotpDocument,
  FinishPasskeyRegistrationDocument,
  MySecurityDocument,
  RegenerateRecoveryCodesDocument,
  RemovePasskeyDocument,
  StartPasskeyRegistrationDocument,
} from './mfa-operations.js';
import type { StepUp } from './step-up.js';

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`index.html has no #${id}`);
  return found as T;
}

export interface SecurityScreenDeps {
  readonly api: AuthClient;
  readonly stepUp: StepUp;
  readonly run: (action: () => Promise<void>) => Promise<void>;
  readonly log: (text: string) => void;
}

export interface SecurityScreen {
  load(): Promise<void>;
  clear(): void;
}

export function createSecurityScreen({ api, stepUp, run, log }: SecurityScreenDeps): SecurityScreen {
  const ui = {
    section: byId('security'),
    status: byId('mfa-status'),
    enroll: byId<HTMLButtonElement>('totp-enroll'),
    regenerate: byId<HTMLButtonElement>('recovery-regenerate'),
    enrolment: byId('totp-enrolment'),
    qr: byId<HTMLImageElement>('totp-qr'),
    secret: byId('totp-secret'),
    confirmForm: byId<HTMLFormElement>('totp-confirm-form'),
    confirmCode: byId<HTMLInputElement>('totp-confirm-code'),
    disableForm: byId<HTMLFormElement>('totp-disable-form'),
    disableCode: byId<HTMLInputElement>('totp-disable-code'),
    recovery: byId('recovery-codes'),
    recoveryList: byId('recovery-code-list'),
    recoverySaved: byId<HTMLButtonElement>('recovery-saved'),
    passkeys: byId('passkeys'),
    addPasskey: byId<HTMLFormElement>('passkey-add-form'),
    passkeyName: byId<HTMLInputElement>('passkey-name'),
  };

  function showRecoveryCodes(codes: readonly string[]): void {
    ui.recoveryList.replaceChildren(
      ...codes.map((code) => {
        const item = document.createElement('li');
        item.textContent = code;
        return item;
      }),
    );
    ui.recovery.hidden = false;
  }

  /** Forgets what is shown once (the secret, the QR code, recovery codes). */
  function hideSecrets(): void {
    ui.enrolment.hidden = true;
    ui.qr.removeAttribute('src');
    ui.secret.textContent = '';
    ui.recovery.hidden = true;
    ui.recoveryList.replaceChildren();
  }

  async function load(): Promise<void> {
    const { me } = await api.request(MySecurityDocument);
    if (me === null) return;
    ui.section.hidden = false;
    ui.status.textContent = me.mfaEnabled ? 'Two-step sign-in is on: signing in asks for a code from your app.' : 'Two-step sign-in is off.';
    ui.section.dataset['mfa'] = String(me.mfaEnabled);
    ui.enroll.textContent = me.mfaEnabled ? 'Move to a new authenticator app' : 'Turn on two-step sign-in';
    ui.regenerate.hidden = !me.mfaEnabled;
    ui.disableForm.hidden = !me.mfaEnabled;
    ui.passkeys.replaceChildren(
      ...me.passkeys.map((passkey) => {
        const row = document.createElement('li');
        row.dataset['passkeyId'] = passkey.id;
        const name = document.createElement('span');
        name.textContent = `${passkey.name} · added ${new Date(passkey.createdAt).toLocaleString()}${passkey.lastUsedAt ? ` · last used ${new Date(passkey.lastUsedAt).toLocaleString()}` : ''} `;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Remove';
        remove.addEventListener('click', () =>
          void run(async () => {
            await stepUp.guarded(() => api.request(RemovePasskeyDocument, { id: passkey.id }));
            log(`Removed the passkey “${passkey.name}”`);
            await load();
          }),
        );
        row.append(name, remove);
        return row;
      }),
    );
  }

  ui.enroll.addEventListener('click', () =>
    void run(async () => {
      hideSecrets();
      const { enrollTotp } = await stepUp.guarded(() => api.request(EnrollTotpDocument));
      ui.qr.src = `data:image/svg+xml;base64,${btoa(enrollTotp.qrCodeSvg)}`;
      ui.secret.textContent = enrollTotp.secret;
      ui.enrolment.hidden = false;
      ui.confirmCode.focus();
      log('Scan the QR code with your authenticator app, then enter its code');
    }),
  );

  ui.confirmForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(async () => {
      const { confirmTotp } = await stepUp.guarded(() => api.request(ConfirmTotpDocument, { code: ui.confirmCode.value }));
      hideSecrets();
      ui.confirmForm.reset();
      showRecoveryCodes(confirmTotp.codes);
      log('Two-step sign-in is on');
      await load();
    });
  });

  ui.disableForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(async () => {
      await stepUp.guarded(() => api.request(DisableTotpDocument, { code: ui.disableCode.value }));
      ui.disableForm.reset();
      hideSecrets();
      log('Two-step sign-in is off');
      await load();
    });
  });

  ui.regenerate.addEventListener('click', () =>
    void run(async () => {
      const { regenerateRecoveryCodes } = await stepUp.guarded(() => api.request(RegenerateRecoveryCodesDocument));
      showRecoveryCodes(regenerateRecoveryCodes.codes);
      log('New recovery codes: the old ones no longer work');
    }),
  );

  ui.recoverySaved.addEventListener('click', hideSecrets);

  ui.addPasskey.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(async () => {
      const { startPasskeyRegistration } = await stepUp.guarded(() => api.request(StartPasskeyRegistrationDocument));
      // The options come from @simplewebauthn/server as JSON; the browser library takes them as they are.
      const response = await startRegistration({ optionsJSON: startPasskeyRegistration as PublicKeyCredentialCreationOptionsJSON });
      const { finishPasskeyRegistration } = await api.request(FinishPasskeyRegistrationDocument, { response, name: ui.passkeyName.value || null });
      ui.addPasskey.reset();
      log(`Added the passkey “${finishPasskeyRegistration.name}”`);
      await load();
    });
  });

  return {
    load,
    clear() {
      hideSecrets();
      ui.passkeys.replaceChildren();
      ui.section.hidden = true;
    },
  };
}
