// What the session tests ask over and over: whose sessions are live, does a
// token still work, which audit events were written.
import { expect } from 'vitest';
import type { GraphqlResult, TestServer } from './start-test-server.js';

export interface SessionView {
  readonly id: string;
  readonly current: boolean;
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string;
}

/** The caller's own live sessions, through `me { sessions }`. */
export async function mySessions(server: TestServer, token: string): Promise<SessionView[]> {
  const result = await server.graphql('{ me { sessions { id current userAgent ip createdAt lastUsedAt } } }', { token });
  expect(result.body.errors).toBeUndefined();
  return (result.body.data?.['me'] as { sessions: SessionView[] }).sessions;
}

/** The HTTP status of `{ me { id } }` with this token: 200 while it works, 401 once refused. */
export async function meStatus(server: TestServer, token: string): Promise<number> {
  return (await server.graphql('{ me { id } }', { token })).status;
}

/** Audit events of one type written so far. */
export const auditEvents = (server: TestServer, type: string) => server.logs.filter((line) => line['audit'] === true && line['event'] === type);

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** The new pair a `refreshToken` result carries; undefined when the refresh was refused. */
export const pairOf = (result: GraphqlResult): TokenPair => result.body.data?.['refreshToken'] as TokenPair;
