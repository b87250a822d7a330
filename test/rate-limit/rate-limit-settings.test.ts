// Each limit is a setting, and a setting or declaration the server could not
// enforce as written stops the boot with a message that names it.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';
import { ipBucket } from '../../src/rate-limit/rate-limit-key.js';
import { defaultLimitName } from '../../src/rate-limit/read-rate-limits.js';
import { testEnv } from '../helpers/start-test-server.js';

describe('rate-limit settings', () => {
  it('reads RATE_LIMIT_<NAME>=<max>/<window> and off', () => {
    const config = loadConfig(testEnv({ RATE_LIMIT_LOGIN_PER_EMAIL: '3/30s', RATE_LIMIT_SIGNUP: 'off', RATE_LIMIT_STORE_MAX_KEYS: '5000' }));
    expect(config.rateLimits.overrides.get('LOGIN_PER_EMAIL')).toEqual({ max: 3, windowMs: 30_000 });
    expect(config.rateLimits.overrides.get('SIGNUP')).toBe('off');
    expect(config.rateLimits.overrides.has('STORE_MAX_KEYS')).toBe(false);
    expect(config.rateLimits.storeMaxKeys).toBe(5000);
  });

  it.each(['5', '5/', '0/1m', 'five/1m', '5/1 minute', '5/500ms'])('refuses RATE_LIMIT_LOGIN=%s', (value) => {
    expect(() => loadConfig(testEnv({ RATE_LIMIT_LOGIN: value }))).toThrow(/RATE_LIMIT_LOGIN/);
  });

  it('has the contract defaults', () => {
    const config = loadConfig(testEnv());
    expect(config.operationLimits).toEqual({ maxDepth: 10, maxAliases: 15, maxDirectives: 50, maxTokens: 1000, maxCost: 10_000 });
    expect(config.loginLockout).toEqual({ after: 5, baseMs: 60_000, maxMs: 3_600_000, forgetAfterMs: 86_400_000, untrustedMax: 10, untrustedWindowMs: 900_000 });
    expect(config.bodyLimitBytes).toBe(102_400);
  });

  it('refuses to start on a setting that names no limit, listing the ones that exist', async () => {
    const start = createApp(loadConfig(testEnv({ RATE_LIMIT_LOGON: '5/1m' })));
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(/RATE_LIMIT_LOGON names no @rateLimit in the schema \(known: .*\bLOGIN, LOGIN_PER_EMAIL, .*REFRESH_TOKEN, .*SIGNUP/);
  });

  it('refuses to start on a declaration it cannot enforce', async () => {
    const bad = 'extend type Query { a: String @public @rateLimit(max: 0, window: "soon", identityArgs: ["nope"]) b: String @public @rateLimit(max: 1, window: "1m", name: "A_PER_NOPE") }';
    const start = createApp(loadConfig(testEnv()), { typeDefs: [...loadTypeDefs(), bad] });
    await expect(start).rejects.toThrow(/max must be at least 1[\s\S]*window "soon"[\s\S]*identityArgs names "nope"[\s\S]*limit name A_PER_NOPE is already used/);
  });

  it('refuses per: ALL without identity arguments: one budget for everyone would let anyone spend it', async () => {
    const bad = 'extend type Query { a: String @public @rateLimit(max: 1, window: "1m", per: ALL) }';
    await expect(createApp(loadConfig(testEnv()), { typeDefs: [...loadTypeDefs(), bad] })).rejects.toThrow(/Query\.a: per: ALL needs identityArgs/);
  });

  it('names limits after the field and its identity arguments', () => {
    expect(defaultLimitName('refreshToken', [])).toBe('REFRESH_TOKEN');
    expect(defaultLimitName('login', ['email'])).toBe('LOGIN_PER_EMAIL');
  });

  it('buckets IPv6 clients by /64 and leaves IPv4 alone', () => {
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('2001:db8:0:0:ffff::')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
    expect(ipBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(ipBucket('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    expect(ipBucket('203.0.113.9')).toBe('203.0.113.9');
  });
});
