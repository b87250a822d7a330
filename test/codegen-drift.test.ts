// src/generated/ and the web example's typed documents are committed; this fails
// when they no longer match schema/, i.e. someone changed the SDL and forgot `npm run codegen`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';
import { repoRoot } from './helpers/run-process.js';

describe('generated resolver types', () => {
  it('match what codegen makes from schema/ now (run `npm run codegen` if not)', async () => {
    const outputs: ReadonlyArray<{ filename: string; content: string }> = await generate({ ...config, cwd: repoRoot, silent: true }, false);
    // Every configured target is produced (the client preset's target is a folder of files).
    for (const target of Object.keys(config.generates)) expect(outputs.some((o) => o.filename.startsWith(target)), target).toBe(true);
    for (const { filename, content } of outputs) {
      expect(readFileSync(join(repoRoot, filename), 'utf8'), `${filename} is stale: run npm run codegen`).toBe(content);
    }
  });
});
