// The operations of the flows that go through mail: forgotten password,
// email verification and email change. Typed by `npm run codegen` like the
// others (./gql/).
import { graphql } from './gql/index.js';

export const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordDocument = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

export const VerifyEmailDocument = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      id
    }
  }
`);

export const RequestEmailVerificationDocument = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification
  }
`);

export const RequestEmailChangeDocument = graphql(`
  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {
    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)
  }
`);

export const ConfirmEmailChangeDocument = graphql(`
  mutation ConfirmEmailChange($token: String!) {
    confirmEmailChange(token: $token) {
      id
    }
  }
`);
