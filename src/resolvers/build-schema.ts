import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types.js';
import { BootError } from '../platform/boot-error.js';

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

/** The SDL does not parse, names an unknown type, or disagrees with the resolvers. */
export class SchemaDeclarationError extends BootError {
  override readonly name = 'SchemaDeclarationError';
}

export function buildSchema(typeDefs: readonly string[], resolvers: Resolvers): GraphQLSchema {
  try {
    return makeExecutableSchema({ typeDefs: [...typeDefs], resolvers, inheritResolversFromInterfaces: true });
  } catch (error) {
    // A GraphQLError prints the offending line of SDL under its message.
    const text = error instanceof GraphQLError ? error.toString() : error instanceof Error ? error.message : String(error);
    throw new SchemaDeclarationError(`The schema does not build; fix it in schema/ or src/<domain>/*.graphql:\n${text}`, { cause: error });
  }
}
