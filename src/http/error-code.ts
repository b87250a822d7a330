import { GraphQLError } from 'graphql';
import { ErrorCode } from '../platform/errors.js';

/** An error's code as the client sees it: Apollo reports an uncoded error as INTERNAL_SERVER_ERROR. */
export function errorCode(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  return typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}
