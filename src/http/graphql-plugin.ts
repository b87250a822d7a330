// The server's one Apollo plugin. Apollo calls every plugin at every stage of
// every request (an async call each, gathered with Promise.all), so the
// per-request work lives in one plugin whose few stages call each concern in
// turn, in a fixed order; each concern is a plain function in its own file.
// The listener holds no per-request state (the request log finds its trace
// through the context), so one listener serves every request.
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import type { DatabaseOutage } from '../platform/database-outage.js';
import type { RequestContext } from '../platform/request-context.js';
import { getMutationStatus } from './get-mutation-status.js';
import type { RequestLog } from './request-log.js';
import { serviceUnavailableStatus } from './service-unavailable-status.js';
import { refuseSubscription } from './subscription-refusal.js';
import { createUnexpectedErrorLog } from './unexpected-error-log.js';

export interface GraphqlPluginDeps {
  readonly requestLog: RequestLog;
  readonly outage: DatabaseOutage;
  /** The rate limiter's headers and status (rate-limit/rate-limit-response.ts). */
  readonly rateLimitResponse: (requestContext: GraphQLRequestContextWillSendResponse<RequestContext>) => void;
}

export function createGraphqlPlugin({ requestLog, outage, rateLimitResponse }: GraphqlPluginDeps): ApolloServerPlugin<RequestContext> {
  const logUnexpectedErrors = createUnexpectedErrorLog(outage);
  const listener: GraphQLRequestListener<RequestContext> = {
    async didResolveOperation(requestContext) {
      requestLog.operationResolved(requestContext); // the request line names even a refused subscription
      refuseSubscription(requestContext.operation);
    },
    // Only mutations get a per-field hook (it times the login field): a
    // willResolveField hook makes Apollo wrap every field of the operation.
    async executionDidStart({ operation }) {
      return operation?.operation === 'mutation' ? requestLog.mutationExecution : undefined;
    },
    async didEncounterErrors(requestContext) {
      logUnexpectedErrors(requestContext);
      requestLog.errorsEncountered(requestContext);
    },
    // The rate limiter's Retry-After first: the database's takes the larger of the two.
    async willSendResponse(requestContext) {
      rateLimitResponse(requestContext);
      serviceUnavailableStatus(requestContext);
      getMutationStatus(requestContext);
    },
  };
  return {
    async requestDidStart(requestContext) {
      requestLog.started(requestContext);
      return listener;
    },
  };
}
