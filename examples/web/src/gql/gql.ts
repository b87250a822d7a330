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
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeysScreen {\n    apiKeys {\n      ...ApiKeyFields\n    }\n    apiScopes {\n      name\n      description\n    }\n  }\n": typeof types.ApiKeysScreenDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresIn: String) {\n    createApiKey(name: $name, scopes: $scopes, expiresIn: $expiresIn) {\n      key\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment NoteFields on Note {\n    id\n    title\n    body\n    createdAt\n    updatedAt\n  }\n": typeof types.NoteFieldsFragmentDoc,
    "\n  query MyNotes($first: Int!, $after: String) {\n    notes(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...NoteFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyNotesDocument,
    "\n  mutation CreateNote($title: String!, $body: String!) {\n    createNote(title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n": typeof types.CreateNoteDocument,
    "\n  mutation UpdateNote($id: ID!, $title: String!, $body: String!) {\n    updateNote(id: $id, title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n": typeof types.UpdateNoteDocument,
    "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n": typeof types.DeleteNoteDocument,
    "\n  fragment Tokens on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n  }\n": typeof types.TokensFragmentDoc,
    "\n  mutation SignUp($email: String!, $password: String!) {\n    signup(email: $email, password: $password) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($email: String!, $password: String!, $deviceToken: String) {\n    login(email: $email, password: $password, deviceToken: $deviceToken) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...Tokens\n    }\n  }\n": typeof types.RefreshDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      role\n      createdAt\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MySessions {\n    me {\n      id\n      sessions {\n        id\n        createdAt\n        lastUsedAt\n        userAgent\n        current\n      }\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": typeof types.SignOutDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation SignOutEverywhere {\n    logoutAll\n  }\n": typeof types.SignOutEverywhereDocument,
};
const documents: Documents = {
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeysScreen {\n    apiKeys {\n      ...ApiKeyFields\n    }\n    apiScopes {\n      name\n      description\n    }\n  }\n": types.ApiKeysScreenDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresIn: String) {\n    createApiKey(name: $name, scopes: $scopes, expiresIn: $expiresIn) {\n      key\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": types.RevokeApiKeyDocument,
    "\n  fragment NoteFields on Note {\n    id\n    title\n    body\n    createdAt\n    updatedAt\n  }\n": types.NoteFieldsFragmentDoc,
    "\n  query MyNotes($first: Int!, $after: String) {\n    notes(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...NoteFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyNotesDocument,
    "\n  mutation CreateNote($title: String!, $body: String!) {\n    createNote(title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n": types.CreateNoteDocument,
    "\n  mutation UpdateNote($id: ID!, $title: String!, $body: String!) {\n    updateNote(id: $id, title: $title, body: $body) {\n      ...NoteFields\n    }\n  }\n": types.UpdateNoteDocument,
    "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n": types.DeleteNoteDocument,
    "\n  fragment Tokens on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n  }\n": types.TokensFragmentDoc,
    "\n  mutation SignUp($email: String!, $password: String!) {\n    signup(email: $email, password: $password) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($email: String!, $password: String!, $deviceToken: String) {\n    login(email: $email, password: $password, deviceToken: $deviceToken) {\n      ...Tokens\n      deviceToken\n    }\n  }\n": types.SignInDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...Tokens\n    }\n  }\n": types.RefreshDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      role\n      createdAt\n    }\n  }\n": types.MeDocument,
    "\n  query MySessions {\n    me {\n      id\n      sessions {\n        id\n        createdAt\n        lastUsedAt\n        userAgent\n        current\n      }\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": types.SignOutDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  mutation SignOutEverywhere {\n    logoutAll\n  }\n": types.SignOutEverywhereDocument,
};

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
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      role\n      createdAt\n    }\n  }\n"): typeof import('./graphql').MeDocument;
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
