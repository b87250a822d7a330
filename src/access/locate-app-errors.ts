// graphql-js gives a field's error its place in the response (path and
// locations) by wrapping it in a new GraphQLError, which captures and formats
// a stack trace nobody reads. For an AppError (an answer such as RATE_LIMITED,
// never a fault: platform/errors.ts) on a mutation, where floods of refused
// sign-ins land, that was the largest single item in a CPU profile of a
// flood (bench/profile.ts flood). Such errors
// are placed here instead, exactly as graphql-js would (same message,
// locations, path, extensions and originalError), without a stack trace;
// graphql-js passes an error that already has a path through as it is.
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import { AppError } from '../platform/errors.js';

function located(error: unknown, info: GraphQLResolveInfo): unknown {
  if (!(error instanceof AppError)) return error;
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(error.message, { nodes: info.fieldNodes, path: responsePathAsArray(info.path), originalError: error });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

export const locateAppErrors: IMiddlewareTypeMap = {
  async Mutation(resolve, parent, args, context, info: GraphQLResolveInfo) {
    try {
      // Shield returns (rather than throws) the error of a refusing rule.
      return located(await resolve(parent, args, context, info), info);
    } catch (error) {
      throw located(error, info);
    }
  },
};
