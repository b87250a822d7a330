import type { OperationDefinitionNode } from 'graphql';
import { BadRequestError } from '../platform/errors.js';

/**
 * This server serves queries and mutations over HTTP only. A `subscription`
 * would otherwise reach graphql-js's execute, fail there as an internal error
 * and log a stack trace on every request: it is a request that cannot run, so
 * a 400 BAD_REQUEST, refused once the operation is known (after the operation
 * limits have measured it), before anything executes.
 */
export function refuseSubscription(operation: OperationDefinitionNode | undefined): void {
  if (operation?.operation === 'subscription') throw new BadRequestError('subscriptions are not supported');
}
