// Making and using API keys through the API, as a person and a script would.
import { expect } from 'vitest';
import type { GraphqlResult, TestServer } from './start-test-server.js';

export interface ApiKeyView {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: string[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
}

export const apiKeyFields = 'id name prefix scopes createdAt lastUsedAt expiresAt';

export const createApiKeyMutation = `mutation($name: String!, $scopes: [String!]!, $expiresIn: String) {
  createApiKey(name: $name, scopes: $scopes, expiresIn: $expiresIn) { key apiKey { ${apiKeyFields} } }
}`;

export function tryCreateApiKey(server: TestServer, token: string, scopes: readonly string[], options: { name?: string; expiresIn?: string } = {}): Promise<GraphqlResult> {
  return server.graphql(createApiKeyMutation, { token, variables: { name: options.name ?? 'a script', scopes, expiresIn: options.expiresIn ?? null } });
}

/** A new key of the person holding `token`; fails the test if it is refused. */
export async function createApiKey(server: TestServer, token: string, scopes: readonly string[], options: { name?: string; expiresIn?: string } = {}): Promise<{ key: string; apiKey: ApiKeyView }> {
  const result = await tryCreateApiKey(server, token, scopes, options);
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.['createApiKey'] as { key: string; apiKey: ApiKeyView };
}

export async function listApiKeys(server: TestServer, token: string): Promise<ApiKeyView[]> {
  const result = await server.graphql(`{ apiKeys { ${apiKeyFields} } }`, { token });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.['apiKeys'] as ApiKeyView[];
}

export const revokeApiKey = (server: TestServer, token: string, id: string) => server.graphql('mutation($id: ID!) { revokeApiKey(id: $id) }', { token, variables: { id } });
