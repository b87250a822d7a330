// The requests the scenarios send, as autocannon request objects, and the
// sign-in that gets tokens for them (through the API, as a client would).
import type { AutocannonRequest } from 'autocannon';

export const meQuery = '{ me { id email } }';
export const usersQuery = '{ users(first: 20) { edges { cursor node { id email role createdAt } } pageInfo { hasNextPage endCursor } } }';
export const passwordResetMutation = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
export const loginMutation = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken user { id } } }';

const json = { 'content-type': 'application/json' };

export function graphqlPost(query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): AutocannonRequest {
  return { method: 'POST', path: '/graphql', headers: { ...json, ...headers }, body: JSON.stringify({ query, ...(variables ? { variables } : {}) }) };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

// Every login the bench sends comes from a client IP never used before (via
// X-Forwarded-For under TRUST_PROXY=1), so per-IP limits measure nothing but
// themselves and throughput scenarios stay throughput scenarios.
let ipCounter = 1;
export function nextClientIp(): string {
  const n = ipCounter;
  ipCounter += 1;
  return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Logins that cycle through `emails`, each from a fresh client IP. */
export function loginRequests(emails: readonly string[], password: string): AutocannonRequest[] {
  let next = 0;
  return [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest(request) {
        const email = emails[next % emails.length] ?? '';
        next += 1;
        return { ...request, headers: { ...json, 'x-forwarded-for': nextClientIp() }, body: JSON.stringify({ query: loginMutation, variables: { email, password } }) };
      },
    },
  ];
}

export interface GraphqlAnswer {
  readonly status: number;
  readonly body: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: unknown } }> };
}

export async function postGraphql(url: string, request: AutocannonRequest): Promise<GraphqlAnswer> {
  const response = await fetch(`${url}${request.path ?? '/graphql'}`, { method: 'POST', ...(request.headers ? { headers: request.headers } : {}), ...(request.body ? { body: request.body } : {}) });
  return { status: response.status, body: (await response.json()) as GraphqlAnswer['body'] };
}

export async function signIn(url: string, email: string, password: string): Promise<string> {
  const answer = await postGraphql(url, graphqlPost(loginMutation, { 'x-forwarded-for': nextClientIp() }, { email, password }));
  const token = (answer.body.data?.['login'] as { accessToken?: string } | undefined)?.accessToken;
  if (!token) throw new Error(`login as ${email} failed: ${JSON.stringify(answer.body)}`);
  return token;
}

/** The same token with its signature altered: well-formed, right kid, fails the HMAC check. */
export function tamperedToken(token: string): string {
  const last = token.at(-2) === 'A' ? 'B' : 'A';
  return `${token.slice(0, -2)}${last}${token.slice(-1)}`;
}
