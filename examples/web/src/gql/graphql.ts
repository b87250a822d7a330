/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A user's role. Every new user is a USER; only an ADMIN can change roles. */
export type Role =
  /** An administrator: it may read every user, change roles and delete accounts. */
  | 'ADMIN'
  /** A regular account: it reads and manages only its own data. */
  | 'USER';

export type ApiKeyFieldsFragment = { readonly id: string, readonly name: string, readonly prefix: string, readonly scopes: ReadonlyArray<string>, readonly createdAt: string, readonly lastUsedAt: string | null, readonly expiresAt: string | null };

export type ApiKeysScreenQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysScreenQuery = { readonly apiKeys: ReadonlyArray<{ readonly id: string, readonly name: string, readonly prefix: string, readonly scopes: ReadonlyArray<string>, readonly createdAt: string, readonly lastUsedAt: string | null, readonly expiresAt: string | null }>, readonly apiScopes: ReadonlyArray<{ readonly name: string, readonly description: string }> };

export type CreateApiKeyMutationVariables = Exact<{
  name: string;
  scopes: ReadonlyArray<string> | string;
  expiresIn?: string | null | undefined;
}>;


export type CreateApiKeyMutation = { readonly createApiKey: { readonly key: string, readonly apiKey: { readonly id: string, readonly name: string, readonly prefix: string, readonly scopes: ReadonlyArray<string>, readonly createdAt: string, readonly lastUsedAt: string | null, readonly expiresAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { readonly revokeApiKey: boolean };

export type NoteFieldsFragment = { readonly id: string, readonly title: string, readonly body: string, readonly createdAt: string, readonly updatedAt: string };

export type MyNotesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MyNotesQuery = { readonly notes: { readonly edges: ReadonlyArray<{ readonly cursor: string, readonly node: { readonly id: string, readonly title: string, readonly body: string, readonly createdAt: string, readonly updatedAt: string } }>, readonly pageInfo: { readonly hasNextPage: boolean, readonly endCursor: string | null } } };

export type CreateNoteMutationVariables = Exact<{
  title: string;
  body: string;
}>;


export type CreateNoteMutation = { readonly createNote: { readonly id: string, readonly title: string, readonly body: string, readonly createdAt: string, readonly updatedAt: string } };

export type UpdateNoteMutationVariables = Exact<{
  id: string | number;
  title: string;
  body: string;
}>;


export type UpdateNoteMutation = { readonly updateNote: { readonly id: string, readonly title: string, readonly body: string, readonly createdAt: string, readonly updatedAt: string } | null };

export type DeleteNoteMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteNoteMutation = { readonly deleteNote: boolean };

export type TokensFragment = { readonly accessToken: string, readonly refreshToken: string, readonly expiresIn: number };

export type SignUpMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignUpMutation = { readonly signup: { readonly deviceToken: string | null, readonly accessToken: string, readonly refreshToken: string, readonly expiresIn: number } };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
  deviceToken?: string | null | undefined;
}>;


export type SignInMutation = { readonly login: { readonly deviceToken: string | null, readonly accessToken: string, readonly refreshToken: string, readonly expiresIn: number } };

export type RefreshMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshMutation = { readonly refreshToken: { readonly accessToken: string, readonly refreshToken: string, readonly expiresIn: number } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { readonly me: { readonly id: string, readonly email: string, readonly role: Role, readonly createdAt: string } | null };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { readonly me: { readonly id: string, readonly sessions: ReadonlyArray<{ readonly id: string, readonly createdAt: string, readonly lastUsedAt: string, readonly userAgent: string | null, readonly current: boolean }> } | null };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { readonly logout: boolean };

export type RevokeSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeSessionMutation = { readonly revokeSession: boolean };

export type SignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutEverywhereMutation = { readonly logoutAll: boolean };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ApiKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  expiresAt
}
    `, {"fragmentName":"ApiKeyFields"}) as unknown as TypedDocumentString<ApiKeyFieldsFragment, unknown>;
export const NoteFieldsFragmentDoc = new TypedDocumentString(`
    fragment NoteFields on Note {
  id
  title
  body
  createdAt
  updatedAt
}
    `, {"fragmentName":"NoteFields"}) as unknown as TypedDocumentString<NoteFieldsFragment, unknown>;
export const TokensFragmentDoc = new TypedDocumentString(`
    fragment Tokens on AuthPayload {
  accessToken
  refreshToken
  expiresIn
}
    `, {"fragmentName":"Tokens"}) as unknown as TypedDocumentString<TokensFragment, unknown>;
export const ApiKeysScreenDocument = new TypedDocumentString(`
    query ApiKeysScreen {
  apiKeys {
    ...ApiKeyFields
  }
  apiScopes {
    name
    description
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  expiresAt
}`) as unknown as TypedDocumentString<ApiKeysScreenQuery, ApiKeysScreenQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresIn: String) {
  createApiKey(name: $name, scopes: $scopes, expiresIn: $expiresIn) {
    key
    apiKey {
      ...ApiKeyFields
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  expiresAt
}`) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const MyNotesDocument = new TypedDocumentString(`
    query MyNotes($first: Int!, $after: String) {
  notes(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...NoteFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment NoteFields on Note {
  id
  title
  body
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<MyNotesQuery, MyNotesQueryVariables>;
export const CreateNoteDocument = new TypedDocumentString(`
    mutation CreateNote($title: String!, $body: String!) {
  createNote(title: $title, body: $body) {
    ...NoteFields
  }
}
    fragment NoteFields on Note {
  id
  title
  body
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateNoteMutation, CreateNoteMutationVariables>;
export const UpdateNoteDocument = new TypedDocumentString(`
    mutation UpdateNote($id: ID!, $title: String!, $body: String!) {
  updateNote(id: $id, title: $title, body: $body) {
    ...NoteFields
  }
}
    fragment NoteFields on Note {
  id
  title
  body
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateNoteMutation, UpdateNoteMutationVariables>;
export const DeleteNoteDocument = new TypedDocumentString(`
    mutation DeleteNote($id: ID!) {
  deleteNote(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteNoteMutation, DeleteNoteMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($email: String!, $password: String!) {
  signup(email: $email, password: $password) {
    ...Tokens
    deviceToken
  }
}
    fragment Tokens on AuthPayload {
  accessToken
  refreshToken
  expiresIn
}`) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($email: String!, $password: String!, $deviceToken: String) {
  login(email: $email, password: $password, deviceToken: $deviceToken) {
    ...Tokens
    deviceToken
  }
}
    fragment Tokens on AuthPayload {
  accessToken
  refreshToken
  expiresIn
}`) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const RefreshDocument = new TypedDocumentString(`
    mutation Refresh($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) {
    ...Tokens
  }
}
    fragment Tokens on AuthPayload {
  accessToken
  refreshToken
  expiresIn
}`) as unknown as TypedDocumentString<RefreshMutation, RefreshMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    role
    createdAt
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const MySessionsDocument = new TypedDocumentString(`
    query MySessions {
  me {
    id
    sessions {
      id
      createdAt
      lastUsedAt
      userAgent
      current
    }
  }
}
    `) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  logout
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const SignOutEverywhereDocument = new TypedDocumentString(`
    mutation SignOutEverywhere {
  logoutAll
}
    `) as unknown as TypedDocumentString<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;