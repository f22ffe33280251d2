/**
 * Rendered responses (JSON and HTML) kept until the stored stories change. Reads dominate (a reader opens
 * the list, a story, its articles), and each costs several store reads, schema validation of stored
 * briefs and rendering; the cached answer costs one cheap store query (the stages cursor) per request.
 *
 * Invalidation: every write of the story stages moves the stages cursor, including ingests by another
 * process into the same SQLite file, so an entry made under another cursor is never served. The Store
 * interface has no counter for writes that leave the cursor where it was (a reprocess that ends on the
 * same cursor), so entries also expire after `MAX_AGE_MS`: at worst a page is that much out of date.
 */

/**
 * How long an entry may be served: short enough that a reprocess finishing on the same cursor shows
 * within seconds, long enough to absorb bursts (under the 200-client bench every entry is hit hundreds
 * of times a second).
 */
export const MAX_AGE_MS = 5_000;
/** Entries kept; the oldest go first. A story page is 30–60 KB of HTML, so this bounds memory near 100 MB. */
export const MAX_ENTRIES = 2_000;

export interface CachedResponse {
  body: string;
  type: string;
  status: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, { cursor: number; at: number; value: CachedResponse }>();

  constructor(
    private readonly cursor: () => Promise<number>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached response for a key, or the one `produce` makes (which is kept unless it throws). */
  async get(key: string, produce: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const cursor = await this.cursor();
    const hit = this.entries.get(key);
    if (hit && hit.cursor === cursor && this.now() - hit.at < MAX_AGE_MS) return hit.value;
    const value = await produce();
    this.entries.delete(key);
    this.entries.set(key, { cursor, at: this.now(), value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
