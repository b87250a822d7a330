import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * The request body as text, refusing (and reading no further) past `limitBytes`.
 * Plain `data`/`end` listeners rather than `for await`: the async iterator
 * costs an iterator, a promise per chunk and stream-end tracking per request,
 * which showed in `me`'s profile.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', stop).off('close', onClose);
      req.pause(); // the 413 goes out with `connection: close`; the rest is never read
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) stop(new BodyTooLargeError());
      else chunks.push(chunk);
    };
    const onClose = () => stop(new Error('the client went away before its request body ended'));
    const onEnd = () => {
      req.off('data', onData).off('end', onEnd).off('error', stop).off('close', onClose);
      resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks, size).toString('utf8'));
    };
    req.on('data', onData).on('end', onEnd).on('error', stop).on('close', onClose);
  });
}
