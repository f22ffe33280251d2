/**
 * Online story clustering: each incoming unit (an article, or a copy group entering as its canonical)
 * is compared with the live stories an inverted index retrieves, a small learned decision says whether
 * it joins the best one, and a unit that scores high against a second story bridges the two into one.
 * Pure: no I/O and no clock — stream time is the latest publication date seen.
 */
import type { SharedEvidence } from '../records/index.ts';
import { articleFeatures, layerEntities, type EntityExtractor, type UnitFeatures } from './features.ts';
import { detach } from '../entities/fold.ts';
import { contrast, summarise, type ContrastSummary } from './contrast.ts';
import { DECISION_WEIGHTS, JOIN_PROBABILITY, MERGE_PROBABILITY, RARE_DF, RARE_MIN_WINDOW, SPARSE_WINDOW_WEIGHTS, joinProbabilityOf, type DecisionWeights, type PairFeatures } from './model.ts';

/** One unit of clustering: an article alone, or a copy group represented by its canonical article. */
export interface ClusterUnit {
  /** The unit id: the article id, or the copy group's canonical id. */
  id: string;
  title: string | null;
  paragraphs: readonly string[];
  /** Every article the unit stands for (the canonical first), with its own publication date. */
  members: readonly { id: string; published: string | null }[];
}

export { DECISION_WEIGHTS, SPARSE_WINDOW_WEIGHTS, RARE_DF, RARE_MIN_WINDOW, JOIN_PROBABILITY, MERGE_PROBABILITY, TIME_GRACE_DAYS, TIME_DECAY_PER_DAY, joinProbabilityOf } from './model.ts';
export type { PairFeatures, DecisionWeights } from './model.ts';

/** Stories untouched for longer than this (stream days) leave the index: the retrieval window. */
export const DEFAULT_WINDOW_DAYS = 7;
/** Undated stories leave the index after this many further units (they have no stream time). */
export const DEFAULT_WINDOW_UNITS = 50_000;
/** Query keys per unit and posting keys per story: enough to reach every story sharing its topic words. */
export const QUERY_TERMS = 15;
export const QUERY_ENTITIES = 10;
export const POST_TERMS = 30;
export const POST_ENTITIES = 15;
/**
 * A story's posting keys are refreshed on each of its first REPOST_ALWAYS_UNTIL units, then every
 * REPOST_EVERY: a grown centroid's top keys barely move with one more member, and re-ranking them is
 * the largest cost of an add.
 */
export const REPOST_ALWAYS_UNTIL = 4;
export const REPOST_EVERY = 4;
/**
 * Stories fully scored per unit, the ones sharing most query keys. bench/cluster.ts at 5k articles:
 * 25 → 10 scored 23.4 → 9.7 stories per article, B-cubed 0.921 → 0.924, ~5% faster; ECB+ unchanged.
 */
export const MAX_CANDIDATES = 10;
/** A posting list longer than this names a genre word, not an event: skipped so cost per unit stays flat. */
export const POSTING_SCAN_CAP = 400;
/** Centroids keep at most this many terms (pruned to CENTROID_KEEP by weight): bounds memory and scoring. */
export const CENTROID_CAP = 300;
export const CENTROID_KEEP = 200;

export interface ClustererOptions {
  entities?: EntityExtractor;
  windowDays?: number;
  windowUnits?: number;
  joinProbability?: number;
  mergeProbability?: number;
  weights?: DecisionWeights;
  /** The decision while the window holds fewer than `rareMinWindow` documents (default SPARSE_WINDOW_WEIGHTS). */
  sparseWeights?: DecisionWeights;
  /** Documents the window needs before `weights` (with the rare-term feature) decide (default RARE_MIN_WINDOW). */
  rareMinWindow?: number;
  /** Keep each unit's query vectors on its record, for the batch refinement pass (memory: one copy of every unit's vectors). */
  retainQueries?: boolean;
  /** Called with every story leaving the window, so a stream need not hold them. */
  onEvict?: (story: StoryState) => void;
}

export interface Candidate {
  story: StoryState;
  features: PairFeatures;
  probability: number;
}

/** Replaces the learned decision (used to collect training pairs with gold assignments). */
export type DecisionHook = (unit: ClusterUnit, candidates: readonly Candidate[]) => StoryState | null;

export interface UnitRecord {
  id: string;
  members: readonly { id: string; published: string | null }[];
  relation: 'founder' | 'joined';
  score: number;
  evidence: SharedEvidence[];
  title: string | null;
  titleTerms: Map<string, number>;
  /** The unit's query vectors, kept only with `retainQueries` (batch refinement re-scores units). */
  query?: Query;
}

export interface MergeRecord {
  into: string;
  from: string;
  by: string;
  score: number;
}

/** A live story: summed, L2-normalised member vectors and what the output needs. */
export interface StoryState {
  num: number;
  units: UnitRecord[];
  /**
   * The centroid by namespace, keyed by term, entity key or number. On a story of a StoryClusterer these
   * are views of `core` built when read (and cached in `flat` until the story changes); assigning one
   * replaces that vector.
   */
  terms: Map<string, number>;
  title: Map<string, number>;
  entities: Map<string, number>;
  entityNames: Map<string, string>;
  numbers: Map<string, number>;
  firstDay: number | null;
  lastDay: number | null;
  lastSeq: number;
  /** Posting keys in the clusterer's index (vocabulary ids: 2·id for a term, 2·id + 1 for an entity). */
  postKeys: number[];
  merges: MergeRecord[];
  alive: boolean;
  /** Centroid norms and contrast summary, recomputed after the story changes. */
  norms: { terms: number; entities: number; title: number; numbers: number; contrast: ContrastSummary } | null;
  /** The centroid as vocabulary-id vectors: present on stories a StoryClusterer made. */
  core?: StoryCore;
  /** The string-keyed views of `core` read so far, dropped when the story changes. */
  flat?: Partial<Record<Namespace, Map<string, number>>> | null;
}

type Namespace = 'terms' | 'title' | 'entities' | 'numbers';
const NAMESPACES: readonly Namespace[] = ['terms', 'title', 'entities', 'numbers'];

/**
 * A sparse vector over one vocabulary's ids, kept in insertion order (the order a Map iterates, so norms
 * and dot products add in the same order as over the string maps). Once `keys` is set the vector is
 * frozen: its ids no longer hold vocabulary entries (the story left the window or was replaced), and
 * the keys are read from `keys` instead.
 */
export interface IdVec {
  ids: Int32Array;
  w: Float64Array;
  len: number;
  keys: string[] | null;
}

/** A story's centroid by namespace, with scratch fields of candidate retrieval. */
export interface StoryCore {
  terms: IdVec;
  title: IdVec;
  entities: IdVec;
  numbers: IdVec;
  /** The vocabularies the ids belong to (terms and title share one). */
  vocab: { terms: Vocab; title: Vocab; entities: Vocab; numbers: Vocab };
  /** Set when the story left the index (or refinement replaced a vector): ids no longer held, keys kept as strings. */
  frozen: boolean;
  /** The story's slot in the clusterer's retrieval arrays (posting lists hold slots, not stories). */
  slot: number;
}

const DAY_MS = 86_400_000;
/** Days since the epoch of a YYYY-MM-DD date, or null. */
export function dayOf(date: string | null): number | null {
  if (!date) return null;
  const t = Date.parse(date.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
/** A unit's day: its earliest dated member's, or null. */
export function unitDay(unit: Pick<ClusterUnit, 'members'>): number | null {
  let day: number | null = null;
  for (const m of unit.members) {
    const d = dayOf(m.published);
    if (d !== null && (day === null || d < day)) day = d;
  }
  return day;
}

/**
 * A vocabulary: key → integer id, with document frequencies and reference counts by id. Ids are dense so
 * the hot paths (IDF counts, centroids, scoring) index typed arrays instead of hashing strings. An entry
 * is freed by `sweep` once no live document counts it (df 0) and no centroid or posting list holds it
 * (refs 0); its id is handed out again, so the table follows the window instead of growing forever.
 */
export class Vocab {
  /**
   * Key → id as a null-prototype object in dictionary mode rather than a Map: property lookup goes
   * through V8's internalized strings, measured twice as fast as Map.get on the stream's fresh
   * strings (~450 vs ~1000 ns at 80k entries), and this lookup runs for every distinct word of
   * every article. Measured and not adopted (2026-12-07): an Int32Array table keyed by a 64-bit hash
   * with no string compare looks up 3–6× faster alone (70–120 vs 400 ns at 500k keys) yet made the
   * 300k-article stream 9–14% slower with 10% more RSS: interning here also lets V8 fold the fresh
   * copies of a word that unit records and story maps keep into one string, and without it the
   * heap and its collections grow.
   */
  private readonly ids: Record<string, number> = Object.create(null) as Record<string, number>;
  private count = 0;
  keys: (string | undefined)[] = [];
  df = new Int32Array(1024);
  refs = new Int32Array(1024);
  private free: number[] = [];
  intern(key: string): number {
    let id = this.ids[key];
    if (id === undefined) {
      key = detach(key);
      id = this.free.pop();
      if (id === undefined) {
        id = this.keys.length;
        this.keys.push(key);
        if (id >= this.df.length) {
          this.df = grow(this.df, this.df.length * 2);
          this.refs = grow(this.refs, this.refs.length * 2);
        }
      } else this.keys[id] = key;
      this.ids[key] = id;
      this.count++;
    }
    return id;
  }
  /** The id of a key, if it has one. */
  idOf(key: string): number | undefined {
    return this.ids[key];
  }
  /** Entries in use. */
  get size(): number {
    return this.count;
  }
  /** One past the largest id handed out: the length arrays indexed by id need. */
  get capacity(): number {
    return this.keys.length;
  }
  /** The key of a live id. */
  key(id: number): string {
    return this.keys[id]!;
  }
  /** Frees every entry no document counts and nothing holds; returns how many. */
  sweep(): number {
    let freed = 0;
    const { df, refs, keys } = this;
    for (let id = 0; id < keys.length; id++) {
      const k = keys[id];
      if (k === undefined || df[id] !== 0 || refs[id] !== 0) continue;
      delete this.ids[k];
      this.count--;
      keys[id] = undefined;
      this.free.push(id);
      freed++;
    }
    return freed;
  }
}

function grow<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/**
 * Interns one namespace's keys of a unit into `ids` (in the keys' order) and counts each in the window
 * total and in a bucket's counts; returns the bucket's counts, grown when a new id passed their end.
 * One function per collection type: a loop over "any iterable" sees both Map and Set iterators, goes
 * generic and allocates a result object per key (4–5 KB per article measured with the heap sampler).
 */
function countMapKeys(keys: ReadonlyMap<string, number>, vocab: Vocab, ids: Int32Array, counts: Int32Array): Int32Array {
  let i = 0;
  for (const k of keys.keys()) counts = countKey(k, vocab, ids, i++, counts);
  return counts;
}
function countSetKeys(keys: ReadonlySet<string>, vocab: Vocab, ids: Int32Array, counts: Int32Array): Int32Array {
  let i = 0;
  for (const k of keys) counts = countKey(k, vocab, ids, i++, counts);
  return counts;
}
function countKey(k: string, vocab: Vocab, ids: Int32Array, i: number, counts: Int32Array): Int32Array {
  const id = (ids[i] = vocab.intern(k));
  vocab.df[id]!++;
  if (id >= counts.length) counts = grow(counts, vocab.df.length);
  counts[id]!++;
  return counts;
}

/** Document counts of one slice of the stream (a day, or a block of undated units), by vocabulary id. */
interface IdfBucket {
  units: number;
  t: Int32Array;
  e: Int32Array;
  n: Int32Array;
}

/**
 * Document frequencies over the clustering window, for terms, entities and numbers (one vocabulary per
 * namespace). Counts are kept per day of the units' dates (per block of windowUnits/10 units for undated
 * ones), and a day leaves the counts when it leaves the window (`expire`, on the clusterer's stream
 * time), a block once windowUnits further undated units came: the IDF is rarity in the same news the
 * live stories are compared within, and the vocabulary is swept of what only those days named, so
 * memory stays flat on an endless stream. `epoch` changes whenever a sweep freed ids, so ids held from
 * before (a batch's observed units, retained queries) know to be looked up again.
 */
export class Idf {
  n = 0;
  private logN = 0;
  epoch = 0;
  readonly vocab = { t: new Vocab(), e: new Vocab(), n: new Vocab() };
  private readonly days = new Map<number, IdfBucket>();
  private readonly blocks = new Map<number, IdfBucket>();
  private undated = 0;
  private readonly blockSize: number;

  constructor(private readonly windowDays = DEFAULT_WINDOW_DAYS, windowUnits = DEFAULT_WINDOW_UNITS) {
    this.blockSize = Math.max(1, Math.floor(windowUnits / 10));
  }

  /** Counts a unit's keys (in the bucket of `day`); returns their ids (in the maps' order) so the query need not look them up again. */
  observe(f: UnitFeatures, day: number | null = null): ObservedIds {
    let b: IdfBucket;
    if (day !== null) b = bucketOf(this.days, day);
    else {
      // A new block: the one more than ten back (windowUnits undated units ago) leaves.
      const block = Math.floor(this.undated / this.blockSize);
      if (this.undated++ % this.blockSize === 0) {
        let dropped = false;
        for (const [k, old] of this.blocks) if (k < block - 10) dropped = this.drop(this.blocks, k, old) || dropped;
        if (dropped) this.sweep();
      }
      b = bucketOf(this.blocks, block);
    }
    b.units++;
    this.n++;
    this.logN = Math.log(this.n + 1);
    const { t, e, n } = this.vocab;
    const ids: ObservedIds = { epoch: this.epoch, terms: new Int32Array(f.terms.size), ents: new Int32Array(f.entities.size), nums: new Int32Array(f.numbers.size) };
    b.t = countMapKeys(f.terms, t, ids.terms, b.t);
    b.e = countMapKeys(f.entities, e, ids.ents, b.e);
    b.n = countSetKeys(f.numbers, n, ids.nums, b.n);
    return ids;
  }

  /** Drops the days older than the window ending at `now`; true when any left (then `sweep`). */
  expire(now: number | null): boolean {
    if (now === null) return false;
    let dropped = false;
    for (const [day, b] of this.days) if (day < now - this.windowDays) dropped = this.drop(this.days, day, b) || dropped;
    return dropped;
  }

  /** Frees unreferenced vocabulary entries (after buckets left, or stories released their keys). */
  sweep(): void {
    let freed = 0;
    for (const v of Object.values(this.vocab)) freed += v.sweep();
    if (freed > 0) this.epoch++;
  }

  private drop(from: Map<number, IdfBucket>, key: number, b: IdfBucket): boolean {
    from.delete(key);
    this.n -= b.units;
    this.logN = Math.log(this.n + 1);
    const { t, e, n } = this.vocab;
    for (const [v, c] of [[t, b.t], [e, b.e], [n, b.n]] as const) {
      const df = v.df;
      for (let id = 0; id < c.length; id++) if (c[id] !== 0) df[id]! -= c[id]!;
    }
    return true;
  }

  get(ns: 't' | 'e' | 'n', key: string): number {
    const v = this.vocab[ns];
    const id = v.idOf(key);
    return this.logN - Math.log((id === undefined ? 0 : v.df[id]!) + 1) + 1;
  }
  /** IDF of an interned id. */
  getId(ns: 't' | 'e' | 'n', id: number): number {
    return this.logN - Math.log(this.vocab[ns].df[id]! + 1) + 1;
  }
}

function bucketOf(m: Map<number, IdfBucket>, key: number): IdfBucket {
  let b = m.get(key);
  if (!b) m.set(key, (b = { units: 0, t: new Int32Array(1024), e: new Int32Array(256), n: new Int32Array(256) }));
  return b;
}

/** Vocabulary ids of a unit's terms, entities and numbers as `Idf.observe` counted them, valid for `epoch`. */
interface ObservedIds {
  epoch: number;
  terms: Int32Array;
  ents: Int32Array;
  nums: Int32Array;
}

export function norm(m: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v * v;
  return Math.sqrt(s);
}
function vecNorm(v: IdVec): number {
  let s = 0;
  const w = v.w;
  for (let i = 0; i < v.len; i++) s += w[i]! * w[i]!;
  return Math.sqrt(s);
}
/** Cosine of a weighted query vector against a centroid (norms given). */
export function cosine(q: ReadonlyMap<string, number>, qNorm: number, c: ReadonlyMap<string, number>, cNorm: number): number {
  if (qNorm === 0 || cNorm === 0) return 0;
  let dot = 0;
  if (q.size <= c.size) {
    for (const [k, v] of q) {
      const w = c.get(k);
      if (w !== undefined) dot += v * w;
    }
  } else {
    for (const [k, w] of c) {
      const v = q.get(k);
      if (v !== undefined) dot += v * w;
    }
  }
  return dot / (qNorm * cNorm);
}
export function addScaled(into: Map<string, number>, from: ReadonlyMap<string, number>, scale: number): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v * scale);
}
/**
 * The loaded query as a small open-addressing table keyed by (vocabulary id, namespace): a few hundred
 * entries that stay in cache, where an array indexed by id would spread over the whole vocabulary and
 * miss the cache on nearly every centroid entry.
 */
class QueryTable {
  keys = new Int32Array(512).fill(-1);
  w = new Float64Array(512);
  /** 1 on the entries of the query's rare terms. */
  rare = new Uint8Array(512);
  private shift = 32 - 9;
  private used: number[] = [];

  /** Empties the table and sizes it for `n` entries (load under a quarter). */
  reset(n: number): void {
    if (n * 4 > this.keys.length) {
      let size = this.keys.length;
      while (n * 4 > size) size *= 2;
      this.keys = new Int32Array(size).fill(-1);
      this.w = new Float64Array(size);
      this.rare = new Uint8Array(size);
      this.shift = 32 - Math.log2(size);
    } else
      for (const h of this.used) {
        this.keys[h] = -1;
        this.rare[h] = 0;
      }
    this.used.length = 0;
  }
  set(key: number, w: number, rare = 0): void {
    const mask = this.keys.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.keys[h] !== -1 && this.keys[h] !== key) h = (h + 1) & mask;
    if (this.keys[h] === -1) this.used.push(h);
    this.keys[h] = key;
    this.w[h] = w;
    this.rare[h] = rare;
  }
  /** Set by `dot`: whether the centroid held one of the query's rare terms. */
  sawRare = false;
  /** Dot product of a centroid's namespace `ns` with the query (absent keys weigh 0); sets `sawRare`. */
  dot(c: IdVec, ns: number): number {
    const { keys, w, rare } = this;
    let sawRare = false;
    const mask = keys.length - 1;
    const shift = this.shift;
    const { ids, w: cw } = c;
    let dot = 0;
    for (let i = 0; i < c.len; i++) {
      const key = (ids[i]! << 2) | ns;
      let h = Math.imul(key, 0x9e3779b1) >>> shift;
      for (;;) {
        const k = keys[h]!;
        if (k === key) {
          dot += cw[i]! * w[h]!;
          if (rare[h]) sawRare = true;
          break;
        }
        if (k === -1) break;
        h = (h + 1) & mask;
      }
    }
    this.sawRare = sawRare;
    return dot;
  }
}
const NS_TERMS = 0;
const NS_TITLE = 1;
const NS_ENTS = 2;
const NS_NUMS = 3;

/**
 * The ids of the k largest weights (ties by key). Finds the k-th weight on a typed copy of the weights
 * first, so only the entries at or above it are sorted: this runs on every query and repost.
 */
function topIds(ids: Int32Array, w: Float64Array, len: number, k: number, vocab: Vocab): number[] {
  let pick: number[];
  if (len <= k) pick = Array.from({ length: len }, (_, i) => i);
  else {
    const vals = w.slice(0, len).sort();
    const kth = vals[len - k]!;
    pick = [];
    for (let i = 0; i < len; i++) if (w[i]! >= kth) pick.push(i);
  }
  pick.sort((a, b) => w[b]! - w[a]! || (vocab.key(ids[a]!) < vocab.key(ids[b]!) ? -1 : 1));
  const out = new Array<number>(Math.min(k, pick.length));
  for (let i = 0; i < out.length; i++) out[i] = ids[pick[i]!]!;
  return out;
}

const emptyVec = (): IdVec => ({ ids: new Int32Array(16), w: new Float64Array(16), len: 0, keys: null });

/**
 * Keeps the CENTROID_KEEP heaviest entries once a vector passes CENTROID_CAP (of entries at the cut
 * weight, the smallest keys stay). The cut weight is found on a typed copy of the weights, and the
 * survivors compacted in order, without sorting the entries.
 */
function pruneVec(v: IdVec, vocab: Vocab): void {
  if (v.len <= CENTROID_CAP) return;
  const { ids, w } = v;
  const cut = w.slice(0, v.len).sort()[v.len - CENTROID_KEEP]!;
  let kept = 0;
  const ties: number[] = [];
  for (let i = 0; i < v.len; i++) {
    if (w[i]! > cut) kept++;
    else if (w[i] === cut) ties.push(i);
  }
  const drop = new Set<number>();
  let excess = kept + ties.length - CENTROID_KEEP;
  if (excess > 0) {
    ties.sort((a, b) => (vocab.key(ids[a]!) < vocab.key(ids[b]!) ? -1 : 1));
    while (excess-- > 0) drop.add(ties.pop()!);
  }
  let j = 0;
  for (let i = 0; i < v.len; i++) {
    if (w[i]! < cut || drop.has(i)) {
      vocab.refs[ids[i]!]!--;
      continue;
    }
    ids[j] = ids[i]!;
    w[j++] = w[i]!;
  }
  v.len = j;
}

/** The unit's query-side vectors, computed once per add with the IDF of that moment. */
export class Query {
  constructor(
    readonly f: UnitFeatures,
    readonly day: number | null,
    /** Vocabulary ids of the weighted vectors (same order as the maps), valid for IDF epoch `epoch`. */
    readonly ids: { epoch: number; terms: Int32Array; ents: Int32Array; title: Int32Array; nums: Int32Array },
    /** IDF-weighted term frequencies, in the order of `ids.terms` (and of `f.terms`). */
    readonly termWeights: Float64Array,
    readonly termsNorm: number,
    readonly ents: Map<string, number>,
    readonly entsNorm: number,
    readonly title: Map<string, number>,
    readonly titleNorm: number,
    readonly nums: Map<string, number>,
    readonly numsNorm: number,
    readonly contrast: ContrastSummary,
    /** Positions in `ids.terms` of the terms at most RARE_DF documents of the window held when the query was made. */
    readonly rareAt: readonly number[],
  ) {}
  /** The rare terms (see `rareAt`) as keys. */
  get rareTerms(): string[] {
    const out: string[] = [];
    if (this.rareAt.length === 0) return out;
    const keys = [...this.f.terms.keys()];
    for (const i of this.rareAt) out.push(keys[i]!);
    return out;
  }
  private termMap: Map<string, number> | null = null;
  /** The weighted terms as a map (built when first read: the online path scores on the arrays). */
  get terms(): Map<string, number> {
    if (!this.termMap) {
      const m = new Map<string, number>();
      let i = 0;
      for (const k of this.f.terms.keys()) m.set(k, this.termWeights[i++]!);
      this.termMap = m;
    }
    return this.termMap;
  }
}

/**
 * Online story clusterer. `add` assigns a unit to a live story or starts a new one; `stories()` lists
 * every story (live and evicted unless `onEvict` took them). Order matters a little, as in any online
 * clusterer: `clusterArticles` feeds units in a canonical order for reproducible batches.
 *
 * @example
 *   const c = new StoryClusterer();
 *   for (const a of articles) c.add({ id: a.id, title: a.title, paragraphs: a.paragraphs, members: [{ id: a.id, published: a.published }] });
 *   const stories = c.stories();
 */
export class StoryClusterer {
  private readonly idf: Idf;
  /** Ids from `observe`, taken by the unit's query (a batch observes every unit before adding any). */
  private readonly observed = new WeakMap<UnitFeatures, ObservedIds>();
  /**
   * Inverted index: posting key (2·term id, 2·entity id + 1) → slots of the live stories whose top keys
   * include it. Slots index the typed arrays below, so counting shared keys walks integers in a few
   * cache-resident arrays instead of following a pointer to every story of every list.
   */
  private readonly postings = new Map<number, number[]>();
  private slotStory: (StoryState | undefined)[] = [];
  private slotNum = new Int32Array(1024);
  /** The retrieval pass (`mark`) that last counted a slot, and its shared-key count in that pass. */
  private slotMark = new Int32Array(1024);
  private slotHits = new Int32Array(1024);
  private freeSlots: number[] = [];
  private readonly live = new Set<StoryState>();
  private readonly evicted: StoryState[] = [];
  private readonly opts: Required<Omit<ClustererOptions, 'onEvict'>> & Pick<ClustererOptions, 'onEvict'>;
  private readonly vocabs: StoryCore['vocab'];
  private seq = 0;
  private nextNum = 0;
  private now: number | null = null;
  private lastEvictDay: number | null = null;
  private lastEvictSeq = 0;
  /** Retrieval pass counter (stamps slotMark). */
  private mark = 0;
  /** The query loaded into `table` (scoring scratch). */
  private loaded: Query | null = null;
  private readonly table = new QueryTable();
  /** Scratch: position + 1 of each id of the vector being added into (zero elsewhere). */
  private slot = new Int32Array(1024);
  /** Counters for benchmarks: candidate stories fully scored. */
  scored = 0;

  constructor(options: ClustererOptions = {}) {
    this.opts = {
      entities: options.entities ?? layerEntities,
      windowDays: options.windowDays ?? DEFAULT_WINDOW_DAYS,
      windowUnits: options.windowUnits ?? DEFAULT_WINDOW_UNITS,
      joinProbability: options.joinProbability ?? JOIN_PROBABILITY,
      mergeProbability: options.mergeProbability ?? MERGE_PROBABILITY,
      weights: options.weights ?? DECISION_WEIGHTS,
      sparseWeights: options.sparseWeights ?? SPARSE_WINDOW_WEIGHTS,
      rareMinWindow: options.rareMinWindow ?? RARE_MIN_WINDOW,
      retainQueries: options.retainQueries ?? false,
      onEvict: options.onEvict,
    };
    this.idf = new Idf(this.opts.windowDays, this.opts.windowUnits);
    const v = this.idf.vocab;
    this.vocabs = { terms: v.t, title: v.t, entities: v.e, numbers: v.n };
  }

  /** True when features come from the default entity layer, so a worker thread can compute the same ones (./pool.ts). */
  get usesDefaultEntities(): boolean {
    return this.opts.entities === layerEntities;
  }

  /** Features of a unit with this clusterer's entity extractor. */
  features(unit: Pick<ClusterUnit, 'title' | 'paragraphs'>): UnitFeatures {
    return articleFeatures(unit, this.opts.entities);
  }

  /**
   * Counts a unit's terms into the IDF without clustering it: a batch primes IDF with all its units
   * first. `day` (see `unitDay`) files the counts under the unit's date, so they leave with its window.
   */
  observe(f: UnitFeatures, day: number | null = null): void {
    this.observed.set(f, this.idf.observe(f, day));
  }

  /** The join probability threshold in use. */
  get joinThreshold(): number {
    return this.opts.joinProbability;
  }

  /** Documents the IDF window holds (the rare-term feature weighs only from RARE_MIN_WINDOW on). */
  get windowSize(): number {
    return this.idf.n;
  }

  get liveStories(): number {
    return this.live.size;
  }

  /** Vocabulary entries in use (terms, entities, numbers): bounded by the window on a stream. */
  get vocabularySize(): number {
    const v = this.idf.vocab;
    return v.t.size + v.e.size + v.n.size;
  }

  /**
   * Assigns one unit. Pass `features` when already computed, `observed` when `observe` already counted
   * it, and `decide` to replace the learned decision. Returns the story the unit is in afterwards.
   */
  add(unit: ClusterUnit, opts: { features?: UnitFeatures; observed?: boolean; decide?: DecisionHook } = {}): StoryState {
    const f = opts.features ?? this.features(unit);
    const day = unitDay(unit);
    if (!opts.observed) this.observed.set(f, this.idf.observe(f, day));
    this.seq++;
    if (day !== null && (this.now === null || day > this.now)) this.now = day;
    this.maybeEvict();

    const q = this.query(f, day);
    const candidates = this.candidates(q);
    let chosen: StoryState | null;
    if (opts.decide) chosen = opts.decide(unit, candidates);
    else {
      const best = candidates[0];
      chosen = best && best.probability >= this.opts.joinProbability ? best.story : null;
    }
    let story: StoryState;
    let merged = false;
    if (chosen) {
      const cand = candidates.find((c) => c.story === chosen);
      const probability = cand?.probability ?? 1;
      const evidence = this.evidence(q, chosen);
      story = chosen;
      this.absorbUnit(story, unit, f, q, 'joined', probability, evidence);
      if (!opts.decide) {
        for (const c of candidates) {
          if (c.story !== story && c.story.alive && c.probability >= this.opts.mergeProbability) {
            story = this.merge(story, c.story, unit.id, c.probability);
            merged = true;
          }
        }
      }
    } else {
      story = this.newStory();
      this.absorbUnit(story, unit, f, q, 'founder', 1, []);
    }
    if (story.units.length <= REPOST_ALWAYS_UNTIL || story.units.length % REPOST_EVERY === 0 || merged) this.repost(story);
    return story;
  }

  /** Every story: evicted ones (unless onEvict took them) then live ones. */
  stories(): StoryState[] {
    return [...this.evicted, ...this.live];
  }

  /** Scores a unit against one story: the pair features the decision reads. */
  pairFeatures(q: Query, s: StoryState): PairFeatures {
    let gap: number | null = null;
    if (q.day !== null && s.firstDay !== null && s.lastDay !== null) gap = Math.max(0, q.day - s.lastDay, s.firstDay - q.day);
    const core = s.core;
    let n = s.norms;
    if (!n) {
      n = s.norms =
        core && !core.frozen
          ? { terms: vecNorm(core.terms), entities: vecNorm(core.entities), title: vecNorm(core.title), numbers: vecNorm(core.numbers), contrast: summarise(s.entities, s.numbers.keys()) }
          : { terms: norm(s.terms), entities: norm(s.entities), title: norm(s.title), numbers: norm(s.numbers), contrast: summarise(s.entities, s.numbers.keys()) };
    }
    const size = Math.log1p(s.units.length);
    const con = contrast(q.ents, q.contrast, s.entities, n.contrast);
    if (!core || core.frozen || q.ids.epoch !== this.idf.epoch) {
      // A story outside the index (split off in refinement, evicted) or a query from before the
      // vocabulary was swept: score on the maps.
      let rare = 0;
      if (q.rareAt.length) {
        const terms = s.terms;
        for (const k of q.rareTerms) if (terms.has(k)) rare = 1;
      }
      return {
        text: cosine(q.terms, q.termsNorm, s.terms, n.terms),
        entity: cosine(q.ents, q.entsNorm, s.entities, n.entities),
        title: cosine(q.title, q.titleNorm, s.title, n.title),
        number: cosine(q.nums, q.numsNorm, s.numbers, n.numbers),
        rare,
        size,
        gapDays: gap,
        ...con,
      };
    }
    this.load(q);
    const t = this.table;
    const cos = (dot: number, a: number, b: number) => (a === 0 || b === 0 ? 0 : dot / (a * b));
    const text = cos(t.dot(core.terms, NS_TERMS), q.termsNorm, n.terms);
    const rare = t.sawRare ? 1 : 0;
    return {
      text,
      entity: cos(t.dot(core.entities, NS_ENTS), q.entsNorm, n.entities),
      title: cos(t.dot(core.title, NS_TITLE), q.titleNorm, n.title),
      number: cos(t.dot(core.numbers, NS_NUMS), q.numsNorm, n.numbers),
      rare,
      size,
      gapDays: gap,
      ...con,
    };
  }

  /** The decision's join probability for a pair. */
  probability(p: PairFeatures): number {
    // In a smaller window a document count cannot tell a rare word, so the decision without it.
    return joinProbabilityOf(p, this.idf.n >= this.opts.rareMinWindow ? this.opts.weights : this.opts.sparseWeights);
  }

  private query(f: UnitFeatures, day: number | null): Query {
    const idf = this.idf;
    const { t, e, n } = idf.vocab;
    let known = this.observed.get(f);
    if (known && known.epoch !== idf.epoch) known = undefined;
    this.observed.delete(f);
    // Terms stay in arrays (the map is built only if asked for); entities, title and numbers are few.
    const termIds = known?.terms ?? new Int32Array(f.terms.size);
    const termW = new Float64Array(f.terms.size);
    let i = 0;
    let sq = 0;
    const rareAt: number[] = [];
    const df = t.df;
    for (const [k, v] of f.terms) {
      const id = known ? termIds[i]! : (termIds[i] = t.intern(k));
      if (df[id]! <= RARE_DF) rareAt.push(i);
      const w = (termW[i++] = v * idf.getId('t', id));
      sq += w * w;
    }
    const entIds = known?.ents ?? new Int32Array(f.entities.size);
    const ents = new Map<string, number>();
    i = 0;
    for (const [k, v] of f.entities) {
      const id = known ? entIds[i++]! : (entIds[i++] = e.intern(k));
      ents.set(k, v * idf.getId('e', id));
    }
    const titleIds = new Int32Array(f.title.size);
    const title = new Map<string, number>();
    i = 0;
    for (const [k, v] of f.title) title.set(k, v * idf.getId('t', (titleIds[i++] = t.intern(k))));
    const nums = new Map<string, number>();
    const numIds = known?.nums ?? new Int32Array(f.numbers.size);
    i = 0;
    for (const k of f.numbers) {
      const id = known ? numIds[i++]! : (numIds[i++] = n.intern(k));
      nums.set(k, idf.getId('n', id));
    }
    const ids = { epoch: idf.epoch, terms: termIds, ents: entIds, title: titleIds, nums: numIds };
    return new Query(f, day, ids, termW, Math.sqrt(sq), ents, norm(ents), title, norm(title), nums, norm(nums), summarise(ents, f.numbers), rareAt);
  }

  /** Puts a query's weights into the lookup table scoring reads (once per query). */
  private load(q: Query): void {
    if (this.loaded === q) return;
    const t = this.table;
    const { ids } = q;
    t.reset(ids.terms.length + ids.title.length + ids.ents.length + ids.nums.length);
    // The term weights are an array and the rest maps: one loop over both kinds went generic and
    // allocated an iterator result per weight (~7 KB per article).
    const tw = q.termWeights;
    for (let i = 0; i < tw.length; i++) t.set((ids.terms[i]! << 2) | NS_TERMS, tw[i]!);
    for (const i of q.rareAt) t.set((ids.terms[i]! << 2) | NS_TERMS, tw[i]!, 1);
    const put = (ns: number, idsOf: Int32Array, ws: ReadonlyMap<string, number>) => {
      let i = 0;
      for (const w of ws.values()) t.set((idsOf[i++]! << 2) | ns, w);
    };
    put(NS_TITLE, ids.title, q.title);
    put(NS_ENTS, ids.ents, q.ents);
    put(NS_NUMS, ids.nums, q.nums);
    this.loaded = q;
  }

  private candidates(q: Query): Candidate[] {
    const mark = ++this.mark;
    const touched: number[] = [];
    const marks = this.slotMark;
    const hits = this.slotHits;
    const look = (key: number) => {
      const list = this.postings.get(key);
      if (!list || list.length > POSTING_SCAN_CAP) return;
      for (let i = 0; i < list.length; i++) {
        const sl = list[i]!;
        if (marks[sl] !== mark) {
          marks[sl] = mark;
          hits[sl] = 0;
          touched.push(sl);
        }
        hits[sl]!++;
      }
    };
    const v = this.idf.vocab;
    for (const id of topIds(q.ids.terms, q.termWeights, q.ids.terms.length, QUERY_TERMS, v.t)) look(2 * id);
    const entW = Float64Array.from(q.ents.values());
    for (const id of topIds(q.ids.ents, entW, entW.length, QUERY_ENTITIES, v.e)) look(2 * id + 1);
    // The MAX_CANDIDATES stories sharing most keys (ties to the older story), by insertion into a short
    // ranked list: a query can touch thousands of stories, and sorting them all was a tenth of an add.
    const nums = this.slotNum;
    const ranked: number[] = [];
    for (const sl of touched) {
      const h = hits[sl]!;
      let at = ranked.length;
      while (at > 0) {
        const r = ranked[at - 1]!;
        const rh = hits[r]!;
        if (rh > h || (rh === h && nums[r]! < nums[sl]!)) break;
        at--;
      }
      if (at >= MAX_CANDIDATES) continue;
      ranked.splice(at, 0, sl);
      if (ranked.length > MAX_CANDIDATES) ranked.pop();
    }
    this.scored += ranked.length;
    const out = ranked.map((sl) => {
      const story = this.slotStory[sl]!;
      const features = this.pairFeatures(q, story);
      return { story, features, probability: this.probability(features) };
    });
    return out.sort((a, b) => b.probability - a.probability || a.story.num - b.story.num);
  }

  /** The strongest shared evidence between a unit's query and a story. */
  evidence(q: Query, s: StoryState): SharedEvidence[] {
    const out: SharedEvidence[] = [];
    const ents = s.entities;
    for (const [k, v] of q.ents) {
      const w = ents.get(k);
      if (w) out.push({ kind: 'entity', value: detach(q.f.entityNames.get(k) ?? k), weight: v * w });
    }
    const nums = s.numbers;
    for (const [k, v] of q.nums) if (nums.has(k)) out.push({ kind: 'number', value: detach(k), weight: v * v });
    const core = s.core;
    if (core && !core.frozen && q.ids.epoch === this.idf.epoch) {
      const c = core.terms;
      const slot = this.fillSlot(c);
      const { terms: ids } = q.ids;
      const t = this.idf.vocab.t;
      for (let i = 0; i < ids.length; i++) {
        const p = slot[ids[i]!]!;
        const w = p ? c.w[p - 1]! : 0;
        if (w) out.push({ kind: 'term', value: t.key(ids[i]!), weight: q.termWeights[i]! * w });
      }
      this.clearSlot(c);
    } else {
      const terms = s.terms;
      for (const [k, v] of q.terms) {
        const w = terms.get(k);
        if (w) out.push({ kind: 'term', value: k, weight: v * w });
      }
    }
    out.sort((a, b) => b.weight - a.weight || (a.value < b.value ? -1 : 1));
    return out.slice(0, 8).map((e) => ({ ...e, weight: Math.round(e.weight * 1000) / 1000 }));
  }

  private fillSlot(v: IdVec): Int32Array {
    let slot = this.slot;
    const need = Math.max(this.idf.vocab.t.capacity, this.idf.vocab.e.capacity, this.idf.vocab.n.capacity);
    if (slot.length < need) slot = this.slot = new Int32Array(Math.max(need, slot.length * 2));
    for (let i = 0; i < v.len; i++) slot[v.ids[i]!] = i + 1;
    return slot;
  }
  private clearSlot(v: IdVec): void {
    for (let i = 0; i < v.len; i++) this.slot[v.ids[i]!] = 0;
  }

  /**
   * Adds `len` weighted ids (scaled) into a live vector: an id already there gains weight, a new one is
   * appended (and holds its vocabulary entry), in the order a Map update would give.
   */
  private addInto(into: IdVec, vocab: Vocab, ids: Int32Array, w: ArrayLike<number>, len: number, scale: number): void {
    const slot = this.fillSlot(into);
    let n = into.len;
    if (n + len > into.ids.length) {
      // Room for this addition only (rounded up): a story's vectors live for the window, and pruning
      // keeps them near CENTROID_KEEP, so doubling would mostly hold empty slots.
      const size = (n + len + 15) & ~15;
      into.ids = grow(into.ids, size);
      into.w = grow(into.w, size);
    }
    for (let j = 0; j < len; j++) {
      const id = ids[j]!;
      const p = slot[id]!;
      if (p) into.w[p - 1]! += w[j]! * scale;
      else {
        into.ids[n] = id;
        into.w[n] = w[j]! * scale;
        slot[id] = ++n;
        vocab.refs[id]!++;
      }
    }
    into.len = n;
    // Every id now in the vector has its slot set (old ones by fillSlot, new ones above).
    this.clearSlot(into);
  }

  private newStory(): StoryState {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.slotStory.length;
      this.slotStory.push(undefined);
      if (slot >= this.slotNum.length) {
        this.slotNum = grow(this.slotNum, this.slotNum.length * 2);
        this.slotMark = grow(this.slotMark, this.slotMark.length * 2);
        this.slotHits = grow(this.slotHits, this.slotHits.length * 2);
      }
    }
    const s = new LiveStory(this.nextNum++, this.seq, this.vocabs, slot);
    this.slotStory[slot] = s;
    this.slotNum[slot] = s.num;
    this.slotMark[slot] = 0;
    this.live.add(s);
    return s;
  }

  /** Takes a story out of the index for good: its posting entries and its retrieval slot. */
  private retire(s: StoryState): void {
    this.unpost(s);
    const slot = s.core!.slot;
    this.slotStory[slot] = undefined;
    this.freeSlots.push(slot);
  }

  private absorbUnit(s: StoryState, unit: ClusterUnit, f: UnitFeatures, q: Query, relation: UnitRecord['relation'], score: number, evidence: SharedEvidence[]): void {
    // TF-IDF vectors with the IDF of the moment the unit joined (frozen: rescoring every centroid as the
    // IDF moves would cost a log per centroid term per comparison), L2-normalised per unit so a long
    // article does not outweigh the rest.
    const c = s.core!;
    const { t, e, n } = this.idf.vocab;
    this.addInto(c.terms, t, q.ids.terms, q.termWeights, q.ids.terms.length, 1 / (q.termsNorm || 1));
    this.addInto(c.entities, e, q.ids.ents, Float64Array.from(q.ents.values()), q.ids.ents.length, 1 / (q.entsNorm || 1));
    this.addInto(c.title, t, q.ids.title, Float64Array.from(q.title.values()), q.ids.title.length, 1 / (q.titleNorm || 1));
    this.addInto(c.numbers, n, q.ids.nums, Float64Array.from(q.nums.values()), q.ids.nums.length, 1 / (q.numsNorm || 1));
    pruneCore(c);
    for (const [k, name] of f.entityNames) if (!s.entityNames.has(k)) s.entityNames.set(detach(k), detach(name));
    for (const m of unit.members) {
      const d = dayOf(m.published);
      if (d === null) continue;
      if (s.firstDay === null || d < s.firstDay) s.firstDay = d;
      if (s.lastDay === null || d > s.lastDay) s.lastDay = d;
    }
    s.lastSeq = this.seq;
    s.norms = null;
    s.flat = null;
    const rec: UnitRecord = { id: unit.id, members: unit.members, relation, score, evidence, title: unit.title, titleTerms: q.title };
    if (this.opts.retainQueries) rec.query = q;
    s.units.push(rec);
  }

  /** Folds the smaller story into the larger; the absorbed story's name is recorded on the survivor. */
  private merge(a: StoryState, b: StoryState, by: string, score: number): StoryState {
    const [keep, gone] = a.units.length >= b.units.length ? [a, b] : [b, a];
    const kc = keep.core!;
    const gc = gone.core!;
    for (const ns of NAMESPACES) this.addInto(kc[ns], kc.vocab[ns], gc[ns].ids, gc[ns].w, gc[ns].len, 1);
    pruneCore(kc);
    for (const [k, n] of gone.entityNames) if (!keep.entityNames.has(k)) keep.entityNames.set(k, n);
    if (gone.firstDay !== null && (keep.firstDay === null || gone.firstDay < keep.firstDay)) keep.firstDay = gone.firstDay;
    if (gone.lastDay !== null && (keep.lastDay === null || gone.lastDay > keep.lastDay)) keep.lastDay = gone.lastDay;
    keep.lastSeq = Math.max(keep.lastSeq, gone.lastSeq);
    keep.merges.push(...gone.merges, { into: storyKey(keep), from: storyKey(gone), by, score });
    keep.units.push(...gone.units);
    keep.norms = null;
    keep.flat = null;
    this.retire(gone);
    freeze(gone);
    gone.alive = false;
    this.live.delete(gone);
    return keep;
  }

  private unpost(s: StoryState): void {
    for (const k of s.postKeys) this.dropPosting(k, s.core!.slot);
    s.postKeys = [];
  }

  private dropPosting(k: number, slot: number): void {
    const list = this.postings.get(k);
    if (!list) return;
    const at = list.indexOf(slot);
    if (at >= 0) {
      list[at] = list[list.length - 1]!;
      list.pop();
    }
    if (list.length === 0) {
      this.postings.delete(k);
      this.postingVocab(k).refs[k >> 1]!--;
    }
  }

  private postingVocab(k: number): Vocab {
    return k & 1 ? this.idf.vocab.e : this.idf.vocab.t;
  }

  private repost(s: StoryState): void {
    const c = s.core!;
    const v = this.idf.vocab;
    const keys = topIds(c.terms.ids, c.terms.w, c.terms.len, POST_TERMS, v.t).map((id) => 2 * id);
    for (const id of topIds(c.entities.ids, c.entities.w, c.entities.len, POST_ENTITIES, v.e)) keys.push(2 * id + 1);
    const slot = c.slot;
    // A slot is in a key's list exactly while the key is in the story's postKeys.
    const next = new Set(keys);
    const had = new Set(s.postKeys);
    for (const k of s.postKeys) if (!next.has(k)) this.dropPosting(k, slot);
    for (const k of keys) {
      if (had.has(k)) continue;
      let list = this.postings.get(k);
      if (!list) {
        this.postings.set(k, (list = []));
        this.postingVocab(k).refs[k >> 1]!++;
      }
      list.push(slot);
    }
    s.postKeys = keys;
  }

  /** Drops stories older than the window: on each new stream day, and every windowUnits/10 units for undated ones. */
  private maybeEvict(): void {
    const dayMoved = this.now !== null && this.now !== this.lastEvictDay;
    const seqDue = this.seq - this.lastEvictSeq >= Math.max(1, Math.floor(this.opts.windowUnits / 10));
    if (!dayMoved && !seqDue) return;
    this.lastEvictDay = this.now;
    this.lastEvictSeq = this.seq;
    let released = false;
    for (const s of this.live) {
      const old = s.lastDay !== null ? this.now !== null && s.lastDay < this.now - this.opts.windowDays : this.seq - s.lastSeq > this.opts.windowUnits;
      if (!old) continue;
      this.retire(s);
      this.live.delete(s);
      freeze(s);
      released = true;
      if (this.opts.onEvict) this.opts.onEvict(s);
      else this.evicted.push(s);
    }
    // The days that left the window leave the IDF; the keys only they and the evicted stories held are freed.
    const dropped = dayMoved && this.idf.expire(this.now);
    if (dropped || released) this.idf.sweep();
  }
}

function pruneCore(c: StoryCore): void {
  for (const ns of NAMESPACES) pruneVec(c[ns], c.vocab[ns]);
}

/** Releases a story's vocabulary entries, keeping its keys as strings: it leaves the index for good. */
function freeze(s: StoryState): void {
  const c = s.core;
  if (!c) return;
  for (const ns of NAMESPACES) {
    const v = c[ns];
    if (v.keys) continue;
    const vocab = c.vocab[ns];
    const keys = new Array<string>(v.len);
    for (let i = 0; i < v.len; i++) {
      keys[i] = vocab.key(v.ids[i]!);
      vocab.refs[v.ids[i]!]!--;
    }
    v.keys = keys;
  }
  c.frozen = true;
}

/** The string-keyed view of one namespace of a story's centroid (cached in `flat` until the story changes). */
function view(s: StoryState, ns: Namespace): Map<string, number> {
  const hit = s.flat?.[ns];
  if (hit) return hit;
  const c = s.core!;
  const v = c[ns];
  const m = new Map<string, number>();
  if (v.keys) for (let i = 0; i < v.len; i++) m.set(v.keys[i]!, v.w[i]!);
  else for (let i = 0; i < v.len; i++) m.set(c.vocab[ns].key(v.ids[i]!), v.w[i]!);
  (s.flat ??= {})[ns] = m;
  return m;
}

/** Replaces one namespace of a story's centroid with a map (batch refinement rebuilds centroids so): the vector is frozen. */
function assign(s: StoryState, ns: Namespace, m: Map<string, number>): void {
  const c = s.core!;
  freeze(s);
  c[ns] = { ids: new Int32Array(m.size), w: Float64Array.from(m.values()), len: m.size, keys: [...m.keys()] };
  s.norms = null;
  s.flat = null;
}

/**
 * A story of a StoryClusterer: its centroid maps are views of the id vectors in `core`. A class, so
 * the view accessors live on one prototype and every live story shares one hidden class: accessors
 * defined per object (as before) gave each story its own, and every property read on a story in the
 * scoring loop went megamorphic.
 */
class LiveStory implements StoryState {
  units: UnitRecord[] = [];
  entityNames = new Map<string, string>();
  firstDay: number | null = null;
  lastDay: number | null = null;
  postKeys: number[] = [];
  merges: MergeRecord[] = [];
  alive = true;
  norms: StoryState['norms'] = null;
  core: StoryCore;
  flat: StoryState['flat'] = null;
  constructor(
    public num: number,
    public lastSeq: number,
    vocab: StoryCore['vocab'],
    slot: number,
  ) {
    this.core = { terms: emptyVec(), title: emptyVec(), entities: emptyVec(), numbers: emptyVec(), vocab, frozen: false, slot };
  }
  get terms(): Map<string, number> {
    return view(this, 'terms');
  }
  set terms(m: Map<string, number>) {
    assign(this, 'terms', m);
  }
  get title(): Map<string, number> {
    return view(this, 'title');
  }
  set title(m: Map<string, number>) {
    assign(this, 'title', m);
  }
  get entities(): Map<string, number> {
    return view(this, 'entities');
  }
  set entities(m: Map<string, number>) {
    assign(this, 'entities', m);
  }
  get numbers(): Map<string, number> {
    return view(this, 'numbers');
  }
  set numbers(m: Map<string, number>) {
    assign(this, 'numbers', m);
  }
}

/** The output id of a story: from its earliest member by (date, id), undated members after dated ones. */
export function storyKey(s: StoryState): string {
  let best: { id: string; published: string | null } | null = null;
  for (const u of s.units) for (const m of u.members) if (!best || memberOrder(m, best) < 0) best = m;
  return `story-${best?.id ?? s.num}`;
}

/** Order of members: dated before undated, then by date, then by id. */
export function memberOrder(a: { id: string; published: string | null }, b: { id: string; published: string | null }): number {
  const da = a.published ?? '\uffff';
  const db = b.published ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A story with no members yet: the state both a new online story and a story split off in refinement start from. */
export function emptyStory(num: number, lastSeq: number): StoryState {
  return {
    num,
    units: [],
    terms: new Map(),
    title: new Map(),
    entities: new Map(),
    entityNames: new Map(),
    numbers: new Map(),
    firstDay: null,
    lastDay: null,
    lastSeq,
    postKeys: [],
    merges: [],
    alive: true,
    norms: null,
  };
}
