// Each shape a secret can take in a log line is pinned here. (pino's own
// redact paths are exact: "*.password" misses a top-level or a deeper one.)
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresDatabase } from '../../db/pg/open-postgres.js';
import { users } from '../../db/pg/schema.js';
import { createLogger } from '../../src/platform/logger.js';
import { createTestPostgres, noteSkippedWithoutPostgres, testDatabaseUrl, type TestPostgres } from '../helpers/test-postgres.js';

const secret = 'S3CRET-value-that-must-never-be-logged';

function logOnce(fields: Record<string, unknown>): string {
  const { child, ...rest } = fields;
  let written = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString('utf8');
      done();
    },
  });
  const log = createLogger({ level: 'info', pretty: false, destination });
  (child ? log.child(child as Record<string, unknown>) : log).info(rest, 'line');
  return written;
}

describe('log redaction', () => {
  const shapes: Record<string, Record<string, unknown>> = {
    'a top-level password': { password: secret },
    'a nested password': { args: { password: secret } },
    'a password two levels down': { args: { input: { password: secret } } },
    'the current and new passwords': { args: { currentPassword: secret, newPassword: `${secret}-2` } },
    'a refresh token': { refreshToken: secret },
    'an access token in a result': { result: { accessToken: secret } },
    'a bare token': { token: secret },
    'GraphQL variables, whatever their names': { variables: { pw: secret, nested: { deep: secret } } },
    'GraphQL variables under a request': { graphql: { variables: { anything: secret } } },
    'an Authorization header': { headers: { authorization: `Bearer ${secret}` } },
    'request headers': { req: { headers: { authorization: `Bearer ${secret}`, cookie: `sid=${secret}` } } },
    'a Set-Cookie response header': { res: { headers: { 'set-cookie': `sid=${secret}` } } },
    'a password deep down': { a: { b: { c: { d: { password: secret } } } } },
    'a capitalised header name': { headers: { Authorization: `Bearer ${secret}` } },
    'secrets inside arrays': { attempts: [{ refreshToken: secret }] },
    'a token on an error': { err: Object.assign(new Error('refused'), { token: secret }) },
    'a token in error extensions': { err: Object.assign(new Error('refused'), { extensions: { code: 'X', token: secret } }) },
    'child logger bindings': { child: { headers: { cookie: secret } } },
  };

  it.each(Object.entries(shapes))('censors %s', (_name, fields) => {
    const line = logOnce(fields);
    expect(line).toContain('[redacted]');
    expect(line).not.toContain(secret);
  });

  it('keeps an error readable and leaves the caller\'s objects alone', () => {
    const error = Object.assign(new TypeError('refused'), { token: secret, code: 'E_X' });
    const line = JSON.parse(logOnce({ err: error })) as { err: Record<string, unknown> };
    expect(line.err).toMatchObject({ type: 'TypeError', message: 'refused', code: 'E_X', token: '[redacted]' });
    expect(line.err['stack']).toContain('TypeError: refused');
    expect(error.token).toBe(secret);
    const fields = { variables: { pw: secret } };
    logOnce(fields);
    expect(fields.variables.pw).toBe(secret);
  });

  it('keeps what is not secret', () => {
    const line = JSON.parse(logOnce({ requestId: 'r-1', operationName: 'Login', errorCodes: ['UNAUTHENTICATED'] })) as Record<string, unknown>;
    expect(line).toMatchObject({ requestId: 'r-1', operationName: 'Login', errorCodes: ['UNAUTHENTICATED'] });
    expect(line['time']).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

noteSkippedWithoutPostgres('test/platform/logger-redaction.test.ts (failed PostgreSQL queries)');

describe.skipIf(testDatabaseUrl === undefined)('a failed PostgreSQL query in the log', () => {
  let postgres: TestPostgres;
  let database: PostgresDatabase;
  beforeAll(async () => {
    postgres = await createTestPostgres(testDatabaseUrl ?? '');
    database = await openPostgres(postgres.url);
  });
  afterAll(async () => {
    await database?.close();
    await postgres?.drop();
  });

  const failure = async (query: Promise<unknown>) => (await query.then(() => expect.fail('the query should fail'), (error: unknown) => error)) as Error;
  const row = { id: 'user-id-0192', email: 'ada@example.com', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', role: 'USER' as const, createdAt: 1, updatedAt: 1 };

  it('names the query and the constraint, never the values: drizzle\'s params, PostgreSQL\'s detail', async () => {
    await database.db.insert(users).values(row);
    const error = await failure(database.db.insert(users).values(row));
    // The values are really there to leak: in the message, on the error, in the cause's detail.
    expect(error.message).toContain('ada@example.com');
    expect((error.cause as { detail?: string }).detail).toContain('user-id-0192');
    const line = logOnce({ err: error });
    for (const value of [row.id, row.email, row.passwordHash]) expect(line).not.toContain(value);
    const { err } = JSON.parse(line) as { err: { message: string; stack: string } };
    expect(err.message).toMatch(/^Failed query: insert into "users" .*\nparams: \[redacted\]: duplicate key value violates unique constraint "users_pkey"$/s);
    expect(err.stack).toContain('params: [redacted]');
  });

  it('censors the value a data exception quotes in its message', async () => {
    const error = await failure(database.db.execute(sql`select ${'ada@example.com'}::bigint`));
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error.cause)).toContain('ada@example.com');
    const line = logOnce({ err: error });
    expect(line).not.toContain('ada@example.com');
    expect(line).toContain('invalid input syntax for type bigint: \\"[redacted]\\"');
  });
});
