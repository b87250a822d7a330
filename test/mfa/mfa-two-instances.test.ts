// The mfaToken's five tries and a TOTP code's single use hold across two
// instances on one database and one Redis: the tries are claimed in the
// database, the used step is a conditional write, and the sign-in throttle
// lives in Redis. Alternating and concurrent requests over both servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../helpers/accounts.js';
import { attemptsLeftOf, loginFrom, mfaTokenOf, signupWithTotp, stepMs, totpCode, verifyMfaFrom } from '../helpers/mfa.js';
import { auditEvents } from '../helpers/session-queries.js';
import { startTwoInstances, type TwoInstances } from '../helpers/start-two-instances.js';
import { redisAvailable } from '../helpers/test-redis.js';

describe.skipIf(!redisAvailable('the second factor across two instances'))('the second factor across two instances on one Redis', () => {
  let pair: TwoInstances;
  beforeAll(async () => {
    pair = await startTwoInstances({ env: { TRUST_PROXY: '1', LOGIN_LOCKOUT_AFTER: '0', LOGIN_UNTRUSTED_MAX: '0' } });
  });
  afterAll(() => pair.close());

  const failedCodes = (userId: string) => [pair.a, pair.b].flatMap((server) => auditEvents(server, 'mfa.code_failed')).filter((e) => e['subjectId'] === userId);

  it('ends an mfaToken after five wrong codes spread over both', async () => {
    const { a, b } = pair;
    const alice = await signupWithTotp(a, 'alice@example.com');
    const token = mfaTokenOf(await loginFrom(b, '192.0.2.1', alice.email));
    const wrong = totpCode(a, alice.secret, 10 * stepMs);
    const left = [];
    for (const server of [a, b, a, b, a]) left.push(attemptsLeftOf(await verifyMfaFrom(server, '192.0.2.1', token, wrong)));
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(attemptsLeftOf(await verifyMfaFrom(b, '192.0.2.1', token, totpCode(b, alice.secret)))).toBe(0);
  });

  it('checks no more than five of twenty wrong codes sent to both at once', async () => {
    const { a, b } = pair;
    const bob = await signupWithTotp(a, 'bob@example.com');
    const token = mfaTokenOf(await loginFrom(a, '192.0.2.2', bob.email));
    const wrong = totpCode(a, bob.secret, 10 * stepMs);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyMfaFrom(i % 2 ? a : b, `192.0.2.${100 + i}`, token, wrong)));
    expect(answers.map(attemptsLeftOf).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    expect(failedCodes(bob.id)).toHaveLength(5);
  });

  it('accepts a code on one and refuses it on the other', async () => {
    const { a, b } = pair;
    const carol = await signupWithTotp(a, 'carol@example.com');
    const code = totpCode(a, carol.secret);
    const [onA, onB] = await Promise.all([
      verifyMfaFrom(a, '192.0.2.3', mfaTokenOf(await loginFrom(a, '192.0.2.3', carol.email)), code),
      verifyMfaFrom(b, '192.0.2.4', mfaTokenOf(await loginFrom(b, '192.0.2.4', carol.email)), code),
    ]);
    expect([codeOf(onA ?? { body: {} }), codeOf(onB ?? { body: {} })].sort()).toEqual(['UNAUTHENTICATED', undefined]);
    expect(failedCodes(carol.id).map((e) => e['reason'])).toEqual(['replayed_code']);
  });
});
