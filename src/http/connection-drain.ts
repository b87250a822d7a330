// Shutting down without leaving a client to wonder. A keep-alive connection
// closed under its client right after an answer can meet the client's next
// request on the way: the client sees a reset and cannot know whether that
// sign-in ran. So from the moment the drain begins, the last response on each
// connection says `Connection: close` (Node then closes the connection once
// it is written), and the client opens a new connection, to another
// instance, for its next request. With requests pipelined on one connection,
// only the last carries it. The drain also answers /readyz 503.
//
// It replaces Apollo's drain plugin, which tracked the same requests only to
// end each connection right after its last answer, the very race above.
import type { Socket } from 'node:net';
import type { Server, ServerResponse } from 'node:http';

export interface ConnectionDrain {
  /** Sees every request before anything is written to its response. */
  track(res: ServerResponse): void;
  /** Its response has closed (sent, or the client went away); the HTTP edge calls this once per tracked response. */
  closed(res: ServerResponse): void;
  /** From now on, each connection's last response closes it. */
  begin(): void;
  /**
   * Begins, stops accepting connections, closes the idle ones, and resolves
   * once the rest have closed after their last answer, or `graceMs` is over
   * and they are cut.
   */
  close(server: Server, graceMs: number): Promise<void>;
  readonly draining: boolean;
}

export function createConnectionDrain(): ConnectionDrain {
  let draining = false;
  // Responses not yet closed, in arrival order (a Set keeps insertion order):
  // one add and one delete per request, and the per-connection view is built
  // only while draining.
  const unfinished = new Set<ServerResponse>();
  const closing = new WeakSet<ServerResponse>();

  function closeAfterLast(socket: Socket): void {
    let last: ServerResponse | undefined;
    for (const res of unfinished) {
      if (res.req.socket !== socket) continue;
      if (last && closing.has(last) && !last.headersSent) {
        last.setHeader('connection', 'keep-alive'); // another request came in behind it
        closing.delete(last);
      }
      last = res;
    }
    if (last && !last.headersSent) {
      last.setHeader('connection', 'close');
      closing.add(last);
    }
  }

  function begin(): void {
    if (draining) return;
    draining = true;
    for (const socket of new Set([...unfinished].map((res) => res.req.socket))) closeAfterLast(socket);
  }

  return {
    track(res) {
      unfinished.add(res);
      if (draining) closeAfterLast(res.req.socket);
    },
    closed(res) {
      unfinished.delete(res);
    },
    begin,
    async close(server, graceMs) {
      begin();
      // Node's close() also closes idle keep-alive connections; its callback
      // comes once every connection has closed.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, graceMs);
      });
      await Promise.race([closed, graceOver]);
      clearTimeout(timer);
      await closed;
    },
    get draining() {
      return draining;
    },
  };
}
