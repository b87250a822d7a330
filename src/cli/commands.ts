// Every CLI command, by name. A new command is one file exporting a CliCommand
// and one entry here; run-cli.ts needs no change.
import type { CliCommand } from './cli-command.js';
import { createUserCommand } from './create-user-command.js';
import { listUsersCommand } from './list-users-command.js';
import { permissionsCommand } from './permissions-command.js';
import { resetMfaCommand } from './reset-mfa-command.js';
import { setRoleCommand } from './set-role-command.js';

export const commands: ReadonlyMap<string, CliCommand> = new Map(
  [createUserCommand, setRoleCommand, listUsersCommand, permissionsCommand, resetMfaCommand].map((command) => [command.name, command]),
);
