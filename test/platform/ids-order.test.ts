import { describe, expect, it } from 'vitest';
import { isId, newId } from '../../src/platform/ids.js';

describe('newId', () => {
  it('sorts in creation order within one millisecond and when the clock steps back', () => {
    const now = Date.UTC(2030, 0, 1);
    const made = [...Array.from({ length: 5000 }, () => newId(now)), newId(now - 60_000), newId(now + 1)];
    expect(made.every(isId)).toBe(true);
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });

  it('keeps the version and variant bits of a UUIDv7', () => {
    expect(newId(Date.now())).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
