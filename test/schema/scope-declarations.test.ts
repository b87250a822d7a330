// Scopes are declared in the SDL (`extend schema @scope(name:, description:)`)
// and the boot refuses any it cannot stand behind: a field naming a scope
// nobody declared, a declared scope nothing uses, a malformed or duplicate
// name, a scope without a description.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/create-database.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';
import { testEnv } from '../helpers/start-test-server.js';

const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

async function boot(extra: readonly string[]) {
  const config = loadConfig(testEnv());
  const database = await createDatabase(config.databaseUrl);
  try {
    const app = await createApp(config, { database, logDestination: silent, typeDefs: [...loadTypeDefs(), ...extra] });
    await app.close();
  } finally {
    await database.close();
  }
}

describe('scope declarations the boot refuses', () => {
  it('starts with the real schema and a new scope that a field uses (the control case)', async () => {
    await expect(boot(['extend schema @scope(name: "reports:read", description: "Read reports.")\nextend type Query { report: Int @auth(scopes: ["reports:read"]) }'])).resolves.toBeUndefined();
  });

  it('a scope a field names that nothing declares, naming the declared ones', async () => {
    await expect(boot(['extend type Query { report: Int @auth(scopes: ["reports:read"]) }'])).rejects.toThrow(
      /Query\.report: scope "reports:read" is not declared \(declare it with `extend schema @scope\(name: "reports:read", description: "…"\)`; declared: profile:read, users:read, notes:read, notes:write\)/,
    );
  });

  it('a scope on a public root field that nothing declares', async () => {
    await expect(boot(['extend type Query { stats: Int @public(scopes: ["stats:read"]) }'])).rejects.toThrow(/Query\.stats: scope "stats:read" is not declared/);
  });

  it('a declared scope no field uses', async () => {
    await expect(boot(['extend schema @scope(name: "reports:read", description: "Read reports.")'])).rejects.toThrow(/scope "reports:read" is declared \(@scope\) but no reachable field names it/);
  });

  it.each([
    ['a malformed name', '@scope(name: "Reports Read", description: "x")', /@scope\(name: "Reports Read"\): a scope is lower-case words joined by ":"/],
    ['a name declared twice', '@scope(name: "notes:read", description: "again")', /@scope\(name: "notes:read"\) is declared twice/],
    ['an empty description', '@scope(name: "reports:read", description: " ")', /@scope\(name: "reports:read"\) needs a description/],
  ])('%s', async (_why, declaration, says) => {
    await expect(boot([`extend schema ${declaration}\nextend type Query { report: Int @auth(scopes: ["reports:read"]) }`])).rejects.toThrow(says);
  });
});
