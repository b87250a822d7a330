// The last ADMIN cannot demote or delete themself, over the API or the CLI:
// the server would be left with nobody to administer users.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup, signupAdmin } from '../helpers/accounts.js';
import { auditEventsOf, runCliWith } from '../helpers/cli-in-process.js';
import { tempDirectory } from '../helpers/run-process.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const setRole = 'mutation($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { role } }';

describe('the last ADMIN over the API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('refuses to demote or delete the only ADMIN, saying why, and allows it once there is another', async () => {
    const root = await signupAdmin(server, 'root@example.com');
    const demote = await server.graphql(setRole, { token: root.accessToken, variables: { id: root.id, role: 'USER' } });
    expect(demote.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/last ADMIN cannot be demoted/), extensions: { code: 'BAD_USER_INPUT', field: 'role' } });
    const remove = await server.graphql('mutation($id: ID!) { deleteUser(id: $id) }', { token: root.accessToken, variables: { id: root.id } });
    expect(remove.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/last ADMIN cannot be deleted/), extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    // Still an admin, still there.
    expect((await server.graphql('{ me { role } }', { token: root.accessToken })).body.data).toEqual({ me: { role: 'ADMIN' } });

    const second = await signup(server, 'second@example.com');
    expect((await server.graphql(setRole, { token: root.accessToken, variables: { id: second.id, role: 'ADMIN' } })).body.data).toEqual({ setUserRole: { role: 'ADMIN' } });
    const nowAllowed = await server.graphql(setRole, { token: root.accessToken, variables: { id: root.id, role: 'USER' } });
    expect(nowAllowed.body.data).toEqual({ setUserRole: { role: 'USER' } });
    expect(codeOf(nowAllowed)).toBeUndefined();
  });
});

describe('the last ADMIN over the CLI', () => {
  const directory = tempDirectory('last-admin-');
  const env = { NODE_ENV: 'test', DATABASE_URL: `file:${join(directory.path, 'app.db')}` };
  afterAll(() => directory.remove());

  const run = (argv: readonly string[]) => runCliWith(argv, env);

  it('refuses set-role USER for the only ADMIN, and allows it once there is another', async () => {
    expect((await run(['create-user', '--email', 'root@example.com', '--password', 'correct horse battery', '--role', 'ADMIN'])).code).toBe(0);
    const refused = await run(['set-role', '--email', 'root@example.com', '--role', 'USER']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: --role: The last ADMIN cannot be demoted/);
    expect(auditEventsOf(refused.stderr)).toEqual([]); // refused before anything changed
    expect((await run(['create-user', '--email', 'other@example.com', '--password', 'correct horse battery', '--role', 'ADMIN'])).code).toBe(0);
    expect(await run(['set-role', '--email', 'root@example.com', '--role', 'USER'])).toMatchObject({ code: 0, stdout: 'root@example.com is now USER (was ADMIN)\n' });
  });
});
