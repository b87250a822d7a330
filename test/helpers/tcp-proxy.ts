// A TCP proxy in front of the test Redis or PostgreSQL, so a test can make it
// vanish for its own servers without touching the machine's (which other test
// files are using at the same time): cut() drops every connection and refuses
// new ones, freeze() holds them open but forwards nothing (a server that
// hangs, or a network that silently drops), strand() does the same but the
// connections open at that moment stay silent for good (a failover, a NAT
// that forgot them), delay(ms) holds what the server sends for that long (a
// slow link), and restore() brings it back.
import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  /** The target URL with the proxy's address in place of the target's. */
  readonly url: string;
  cut(): void;
  freeze(): void;
  strand(): void;
  /** Delivers what the server sends `ms` later, in order; 0 for at once. */
  delay(ms: number): void;
  restore(): void;
  close(): Promise<void>;
}

const defaultPorts: Readonly<Record<string, number>> = { 'redis:': 6379, 'rediss:': 6379, 'postgres:': 5432, 'postgresql:': 5432 };

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port) || defaultPorts[target.protocol] || 0;
  let mode: 'up' | 'cut' | 'frozen' = 'up';
  let delayMs = 0;
  const pairs = new Set<readonly [Socket, Socket]>();
  const stranded = new Set<readonly [Socket, Socket]>();

  const server = createServer((client) => {
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, target.hostname);
    const pair = [client, upstream] as const;
    pairs.add(pair);
    // 'data' handlers rather than pipe(): a piped stream resumes itself on drain, which would thaw a freeze.
    client.on('data', (chunk) => upstream.write(chunk));
    // Equal delays keep chunks in order; `due` keeps them in order when the delay changes too.
    let due = 0;
    upstream.on('data', (chunk) => {
      due = Math.max(Date.now() + delayMs, due);
      if (due <= Date.now()) client.write(chunk);
      else setTimeout(() => client.write(chunk), due - Date.now());
    });
    const drop = () => {
      pairs.delete(pair);
      stranded.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on('error', drop);
      socket.on('close', drop);
      if (mode === 'frozen') socket.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);

  const freeze = () => {
    mode = 'frozen';
    for (const pair of pairs) for (const socket of pair) socket.pause();
  };
  const cut = () => {
    mode = 'cut';
    for (const pair of pairs) for (const socket of pair) socket.destroy();
  };
  return {
    url: url.toString(),
    cut,
    freeze,
    strand() {
      freeze();
      for (const pair of pairs) stranded.add(pair);
    },
    delay(ms) {
      delayMs = ms;
    },
    restore() {
      mode = 'up';
      delayMs = 0;
      for (const pair of pairs) if (!stranded.has(pair)) for (const socket of pair) socket.resume();
    },
    async close() {
      cut();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
