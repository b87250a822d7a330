import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** Any JSON value, as it comes: WebAuthn options out, browser responses in (the services check their shape). */
export const jsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
