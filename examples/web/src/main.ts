// The page: a sign-up/sign-in form, then the account, its sessions (one per
// device) with per-device sign-out, and sign-out everywhere.
import { createAccountMailScreens } from './account-mail-screens.js';
import { createApiKeysScreen } from './api-keys-screen.js';
import { createAuthClient } from './auth-client.js';
import { byId } from './by-id.js';
import { describeError } from './describe-error.js';
import { createNotesScreen } from './notes-screen.js';
import {
  MeDocument,
  MySessionsDocument,
  RevokeSessionDocument,
  SignInDocument,
  SignOutDocument,
  SignOutEverywhereDocument,
  SignUpDocument,
} from './operations.js';
import { renderMe, renderSessions } from './render-account.js';
import { keepDeviceToken, readDeviceToken } from './device-token.js';
import { createSecurityScreen } from './security-screen.js';
import { createSignInSteps, type SignedInPayload } from './sign-in-steps.js';
import { createStepUp } from './step-up.js';
import { openLinkPage } from './link-pages.js';

// Set at build time (see vite.config.ts); the API must list this page's origin in CORS_ORIGINS.
const apiUrl = import.meta.env.VITE_API_URL || 'http://localhost:4000/graphql';

const ui = {
  form: byId<HTMLFormElement>('auth-form'),
  email: byId<HTMLInputElement>('email'),
  password: byId<HTMLInputElement>('password'),
  account: byId('account'),
  me: byId('me'),
  sessions: byId('sessions'),
  status: byId('status'),
  activity: byId('activity'),
};

function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  ui.activity.prepend(item);
}

const api = createAuthClient(apiUrl, {
  onRefreshed: () => log('Access token expired: refreshed it (the refresh token rotated)'),
  onSessionEnded: () => log('This session has ended: sign in again'),
});
const notes = createNotesScreen(byId('notes'), { api, run, log });
const stepUp = createStepUp(
  { form: byId('reauth-form'), password: byId('reauth-password'), code: byId('reauth-code'), error: byId('reauth-error'), cancel: byId('reauth-cancel') },
  { api, log },
);
const security = createSecurityScreen({ api, stepUp, run, log });
const steps = createSignInSteps(
  { passwordForm: ui.form, email: ui.email, mfaForm: byId('mfa-form'), mfaCode: byId('mfa-code'), mfaCancel: byId('mfa-cancel'), passkeyButton: byId('passkey-sign-in') },
  { api, run, log, onSignedIn: (payload, email) => signedIn(payload, email ? `Signed in as ${email}` : 'Signed in') },
);
const accountMail = createAccountMailScreens({ api, run, log, stepUp });
const apiKeys = createApiKeysScreen(byId('api-keys'), { api, run, log, stepUp });

function showSignedIn(signedIn: boolean): void {
  ui.form.hidden = signedIn || steps.askingForCode;
  ui.account.hidden = !signedIn;
  if (!signedIn) {
    notes.clear();
    security.clear();
    stepUp.clear();
    accountMail.clear();
    apiKeys.clear();
  }
}

/** After RATE_LIMITED the form waits out `retryAfter` instead of burning more attempts. */
function holdForm(seconds: number): void {
  const buttons = [...ui.form.querySelectorAll('button')];
  for (const button of buttons) button.disabled = true;
  setTimeout(() => {
    for (const button of buttons) button.disabled = false;
  }, seconds * 1000);
}

async function run(action: () => Promise<void>): Promise<void> {
  ui.status.textContent = 'Working…';
  try {
    await action();
    ui.status.textContent = '';
  } catch (error) {
    const view = describeError(error);
    ui.status.textContent = view.text;
    if (view.retryAfter !== undefined) holdForm(view.retryAfter);
    showSignedIn(api.signedIn);
  }
}

async function loadAccount(): Promise<void> {
  // Two panels, two requests at once: when the access token has expired both
  // meet UNAUTHENTICATED, and the client makes one refresh for the two.
  const [meData, sessionsData] = await Promise.all([api.request(MeDocument), api.request(MySessionsDocument)]);
  if (meData.me === null || sessionsData.me === null) {
    api.forgetTokens();
    showSignedIn(false);
    return;
  }
  renderMe(ui.me, meData.me);
  accountMail.showAccount(meData.me);
  renderSessions(ui.sessions, sessionsData.me.sessions, (session) => {
    void run(() => (session.current ? signOut() : endSession(session.id, session.userAgent)));
  });
  showSignedIn(true);
  await Promise.all([security.load(), notes.load(), apiKeys.load()]);
}

/** Where every way of signing in ends: keep the tokens (and the device token), show the account. */
async function signedIn(payload: SignedInPayload, message: string): Promise<void> {
  keepDeviceToken(payload.deviceToken);
  api.useTokens(payload);
  ui.password.value = '';
  log(message);
  await loadAccount();
}

async function signOut(): Promise<void> {
  try {
    await api.request(SignOutDocument);
  } finally {
    api.forgetTokens(); // signed out here even if the API could not be told
    showSignedIn(false);
  }
  log('Signed out on this device');
}

async function endSession(id: string, userAgent: string | null): Promise<void> {
  await api.request(RevokeSessionDocument, { id });
  log(`Signed out ${userAgent ?? 'a device'}`);
  await loadAccount();
}

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const creating = (event.submitter as HTMLButtonElement | null)?.value === 'signup';
  const variables = { email: ui.email.value, password: ui.password.value };
  void run(async () => {
    let payload: SignedInPayload;
    try {
      payload = creating ? (await api.request(SignUpDocument, variables)).signup : (await api.request(SignInDocument, { ...variables, deviceToken: readDeviceToken() })).login;
    } catch (error) {
      // MFA_REQUIRED: the password was right; the code prompt takes over from here.
      if (steps.continueAfter(error, variables.email)) return;
      throw error;
    }
    await signedIn(payload, creating ? `Created ${variables.email} and signed in` : `Signed in as ${variables.email}`);
  });
});

byId('reload').addEventListener('click', () => void run(loadAccount));
byId('sign-out').addEventListener('click', () => void run(signOut));
byId('sign-out-everywhere').addEventListener('click', () => {
  void run(async () => {
    await api.request(SignOutEverywhereDocument);
    api.forgetTokens();
    showSignedIn(false);
    log('Signed out everywhere: every session of this account has ended');
  });
});

// A link from a mail (reset, verification, email change) opens its own page instead.
if (!openLinkPage(window.location, { api, run, log })) showSignedIn(false);
