// src/generated/ is committed; this fails when it no longer matches schema/,
// i.e. when someone changed the SDL and forgot `npm run codegen`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';
import { repoRoot } from './helpers/run-process.js';

describe('generated resolver types', () => {
  it('match what codegen makes from schema/ now (run `npm run codegen` if not)', async () => {
    const outputs: ReadonlyArray<{ filename: string; content: string }> = await generate({ ...config, cwd: repoRoot, silent: true }, false);
    expect(outputs.map((o) => o.filename)).toEqual(Object.keys(config.generates));
    for (const { filename, content } of outputs) {
      expect(readFileSync(join(repoRoot, filename), 'utf8'), `${filename} is stale: run npm run codegen`).toBe(content);
    }
  });
});
