// A GraphQL client for the browser that keeps its tokens in memory only
// (never localStorage or cookies, so nothing outlives the tab and no script
// reads them from storage; only the device token is kept, see device-token.ts).
// When the API answers UNAUTHENTICATED to a request
// that carried an access token, the client rotates the refresh token once and
// retries once; concurrent requests share that one refresh, because a second
// use of the same refresh token would look like theft and end the session.
import type { TypedDocumentString } from './gql/graphql.js';
import { RefreshDocument } from './operations.js';

export interface GraphqlError {
  readonly message: string;
  readonly extensions?: {
    readonly code?: string;
    readonly retryAfter?: number;
    readonly field?: string;
    /** MFA_REQUIRED: what verifyMfa takes with the code. */
    readonly mfaToken?: string;
    /** A wrong code at verifyMfa: tries left; 0 means sign in again. */
    readonly attemptsLeft?: number;
  };
}

interface GraphqlResponse<TResult> {
  readonly data?: TResult | null;
  readonly errors?: readonly GraphqlError[];
}

/** The API answered with errors; the first one's code says what to do. */
export class ApiError extends Error {
  constructor(readonly errors: readonly GraphqlError[]) {
    super(errors[0]?.message ?? 'The API answered without data');
    this.name = 'ApiError';
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export interface AuthClientEvents {
  /** The access token was replaced after the API refused it. */
  readonly onRefreshed?: () => void;
  /** The refresh token was refused: the session is over and the user must sign in again. */
  readonly onSessionEnded?: () => void;
}

// Operations without variables may omit them; the others must pass them.
type VariablesArg<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

const isUnauthenticated = (body: GraphqlResponse<unknown>) => body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') === true;

export function createAuthClient(url: string, events: AuthClientEvents = {}) {
  let tokens: Tokens | undefined;
  let refreshing: Promise<boolean> | undefined;

  async function send<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables | undefined, accessToken: string | undefined) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    // The API answers JSON on every status (401 and 429 included); anything
    // else came from something in between, such as a proxy's error page.
    const text = await response.text();
    try {
      return JSON.parse(text) as GraphqlResponse<TResult>;
    } catch {
      throw new ApiError([{ message: `The API answered HTTP ${response.status} without JSON` }]);
    }
  }

  async function rotate(): Promise<boolean> {
    const current = tokens;
    if (current === undefined) return false;
    const body = await send(RefreshDocument, { refreshToken: current.refreshToken }, undefined);
    // Signed out while the refresh was in flight: do not bring the session back.
    if (tokens !== current) return false;
    if (body.data?.refreshToken) {
      tokens = { accessToken: body.data.refreshToken.accessToken, refreshToken: body.data.refreshToken.refreshToken };
      events.onRefreshed?.();
      return true;
    }
    if (isUnauthenticated(body)) {
      tokens = undefined;
      events.onSessionEnded?.();
      return false;
    }
    // RATE_LIMITED or an outage: the refresh token was not used, keep it.
    throw new ApiError(body.errors ?? []);
  }

  /** One refresh at a time; a request that failed with an already replaced token just retries. */
  function refreshAfter(staleAccessToken: string): Promise<boolean> {
    if (tokens !== undefined && tokens.accessToken !== staleAccessToken) return Promise.resolve(true);
    refreshing ??= rotate().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, ...[variables]: VariablesArg<TVariables>): Promise<TResult> {
    const used = tokens?.accessToken;
    let body = await send(document, variables, used);
    if (used !== undefined && isUnauthenticated(body) && (await refreshAfter(used))) {
      body = await send(document, variables, tokens?.accessToken);
    }
    if (body.errors && body.errors.length > 0) throw new ApiError(body.errors);
    if (body.data === undefined || body.data === null) throw new ApiError([]);
    return body.data;
  }

  return {
    request,
    get signedIn(): boolean {
      return tokens !== undefined;
    },
    /** Keeps the tokens of a sign-up, sign-in or refresh answer (in memory only). */
    useTokens(issued: Tokens): void {
      tokens = { accessToken: issued.accessToken, refreshToken: issued.refreshToken };
    },
    /** Forgets the tokens here; the server side is ended by logout or logoutAll. */
    forgetTokens(): void {
      tokens = undefined;
    },
  };
}

export type AuthClient = ReturnType<typeof createAuthClient>;
