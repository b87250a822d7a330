// The mail settings are checked at start like every other: a bad value stops
// the boot with a message naming the setting, and never repeats the SMTP URL
// (it holds a password).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { settingsRefusal as refusal } from '../helpers/settings-refusal.js';
import { testEnv } from '../helpers/start-test-server.js';


describe('mail settings', () => {
  it('default to the development log, the web example and 30 minutes for a reset link', () => {
    const config = loadConfig(testEnv());
    expect(config.mail).toEqual({ smtpUrl: undefined, from: 'graphql-auth <no-reply@localhost>', appUrl: 'http://localhost:5173' });
    expect(config.passwordResetTtlMs).toBe(30 * 60_000);
    expect(config.emailVerificationTtlMs).toBe(24 * 3_600_000);
    expect(config.requireVerifiedEmail).toBe(false);
  });

  it('take an SMTP URL with credentials, a From and an APP_URL without its trailing slash', () => {
    const config = loadConfig(testEnv({ SMTP_URL: 'smtps://user:p%40ss@mail.example.com:465', MAIL_FROM: 'Example <no-reply@example.com>', APP_URL: 'https://app.example.com/account/', PASSWORD_RESET_TTL: '1h' }));
    expect(config.mail).toEqual({ smtpUrl: 'smtps://user:p%40ss@mail.example.com:465', from: 'Example <no-reply@example.com>', appUrl: 'https://app.example.com/account' });
    expect(config.passwordResetTtlMs).toBe(3_600_000);
  });

  it('refuse what cannot work, naming the setting and never echoing the SMTP URL', () => {
    const secretUrl = 'http://user:hunter2hunter2@mail.example.com';
    const message = refusal({ SMTP_URL: secretUrl, MAIL_FROM: 'a@example.com' });
    expect(message).toMatch(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(message).not.toContain('hunter2hunter2');
    expect(refusal({ SMTP_URL: 'smtp://mail.example.com:587' })).toMatch(/MAIL_FROM is required with SMTP_URL/);
    expect(refusal({ MAIL_FROM: 'a@example.com, b@example.com' })).toMatch(/MAIL_FROM: must be one address/);
    expect(refusal({ MAIL_FROM: 'Evil\r\nBcc: x@example.com <a@example.com>' })).toMatch(/MAIL_FROM: must be one address/);
    expect(refusal({ APP_URL: 'javascript:alert(1)' })).toMatch(/APP_URL: must be an http\(s\) URL/);
    expect(refusal({ APP_URL: 'https://app.example.com/?next=evil' })).toMatch(/APP_URL: must be an http\(s\) URL/);
    expect(refusal({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.com', MAIL_FROM: 'a@example.com' })).toMatch(/APP_URL is required with SMTP_URL when NODE_ENV=production/);
    expect(refusal({ PASSWORD_RESET_TTL: '10s' })).toMatch(/PASSWORD_RESET_TTL and EMAIL_VERIFICATION_TTL must be at least 1m/);
    expect(refusal({ EMAIL_VERIFICATION_TTL: '30s' })).toMatch(/EMAIL_VERIFICATION_TTL must be at least 1m/);
    expect(refusal({ REQUIRE_VERIFIED_EMAIL: 'yes' })).toMatch(/REQUIRE_VERIFIED_EMAIL/);
  });
});
