// Every operation of two-step sign-in, passkeys and step-up the page sends,
// typed by `npm run codegen` in ./gql/ like the others.
import { graphql } from './gql/index.js';

export const VerifyMfaDocument = graphql(`
  mutation VerifyMfa($mfaToken: String!, $code: String!) {
    verifyMfa(mfaToken: $mfaToken, code: $code) {
      ...Tokens
      deviceToken
    }
  }
`);

export const StartPasskeyLoginDocument = graphql(`
  mutation StartPasskeyLogin($email: String) {
    startPasskeyLogin(email: $email) {
      challengeId
      options
    }
  }
`);

export const FinishPasskeyLoginDocument = graphql(`
  mutation FinishPasskeyLogin($challengeId: ID!, $response: JSON!) {
    finishPasskeyLogin(challengeId: $challengeId, response: $response) {
      ...Tokens
      deviceToken
    }
  }
`);

export const ReauthenticateDocument = graphql(`
  mutation Reauthenticate($password: String, $code: String) {
    reauthenticate(password: $password, code: $code) {
      ...Tokens
    }
  }
`);

export const MySecurityDocument = graphql(`
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
`);

export const EnrollTotpDocument = graphql(`
  mutation EnrollTotp {
    enrollTotp {
      secret
      uri
      qrCodeSvg
    }
  }
`);

export const ConfirmTotpDocument = graphql(`
  mutation ConfirmTotp($code: String!) {
    confirmTotp(code: $code) {
      codes
    }
  }
`);

export const DisableTotpDocument = graphql(`
  mutation DisableTotp($code: String!) {
    disableTotp(code: $code)
  }
`);

export const RegenerateRecoveryCodesDocument = graphql(`
  mutation RegenerateRecoveryCodes {
    regenerateRecoveryCodes {
      codes
    }
  }
`);

export const StartPasskeyRegistrationDocument = graphql(`
  mutation StartPasskeyRegistration {
    startPasskeyRegistration
  }
`);

export const FinishPasskeyRegistrationDocument = graphql(`
  mutation FinishPasskeyRegistration($response: JSON!, $name: String) {
    finishPasskeyRegistration(response: $response, name: $name) {
      id
      name
    }
  }
`);

export const RemovePasskeyDocument = graphql(`
  mutation RemovePasskey($id: ID!) {
    removePasskey(id: $id)
  }
`);
