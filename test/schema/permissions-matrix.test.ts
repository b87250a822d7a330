// schema/PERMISSIONS.md is the reviewable record of who may use what. It must
// be exactly what the live schema says, so no access change lands unseen.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { permissionsMarkdown } from '../../src/cli/permissions-command.js';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';

const committedPath = 'schema/PERMISSIONS.md';
const rowOf = (markdown: string, field: string) => markdown.split('\n').find((line) => line.startsWith(`| \`${field}`));

describe('the permission matrix', () => {
  it('is committed exactly as the live schema says', () => {
    expect(
      readFileSync(committedPath, 'utf8'),
      `${committedPath} is out of date with schema/*.graphql; regenerate it with: npm run -s permissions > ${committedPath}`,
    ).toBe(permissionsMarkdown());
  });

  it('names who may use each field and its rate limits', () => {
    const markdown = permissionsMarkdown();
    expect(rowOf(markdown, 'me:')).toBe('| `me: User` | public | — | — | `profile:read` | — |');
    expect(rowOf(markdown, 'users(')).toContain('| ADMIN |');
    expect(rowOf(markdown, 'user(')).toContain('| owner (argument `id`) or ADMIN |');
    expect(rowOf(markdown, 'logoutAll')).toContain('| signed in |');
    expect(rowOf(markdown, 'email:')).toContain('| owner or ADMIN | — | — | `profile:read` or `users:read` |');
    // API keys: deny by default, for credentials at the root and below it.
    expect(rowOf(markdown, 'logoutAll')).toContain('| signed in | — | — | no key |');
    expect(rowOf(markdown, 'createApiKey(')).toContain('| no key |');
    expect(rowOf(markdown, 'sessions:')).toContain('| owner or ADMIN | — | — | no key |');
    expect(rowOf(markdown, 'login(')).toContain('| public | — | — | no key |');
    expect(rowOf(markdown, 'role:')).toContain('| public | — | — | as its parent |');
    expect(markdown).toContain('| `notes:read` | Read your notes: `note`, `notes` and `User.notes`. |');
    expect(rowOf(markdown, 'login(')).toMatch(/\| 5 per 1m \(identityArgs: email; per: IP\)<br>20 per 1m \(per: IP\) \|$/);
    // Step-up: @auth(fresh: …) in its own column.
    expect(rowOf(markdown, 'changePassword(')).toMatch(/\| signed in \| — \| within 5m \| no key \| 5 per 15m \(per: CALLER\) \|$/);
    expect(rowOf(markdown, 'deleteUser(')).toMatch(/\| owner \(argument `id`\) or ADMIN \| — \| within 5m \| no key \| — \|$/);
  });

  it('changes when a field\'s access changes', () => {
    const loosened = loadTypeDefs().map((sdl) => sdl.replace('): UserConnection! @auth(requires: ADMIN, scopes: ["users:read"])', '): UserConnection! @auth(scopes: ["users:read"])'));
    expect(loosened.join()).not.toBe(loadTypeDefs().join());
    expect(rowOf(permissionsMarkdown(loosened), 'users(')).toContain('| signed in |');
  });

  it('shows a verified-email requirement beside the level', () => {
    const sdl = 'extend type Query { "x" launchCodes: String @auth(verified: true) "y" audit: String @auth(requires: ADMIN, verified: true) }';
    const markdown = permissionsMarkdown([...loadTypeDefs(), sdl]);
    expect(rowOf(markdown, 'launchCodes')).toBe('| `launchCodes: String` | signed in | yes | — | no key | — |');
    expect(rowOf(markdown, 'audit')).toBe('| `audit: String` | ADMIN | yes | — | no key | — |');
    expect(rowOf(permissionsMarkdown(), 'logoutAll')).toBe('| `logoutAll: Boolean!` | signed in | — | — | no key | — |');
    expect(markdown).toContain('extensions.reason: "EMAIL_NOT_VERIFIED"');
  });

  it('refuses, like the server, a schema with a field that declares no access', () => {
    const undeclared = [...loadTypeDefs(), 'type Secret { value: String! }\nextend type Query { secret: Secret }'];
    expect(() => permissionsMarkdown(undeclared)).toThrow(/Query\.secret: no @auth or @public/);
  });

  it('prints the same Markdown from `npm run cli -- permissions`', async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', ['src/cli/main.ts', 'permissions']);
    expect(stdout).toBe(permissionsMarkdown());
  });
});
