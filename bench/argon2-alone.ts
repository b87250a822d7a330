// argon2id verifications per second with the server's own parameters, hasher
// and concurrency bound, and nothing else running: the ceiling for `login`.
// Run as its own process, pinned like the server: `node dist/bench/argon2-alone.js <seconds> <concurrency>`.
import { createPasswordHasher } from '../src/credentials/passwords.js';

const seconds = Number(process.argv[2] ?? 3);
const concurrency = Number(process.argv[3] ?? 1);
const password = 'bench password 1';
const passwords = createPasswordHasher({ concurrency });
const hash = await passwords.hash(password);
await Promise.all(Array.from({ length: concurrency }, () => passwords.verify(hash, password))); // warm: starts every hashing thread

const deadline = performance.now() + seconds * 1000;
let done = 0;
const worker = async () => {
  while (performance.now() < deadline) {
    await passwords.verify(hash, password);
    done += 1;
  }
};
const started = performance.now();
const cpuBefore = process.cpuUsage(); // every thread of the process, the hashing threads included
await Promise.all(Array.from({ length: concurrency }, worker));
const cpu = process.cpuUsage(cpuBefore);
const perSecond = done / ((performance.now() - started) / 1000);
process.stdout.write(`${JSON.stringify({ perSecond, cpuMsPerVerify: (cpu.user + cpu.system) / 1000 / done })}\n`);
await passwords.close();
