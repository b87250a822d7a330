// How much memory a flood of distinct callers costs the in-process rate-limit
// store, and whether allowed requests get slower once it is full.
//
//   node --expose-gc --import tsx bench/rate-limit-memory.ts [identities] [--compare]
//
// Each identity is what one sign-in from a fresh client IP costs: a hit on the
// per-IP counter and one on the per-(IP, email) counter, keyed exactly as the
// @rateLimit rule keys them. Prints RSS and heap before and after, and the
// time per allowed sign-in before and after the flood. --compare adds the same
// store without its bound, and graphql-rate-limit's InMemoryStore.
import { performance } from 'node:perf_hooks';
import { InMemoryStore } from 'graphql-rate-limit';
import { systemClock } from '../src/platform/clock.js';
import { anonymous, type RequestContext } from '../src/platform/request-context.js';
import { counterKey } from '../src/rate-limit/rate-limit-key.js';
import { createMemoryRateLimitStore, type RateLimitStore } from '../src/rate-limit/rate-limit-store.js';
import type { RateLimit } from '../src/rate-limit/read-rate-limits.js';

const identities = Number(process.argv[2] ?? 1_000_000);
const maxKeys = 100_000; // RATE_LIMIT_STORE_MAX_KEYS default
const perIp: RateLimit = { name: 'LOGIN', max: 20, windowMs: 60_000, identityArgs: [], per: 'IP' };
const perEmail: RateLimit = { name: 'LOGIN_PER_EMAIL', max: 5, windowMs: 60_000, identityArgs: ['email'], per: 'IP' };

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx bench/rate-limit-memory.ts');
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
function memory() {
  gc?.();
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

const contextFor = (i: number): RequestContext =>
  ({ viewer: anonymous, origin: { requestId: 'bench', ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, userAgent: undefined }, log: undefined }) as unknown as RequestContext;

async function signIn(store: RateLimitStore, i: number, email: string) {
  const context = contextFor(i);
  await store.hit(counterKey(perIp, context, { email }), perIp.windowMs);
  await store.hit(counterKey(perEmail, context, { email }), perEmail.windowMs);
}

/** µs per allowed sign-in (two hits, keys built) for a steady set of 1,000 callers. */
async function allowedSpeed(store: RateLimitStore): Promise<number> {
  const rounds = 200_000;
  for (let i = 0; i < 200_000; i += 1) await signIn(store, 5_000_000 + (i % 1000), 'user@example.com'); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < rounds; i += 1) await signIn(store, 5_000_000 + (i % 1000), 'user@example.com');
  return ((performance.now() - start) * 1000) / rounds;
}

async function flood(label: string, store: RateLimitStore & { readonly size: number }) {
  const speedBefore = await allowedSpeed(store);
  const before = memory();
  const start = performance.now();
  for (let i = 0; i < identities; i += 1) await signIn(store, i, `victim${i}@example.com`);
  const seconds = (performance.now() - start) / 1000;
  const after = memory();
  const speedAfter = await allowedSpeed(store);
  console.log(
    `${label}: ${identities.toLocaleString('en')} identities in ${seconds.toFixed(1)}s; keys held ${store.size.toLocaleString('en')}; ` +
      `RSS ${mb(before.rss)} → ${mb(after.rss)} MB (+${mb(after.rss - before.rss)}); heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB (+${mb(after.heapUsed - before.heapUsed)}); ` +
      `allowed sign-in ${speedBefore.toFixed(2)} µs before, ${speedAfter.toFixed(2)} µs after`,
  );
}

await flood(`bounded store (maxKeys ${maxKeys.toLocaleString('en')})`, createMemoryRateLimitStore({ clock: systemClock, maxKeys }));
if (process.argv.includes('--compare')) {
  await flood('same store, unbounded (for comparison)', createMemoryRateLimitStore({ clock: systemClock, maxKeys: Number.POSITIVE_INFINITY }));
  compareGraphqlRateLimit();
}

// graphql-rate-limit's own InMemoryStore copies its whole state on every
// write, so a flood is quadratic in time, and it never forgets a caller.
function compareGraphqlRateLimit() {
  for (const size of [2_500, 5_000, 10_000]) {
    const legacy = new InMemoryStore();
    const start = performance.now();
    for (let i = 0; i < size; i += 1) legacy.setForIdentity({ contextIdentity: contextFor(i).origin.ip, fieldIdentity: 'login' }, [Date.now()]);
    const seconds = (performance.now() - start) / 1000;
    const kept = Object.keys(legacy.state).length;
    console.log(`graphql-rate-limit InMemoryStore: ${size.toLocaleString('en')} identities in ${seconds.toFixed(2)}s (${kept.toLocaleString('en')} kept, never released)`);
  }
}
