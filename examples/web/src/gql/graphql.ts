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

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { readonly requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { readonly resetPassword: boolean };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { readonly verifyEmail: { readonly id: string } };

export type RequestEmailVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type RequestEmailVerificationMutation = { readonly requestEmailVerification: boolean };

export type RequestEmailChangeMutationVariables = Exact<{
  newEmail: string;
  currentPassword: string;
}>;


export type RequestEmailChangeMutation = { readonly requestEmailChange: boolean };

export type ConfirmEmailChangeMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmEmailChangeMutation = { readonly confirmEmailChange: { readonly id: string } };

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

export type VerifyMfaMutationVariables = Exact<{
  mfaToken: string;
  code: string;
}>;


export type VerifyMfaMutation = { readonly verifyMfa: { readonly deviceToken: string | null, readonly accessToken: string, readonly refreshToken: string, readonly expiresIn: number } };

export type StartPasskeyLoginMutationVariables = Exact<{
  email?: string | null | undefined;
}>;


export type StartPasskeyLoginMutation = { readonly startPasskeyLogin: { readonly challengeId: string, readonly options: unknown } };

export type FinishPasskeyLoginMutationVariables = Exact<{
  challengeId: string | number;
  response: unknown;
}>;


export type FinishPasskeyLoginMutation = { readonly finishPasskeyLogin: { readonly deviceToken: string | null, readonly accessToken: string, readonly refreshToken: string, readonly expiresIn: number } };

export type ReauthenticateMutationVariables = Exact<{
  password?: string | null | undefined;
  code?: string | null | undefined;
}>;


export type ReauthenticateMutation = { readonly reauthenticate: { readonly accessToken: string, readonly refreshToken: string, readonly expiresIn: number } };

export type MySecurityQueryVariables = Exact<{ [key: string]: never; }>;


export type MySecurityQuery = { readonly me: { readonly id: string, readonly mfaEnabled: boolean, readonly passkeys: ReadonlyArray<{ readonly id: string, readonly name: string, readonly createdAt: string, readonly lastUsedAt: string | null }> } | null };

export type EnrollTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type EnrollTotpMutation = { readonly enrollTotp: { readonly secret: string, readonly uri: string, readonly qrCodeSvg: string } };

export type ConfirmTotpMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpMutation = { readonly confirmTotp: { readonly codes: ReadonlyArray<string> } };

export type DisableTotpMutationVariables = Exact<{
  code: string;
}>;


export type DisableTotpMutation = { readonly disableTotp: boolean };

export type RegenerateRecoveryCodesMutationVariables = Exact<{ [key: string]: never; }>;


export type RegenerateRecoveryCodesMutation = { readonly regenerateRecoveryCodes: { readonly codes: ReadonlyArray<string> } };

export type StartPasskeyRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPasskeyRegistrationMutation = { readonly startPasskeyRegistration: unknown };

export type FinishPasskeyRegistrationMutationVariables = Exact<{
  response: unknown;
  name?: string | null | undefined;
}>;


export type FinishPasskeyRegistrationMutation = { readonly finishPasskeyRegistration: { readonly id: string, readonly name: string } };

export type RemovePasskeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RemovePasskeyMutation = { readonly removePasskey: boolean };

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


export type MeQuery = { readonly me: { readonly id: string, readonly email: string, readonly role: Role, readonly createdAt: string, readonly emailVerified: boolean } | null };

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
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token) {
    id
  }
}
    `) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const RequestEmailVerificationDocument = new TypedDocumentString(`
    mutation RequestEmailVerification {
  requestEmailVerification
}
    `) as unknown as TypedDocumentString<RequestEmailVerificationMutation, RequestEmailVerificationMutationVariables>;
export const RequestEmailChangeDocument = new TypedDocumentString(`
    mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {
  requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)
}
    `) as unknown as TypedDocumentString<RequestEmailChangeMutation, RequestEmailChangeMutationVariables>;
export const ConfirmEmailChangeDocument = new TypedDocumentString(`
    mutation ConfirmEmailChange($token: String!) {
  confirmEmailChange(token: $token) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConfirmEmailChangeMutation, ConfirmEmailChangeMutationVariables>;
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
export const VerifyMfaDocument = new TypedDocumentString(`
    mutation VerifyMfa($mfaToken: String!, $code: String!) {
  verifyMfa(mfaToken: $mfaToken, code: $code) {
    ...Tokens
    deviceToken
  }
}
    fragment Tokens on AuthPayload {
  accessToken
  refreshToken
  expiresIn
}`) as unknown as TypedDocumentString<VerifyMfaMutation, VerifyMfaMutationVariables>;
export const StartPasskeyLoginDocument = new TypedDocumentString(`
    mutation StartPasskeyLogin($email: String) {
  startPasskeyLogin(email: $email) {
    challengeId
    options
  }
}
    `) as unknown as TypedDocumentString<StartPasskeyLoginMutation, StartPasskeyLoginMutationVariables>;
export const FinishPasskeyLoginDocument = new TypedDocumentString(`
    mutation FinishPasskeyLogin($challengeId: ID!, $response: JSON!) {
  finishPasskeyLogin(challengeId: $challengeId, response: $response) {
    ...Tokens
    deviceToken
  }
}
    fragment Tokens on AuthPayload {
  accessToken
  refreshToken
  expiresIn
}`) as unknown as TypedDocumentString<FinishPasskeyLoginMutation, FinishPasskeyLoginMutationVariables>;
export const ReauthenticateDocument = new TypedDocumentString(`
    mutation Reauthenticate($password: String, $code: String) {
  reauthenticate(password: $password, code: $code) {
    ...Tokens
  }
}
    fragment Tokens on AuthPayload {
  accessToken
  refreshToken
  expiresIn
}`) as unknown as TypedDocumentString<ReauthenticateMutation, ReauthenticateMutationVariables>;
export const MySecurityDocument = new TypedDocumentString(`
    query MySecurity {
  me {
    id
    mfaEnabled
    passkeys {
      id
      name
      createdAt
      lastUsedAt
    }
  }
}
    `) as unknown as TypedDocumentString<MySecurityQuery, MySecurityQueryVariables>;
export const EnrollTotpDocument = new TypedDocumentString(`
    mutation EnrollTotp {
  enrollTotp {
    secret
    uri
    qrCodeSvg
  }
}
    `) as unknown as TypedDocumentString<EnrollTotpMutation, EnrollTotpMutationVariables>;
export const ConfirmTotpDocument = new TypedDocumentString(`
    mutation ConfirmTotp($code: String!) {
  confirmTotp(code: $code) {
    codes
  }
}
    `) as unknown as TypedDocumentString<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const DisableTotpDocument = new TypedDocumentString(`
    mutation DisableTotp($code: String!) {
  disableTotp(code: $code)
}
    `) as unknown as TypedDocumentString<DisableTotpMutation, DisableTotpMutationVariables>;
export const RegenerateRecoveryCodesDocument = new TypedDocumentString(`
    mutation RegenerateRecoveryCodes {
  regenerateRecoveryCodes {
    codes
  }
}
    `) as unknown as TypedDocumentString<RegenerateRecoveryCodesMutation, RegenerateRecoveryCodesMutationVariables>;
export const StartPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation StartPasskeyRegistration {
  startPasskeyRegistration
}
    `) as unknown as TypedDocumentString<StartPasskeyRegistrationMutation, StartPasskeyRegistrationMutationVariables>;
export const FinishPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation FinishPasskeyRegistration($response: JSON!, $name: String) {
  finishPasskeyRegistration(response: $response, name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables>;
export const RemovePasskeyDocument = new TypedDocumentString(`
    mutation RemovePasskey($id: ID!) {
  removePasskey(id: $id)
}
    `) as unknown as TypedDocumentString<RemovePasskeyMutation, RemovePasskeyMutationVariables>;
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
    emailVerified
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