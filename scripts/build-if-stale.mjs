// `npm start` runs this first (prestart): it builds only the parts of dist/
// that are older than their sources, so a second start with nothing changed
// builds nothing and serves at once. `npm run build` runs it with --force.
//
//   node scripts/build-if-stale.mjs [--force] [--only=server|explorer]
//
// Each part's sources are compared with a stamp file the part's build leaves
// behind, dated to when that build started (a file saved during a build is
// newer, so the next start builds again). The stamp is removed before a build
// and written only after it succeeds: a failed build is stale.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {{ name: string, script: string, sources: string[], stamp: string, tool: string }} Part */

/** @type {Part[]} */
export const parts = [
  {
    name: 'server',
    script: 'build:server',
    sources: ['src', 'db', 'schema', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'],
    stamp: 'dist/.server-built',
    tool: 'node_modules/typescript',
  },
  {
    name: 'explorer',
    script: 'build:explorer',
    sources: ['explorer', 'package-lock.json'],
    stamp: 'dist/explorer/.built',
    tool: 'node_modules/vite',
  },
];

/**
 * The latest change under `path`, in ms since the epoch; 0 if it does not exist.
 * A folder counts too: its time changes when a file in it is added or removed.
 */
export function newestChange(path) {
  let info;
  try {
    info = lstatSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Whether the build at `stamp` is missing or older than any of `sources` (all relative to `root`). */
export function isStale(root, sources, stamp) {
  const built = newestChange(join(root, stamp));
  if (built === 0) return true;
  return sources.some((source) => newestChange(join(root, source)) > built);
}

/**
 * Whether the server will serve the explorer bundle: not with EXPLORER=sandbox
 * or off, nor in production unless EXPLORER says otherwise (the server's
 * config, src/platform/config.ts, has the same default). Then a start needs
 * neither the bundle nor Vite.
 */
export function explorerWanted(env) {
  const explorer = env.EXPLORER ?? (env.NODE_ENV === 'production' ? 'off' : 'graphiql');
  return explorer !== 'sandbox' && explorer !== 'off';
}

/** The parts to build: every one with `force`, else the stale ones the server will use. */
export function partsToBuild(root, { force = false, only, env = {} } = {}) {
  return parts
    .filter((part) => only === undefined || part.name === only)
    .filter((part) => force || part.name !== 'explorer' || explorerWanted(env))
    .filter((part) => force || isStale(root, part.sources, part.stamp));
}

function touch(path, date) {
  closeSync(openSync(path, 'a'));
  utimesSync(path, date, date);
}

/** Builds each part through its npm script; resolves to false at the first that fails. */
export async function build(root, toBuild, log = console.error) {
  for (const part of toBuild) {
    if (!existsSync(join(root, part.tool))) {
      log(`Cannot build ${part.name}: it is missing or older than its sources, and ${part.tool} is not installed (npm ci --omit=dev?). ` +
        'Build where the devDependencies are (npm ci && npm run build), then prune them (npm prune --omit=dev).');
      return false;
    }
    log(`Building ${part.name} (npm run ${part.script}): ${existsSync(join(root, part.stamp)) ? 'its sources changed' : 'not built yet'}…`);
    rmSync(join(root, part.stamp), { force: true });
    const startedAt = new Date();
    // Through the npm that runs us, if any: the same version, found without PATH.
    const npm = process.env.npm_execpath;
    const [command, args] = npm ? [process.execPath, [npm, 'run', '-s', part.script]] : ['npm', ['run', '-s', part.script]];
    const [code] = await once(spawn(command, args, { cwd: root, stdio: 'inherit' }), 'close');
    if (code !== 0) return false;
    touch(join(root, part.stamp), startedAt);
  }
  return true;
}

async function main(argv) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const force = argv.includes('--force');
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (only !== undefined && !parts.some((part) => part.name === only)) {
    console.error(`--only takes one of: ${parts.map((part) => part.name).join(', ')}`);
    return 2;
  }
  return (await build(root, partsToBuild(root, { force, only, env: process.env }))) ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
