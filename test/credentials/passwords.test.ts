// The real hasher: argon2id on its own threads, at a lower CPU priority.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPasswordHasher, type PasswordHasher } from '../../src/credentials/passwords.js';
import { hashingNiceness, storedHashCeiling } from '../../src/credentials/hashing-threads.js';
import { RateLimitedError } from '../../src/platform/errors.js';

// Written by node-argon2 (the hasher before this one), as databases hold them.
const storedByNodeArgon2 = '$argon2id$v=19$m=19456,p=1,t=2$NZRBGPcOKZwZzNb5r2T0lg$HOBXBngxOHzWW28xovSngnHcYqElNsUN6CLkRYt1aLQ';

const niceOf = (statPath: string): number => Number(readFileSync(statPath, 'utf8').split(') ')[1]?.split(' ')[16]);
/** How much nicer than the main thread each thread of this process is (Linux). */
const threadNiceness = (): number[] => {
  const main = niceOf('/proc/self/stat');
  return readdirSync('/proc/self/task').map((tid) => niceOf(`/proc/self/task/${tid}/stat`) - main);
};
const expectedOffset = Math.min(19 - niceOf('/proc/self/stat'), hashingNiceness);

describe('password hasher', () => {
  let hasher: PasswordHasher | undefined;
  afterEach(async () => {
    await hasher?.close();
    hasher = undefined;
  });

  it('hashes with argon2id at the OWASP parameters and verifies only the right password', async () => {
    hasher = createPasswordHasher({ concurrency: 2 });
    const hash = await hasher.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse batterY')).toBe(false);
    expect(await hasher.hash('correct horse battery')).not.toBe(hash); // salted
  });

  it('verifies hashes stored by the previous library, and a corrupt hash as a failed login', async () => {
    hasher = createPasswordHasher({ concurrency: 1 });
    expect(await hasher.verify(storedByNodeArgon2, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(storedByNodeArgon2, 'wrong')).toBe(false);
    expect(await hasher.verify('$argon2id$v=19$garbage', 'correct horse battery')).toBe(false);
    // A row asking for 4 TiB would make the binding abort the process; it is refused instead.
    const greedy = storedByNodeArgon2.replace('m=19456', 'm=4294967295');
    expect(await hasher.verify(greedy, 'correct horse battery')).toBe(false);
    expect(await hasher.verify(storedByNodeArgon2.replace('m=19456', `m=${storedHashCeiling.memoryCost + 1}`), 'correct horse battery')).toBe(false);
    expect(await hasher.verify(storedByNodeArgon2, 'correct horse battery')).toBe(true); // and the thread is still there
    expect(await hasher.verifyNothing('anything')).toBe(false);
  });

  // Where this process already runs at nice 19 there is nothing lower to go to.
  it.runIf(process.platform === 'linux' && expectedOffset > 0)('hashes on threads niced below the event loop', async () => {
    const before = threadNiceness();
    hasher = createPasswordHasher({ concurrency: 2 });
    const hash = await hasher.hash('pw-1');
    await Promise.all([hasher.verify(hash, 'pw-1'), hasher.verify(hash, 'pw-1')]); // both threads started
    const after = threadNiceness();
    const niced = (offsets: number[]) => offsets.filter((offset) => offset === expectedOffset).length;
    expect(niced(after)).toBe(niced(before) + 2);
    expect(after.filter((offset) => offset !== 0 && offset !== expectedOffset)).toEqual([]);
    await hasher.close();
    expect(niced(threadNiceness())).toBe(niced(before));
  });

  it('refuses with RATE_LIMITED past its queue instead of queueing without end', async () => {
    hasher = createPasswordHasher({ concurrency: 1, maxQueued: 1 });
    const results = await Promise.allSettled([hasher.hash('a'), hasher.hash('b'), hasher.hash('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(RateLimitedError);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ retryAfterSeconds: 1, extensions: { code: 'RATE_LIMITED', retryAfter: 1 } });
  });

  it('fails what is in flight when closed, and anything asked of it after', async () => {
    hasher = createPasswordHasher({ concurrency: 1 });
    const inFlight = hasher.hash('pw'); // handed to a thread that is still starting
    await hasher.close();
    await expect(inFlight).rejects.toThrow(/hashing thread exited/);
    await expect(hasher.hash('again')).rejects.toThrow(/closed/);
  });
});
