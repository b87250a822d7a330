// The boot check: a schema in which any reachable field declares no access
// must not start, and the error names every such field.
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/create-database.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';
import { startTestServer, testEnv } from '../helpers/start-test-server.js';

const silent = { write: () => undefined };

/** createApp over the real schema/ plus `extra` SDL; resolves to the app or rejects with the boot error. */
async function boot(extra: string) {
  const config = loadConfig(testEnv());
  const database = await createDatabase(config.databaseUrl);
  try {
    const app = await createApp(config, { database, logDestination: silent, typeDefs: [...loadTypeDefs(), extra] });
    await app.close();
  } finally {
    await database.close();
  }
}

describe('deny by default at boot', () => {
  it('starts with the real schema (the control case)', async () => {
    const server = await startTestServer();
    await server.close();
  });

  it('refuses an undeclared Query field, naming Type.field', async () => {
    await expect(boot('extend type Query { secrets: [String!]! }')).rejects.toThrow(/Query\.secrets: no @auth or @public/);
  });

  it('refuses an undeclared Mutation field', async () => {
    await expect(boot('extend type Mutation { wipe: Boolean! }')).rejects.toThrow(/Mutation\.wipe: no @auth or @public/);
  });

  it('refuses an undeclared field on an object type reached only through a declared field', async () => {
    const sdl = 'type Billing { plan: String! @public cardNumber: String! } extend type User { billing: Billing @auth(requires: OWNER) }';
    const error = await boot(sdl).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AccessDeclarationError');
    expect((error as Error).message).toMatch(/Billing\.cardNumber: no @auth or @public/);
    expect((error as Error).message).not.toMatch(/Billing\.plan|User\.billing/);
  });

  it('follows unions and interfaces to every possible type', async () => {
    const sdl = `interface Node { id: ID! } type Invoice implements Node { id: ID! total: Int! }
      union SearchHit = User | Invoice
      extend type Query { search(term: String!): [SearchHit!]! @auth node(id: ID!): Node @auth }`;
    await expect(boot(sdl)).rejects.toThrow(/Invoice\.id: no @auth or @public[\s\S]*Invoice\.total/);
  });

  it('names every problem at once', async () => {
    const sdl = 'extend type Query { a: Int b: Int } extend type Mutation { c: Int }';
    await expect(boot(sdl)).rejects.toThrow(/Query\.a[\s\S]*Query\.b[\s\S]*Mutation\.c/);
  });

  it('accepts a declaration on the type instead of the field', async () => {
    await expect(boot('type Plan @public { name: String! } extend type Query { plans: [Plan!]! @auth }')).resolves.toBeUndefined();
  });

  it('refuses @auth and @public together, and an owner rule naming a missing argument', async () => {
    await expect(boot('extend type Query { both: Int @auth @public }')).rejects.toThrow(/Query\.both: declares both @auth and @public/);
    await expect(boot('extend type Query { mine(userId: ID!): User @auth(requires: OWNER) }')).rejects.toThrow(/Query\.mine: .*names argument "id"/);
  });

  it('ignores types nothing reaches', async () => {
    await expect(boot('type Orphan { anything: String }')).resolves.toBeUndefined();
  });
});
