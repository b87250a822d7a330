// DATABASE_STATEMENT_TIMEOUT and DATABASE_POOL_SIZE: read with their
// defaults, and a value the server could not run with stops the boot with a
// message naming the setting.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { testEnv } from '../helpers/start-test-server.js';

describe('database settings', () => {
  it('default to a 5 s statement timeout and 10 pooled connections', () => {
    const config = loadConfig(testEnv());
    expect(config.databaseStatementTimeoutMs).toBe(5_000);
    expect(config.databasePoolSize).toBe(10);
  });

  it('read a duration and a count', () => {
    const config = loadConfig(testEnv({ DATABASE_STATEMENT_TIMEOUT: '1500ms', DATABASE_POOL_SIZE: '25' }));
    expect(config.databaseStatementTimeoutMs).toBe(1_500);
    expect(config.databasePoolSize).toBe(25);
  });

  it.each([
    ['DATABASE_STATEMENT_TIMEOUT', '50ms', /DATABASE_STATEMENT_TIMEOUT must be between 100ms and 10m/],
    ['DATABASE_STATEMENT_TIMEOUT', '1h', /DATABASE_STATEMENT_TIMEOUT must be between 100ms and 10m/],
    ['DATABASE_STATEMENT_TIMEOUT', 'soon', /DATABASE_STATEMENT_TIMEOUT: "soon" is not a duration/],
    ['DATABASE_POOL_SIZE', '0', /DATABASE_POOL_SIZE/],
    ['DATABASE_POOL_SIZE', 'many', /DATABASE_POOL_SIZE/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig(testEnv({ [name]: value }))).toThrow(message);
  });
});
