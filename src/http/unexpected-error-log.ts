import type { GraphQLRequestContextDidEncounterErrors } from '@apollo/server';
import type { DatabaseOutage } from '../platform/database-outage.js';
import { AppError, ErrorCode } from '../platform/errors.js';
import type { RequestContext } from '../platform/request-context.js';

/**
 * Logs, with the request id and stack, every error the client sees only as
 * INTERNAL_SERVER_ERROR. A database outage is not one: its failures are
 * counted into one warning every few seconds (platform/database-outage.ts).
 */
export const createUnexpectedErrorLog =
  (outage: DatabaseOutage) =>
  ({ errors, contextValue }: GraphQLRequestContextDidEncounterErrors<RequestContext>): void => {
    for (const error of errors) {
      const original = error.originalError ?? error;
      const code = error.extensions['code'];
      if (original instanceof AppError || (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR)) continue;
      if (outage.explains(original)) outage.record(original);
      else contextValue.log.error({ err: original, path: error.path }, 'unexpected error');
    }
  };
