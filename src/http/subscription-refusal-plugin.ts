import type { ApolloServerPlugin } from '@apollo/server';
import { BadRequestError } from '../platform/errors.js';
import type { RequestContext } from '../platform/request-context.js';

/**
 * This server serves queries and mutations over HTTP only. A `subscription`
 * would otherwise reach graphql-js's execute, fail there as an internal error
 * and log a stack trace on every request: it is a request that cannot run, so
 * a 400 BAD_REQUEST, refused once the operation is known (after the operation
 * limits have measured it), before anything executes.
 */
export const subscriptionRefusalPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') throw new BadRequestError('subscriptions are not supported');
      },
    };
  },
};
