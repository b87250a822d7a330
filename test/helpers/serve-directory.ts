// A static file server on an ephemeral port, for pages built into a temporary
// directory. The page gets its own origin, so its calls to the API are real
// cross-origin requests that CORS must allow.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface ServedDirectory {
  /** e.g. http://127.0.0.1:41234, exactly as a browser sends it in `Origin`. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * `spa`: a path without a file extension that names no file gets index.html,
 * as a single-page app's host serves it (the pages mailed links open, such as
 * /reset-password?token=…, are drawn by the page's script).
 */
export async function serveDirectory(root: string, options: { spa?: boolean } = {}): Promise<ServedDirectory> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = path === '/' || (options.spa === true && extname(path) === '') ? 'index.html' : decodeURIComponent(path);
    const file = normalize(join(root, page));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // the browser keeps connections alive
      }),
  };
}
