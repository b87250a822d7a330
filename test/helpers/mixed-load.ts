// A mixed load of clients that behave as real ones would, spread over several
// instances: each signs up, then loops reading `me`, refreshing its tokens,
// writing notes and signing in again. Every answer is recorded (when, how
// long, HTTP status, error code), and every write the server acknowledged is
// kept, so a test can check afterwards that none of them was lost.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultPassword } from './accounts.js';

export type Operation = 'signup' | 'me' | 'refresh' | 'createNote' | 'login';

export interface Answer {
  readonly operation: Operation;
  /** Index of the instance (in the URL list) that answered. */
  readonly instance: number;
  /** performance.now() when the request was sent. */
  readonly sentAt: number;
  readonly ms: number;
  /** 0 when no HTTP answer came (connection refused or reset, or no answer within the client's timeout). */
  readonly status: number;
  readonly code: string | undefined;
  readonly reason: string | undefined;
  readonly retryAfter: string | null;
}

/** What the server said it stored, to be found in the database afterwards. */
export interface Acknowledged {
  readonly emails: string[];
  readonly refreshTokens: string[];
  readonly noteIds: string[];
}

export interface MixedLoad {
  readonly answers: Answer[];
  readonly acknowledged: Acknowledged;
  /** Refreshes refused as already used after an answer that was not a success: the client could not know whether its refresh was stored. */
  readonly uncertainRefreshes: number;
  /** Sign-ups refused as taken after an earlier one of the same client failed: that one stored the user before it failed (sign-up then starts a session). */
  readonly uncertainSignups: number;
  stop(): Promise<void>;
}

const payload = 'accessToken refreshToken';
const documents: Readonly<Record<Operation, string>> = {
  signup: `mutation($e: String!, $p: String!) { signup(email: $e, password: $p) { ${payload} } }`,
  login: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${payload} } }`,
  refresh: `mutation($t: String!) { refreshToken(refreshToken: $t) { ${payload} } }`,
  me: '{ me { id email } }',
  createNote: 'mutation($t: String!) { createNote(title: $t, body: "written under load") { id } }',
};
// Sign-in hashes a password (tens of ms of CPU): one in every few rounds.
const round: readonly Operation[] = ['me', 'refresh', 'createNote', 'me', 'refresh'];
const clientTimeoutMs = 30_000;

interface GraphqlBody {
  readonly data?: Record<string, Record<string, unknown> | null> | null;
  readonly errors?: ReadonlyArray<{ readonly extensions?: Record<string, unknown> }>;
}

export function startMixedLoad({ urls, clients, pauseMs = 10, tag }: { urls: readonly string[]; clients: number; pauseMs?: number; tag: string }): MixedLoad {
  const answers: Answer[] = [];
  const acknowledged: Acknowledged = { emails: [], refreshTokens: [], noteIds: [] };
  let uncertainRefreshes = 0;
  let uncertainSignups = 0;
  let running = true;
  let sent = 0;

  async function send(operation: Operation, variables: Record<string, unknown>, accessToken?: string): Promise<GraphqlBody | undefined> {
    const instance = sent++ % urls.length;
    const sentAt = performance.now();
    let status = 0;
    let body: GraphqlBody | undefined;
    let retryAfter: string | null = null;
    try {
      const response = await fetch(`${urls[instance]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
        body: JSON.stringify({ query: documents[operation], variables }),
        signal: AbortSignal.timeout(clientTimeoutMs),
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      body = (await response.json()) as GraphqlBody;
    } catch {
      // No answer: recorded with status 0.
    }
    const extensions = body?.errors?.[0]?.extensions;
    const text = (key: string) => (typeof extensions?.[key] === 'string' ? extensions[key] : undefined);
    answers.push({ operation, instance, sentAt, ms: performance.now() - sentAt, status, code: text('code'), reason: text('reason'), retryAfter });
    return status === 200 && body?.errors === undefined ? body : undefined;
  }

  async function client(index: number): Promise<void> {
    const email = `${tag}-${index}@example.com`;
    let tokens: { accessToken: string; refreshToken: string } | undefined;
    const signedIn = (data: GraphqlBody | undefined, field: string) => {
      const issued = data?.data?.[field];
      if (typeof issued?.['accessToken'] !== 'string' || typeof issued['refreshToken'] !== 'string') return false;
      tokens = { accessToken: issued['accessToken'], refreshToken: issued['refreshToken'] };
      acknowledged.refreshTokens.push(tokens.refreshToken);
      return true;
    };
    let signupFailed = false;
    while (running && tokens === undefined) {
      if (signedIn(await send('signup', { e: email, p: defaultPassword }), 'signup')) acknowledged.emails.push(email);
      else if (answers.at(-1)?.code === 'BAD_USER_INPUT') {
        // Taken: an earlier signup was stored though its answer was lost.
        if (signupFailed) uncertainSignups += 1;
        signedIn(await send('login', { e: email, p: defaultPassword }), 'login');
      } else {
        signupFailed = true;
        await sleep(100);
      }
    }
    let refreshFailed = false;
    for (let turn = 0; running && tokens; turn += 1) {
      const operation = turn % 12 === 11 ? 'login' : (round[turn % round.length] ?? 'me');
      if (operation === 'login') signedIn(await send('login', { e: email, p: defaultPassword }), 'login');
      else if (operation === 'me') await send('me', {}, tokens.accessToken);
      else if (operation === 'createNote') {
        const note = (await send('createNote', { t: `note ${turn}` }, tokens.accessToken))?.data?.['createNote'];
        if (typeof note?.['id'] === 'string') acknowledged.noteIds.push(note['id']);
      } else if (signedIn(await send('refresh', { t: tokens.refreshToken }), 'refreshToken')) {
        refreshFailed = false;
      } else if (answers.at(-1)?.code === 'UNAUTHENTICATED') {
        // Used up. Explained when the refresh before failed without an answer
        // the client could trust: it was stored after all (its answer lost
        // with the connection). Either way, sign in again and go on.
        if (refreshFailed) uncertainRefreshes += 1;
        refreshFailed = false;
        signedIn(await send('login', { e: email, p: defaultPassword }), 'login');
      } else {
        refreshFailed = true;
      }
      await sleep(pauseMs);
    }
  }

  const all = Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  return {
    answers,
    acknowledged,
    get uncertainRefreshes() {
      return uncertainRefreshes;
    },
    get uncertainSignups() {
      return uncertainSignups;
    },
    async stop() {
      running = false;
      await all;
    },
  };
}
