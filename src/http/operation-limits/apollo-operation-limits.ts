import type { GraphQLFormattedError, ParseOptions, ValidationRule } from 'graphql';
import type { Config } from '../../platform/config.js';
import { operationLimitsRule } from './operation-limits-rule.js';
import { relabelTokenLimit, tokenLimitParseOptions } from './token-limit.js';

// Not graphql-armor: its cost rule cannot see page sizes given as variables or
// defaults, and each of its limits is one more validation rule (README,
// "Hand-written pieces and why"; bench/operation-limits-validation.ts).
/** The ApolloServer options that enforce the operation limits: tokens at parse, the rest at validation. */
export function apolloOperationLimits(limits: Config['operationLimits']): {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  relabelError: (formatted: GraphQLFormattedError) => GraphQLFormattedError;
} {
  return { parseOptions: tokenLimitParseOptions(limits.maxTokens), validationRules: [operationLimitsRule(limits)], relabelError: relabelTokenLimit };
}
