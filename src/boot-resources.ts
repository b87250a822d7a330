// What the server opens at start from its settings: the TLS files, the
// database, the listening ports. A failure here is the operator's to fix
// (a path, a permission, a port in use), so each is a BootError naming the
// setting, printed by main.ts as one line rather than a stack trace.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import { createDatabase, type Database, type DatabaseOptions } from '../db/create-database.js';
import { BootError } from './platform/boot-error.js';
import { ConfigError, type Config } from './platform/config.js';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function readPem(path: string, setting: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigError(`${setting}: cannot read ${path} (${messageOf(error)})`);
  }
}

/** TLS_CERT and TLS_KEY read, and checked to be a certificate with its own key now rather than at the first handshake. */
export function readTls(tls: NonNullable<Config['tls']>): { readonly cert: Buffer; readonly key: Buffer } {
  const pair = { cert: readPem(tls.certPath, 'TLS_CERT'), key: readPem(tls.keyPath, 'TLS_KEY') };
  try {
    createSecureContext(pair);
  } catch (error) {
    throw new ConfigError(`TLS_CERT, TLS_KEY: not a PEM certificate and its private key (${messageOf(error)})`);
  }
  return pair;
}

/** DATABASE_URL opened and migrated; an SQLite file that cannot be made or read stops the boot with its reason. */
export async function openDatabase(url: string, options: DatabaseOptions): Promise<Database> {
  try {
    return await createDatabase(url, options);
  } catch (error) {
    // The URL is left out: a PostgreSQL one may hold a password (its own errors name the server).
    throw new BootError(`DATABASE_URL: cannot open the database (${messageOf(error)})`, { cause: error });
  }
}

export function urlOf(server: Server, secure: boolean): string {
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? (address.address === '::' ? 'localhost' : `[${address.address}]`) : address.address === '0.0.0.0' ? 'localhost' : address.address;
  return `${secure ? 'https' : 'http'}://${shownHost}:${address.port}`;
}

/** Listens and resolves to the base URL; a port in use or not allowed names `setting` (PORT, METRICS_PORT). */
export async function listenOn(server: Server, where: { port: number; host: string | undefined; setting: string }, secure = false): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) =>
      reject(new BootError(`${where.setting}: cannot listen on ${where.host ?? 'every address'} port ${where.port} (${error.code === 'EADDRINUSE' ? 'another process is using it' : messageOf(error)})`, { cause: error }));
    server.once('error', refuse);
    server.listen(where.port, where.host, () => {
      server.off('error', refuse);
      resolve();
    });
  });
  return urlOf(server, secure);
}
