// Where `npm run build` puts the explorer bundle: dist/explorer beside
// package.json. Found from this file's own place, so it is the same folder
// whether the server runs from src/ (npm run dev, the tests) or from
// dist/src/ (npm start).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultExplorerDirectory(from: string = fileURLToPath(import.meta.url)): string {
  let directory = dirname(from);
  while (!existsSync(join(directory, 'package.json')) && dirname(directory) !== directory) directory = dirname(directory);
  return join(directory, 'dist', 'explorer');
}
