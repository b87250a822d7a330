// What the declarations guarantee beyond the Note domain's own code: the owner
// rule on `type Note` holds even for a resolver that forgets to filter, the
// boot refuses declarations it cannot enforce, policies are batched per
// request, a page is one query (owners one more), and a @public type with an
// owner-like field is called out.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/create-database.js';
import { createApp } from '../../src/app.js';
import type { DomainModule } from '../../src/domain-module.js';
import { domainModules } from '../../src/modules.js';
import { createSqliteNoteRepository } from '../../src/notes/note-repository.sqlite.js';
import { noteLimits } from '../../src/notes/note-service.js';
import type { UserId } from '../../src/platform/ids.js';
import { newId } from '../../src/platform/ids.js';
import type { PolicyRequest } from '../../src/platform/policy.js';
import { loadConfig } from '../../src/platform/config.js';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';
import { codeOf, signup, signupAdmin } from '../helpers/accounts.js';
import { startTestServer, testEnv } from '../helpers/start-test-server.js';
import { createNote } from './note-queries.js';

const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

/** createApp over the real SDL plus `extra`, with `domains`; resolves once it started (then closes) or rejects with the boot error. */
async function boot(extra: readonly string[], domains: readonly DomainModule[] = domainModules, env = {}) {
  const config = loadConfig(testEnv(env));
  const database = await createDatabase(config.databaseUrl);
  try {
    const app = await createApp(config, { database, logDestination: silent, typeDefs: [...loadTypeDefs(), ...extra], domains });
    await app.close();
  } finally {
    await database.close();
  }
}

/** A domain whose resolver returns every note, as a careless one might. */
const leakyModule: DomainModule = {
  name: 'leaky',
  tables: {},
  mappers: {},
  create: ({ database }) => ({
    resolvers: {
      Query: {
        leakyNotes: async () => {
          if (database.dialect !== 'sqlite') throw new Error('sqlite only');
          const notes = createSqliteNoteRepository(database.db);
          const owners = database.db.all<{ owner_id: string }>('select distinct owner_id from notes').map((row) => row.owner_id as UserId);
          return [...(await notes.pagesOf(owners, undefined, 100)).values()].flat();
        },
      },
    },
  }),
};

describe('the owner rule on type Note', () => {
  it('holds where a resolver returns someone else\'s notes: their fields are refused, nothing leaks', async () => {
    const server = await startTestServer({ env: { DATABASE_URL: ':memory:' }, typeDefs: [...loadTypeDefs(), 'extend type Query { leakyNotes: [Note!]! @auth }'], domains: [...domainModules, leakyModule] });
    try {
      const alice = await signup(server, 'alice@example.com');
      const bob = await signup(server, 'bob@example.com');
      await createNote(server, bob.accessToken, 'bob secret');
      const result = await server.graphql('{ leakyNotes { id title body } }', { token: alice.accessToken });
      expect(JSON.stringify(result.body)).not.toContain('bob secret');
      // Bob's note fails its non-null fields, which nulls the list (and so the answer).
      expect(result.body.data).toBeNull();
      // The first refused field nulls the note, so graphql-js reports only that one.
      expect(result.body.errors).toEqual([{ message: 'Not allowed', locations: [{ line: 1, column: 16 }], path: ['leakyNotes', 0, 'id'], extensions: { code: 'FORBIDDEN' } }]);
    } finally {
      await server.close();
    }
  });
});

describe('declarations the boot refuses', () => {
  it('an ownerField that is not a column of the type\'s table', async () => {
    const sdl = loadTypeDefs().map((text) => text.replace('ownerField: "ownerId"', 'ownerField: "authorId"'));
    await expect(boot([], domainModules, {}).then(() => 'control started')).resolves.toBe('control started');
    const config = loadConfig(testEnv());
    await expect(createApp(config, { logDestination: silent, typeDefs: sdl })).rejects.toThrow(/Note: ownerField "authorId" is not a column of Note's table \(it has id, ownerId, title, body, createdAt, updatedAt\)/);
  });

  it('an ownerField on a type with no table behind it', async () => {
    await expect(boot(['type Plan @auth(requires: OWNER, ownerField: "userId") { name: String! } extend type Query { plans: [Plan!]! @auth }'])).rejects.toThrow(
      /Plan: ownerField "userId" needs the table behind Plan/,
    );
  });

  it('an unknown policy, naming the registered ones', async () => {
    await expect(boot(['extend type Query { secret: Int @auth(policy: "NOT_REGISTERED") }'])).rejects.toThrow(/Query\.secret: policy "NOT_REGISTERED" is not registered \(registered: API_KEY_QUOTA, NOTE_QUOTA\)/);
  });

  it('a registered policy that no field uses', async () => {
    const spare: DomainModule = { name: 'spare', tables: {}, mappers: {}, create: () => ({ resolvers: {}, policies: [{ name: 'SPARE', description: 'unused', decide: async (r) => r.map(() => true) }] }) };
    await expect(boot([], [...domainModules, spare])).rejects.toThrow(/policy "SPARE" is registered but no reachable field uses it/);
  });
});

describe('policies', () => {
  it('are asked once per request for a batch of fields, and a refusal names the policy', async () => {
    const asked: Array<readonly PolicyRequest[]> = [];
    const probe: DomainModule = {
      name: 'probe',
      tables: {},
      mappers: {},
      create: () => ({
        resolvers: { Query: { probe: (_parent: unknown, { n }: { n: number }) => n } },
        policies: [{ name: 'EVEN_ONLY', description: 'even n only', decide: async (requests) => (asked.push(requests), requests.map((r) => (r.args['n'] as number) % 2 === 0)) }],
      }),
    };
    const server = await startTestServer({ typeDefs: [...loadTypeDefs(), 'extend type Query { probe(n: Int!): Int @auth(policy: "EVEN_ONLY") }'], domains: [...domainModules, probe] });
    try {
      const alice = await signup(server, 'alice@example.com');
      const result = await server.graphql('{ a: probe(n: 2) b: probe(n: 3) c: probe(n: 4) }', { token: alice.accessToken });
      expect(result.body.data).toEqual({ a: 2, b: null, c: 4 });
      expect(result.body.errors?.[0]).toMatchObject({ path: ['b'], extensions: { code: 'FORBIDDEN', reason: 'POLICY', policy: 'EVEN_ONLY' } });
      expect(asked.map((batch) => batch.length)).toEqual([3]);
      expect(asked[0]?.every((r) => r.viewer.userId === alice.id)).toBe(true);
      expect(codeOf(await server.graphql('{ probe(n: 2) }'))).toBe('UNAUTHENTICATED');
      expect(asked).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('NOTE_QUOTA refuses a note past the per-user limit', async () => {
    const server = await startTestServer({ env: { DATABASE_URL: ':memory:' } });
    try {
      const alice = await signup(server, 'alice@example.com');
      const { database } = server.app;
      if (database.dialect !== 'sqlite') throw new Error('sqlite only');
      const notes = createSqliteNoteRepository(database.db);
      const now = server.clock.now();
      for (let n = 0; n < noteLimits.perUser; n += 1) await notes.insert({ id: newId() as never, ownerId: alice.id as UserId, title: `n${n}`, body: '', now });
      const result = await server.graphql('mutation { createNote(title: "one too many", body: "") { id } }', { token: alice.accessToken });
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', policy: 'NOTE_QUOTA' });
      expect((await notes.pagesOf([alice.id as UserId], undefined, 2000)).get(alice.id as UserId)).toHaveLength(noteLimits.perUser);
    } finally {
      await server.close();
    }
  });
});

describe('queries per page', () => {
  it('one for a page of notes, one for all their owners; one for each users page and one for all their notes', async () => {
    const queries: string[] = [];
    const database = await createDatabase(':memory:', { logQuery: (query) => queries.push(query) });
    const server = await startTestServer({ env: { DATABASE_URL: ':memory:' }, database });
    try {
      const admin = await signupAdmin(server, 'admin@example.com');
      const users = [await signup(server, 'a@example.com'), await signup(server, 'b@example.com'), await signup(server, 'c@example.com')];
      for (const user of users) for (const n of [1, 2]) await createNote(server, user.accessToken, `${user.email} ${n}`);
      for (const n of [1, 2, 3]) await createNote(server, admin.accessToken, `admin ${n}`);
      const count = async (query: string) => {
        await server.graphql(query, { token: admin.accessToken }); // warms the session check
        queries.length = 0;
        const result = await server.graphql(query, { token: admin.accessToken });
        expect(result.body.errors).toBeUndefined();
        return { result, queries: [...queries] };
      };
      const own = await count('{ notes(first: 20) { edges { node { id title owner { id } } } } }');
      expect((own.result.body.data?.['notes'] as { edges: unknown[] }).edges).toHaveLength(3);
      expect(own.queries.filter((q) => /from "notes"/.test(q))).toHaveLength(1);
      expect(own.queries.filter((q) => /from "users"/.test(q))).toHaveLength(1);
      expect(own.queries).toHaveLength(2);
      const nested = await count('{ users(first: 20) { edges { node { id notes(first: 5) { edges { node { id owner { id } } } } } } } }');
      const edges = (nested.result.body.data?.['users'] as { edges: Array<{ node: { notes: { edges: unknown[] } } }> }).edges;
      expect(edges.map((edge) => edge.node.notes.edges.length)).toEqual([3, 2, 2, 2]);
      expect(nested.queries).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

describe('the guard rail on public owner-like fields', () => {
  const sdl = 'type Thing @public { id: ID! userId: ID! } extend type Query { things: [Thing!]! @auth }';
  it('warns outside production and refuses in production unless allowed', async () => {
    const lines: string[] = [];
    const capture = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const config = loadConfig(testEnv());
    const app = await createApp(config, { logDestination: capture, typeDefs: [...loadTypeDefs(), sdl] });
    await app.close();
    expect(lines.join('')).toMatch(/Thing\.userId looks like an owner's id on a @public type/);
    const production = { NODE_ENV: 'production' };
    await expect(boot([sdl], domainModules, production)).rejects.toThrow(/Thing\.userId looks like an owner's id[\s\S]*ALLOW_PUBLIC_OWNER_FIELDS=true/);
    await expect(boot([sdl], domainModules, { ...production, ALLOW_PUBLIC_OWNER_FIELDS: 'true' })).resolves.toBeUndefined();
  });
});
