import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { RequestContext } from '../platform/request-context.js';

/**
 * Apollo refuses a mutation sent over GET (a link or an <img> could trigger
 * it) with 405; the contract answers every request that cannot run with 400.
 * The refusal and its BAD_REQUEST error stay as they are; only the status changes.
 */
export function getMutationStatus({ request, response, operation }: GraphQLRequestContextWillSendResponse<RequestContext>): void {
  if (response.http.status === 405 && request.http?.method === 'GET' && operation !== undefined && operation.operation !== 'query') {
    response.http.status = 400;
  }
}
