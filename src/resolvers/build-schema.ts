import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types.js';

// schema/ sits two levels above this module both in src/ and in dist/src/ (the build copies it).
export const schemaDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema');

/** The SDL files of schema/, in name order so the schema is the same on every machine. */
export function loadTypeDefs(directory = schemaDirectory): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(join(directory, name), 'utf8'));
}

export function buildSchema(typeDefs: readonly string[], resolvers: Resolvers): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: [...typeDefs], resolvers, inheritResolversFromInterfaces: true });
}
