// What `npm start` builds before it serves (scripts/build-if-stale.mjs): a part
// of dist/ is rebuilt only when it is missing, its last build failed, or one
// of its sources changed after that build started. Over folders of files whose
// times are set by hand, so nothing here waits on a clock.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, explorerWanted, isStale, parts, partsToBuild } from '../../scripts/build-if-stale.mjs';

const builtAt = new Date('2030-01-01T12:00:00Z');
const before = new Date(builtAt.getTime() - 60_000);
const after = new Date(builtAt.getTime() + 1_000);

describe('isStale', () => {
  let root: string;
  const file = (path: string, time: Date) => {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, path);
    utimesSync(full, time, time);
  };
  const folderTime = (path: string, time: Date) => utimesSync(join(root, path), time, time);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
    file('src/http/a.ts', before);
    file('src/b.ts', before);
    file('package-lock.json', before);
    folderTime('src/http', before);
    folderTime('src', before);
    file('dist/.server-built', builtAt);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const sources = ['src', 'package-lock.json', 'tsconfig.json']; // tsconfig.json does not exist here: no source, no change

  it('is fresh when every source is older than the build', () => {
    expect(isStale(root, sources, 'dist/.server-built')).toBe(false);
  });

  it('is stale when a file deep in a source folder changed after the build began', () => {
    file('src/http/a.ts', after);
    expect(isStale(root, sources, 'dist/.server-built')).toBe(true);
  });

  it('is stale when a source file is the newer one (package-lock.json after npm install)', () => {
    file('package-lock.json', after);
    expect(isStale(root, sources, 'dist/.server-built')).toBe(true);
  });

  it('is stale when a file was removed from a source folder (the folder changed)', () => {
    rmSync(join(root, 'src/b.ts'));
    folderTime('src', after);
    expect(isStale(root, sources, 'dist/.server-built')).toBe(true);
  });

  it('is stale when there is no build, or its last build failed (no stamp)', () => {
    rmSync(join(root, 'dist/.server-built'));
    expect(isStale(root, sources, 'dist/.server-built')).toBe(true);
  });

  it('picks only the stale parts, and every part when forced (npm run build)', () => {
    file('explorer/index.html', before);
    folderTime('explorer', before);
    file('dist/explorer/.built', builtAt);
    for (const source of ['db', 'schema']) mkdirSync(join(root, source));
    for (const source of ['db', 'schema']) folderTime(source, before);
    expect(partsToBuild(root, { env: {} })).toEqual([]);
    expect(partsToBuild(root, { force: true, env: {} }).map((part) => part.name)).toEqual(['server', 'explorer']);
    file('explorer/src/main.ts', after);
    expect(partsToBuild(root, { env: {} }).map((part) => part.name)).toEqual(['explorer']);
    expect(partsToBuild(root, { only: 'server', env: {} })).toEqual([]);
  });

  it('leaves the explorer alone when the server will not serve it, so a start needs no Vite', () => {
    expect(partsToBuild(root, { env: { NODE_ENV: 'production' } })).toEqual([]);
    expect(partsToBuild(root, { env: { EXPLORER: 'sandbox' } })).toEqual([]);
    expect(partsToBuild(root, { env: {} }).map((part) => part.name)).toEqual(['explorer']);
  });
});

describe('explorerWanted', () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'production' }, false],
    [{ EXPLORER: 'graphiql' }, true],
    [{ EXPLORER: 'sandbox' }, false],
    [{ EXPLORER: 'off' }, false],
    [{ NODE_ENV: 'production', EXPLORER: 'off' }, false],
  ])('%o: %s (the same default as src/platform/config.ts)', (env, wanted) => {
    expect(explorerWanted(env)).toBe(wanted);
  });
});

describe('build', () => {
  it('refuses, saying why, when the build tools are not installed (npm ci --omit=dev), and runs nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
    try {
      const said: string[] = [];
      expect(await build(root, parts, (message) => said.push(message))).toBe(false);
      expect(said).toEqual([expect.stringMatching(/^Cannot build server: .*node_modules\/typescript is not installed \(npm ci --omit=dev\?\)\. Build where the devDependencies are/)]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
