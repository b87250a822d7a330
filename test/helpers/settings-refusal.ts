// The message loadConfig refuses a test's settings with (over testEnv's
// defaults), after checking it is a ConfigError; fails when they are accepted.
import { expect } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { testEnv } from './start-test-server.js';

export function settingsRefusal(env: Record<string, string>): string {
  try {
    loadConfig(testEnv(env));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the settings were accepted');
}
