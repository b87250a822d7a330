// What the note tests send over and over, as a client would.
import { expect } from 'vitest';
import type { GraphqlResult, TestServer } from '../helpers/start-test-server.js';

export interface NoteView {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

export async function createNote(server: TestServer, token: string, title: string, body = `body of ${title}`): Promise<NoteView> {
  const result = await server.graphql('mutation($t: String!, $b: String!) { createNote(title: $t, body: $b) { id title body } }', { token, variables: { t: title, b: body } });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.['createNote'] as NoteView;
}

export interface NotePageView {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: NoteView }>;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly endCursor: string | null };
}

const pageFields = 'edges { cursor node { id title body } } pageInfo { hasNextPage hasPreviousPage endCursor }';

export async function myNotes(server: TestServer, token: string, first?: number, after?: string | null): Promise<GraphqlResult & { page: NotePageView | undefined }> {
  const result = await server.graphql(`query($first: Int, $after: String) { notes(first: $first, after: $after) { ${pageFields} } }`, { token, variables: { first, after } });
  return { ...result, page: result.body.data?.['notes'] as NotePageView | undefined };
}

export const titlesOf = (page: NotePageView | undefined) => page?.edges.map((edge) => edge.node.title);
export { pageFields };
