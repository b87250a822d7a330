import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types.js';

// schema/ sits two levels above this module both in src/ and in dist/src/
// (the build copies it), and each domain's folder one level above.
const here = dirname(fileURLToPath(import.meta.url));
export const schemaDirectory = resolve(here, '../../schema');
const sourceDirectory = resolve(here, '..');

const sdlIn = (directory: string): string[] =>
  readdirSync(directory)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => join(directory, name));

/** Every src/<domain>/*.graphql: a domain's SDL lives beside its code. */
function domainSdlFiles(): string[] {
  return readdirSync(sourceDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => sdlIn(join(sourceDirectory, name)));
}

/** The SDL of schema/, then of every domain, in name order so the schema is the same on every machine. */
export function loadTypeDefs(directory = schemaDirectory): string[] {
  return [...sdlIn(directory), ...domainSdlFiles()].map((path) => readFileSync(path, 'utf8'));
}

export function buildSchema(typeDefs: readonly string[], resolvers: Resolvers): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: [...typeDefs], resolvers, inheritResolversFromInterfaces: true });
}
