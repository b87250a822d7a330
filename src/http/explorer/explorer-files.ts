// The explorer bundle's files (scripts, styles, workers, the editor's font),
// served under /explorer/ from dist/explorer/explorer. Only plain file names
// directly in that folder, of the kinds Vite emits: no path can climb out.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from '../send.js';

export const explorerFilesPrefix = '/explorer/';

const contentTypes: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
// Vite names files name-hash.ext, the hash in base64url: no dot first, no slash, no %.
const plainName = /^[\w-][\w.-]*$/;

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const found = await stat(path);
    return found.isFile() ? found.size : undefined;
  } catch {
    return undefined;
  }
}

export function createExplorerFiles(directory: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'BAD_REQUEST', 'Use GET', { allow: 'GET, HEAD' });
      return;
    }
    const url = req.url ?? '';
    const name = url.slice(explorerFilesPrefix.length).split('?')[0] ?? '';
    const contentType = contentTypes[extname(name)];
    const path = join(directory, name);
    const size = plainName.test(name) && contentType !== undefined ? await fileSize(path) : undefined;
    if (contentType === undefined || size === undefined) {
      sendError(res, 404, 'NOT_FOUND', 'No such explorer file');
      return;
    }
    // The name carries a hash of the content: a new build means new names.
    res.writeHead(200, { 'content-type': contentType, 'content-length': size, 'cache-control': 'public, max-age=31536000, immutable' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(path).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
    });
  };
}
