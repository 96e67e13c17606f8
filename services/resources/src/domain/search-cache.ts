/**
 * What search computes, kept for a few seconds: facet counts, totals and result pages of the
 * same question are not recomputed for every reader.
 *
 * Freshness: `markStale()` (called after every successful write of this process and on the
 * identity events that change what search shows) empties the cache, so a resource published here
 * is searchable at once. Writes of other replicas show up within `ttlMs`. A computation that was
 * running when the cache was emptied still answers the requests that were waiting for it, but is
 * never served again.
 */
export class SearchCache {
  /** Key → pending or settled computation, oldest use first (the map's insertion order). */
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>()

  /**
   * @param ttlMs how long an answer is served (0: no cache)
   * @param maxEntries answers kept at most (the least recently used go first)
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached answer for `key`, or the one `compute` gives (shared by concurrent callers). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute()
    const now = this.now()
    const hit = this.entries.get(key)
    this.entries.delete(key)
    if (hit && now - hit.at < this.ttlMs) {
      this.entries.set(key, hit)
      return hit.value as Promise<T>
    }
    const entry = { at: now, value: compute() }
    this.entries.set(key, entry)
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
    // A failure is not an answer: the next request tries again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key)
    })
    return entry.value as Promise<T>
  }

  /** Something search shows has changed: forget every answer. */
  markStale(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
