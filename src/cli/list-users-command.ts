// `list-users`: every user, oldest first, as a table or as JSON for scripts.
import type { UserModel } from '../services/types.js';
import type { UserService } from '../services/user-service.js';
import type { CliCommand } from './cli-command.js';

/** The largest page the service gives (as the `users` query). */
const pageSize = 100;

async function* allUsers(users: UserService): AsyncGenerator<UserModel> {
  let after: string | undefined;
  for (;;) {
    const page = await users.page(pageSize, after);
    yield* page.edges.map((edge) => edge.node);
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return;
    after = page.pageInfo.endCursor;
  }
}

const toRow = (u: UserModel) => ({ id: u.id, email: u.email, role: u.role, createdAt: new Date(u.createdAt).toISOString() });

function table(rows: ReadonlyArray<ReturnType<typeof toRow>>): string {
  const lines = [['ID', 'EMAIL', 'ROLE', 'CREATED'], ...rows.map((r) => [r.id, r.email, r.role, r.createdAt])];
  const widths = [0, 1, 2].map((column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  return lines.map((line) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

export const listUsersCommand: CliCommand = {
  name: 'list-users',
  summary: 'List every user, oldest first',
  help: ['Usage: npm run cli -- list-users [--json]', '', '  --json  one JSON array instead of a table'].join('\n'),
  options: { json: { type: 'boolean' } },
  async run(values, open, io) {
    const rows: Array<ReturnType<typeof toRow>> = [];
    for await (const user of allUsers((await open()).users)) rows.push(toRow(user));
    if (values['json'] === true) {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    io.stdout.write(rows.length === 0 ? 'No users yet.\n' : `${table(rows)}\n${rows.length} user${rows.length === 1 ? '' : 's'}\n`);
  },
};
