/**
 * DedupIndex: the streaming form of the stage. Articles arrive one at a time; each is fingerprinted,
 * its candidates are looked up in LSH band buckets and winnowed-anchor buckets (sub-linear: a few
 * dozen bucket reads, each capped), every candidate is confirmed on the exact shingle sets, and the
 * article is then indexed. Articles live in time partitions (one per `partitionDays`); partitions older
 * than the sliding window are dropped whole, so memory is bounded on an endless stream.
 *
 * Time is never read from a clock: an article's time is the `at` given to `add`, else its `published`
 * date, else the injected `now()`, else the latest time seen so far (sequence time).
 */
import type { Article, CopyKind, CopyRelation } from '../records/index.ts';
import { classifyPair, isCopy, scorePair } from './compare.ts';
import { DEFAULT_FINGERPRINT_PARAMS, fingerprintBody, type Fingerprint, type FingerprintParams } from './fingerprint.ts';
import { mix32 } from './hash.ts';
import { KeyTable, MAX_TRACKED_LENGTH, U32Arena } from './table.ts';

const DAY_MS = 86_400_000;
const BAND_SALT = 0x68e31da4;
const ANCHOR_SALT = 0xb5297a4d;

/**
 * Most entries read from one bucket (newest first). A bucket this full is a stock phrase or a page
 * template, not evidence of one particular copy; capping it keeps a query's cost bounded. 64 is far
 * above any bucket the copy benchmark fills (max 9 on WCXB dev + copies).
 */
export const MAX_BUCKET_SCAN = 64;

export interface DedupIndexOptions {
  params?: FingerprintParams;
  /** Sliding window in days; partitions entirely older than the newest time minus this are dropped. Infinity keeps everything. */
  windowDays?: number;
  /** Width of one time partition in days (the granularity of eviction). */
  partitionDays?: number;
  /** Time for an article with neither `at` nor `published` (ms since epoch); default: the latest time seen. */
  now?: () => number;
  maxBucketScan?: number;
  /** Anchor bucket length at which an anchor counts as a stock phrase (see CROWDED_ANCHOR_BUCKET). */
  crowdedAnchorBucket?: number;
}

/** What `add` found for one article. */
export interface AddResult {
  id: string;
  /** Confirmed relations with earlier articles still in the window, sorted by the other id. */
  relations: CopyRelation[];
  /** The earlier article this one is the best copy of (exact > near > partial, then Jaccard, then id), or null. */
  copyOf: { id: string; kind: Exclude<CopyKind, 'shares-material'> } | null;
  /** Candidates read from buckets and confirmed exactly (the cost of this query). */
  candidates: number;
}

interface Partition {
  key: number;
  ids: string[];
  words: number[];
  hashA: number[];
  hashB: number[];
  anchorCounts: number[];
  /**
   * Band keys and anchor keys in separate tables: in one, a band key that collides (32 bits) with an
   * anchor key reads that anchor bucket as LSH candidates — at 1M synthetic articles candidates/article
   * were 0.46 with one table and 0.41 with two.
   */
  bandTable: KeyTable;
  anchorTable: KeyTable;
  arena: U32Arena;
}

/**
 * Shared anchors needed before a pair is measured (unless an LSH band matched). Tuned on the synthetic
 * bench stream (Zipf vocabulary) and the copy benchmark: 1 confirmed ≈ 10 candidates per article on the
 * stream, 2 cuts that to ≈ 2 with the copy benchmark's recall unchanged (teasers and quotes of ≥ 40 words
 * span two winnowing windows).
 */
export const MIN_ANCHOR_HITS = 2;
const LSH_HIT = 1 << 20;
/**
 * A bucket holding at most this many articles marks a rare anchor, enough alone for a candidate. It was
 * off after a measurement (candidates/article 0.48 → 2.2 at 100k) made while `combine` collided
 * unrelated shingles; with the hash fixed, 1 costs 0.11 → 0.14 candidates/article on
 * the synthetic 100k stream (CPU throughput within noise) and lifts shares-material recall on the copy
 * benchmark 0.875 → 0.925 (2: 0.95 at 0.16 candidates); copy kinds are unchanged at 0, 1 and 2.
 */
export const RARE_ANCHOR_BUCKET = 1;

/**
 * An anchor bucket this full is a stock phrase of its partition, not evidence of one copy: only its
 * newest CROWDED_SAMPLE entries are read (copies of news arrive close together, and a widely copied
 * story still meets its newest copies there). Measured on the synthetic 1M stream (one partition):
 * 16/8 vs reading the newest 64 of every bucket, 13.4k → 14.3k articles/CPU-s with candidates/article
 * (0.12, measured before the rare-anchor path was on) and planted-copy recall (0.9832) unchanged; the copy
 * benchmark's largest bucket holds 9, so it is untouched there.
 */
export const CROWDED_ANCHOR_BUCKET = 16;
/** Newest entries read from a crowded anchor bucket; see CROWDED_ANCHOR_BUCKET. */
export const CROWDED_SAMPLE = 8;

const COPY_RANK: Record<CopyKind, number> = { exact: 0, near: 1, partial: 2, 'shares-material': 3 };

/** The time of an article in ms, from `at`, else its YYYY-MM-DD `published`, else null. */
function articleTime(article: Pick<Article, 'published'>, at?: Date | string | number): number | null {
  if (at !== undefined) {
    const t = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
    if (Number.isFinite(t)) return t;
  }
  if (article.published) {
    const t = Date.parse(article.published);
    if (Number.isFinite(t)) return t;
  }
  return null;
}

/** Builds the relation record with `a` the id that sorts first. */
export function makeRelation(idX: string, idY: string, kind: CopyKind, s: ReturnType<typeof scorePair>): CopyRelation {
  const xFirst = idX < idY;
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return {
    a: xFirst ? idX : idY,
    b: xFirst ? idY : idX,
    kind,
    jaccard: round(s.jaccard),
    containmentA: round(xFirst ? s.containmentA : s.containmentB),
    containmentB: round(xFirst ? s.containmentB : s.containmentA),
    sharedShingles: s.shared,
    longestSharedWords: s.longestSharedWords,
  };
}

/**
 * A streaming copy detector with a sliding window.
 *
 * @example
 *   const index = new DedupIndex({ windowDays: 7 });
 *   for (const article of stream) {
 *     const r = index.add(article);
 *     if (r.copyOf) console.log(article.id, 'copies', r.copyOf.id, r.copyOf.kind);
 *   }
 */
export class DedupIndex {
  readonly params: FingerprintParams;
  private readonly windowMs: number;
  private readonly partitionMs: number;
  private readonly now: (() => number) | undefined;
  private readonly cap: number;
  private readonly crowd: number;
  /** Newest partition last. */
  private partitions: Partition[] = [];
  private clock = 0;
  private evictedArticles = 0;

  constructor(options: DedupIndexOptions = {}) {
    this.params = options.params ?? DEFAULT_FINGERPRINT_PARAMS;
    const windowDays = options.windowDays ?? Infinity;
    if (!(windowDays > 0)) throw new RangeError(`windowDays must be positive, got ${windowDays}`);
    this.windowMs = windowDays * DAY_MS;
    const partitionDays = options.partitionDays ?? (Number.isFinite(windowDays) ? Math.min(1, windowDays) : Infinity);
    this.partitionMs = partitionDays * DAY_MS;
    this.now = options.now;
    this.cap = options.maxBucketScan ?? MAX_BUCKET_SCAN;
    this.crowd = Math.min(options.crowdedAnchorBucket ?? CROWDED_ANCHOR_BUCKET, MAX_TRACKED_LENGTH);
  }

  /**
   * Indexes one article and returns its confirmed relations with earlier articles in the window.
   * An article whose time is already outside the window is compared but not kept.
   */
  add(article: Pick<Article, 'id' | 'paragraphs' | 'published'>, at?: Date | string | number): AddResult {
    const fp = fingerprintBody(article.paragraphs, this.params);
    return this.addFingerprint(article.id, fp, articleTime(article, at) ?? this.now?.() ?? this.clock);
  }

  /** As `add`, for a body already fingerprinted with this index's parameters (the batch path reuses fingerprints). */
  addFingerprint(id: string, fp: Fingerprint, time: number): AddResult {
    if (fp.params !== this.params && JSON.stringify(fp.params) !== JSON.stringify(this.params)) {
      throw new Error(`fingerprint parameters differ from the index's: ${JSON.stringify(fp.params)} vs ${JSON.stringify(this.params)}`);
    }
    if (time > this.clock) {
      this.clock = time;
      this.evict();
    }
    const result: AddResult = { id, relations: [], copyOf: null, candidates: 0 };
    if (fp.set.length === 0) return result;

    // Per candidate slot: LSH_HIT if any band matched, plus one per shared anchor.
    const hits = new Map<number, number>();
    const bandKeys = fp.bands.map((k) => mix32(k ^ BAND_SALT));
    const anchorKeys = fp.anchors.map((k) => mix32(k ^ ANCHOR_SALT));
    let best: { id: string; kind: Exclude<CopyKind, 'shares-material'>; jaccard: number } | null = null;
    const bandHit = (slot: number) => void hits.set(slot, LSH_HIT);
    const bucket: number[] = [];
    const collect = (slot: number) => void bucket.push(slot);
    for (let p = this.partitions.length - 1; p >= 0; p--) {
      const part = this.partitions[p]!;
      hits.clear();
      for (const k of bandKeys) part.bandTable.scan(k, this.cap, bandHit);
      // A crowded anchor bucket is a stock phrase of this partition: only its newest entries are read.
      for (const k of anchorKeys) {
        bucket.length = 0;
        const length = part.anchorTable.length(k);
        part.anchorTable.scan(k, length >= this.crowd ? CROWDED_SAMPLE : this.cap, collect);
        // An anchor few articles have is a specific shared span and counts as enough on its own.
        const weight = length <= RARE_ANCHOR_BUCKET ? MIN_ANCHOR_HITS : 1;
        for (const slot of bucket) hits.set(slot, (hits.get(slot) ?? 0) + weight);
      }
      for (const [slot, count] of hits) {
        // A single shared anchor is enough only when one side has a single anchor (a short teaser):
        // otherwise it is usually one stock phrase, and a real shared span of ≥ 2 windows meets twice.
        if (count < LSH_HIT && count < Math.min(MIN_ANCHOR_HITS, fp.anchorWindows, part.anchorCounts[slot]!)) continue;
        const otherId = part.ids[slot]!;
        if (otherId === id) continue;
        result.candidates++;
        const exact = part.words[slot] === fp.words && part.hashA[slot] === fp.bodyHash[0] && part.hashB[slot] === fp.bodyHash[1];
        const scores = scorePair(fp.sequence, fp.set, part.arena.get(slot), this.params.minhash.shingleSize, exact);
        const kind = classifyPair(scores);
        if (kind === null) continue;
        result.relations.push(makeRelation(id, otherId, kind, scores));
        if (isCopy(kind)) {
          const better =
            !best ||
            COPY_RANK[kind] < COPY_RANK[best.kind] ||
            (COPY_RANK[kind] === COPY_RANK[best.kind] && (scores.jaccard > best.jaccard || (scores.jaccard === best.jaccard && otherId < best.id)));
          if (better) best = { id: otherId, kind, jaccard: scores.jaccard };
        }
      }
    }
    result.relations.sort((x, y) => {
      const ox = x.a === id ? x.b : x.a;
      const oy = y.a === id ? y.b : y.a;
      return ox < oy ? -1 : ox > oy ? 1 : 0;
    });
    if (best) result.copyOf = { id: best.id, kind: best.kind };

    if (time > this.clock - this.windowMs || !Number.isFinite(this.windowMs)) this.insert(id, fp, time);
    return result;
  }

  private partitionFor(time: number): Partition {
    const key = Number.isFinite(this.partitionMs) ? Math.floor(time / this.partitionMs) : 0;
    // Streams arrive roughly in time order: the partition is almost always the last one.
    for (let i = this.partitions.length - 1; i >= 0; i--) {
      const part = this.partitions[i]!;
      if (part.key === key) return part;
      if (part.key < key) {
        const created = newPartition(key);
        this.partitions.splice(i + 1, 0, created);
        return created;
      }
    }
    const created = newPartition(key);
    this.partitions.unshift(created);
    return created;
  }

  private insert(id: string, fp: Fingerprint, time: number): void {
    const part = this.partitionFor(time);
    const slot = part.ids.length;
    part.ids.push(id);
    part.arena.store(fp.set);
    part.words.push(fp.words);
    part.hashA.push(fp.bodyHash[0]);
    part.hashB.push(fp.bodyHash[1]);
    for (const k of fp.bands) part.bandTable.add(mix32(k ^ BAND_SALT), slot);
    for (const k of fp.anchors) part.anchorTable.add(mix32(k ^ ANCHOR_SALT), slot);
    part.anchorCounts.push(fp.anchorWindows);
  }

  private evict(): void {
    if (!Number.isFinite(this.windowMs)) return;
    const horizon = this.clock - this.windowMs;
    let drop = 0;
    while (drop < this.partitions.length && (this.partitions[drop]!.key + 1) * this.partitionMs <= horizon) {
      this.evictedArticles += this.partitions[drop]!.ids.length;
      drop++;
    }
    if (drop > 0) this.partitions = this.partitions.slice(drop);
  }

  /** Sizes, for reports and the benchmark. */
  stats(): { articles: number; partitions: number; bucketEntries: number; evicted: number; approxBytes: number } {
    let articles = 0;
    let entries = 0;
    let bytes = 0;
    for (const p of this.partitions) {
      articles += p.ids.length;
      entries += p.bandTable.entries + p.anchorTable.entries;
      bytes += p.bandTable.bytes() + p.anchorTable.bytes() + p.arena.bytes() + p.ids.length * 80;
    }
    return { articles, partitions: this.partitions.length, bucketEntries: entries, evicted: this.evictedArticles, approxBytes: bytes };
  }
}

function newPartition(key: number): Partition {
  return { key, ids: [], words: [], hashA: [], hashB: [], anchorCounts: [], bandTable: new KeyTable(), anchorTable: new KeyTable(), arena: new U32Arena() };
}
