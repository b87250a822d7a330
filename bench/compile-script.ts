// Scripts that run as their own process (the bare Apollo baseline, argon2
// alone) are transpiled to dist/bench/ and run by plain node, like the real
// server from dist/: no loader in either process, so neither pays for one.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';

export function compileScript(source: string, outDir: string): string {
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    fileName: source,
  });
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, basename(source).replace(/\.ts$/, '.js'));
  writeFileSync(out, outputText);
  return out;
}
