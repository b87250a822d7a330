// A mail server that takes every message and says so: its own process, so
// receiving mail never shares an event loop with the bench's stopwatch.
// Prints "port <n>" once listening, then "mail" for each message received.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const server = new SMTPServer({
  logger: false,
  authOptional: true,
  hideSTARTTLS: true,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      process.stdout.write('mail\n');
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`port ${(server.server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
