/**
 * An in-process cache of results computed from the database, each stored with the data version it
 * was computed under (a counter the database raises on every committed write, see migration
 * DataVersions). A lookup gives the value only when the caller's freshly read version is the same:
 * never stale, whatever another process wrote. Least recently used entries go first beyond
 * `maxEntries` (0: no caching).
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: string; value: V }>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries: number) {}

  get(key: string, version: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.version !== version) {
      this.misses += 1;
      return undefined;
    }
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits += 1;
    return entry.value;
  }

  set(key: string, version: string, value: V): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** The value under `version`, computed by `compute` (and kept) when absent or older. */
  async through(key: string, version: string, compute: () => Promise<V>): Promise<V> {
    const cached = this.get(key, version);
    if (cached !== undefined) return cached;
    const value = await compute();
    this.set(key, version, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
