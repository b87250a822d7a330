// A subscription over HTTP is a request this server cannot run: a clear 400,
// no stack trace in the error log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

describe('subscription operations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each(['subscription { me { id } }', 'subscription Watch { __typename }'])('answers %s with 400 BAD_REQUEST and logs no error', async (query) => {
    const result = await server.graphql(query);
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([{ message: 'subscriptions are not supported', extensions: { code: 'BAD_REQUEST' } }]);
    expect(server.logs.filter((line) => Number(line['level']) >= 50)).toEqual([]);
    // Seen by the request log like any other request.
    const requestLine = server.logs.filter((line) => line['msg'] === 'request').at(-1);
    expect(requestLine).toMatchObject({ status: 400, errorCodes: ['BAD_REQUEST'] });
  });
});
