import type { GraphQLFormattedError } from 'graphql';

// Apollo gives every error without a code INTERNAL_SERVER_ERROR. Its message
// may hold SQL, paths or secrets: the client gets a generic one, and the
// error-log plugin logs the real error with its stack and request id.
export const internalErrorMessage = 'Internal server error';

export const formatError = (formatted: GraphQLFormattedError): GraphQLFormattedError =>
  formatted.extensions?.['code'] !== 'INTERNAL_SERVER_ERROR'
    ? formatted
    : { message: internalErrorMessage, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
