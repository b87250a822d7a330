import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// Stored as epoch milliseconds, sent as ISO 8601 in UTC.
const toIso = (value: unknown): string => {
  const date = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent this value');
  return date.toISOString();
};

const fromIso = (value: unknown): string => {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new GraphQLError('DateTime must be an ISO 8601 string');
  return new Date(value).toISOString();
};

export const dateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in time, as an ISO 8601 string in UTC.',
  serialize: toIso,
  parseValue: fromIso,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return fromIso(ast.value);
  },
});
