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
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface ConnectionDrain {
  /** Sees every request before anything is written to its response. */
  track(req: IncomingMessage, res: ServerResponse): void;
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
  // Responses not yet finished, in arrival order, by connection.
  const unfinished = new Map<Socket, ServerResponse[]>();
  const closing = new WeakSet<ServerResponse>();

  function closeAfterLast(socket: Socket): void {
    const responses = unfinished.get(socket) ?? [];
    const last = responses.at(-1);
    for (const res of responses) {
      if (res === last || !closing.has(res) || res.headersSent) continue;
      res.setHeader('connection', 'keep-alive'); // another request came in behind it
      closing.delete(res);
    }
    if (last && !last.headersSent) {
      last.setHeader('connection', 'close');
      closing.add(last);
    }
  }

  function begin(): void {
    if (draining) return;
    draining = true;
    for (const socket of unfinished.keys()) closeAfterLast(socket);
  }

  return {
    track(req, res) {
      const socket = req.socket;
      const responses = unfinished.get(socket) ?? [];
      responses.push(res);
      unfinished.set(socket, responses);
      res.once('close', () => {
        const index = responses.indexOf(res);
        if (index !== -1) responses.splice(index, 1);
        if (responses.length === 0 && unfinished.get(socket) === responses) unfinished.delete(socket);
      });
      if (draining) closeAfterLast(socket);
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
