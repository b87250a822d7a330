/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n": typeof types.RequestEmailVerificationDocument,
    "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)\n  }\n": typeof types.RequestEmailChangeDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token) {\n      id\n    }\n  }\n": typeof types.ConfirmEmailChangeDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeysScreen {\n    apiKeys {\n      ...ApiKeyFields\n    }\n    apiScopes {\n      name\n      description\n    }\n  }\n": typeof types.ApiKeysScreenDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresIn: String) {\n    createApiKey(name: $name, scopes: $scopes, expiresIn: $expiresIn) {\n      key\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation VerifyMfa($mfaToken: String!, $code: String!) {\n    verifyMfa(mfaToken: $mfaToken, code: $code) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": typeof types.VerifyMfaDocument,
    "\n  mutation StartPasskeyLogin($email: String) {\n    startPasskeyLogin(email: $email) {\n      challengeId\n      options\n    }\n  }\n": typeof types.StartPasskeyLoginDocument,
    "\n  mutation FinishPasskeyLogin($challengeId: ID!, $response: JSON!) {\n    finishPasskeyLogin(challengeId: $challengeId, response: $response) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": typeof types.FinishPasskeyLoginDocument,
    "\n  mutation Reauthenticate($password: String, $code: String) {\n    reauthenticate(password: $password, code: $code) {\n      ...Tokens\n    }\n  }\n": typeof types.ReauthenticateDocument,
    "\n  query MySecurity {\n    me {\n      id\n      mfaEnabled\n      passkeys {\n        id\n        name\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n": typeof types.MySecurityDocument,
    "\n  mutation EnrollTotp {\n    enrollTotp {\n      secret\n      uri\n      qrCodeSvg\n    }\n  }\n": typeof types.EnrollTotpDocument,
    "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) {\n      codes\n    }\n  }\n": typeof types.ConfirmTotpDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": typeof types.DisableTotpDocument,
    "\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      codes\n    }\n  }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration\n  }\n": typeof types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.FinishPasskeyRegistrationDocument,
    "\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id)\n  }\n": typeof types.RemovePasskeyDocument,
    "\n  fragment NoteFields on Note {\n    id\n    title\n    body\n    createdAt\n    updatedAt\n  }\n": typeof types.NoteFieldsFragmentDoc,
    "\n  query MyNotes($first: Int!, $after: String) {\n    notes(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...NoteFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyNotesDocument,
    "\n  mutation CreateNote($title: String!, $body: String!) {\n    createNote(title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n": typeof types.CreateNoteDocument,
    "\n  mutation UpdateNote($id: ID!, $title: String!, $body: String!) {\n    updateNote(id: $id, title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n": typeof types.UpdateNoteDocument,
    "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n": typeof types.DeleteNoteDocument,
    "\n  fragment Tokens on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n  }\n": typeof types.TokensFragmentDoc,
    "\n  mutation SignUp($email: String!, $password: String!) {\n    signup(email: $email, password: $password) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($email: String!, $password: String!, $deviceToken: String) {\n    login(email: $email, password: $password, deviceToken: $deviceToken) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...Tokens\n    }\n  }\n": typeof types.RefreshDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      role\n      createdAt\n      emailVerified\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MySessions {\n    me {\n      id\n      sessions {\n        id\n        createdAt\n        lastUsedAt\n        userAgent\n        current\n      }\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": typeof types.SignOutDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation SignOutEverywhere {\n    logoutAll\n  }\n": typeof types.SignOutEverywhereDocument,
};
const documents: Documents = {
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n": types.RequestEmailVerificationDocument,
    "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)\n  }\n": types.RequestEmailChangeDocument,
    "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token) {\n      id\n    }\n  }\n": types.ConfirmEmailChangeDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeysScreen {\n    apiKeys {\n      ...ApiKeyFields\n    }\n    apiScopes {\n      name\n      description\n    }\n  }\n": types.ApiKeysScreenDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresIn: String) {\n    createApiKey(name: $name, scopes: $scopes, expiresIn: $expiresIn) {\n      key\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation VerifyMfa($mfaToken: String!, $code: String!) {\n    verifyMfa(mfaToken: $mfaToken, code: $code) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": types.VerifyMfaDocument,
    "\n  mutation StartPasskeyLogin($email: String) {\n    startPasskeyLogin(email: $email) {\n      challengeId\n      options\n    }\n  }\n": types.StartPasskeyLoginDocument,
    "\n  mutation FinishPasskeyLogin($challengeId: ID!, $response: JSON!) {\n    finishPasskeyLogin(challengeId: $challengeId, response: $response) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": types.FinishPasskeyLoginDocument,
    "\n  mutation Reauthenticate($password: String, $code: String) {\n    reauthenticate(password: $password, code: $code) {\n      ...Tokens\n    }\n  }\n": types.ReauthenticateDocument,
    "\n  query MySecurity {\n    me {\n      id\n      mfaEnabled\n      passkeys {\n        id\n        name\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n": types.MySecurityDocument,
    "\n  mutation EnrollTotp {\n    enrollTotp {\n      secret\n      uri\n      qrCodeSvg\n    }\n  }\n": types.EnrollTotpDocument,
    "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) {\n      codes\n    }\n  }\n": types.ConfirmTotpDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": types.DisableTotpDocument,
    "\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      codes\n    }\n  }\n": types.RegenerateRecoveryCodesDocument,
    "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration\n  }\n": types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n      name\n    }\n  }\n": types.FinishPasskeyRegistrationDocument,
    "\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id)\n  }\n": types.RemovePasskeyDocument,
    "\n  fragment NoteFields on Note {\n    id\n    title\n    body\n    createdAt\n    updatedAt\n  }\n": types.NoteFieldsFragmentDoc,
    "\n  query MyNotes($first: Int!, $after: String) {\n    notes(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...NoteFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyNotesDocument,
    "\n  mutation CreateNote($title: String!, $body: String!) {\n    createNote(title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n": types.CreateNoteDocument,
    "\n  mutation UpdateNote($id: ID!, $title: String!, $body: String!) {\n    updateNote(id: $id, title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n": types.UpdateNoteDocument,
    "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n": types.DeleteNoteDocument,
    "\n  fragment Tokens on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n  }\n": types.TokensFragmentDoc,
    "\n  mutation SignUp($email: String!, $password: String!) {\n    signup(email: $email, password: $password) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($email: String!, $password: String!, $deviceToken: String) {\n    login(email: $email, password: $password, deviceToken: $deviceToken) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": types.SignInDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...Tokens\n    }\n  }\n": types.RefreshDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      role\n      createdAt\n      emailVerified\n    }\n  }\n": types.MeDocument,
    "\n  query MySessions {\n    me {\n      id\n      sessions {\n        id\n        createdAt\n        lastUsedAt\n        userAgent\n        current\n      }\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": types.SignOutDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  mutation SignOutEverywhere {\n    logoutAll\n  }\n": types.SignOutEverywhereDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      id\n    }\n  }\n"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n"): typeof import('./graphql').RequestEmailVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)\n  }\n"): typeof import('./graphql').RequestEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEmailChange($token: String!) {\n    confirmEmailChange(token: $token) {\n      id\n    }\n  }\n"): typeof import('./graphql').ConfirmEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n"): typeof import('./graphql').ApiKeyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysScreen {\n    apiKeys {\n      ...ApiKeyFields\n    }\n    apiScopes {\n      name\n      description\n    }\n  }\n"): typeof import('./graphql').ApiKeysScreenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresIn: String) {\n    createApiKey(name: $name, scopes: $scopes, expiresIn: $expiresIn) {\n      key\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyMfa($mfaToken: String!, $code: String!) {\n    verifyMfa(mfaToken: $mfaToken, code: $code) {\n      ...Tokens\n      deviceToken\n    }\n  }\n"): typeof import('./graphql').VerifyMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeyLogin($email: String) {\n    startPasskeyLogin(email: $email) {\n      challengeId\n      options\n    }\n  }\n"): typeof import('./graphql').StartPasskeyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyLogin($challengeId: ID!, $response: JSON!) {\n    finishPasskeyLogin(challengeId: $challengeId, response: $response) {\n      ...Tokens\n      deviceToken\n    }\n  }\n"): typeof import('./graphql').FinishPasskeyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reauthenticate($password: String, $code: String) {\n    reauthenticate(password: $password, code: $code) {\n      ...Tokens\n    }\n  }\n"): typeof import('./graphql').ReauthenticateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySecurity {\n    me {\n      id\n      mfaEnabled\n      passkeys {\n        id\n        name\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n"): typeof import('./graphql').MySecurityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollTotp {\n    enrollTotp {\n      secret\n      uri\n      qrCodeSvg\n    }\n  }\n"): typeof import('./graphql').EnrollTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) {\n      codes\n    }\n  }\n"): typeof import('./graphql').ConfirmTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n"): typeof import('./graphql').DisableTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      codes\n    }\n  }\n"): typeof import('./graphql').RegenerateRecoveryCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration\n  }\n"): typeof import('./graphql').StartPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').FinishPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id)\n  }\n"): typeof import('./graphql').RemovePasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteFields on Note {\n    id\n    title\n    body\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql').NoteFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotes($first: Int!, $after: String) {\n    notes(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...NoteFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MyNotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNote($title: String!, $body: String!) {\n    createNote(title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n"): typeof import('./graphql').CreateNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNote($id: ID!, $title: String!, $body: String!) {\n    updateNote(id: $id, title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n"): typeof import('./graphql').UpdateNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n"): typeof import('./graphql').DeleteNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Tokens on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n  }\n"): typeof import('./graphql').TokensFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($email: String!, $password: String!) {\n    signup(email: $email, password: $password) {\n      ...Tokens\n      deviceToken\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!, $deviceToken: String) {\n    login(email: $email, password: $password, deviceToken: $deviceToken) {\n      ...Tokens\n      deviceToken\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...Tokens\n    }\n  }\n"): typeof import('./graphql').RefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      role\n      createdAt\n      emailVerified\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    me {\n      id\n      sessions {\n        id\n        createdAt\n        lastUsedAt\n        userAgent\n        current\n      }\n    }\n  }\n"): typeof import('./graphql').MySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    logout\n  }\n"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    logoutAll\n  }\n"): typeof import('./graphql').SignOutEverywhereDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
