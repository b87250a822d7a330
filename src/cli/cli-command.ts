// What a CLI command is. Commands are listed in commands.ts; each lives in its
// own file and asks run-cli for the server's parts instead of building its own.
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../platform/config.js';
import type { RequestOrigin } from '../platform/request-context.js';
import type { EmailAddresses } from '../services/email-addresses.js';
import type { ResetSecondFactors } from '../services/mfa/reset-second-factors.js';
import type { RegisterUser } from '../services/register-user.js';
import type { UserService } from '../services/user-service.js';

export interface CliIo {
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** The server's own services, built from the same settings (see open-cli-deps.ts); commands use nothing below them. */
export interface CliDeps {
  readonly config: Config;
  readonly users: UserService;
  readonly registerUser: RegisterUser;
  readonly resetSecondFactors: ResetSecondFactors;
  /** Addresses normalised as at sign-in, to name users in messages. */
  readonly emails: EmailAddresses;
  /** What this run's audit events carry: a fresh id, `cli` for the address, the command for the user agent. */
  readonly origin: RequestOrigin;
}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliValues = Readonly<Record<string, string | boolean | ReadonlyArray<string | boolean> | undefined>>;

export interface CliCommand {
  /** What follows `npm run cli --`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The usage line and one line per option, shown by `<name> --help`. */
  readonly help: string;
  /** Flags, in node:util parseArgs form; unknown flags are refused. */
  readonly options: CliOptions;
  /**
   * `open()` loads the settings and opens the database on first call (once);
   * a command that needs neither never calls it, so it never touches either.
   */
  run(values: CliValues, open: () => Promise<CliDeps>, io: CliIo): Promise<void>;
}

/** Bad usage (missing flag, unknown command): exit status 2, unlike a refused request (1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function stringOption(values: CliValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(values: CliValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}
