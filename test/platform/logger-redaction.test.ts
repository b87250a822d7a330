// Each shape a secret can take in a log line is pinned here. (pino's own
// redact paths are exact: "*.password" misses a top-level or a deeper one.)
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';

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
