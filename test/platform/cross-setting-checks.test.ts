// The rules that tie settings together run in the same parse as each setting's
// own check: every problem is reported at once, one line each, and each line
// names the settings to change.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { settingsRefusal as refusal } from '../helpers/settings-refusal.js';
import { testEnv } from '../helpers/start-test-server.js';


describe('settings checked together', () => {
  it.each([
    [{ LOGIN_LOCKOUT_BASE: '2h', LOGIN_LOCKOUT_MAX: '1h' }, 'LOGIN_LOCKOUT_BASE must not be longer than LOGIN_LOCKOUT_MAX'],
    [{ HEADERS_TIMEOUT: '500ms' }, 'HEADERS_TIMEOUT must be at least 1s and not longer than REQUEST_TIMEOUT'],
    [{ PORT: '9100', METRICS_PORT: '9100' }, 'METRICS_PORT must differ from PORT'],
    [{ TLS_KEY: '/etc/tls/key.pem' }, 'TLS_CERT and TLS_KEY go together: set both (PEM file paths) or neither'],
    [{ TLS_CERT: '/etc/tls/cert.pem', TLS_KEY: '  ' }, 'TLS_CERT and TLS_KEY go together: set both (PEM file paths) or neither'],
    [{ NODE_ENV: 'production', JWT_SECRET: '' }, 'JWT_SECRET is required when NODE_ENV=production (at least 32 bytes, e.g. `openssl rand -base64 48`), unless JWT_PRIVATE_KEY is set'],
    [{ JWT_PRIVATE_KEY: '/etc/keys/jwt.pem' }, 'JWT_SECRET and JWT_PRIVATE_KEY are both set: set one (moving from HS256 to a private key, give the old secret as JWT_SECRET_PREVIOUS)'],
    [{ SMTP_URL: 'smtp://mail.example.com' }, 'MAIL_FROM is required with SMTP_URL (e.g. "Example <no-reply@example.com>")'],
    [{ WEBAUTHN_ORIGIN: 'http://app.example.com' }, 'WEBAUTHN_ORIGIN: passkeys need https (or http://localhost), not http://app.example.com'],
    [{ WEBAUTHN_ORIGIN: 'https://app.example.com, app.example.com' }, 'WEBAUTHN_ORIGIN: "app.example.com" is not a URL'],
    [{ WEBAUTHN_ORIGIN: 'https://app.example.com', WEBAUTHN_RP_ID: 'example.org' }, 'WEBAUTHN_RP_ID: "example.org" is not app.example.com or a parent domain of it'],
  ])('refuses %j with exactly: %s', (env, message) => {
    expect(refusal(env)).toBe(message);
  });

  it('accepts what the rules allow: equal lockout times, a metrics port of its own, both TLS files, passkeys under a parent domain', () => {
    const config = loadConfig(
      testEnv({ LOGIN_LOCKOUT_BASE: '1h', LOGIN_LOCKOUT_MAX: '1h', PORT: '4000', METRICS_PORT: '9100', TLS_CERT: ' cert.pem ', TLS_KEY: 'key.pem', WEBAUTHN_ORIGIN: 'https://app.example.com', WEBAUTHN_RP_ID: 'example.com' }),
    );
    expect(config.loginLockout.baseMs).toBe(config.loginLockout.maxMs);
    expect(config.metrics.port).toBe(9100);
    expect(config.tls).toEqual({ certPath: 'cert.pem', keyPath: 'key.pem' });
    expect(config.webauthn).toEqual({ rpId: 'example.com', rpName: 'graphql-auth', origins: ['https://app.example.com'] });
  });

  it('turns passkeys off, rather than refusing, when only APP_URL names a plain-http origin (it serves mail links too)', () => {
    expect(loadConfig(testEnv({ APP_URL: 'http://app.example.com' })).webauthn).toBeUndefined();
  });

  it('bounds single settings in the schema with a sentence naming each', () => {
    expect(refusal({ REDIS_COMMAND_TIMEOUT: '5ms' })).toBe('REDIS_COMMAND_TIMEOUT must be at least 10ms');
    expect(refusal({ ACCESS_TOKEN_TTL: '500ms' })).toBe('ACCESS_TOKEN_TTL must be at least 1s');
    expect(refusal({ DATABASE_STATEMENT_TIMEOUT: '11m' })).toBe('DATABASE_STATEMENT_TIMEOUT must be between 100ms and 10m');
  });

  it('reads RATE_LIMIT_<NAME> in the same parse: a bad name or value is named, a blank one is unset', () => {
    expect(refusal({ RATE_LIMIT_login: '5/1m' })).toBe('RATE_LIMIT_login: not a limit name (upper case letters, digits and _)');
    expect(refusal({ RATE_LIMIT_LOGIN: '5 per minute' })).toBe('RATE_LIMIT_LOGIN: "5 per minute" is not <max>/<window> like 5/1m (max at least 1, window at least 1s) or off');
    expect(loadConfig(testEnv({ RATE_LIMIT_LOGIN: '  ', RATE_LIMIT_SIGNUP: ' OFF ' })).rateLimits.overrides).toEqual(new Map([['SIGNUP', 'off']]));
  });

  it('reports every problem with single settings at once, one line each, each naming its setting', () => {
    const message = refusal({ RATE_LIMIT_LOGIN: 'lots', MAIL_FROM: 'a@example.com, b@example.com', ACCESS_TOKEN_TTL: '1ms' });
    expect(message.split('\n')).toEqual([
      'Invalid settings:',
      '  ACCESS_TOKEN_TTL must be at least 1s',
      '  RATE_LIMIT_LOGIN: "lots" is not <max>/<window> like 5/1m (max at least 1, window at least 1s) or off',
      '  MAIL_FROM: must be one address, e.g. no-reply@example.com or "Example <no-reply@example.com>"',
    ]);
  });

  // The rules across settings compare values, so they run once every setting has read well.
  it('then every rule across settings that is broken, at once', () => {
    const message = refusal({ NODE_ENV: 'production', JWT_SECRET: '', LOGIN_LOCKOUT_BASE: '2h', LOGIN_LOCKOUT_MAX: '1h', TLS_CERT: 'cert.pem' });
    expect(message.split('\n')).toEqual([
      'Invalid settings:',
      '  JWT_SECRET is required when NODE_ENV=production (at least 32 bytes, e.g. `openssl rand -base64 48`), unless JWT_PRIVATE_KEY is set',
      '  LOGIN_LOCKOUT_BASE must not be longer than LOGIN_LOCKOUT_MAX',
      '  TLS_CERT and TLS_KEY go together: set both (PEM file paths) or neither',
    ]);
  });
});
