// The explorer bundle (dist/explorer) the server serves at EXPLORER=graphiql,
// built with Vite as `npm start` would: only when it is missing or older than
// its sources (explorer/, package-lock.json), so most runs build nothing.
import { join } from 'node:path';
import { build, partsToBuild } from '../../scripts/build-if-stale.mjs';
import { repoRoot } from './run-process.js';

export const explorerDirectory = join(repoRoot, 'dist', 'explorer');

export async function buildExplorerIfStale(): Promise<void> {
  const stale = partsToBuild(repoRoot, { only: 'explorer', env: { EXPLORER: 'graphiql' } });
  if (!(await build(repoRoot, stale))) throw new Error('Building the explorer failed: see `npm run build:explorer`');
}
