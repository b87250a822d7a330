/**
 * Stores `value` under `key` in a cache of at most `maxEntries`: the key goes
 * in last, and when the cache is full the entry stored longest ago goes first
 * (Map keeps insertion order), so a flood of new keys cannot grow it.
 */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V, maxEntries: number): void {
  cache.delete(key);
  if (cache.size >= maxEntries) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
}
