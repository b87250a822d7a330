import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { DatabaseOutage } from '../platform/database-outage.js';
import { DatabaseUnavailableError, ErrorCode } from '../platform/errors.js';

// Apollo gives every error without a code INTERNAL_SERVER_ERROR. Its message
// may hold SQL, paths or secrets: the client gets a generic one, and the
// unexpected-error log (unexpected-error-log.ts) writes the real error with its stack and request id.
export const internalErrorMessage = 'Internal server error';

export const formatError = (formatted: GraphQLFormattedError): GraphQLFormattedError =>
  formatted.extensions?.['code'] !== ErrorCode.INTERNAL_SERVER_ERROR
    ? formatted
    : { message: internalErrorMessage, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };

/**
 * formatError, except that a field which failed because the database could not
 * be reached (whatever the driver threw, deep in a resolver, a policy or a
 * loader) is shown as DatabaseUnavailableError: the client learns to retry.
 */
export function createFormatError(outage: DatabaseOutage): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  const { message, extensions } = new DatabaseUnavailableError();
  return (formatted, error) =>
    formatted.extensions?.['code'] === ErrorCode.INTERNAL_SERVER_ERROR && outage.explains(unwrapResolverError(error))
      ? { message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { ...extensions } }
      : formatError(formatted);
}
