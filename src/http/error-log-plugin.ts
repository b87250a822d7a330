import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../platform/errors.js';
import type { RequestContext } from '../platform/request-context.js';

/** Logs, with the request id and stack, every error the client sees only as INTERNAL_SERVER_ERROR. */
export const errorLogPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const original = error.originalError ?? error;
          const code = error.extensions['code'];
          if (original instanceof AppError || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) continue;
          contextValue.log.error({ err: original, path: error.path }, 'unexpected error');
        }
      },
    };
  },
};
