// Every operation the page sends. `npm run codegen` reads the graphql(`...`)
// calls here and types them in ./gql/, so results and variables are checked
// by the compiler against the live schema.
import { graphql } from './gql/index.js';

// What sign-up, sign-in and refresh all return: the client keeps the pair.
export const TokensFragment = graphql(`
  fragment Tokens on AuthPayload {
    accessToken
    refreshToken
    expiresIn
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($email: String!, $password: String!) {
    signup(email: $email, password: $password) {
      ...Tokens
      deviceToken
    }
  }
`);

export const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!, $deviceToken: String) {
    login(email: $email, password: $password, deviceToken: $deviceToken) {
      ...Tokens
      deviceToken
    }
  }
`);

export const RefreshDocument = graphql(`
  mutation Refresh($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      ...Tokens
    }
  }
`);

export const MeDocument = graphql(`
  query Me {
    me {
      id
      email
      role
      createdAt
      emailVerified
    }
  }
`);

export const MySessionsDocument = graphql(`
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
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    logout
  }
`);

export const RevokeSessionDocument = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export const SignOutEverywhereDocument = graphql(`
  mutation SignOutEverywhere {
    logoutAll
  }
`);
