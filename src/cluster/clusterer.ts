/**
 * Online story clustering: each incoming unit (an article, or a copy group entering as its canonical)
 * is compared with the live stories an inverted index retrieves, a small learned decision says whether
 * it joins the best one, and a unit that scores high against a second story bridges the two into one.
 * Pure: no I/O and no clock — stream time is the latest publication date seen.
 */
import type { SharedEvidence } from '../records/index.ts';
import { articleFeatures, layerEntities, type EntityExtractor, type UnitFeatures } from './features.ts';
import { contrast, summarise, type ContrastSummary } from './contrast.ts';
import { DECISION_WEIGHTS, JOIN_PROBABILITY, MERGE_PROBABILITY, joinProbabilityOf, type DecisionWeights, type PairFeatures } from './model.ts';

/** One unit of clustering: an article alone, or a copy group represented by its canonical article. */
export interface ClusterUnit {
  /** The unit id: the article id, or the copy group's canonical id. */
  id: string;
  title: string | null;
  paragraphs: readonly string[];
  /** Every article the unit stands for (the canonical first), with its own publication date. */
  members: readonly { id: string; published: string | null }[];
}

export { DECISION_WEIGHTS, JOIN_PROBABILITY, MERGE_PROBABILITY, TIME_GRACE_DAYS, TIME_DECAY_PER_DAY, joinProbabilityOf } from './model.ts';
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
  terms: Map<string, number>;
  title: Map<string, number>;
  entities: Map<string, number>;
  entityNames: Map<string, string>;
  numbers: Map<string, number>;
  firstDay: number | null;
  lastDay: number | null;
  lastSeq: number;
  postKeys: string[];
  merges: MergeRecord[];
  alive: boolean;
  /** Centroid norms and contrast summary, recomputed after the story changes. */
  norms: { terms: number; entities: number; title: number; numbers: number; contrast: ContrastSummary } | null;
  /**
   * The centroid as typed arrays of vocabulary ids and weights, for scoring against a dense query;
   * built from the maps when the story is next scored after a change, or after the vocabulary was
   * renumbered. Only the maps are updated on a join, so a story holds one copy of its centroid.
   */
  flat?: StoryFlat | null;
}

type PackedFlat = { ids: Int32Array; w: Float64Array };
interface StoryFlat {
  epoch: number;
  terms: PackedFlat;
  entities: PackedFlat;
  title: PackedFlat;
  numbers: PackedFlat;
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

/**
 * IDF documents are forgotten by halving every count (and n) after this many documents, dropping terms
 * that fall under one: the table then holds the recent stream's vocabulary (bounded memory on an endless
 * stream, and rarity judged against current news). 20,000 = about two days of the 10k/day synthetic stream.
 */
export const IDF_HALVE_EVERY = 20_000;

/**
 * A vocabulary: key → integer id, with a growable typed array of document frequencies. Ids are dense so
 * the hot paths (IDF counts, query scoring) index arrays instead of hashing strings.
 */
export class Vocab {
  ids = new Map<string, number>();
  keys: string[] = [];
  df = new Float64Array(1024);
  /** Entries whose frequency fell to zero at a halving: dropped at the next compaction. */
  dead = 0;
  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      if (id >= this.df.length) {
        const next = new Float64Array(this.df.length * 2);
        next.set(this.df);
        this.df = next;
      }
    }
    return id;
  }
  get size(): number {
    return this.keys.length;
  }
  /** Halves every count, zeroing those under two (the forgetting of IDF_HALVE_EVERY). */
  halve(): void {
    const df = this.df;
    for (let i = 0; i < this.keys.length; i++) {
      const v = df[i]!;
      if (v === 0) continue;
      if (v < 2) {
        df[i] = 0;
        this.dead++;
      } else df[i] = v / 2;
    }
  }
  /** Drops zero-frequency entries and renumbers the rest; every id handed out before is void. */
  compact(): void {
    const ids = new Map<string, number>();
    const keys: string[] = [];
    const df = new Float64Array(Math.max(1024, this.df.length));
    for (let i = 0; i < this.keys.length; i++) {
      if (this.df[i] === 0) continue;
      df[keys.length] = this.df[i]!;
      ids.set(this.keys[i]!, keys.length);
      keys.push(this.keys[i]!);
    }
    this.ids = ids;
    this.keys = keys;
    this.df = df;
    this.dead = 0;
  }
}

/**
 * Incremental document frequencies over terms, entities and numbers, one vocabulary per namespace.
 * `epoch` changes whenever ids are renumbered (compaction after a halving left many dead entries), so
 * caches of ids know to rebuild.
 */
export class Idf {
  n = 0;
  private logN = 0;
  private sinceHalve = 0;
  epoch = 0;
  readonly vocab = { t: new Vocab(), e: new Vocab(), n: new Vocab() };
  /** Counts a unit's keys; returns their ids (in the maps' order) so the query need not look them up again. */
  observe(f: UnitFeatures): ObservedIds {
    this.n++;
    this.logN = Math.log(this.n + 1);
    const { t, e, n } = this.vocab;
    const ids: ObservedIds = { epoch: this.epoch, terms: new Int32Array(f.terms.size), ents: new Int32Array(f.entities.size), nums: new Int32Array(f.numbers.size) };
    let i = 0;
    for (const k of f.terms.keys()) t.df[(ids.terms[i++] = t.intern(k))]! += 1;
    i = 0;
    for (const k of f.entities.keys()) e.df[(ids.ents[i++] = e.intern(k))]! += 1;
    i = 0;
    for (const k of f.numbers) n.df[(ids.nums[i++] = n.intern(k))]! += 1;
    if (++this.sinceHalve >= IDF_HALVE_EVERY) this.halve();
    return ids;
  }
  private halve(): void {
    this.sinceHalve = 0;
    this.n /= 2;
    this.logN = Math.log(this.n + 1);
    let renumber = false;
    for (const v of Object.values(this.vocab)) {
      v.halve();
      if (v.dead * 2 > v.size) renumber = true;
    }
    if (renumber) {
      for (const v of Object.values(this.vocab)) v.compact();
      this.epoch++;
    }
  }
  get(ns: Namespace, key: string): number {
    const v = this.vocab[ns];
    const id = v.ids.get(key);
    return this.logN - Math.log((id === undefined ? 0 : v.df[id]!) + 1) + 1;
  }
  /** IDF of an interned id. */
  getId(ns: Namespace, id: number): number {
    return this.logN - Math.log(this.vocab[ns].df[id]! + 1) + 1;
  }
}
type Namespace = 't' | 'e' | 'n';
/** Vocabulary ids of a unit's terms, entities and numbers as `Idf.observe` counted them, valid for `epoch`. */
interface ObservedIds {
  epoch: number;
  terms: Int32Array;
  ents: Int32Array;
  nums: Int32Array;
}

/** IDF-weighted copy of a count map, with the ids of its keys (`known`: ids already looked up, same order). */
function weighted(m: ReadonlyMap<string, number>, idf: Idf, ns: Namespace, known?: Int32Array): { map: Map<string, number>; ids: Int32Array } {
  const out = new Map<string, number>();
  const ids = known ?? new Int32Array(m.size);
  const vocab = idf.vocab[ns];
  let i = 0;
  for (const [k, v] of m) {
    const id = known ? known[i++]! : (ids[i++] = vocab.intern(k));
    out.set(k, v * idf.getId(ns, id));
  }
  return { map: out, ids };
}
/** Dot product of a packed centroid with a dense query (ids past the dense array's end are absent from the query). */
function denseDot(c: { ids: Int32Array; w: Float64Array }, dense: Float64Array): number {
  const { ids, w } = c;
  const len = dense.length;
  let dot = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < len) dot += w[i]! * dense[id]!;
  }
  return dot;
}
/** A centroid map as id and weight arrays (ids interned: a key dropped by a compaction comes back). */
function flatten(m: ReadonlyMap<string, number>, vocab: Vocab): PackedFlat {
  const ids = new Int32Array(m.size);
  const w = new Float64Array(m.size);
  let i = 0;
  for (const [k, v] of m) {
    ids[i] = vocab.intern(k);
    w[i++] = v;
  }
  return { ids, w };
}
export function norm(m: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v * v;
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
 * The k keys of largest weight (ties by key). Finds the k-th weight on a typed copy of the values first,
 * so only the keys at or above it are sorted: this runs on every query and repost.
 */
function topKeys(m: ReadonlyMap<string, number>, k: number): string[] {
  let pick: [string, number][];
  if (m.size <= k) pick = [...m];
  else {
    const vals = new Float64Array(m.size);
    let i = 0;
    for (const v of m.values()) vals[i++] = v;
    vals.sort();
    const kth = vals[m.size - k]!;
    pick = [];
    for (const e of m) if (e[1] >= kth) pick.push(e);
  }
  pick.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const out = new Array<string>(Math.min(k, pick.length));
  for (let i = 0; i < out.length; i++) out[i] = pick[i]![0];
  return out;
}
/**
 * Keeps the CENTROID_KEEP heaviest entries once a centroid passes CENTROID_CAP (ties kept by key order).
 * A grown story passes the cap on almost every join, so the cut weight is found on a typed copy of the
 * values and the rest deleted in place, without sorting the entries.
 */
export function prune(m: Map<string, number>): void {
  if (m.size <= CENTROID_CAP) return;
  const vals = new Float64Array(m.size);
  let i = 0;
  for (const v of m.values()) vals[i++] = v;
  vals.sort();
  const cut = vals[m.size - CENTROID_KEEP]!;
  const ties: string[] = [];
  for (const [k, v] of m) {
    if (v < cut) m.delete(k);
    else if (v === cut) ties.push(k);
  }
  let excess = m.size - CENTROID_KEEP;
  if (excess > 0) {
    ties.sort();
    while (excess-- > 0) m.delete(ties.pop()!);
  }
}

/** The unit's query-side vectors, computed once per add with the IDF of that moment. */
export interface Query {
  f: UnitFeatures;
  terms: Map<string, number>;
  termsNorm: number;
  ents: Map<string, number>;
  entsNorm: number;
  title: Map<string, number>;
  titleNorm: number;
  nums: Map<string, number>;
  numsNorm: number;
  contrast: ContrastSummary;
  day: number | null;
  /** Vocabulary ids of the weighted vectors (same order as the maps), valid for IDF epoch `epoch`. */
  ids: { epoch: number; terms: Int32Array; ents: Int32Array; title: Int32Array; nums: Int32Array };
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
  private readonly idf = new Idf();
  /** Ids from `observe`, taken by the unit's query (a batch observes every unit before adding any). */
  private readonly observed = new WeakMap<UnitFeatures, ObservedIds>();
  private readonly postings = new Map<string, Set<StoryState>>();
  private readonly live = new Set<StoryState>();
  private readonly evicted: StoryState[] = [];
  private readonly opts: Required<Omit<ClustererOptions, 'onEvict'>> & Pick<ClustererOptions, 'onEvict'>;
  private seq = 0;
  private nextNum = 0;
  private now: number | null = null;
  private lastEvictDay: number | null = null;
  private lastEvictSeq = 0;
  /** The query loaded into `dense` (scoring scratch: one array per vector, indexed by vocabulary id). */
  private loaded: Query | null = null;
  private dense = { terms: new Float64Array(1024), title: new Float64Array(1024), ents: new Float64Array(1024), nums: new Float64Array(1024) };
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
      retainQueries: options.retainQueries ?? false,
      onEvict: options.onEvict,
    };
  }

  /** Features of a unit with this clusterer's entity extractor. */
  features(unit: Pick<ClusterUnit, 'title' | 'paragraphs'>): UnitFeatures {
    return articleFeatures(unit, this.opts.entities);
  }

  /** Counts a unit's terms into the IDF without clustering it: a batch primes IDF with all its units first. */
  observe(f: UnitFeatures): void {
    this.observed.set(f, this.idf.observe(f));
  }

  /** The join probability threshold in use. */
  get joinThreshold(): number {
    return this.opts.joinProbability;
  }

  get liveStories(): number {
    return this.live.size;
  }

  /**
   * Assigns one unit. Pass `features` when already computed, `observed` when `observe` already counted
   * it, and `decide` to replace the learned decision. Returns the story the unit is in afterwards.
   */
  add(unit: ClusterUnit, opts: { features?: UnitFeatures; observed?: boolean; decide?: DecisionHook } = {}): StoryState {
    const f = opts.features ?? this.features(unit);
    if (!opts.observed) this.observed.set(f, this.idf.observe(f));
    this.seq++;
    let day: number | null = null;
    for (const m of unit.members) {
      const d = dayOf(m.published);
      if (d !== null && (day === null || d < day)) day = d;
    }
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
    let n = s.norms;
    if (!n) {
      n = s.norms = { terms: norm(s.terms), entities: norm(s.entities), title: norm(s.title), numbers: norm(s.numbers), contrast: summarise(s.entities, s.numbers.keys()) };
      s.flat = null;
    }
    const size = Math.log1p(s.units.length);
    const con = contrast(q.ents, q.contrast, s.entities, n.contrast);
    if (q.ids.epoch !== this.idf.epoch) {
      // A query from before the vocabulary was renumbered: score on the maps.
      return {
        text: cosine(q.terms, q.termsNorm, s.terms, n.terms),
        entity: cosine(q.ents, q.entsNorm, s.entities, n.entities),
        title: cosine(q.title, q.titleNorm, s.title, n.title),
        number: cosine(q.nums, q.numsNorm, s.numbers, n.numbers),
        size,
        gapDays: gap,
        ...con,
      };
    }
    let p = s.flat;
    if (!p || p.epoch !== this.idf.epoch) {
      const v = this.idf.vocab;
      p = s.flat = { epoch: this.idf.epoch, terms: flatten(s.terms, v.t), entities: flatten(s.entities, v.e), title: flatten(s.title, v.t), numbers: flatten(s.numbers, v.n) };
    }
    const { terms: ft, entities: fe, title: fti, numbers: fn } = p;
    this.load(q);
    const d = this.dense;
    const cos = (dot: number, a: number, b: number) => (a === 0 || b === 0 ? 0 : dot / (a * b));
    return {
      text: cos(denseDot(ft, d.terms), q.termsNorm, n.terms),
      entity: cos(denseDot(fe, d.ents), q.entsNorm, n.entities),
      title: cos(denseDot(fti, d.title), q.titleNorm, n.title),
      number: cos(denseDot(fn, d.nums), q.numsNorm, n.numbers),
      size,
      gapDays: gap,
      ...con,
    };
  }

  /** The decision's join probability for a pair. */
  probability(p: PairFeatures): number {
    return joinProbabilityOf(p, this.opts.weights);
  }

  private query(f: UnitFeatures, day: number | null): Query {
    let known = this.observed.get(f);
    if (known && known.epoch !== this.idf.epoch) known = undefined;
    this.observed.delete(f);
    const terms = weighted(f.terms, this.idf, 't', known?.terms);
    const ents = weighted(f.entities, this.idf, 'e', known?.ents);
    const title = weighted(f.title, this.idf, 't');
    const nums = new Map<string, number>();
    const numIds = known?.nums ?? new Int32Array(f.numbers.size);
    let i = 0;
    for (const n of f.numbers) {
      const id = known ? numIds[i++]! : (numIds[i++] = this.idf.vocab.n.intern(n));
      nums.set(n, this.idf.getId('n', id));
    }
    return {
      f,
      terms: terms.map,
      termsNorm: norm(terms.map),
      ents: ents.map,
      entsNorm: norm(ents.map),
      title: title.map,
      titleNorm: norm(title.map),
      nums,
      numsNorm: norm(nums),
      contrast: summarise(ents.map, f.numbers),
      day,
      ids: { epoch: this.idf.epoch, terms: terms.ids, ents: ents.ids, title: title.ids, nums: numIds },
    };
  }

  /** Spreads a query's weights into dense arrays indexed by vocabulary id (the previous query's entries cleared). */
  private load(q: Query): void {
    if (this.loaded === q) return;
    const prev = this.loaded;
    const d = this.dense;
    if (prev && prev.ids.epoch === this.idf.epoch) {
      for (const id of prev.ids.terms) d.terms[id] = 0;
      for (const id of prev.ids.title) d.title[id] = 0;
      for (const id of prev.ids.ents) d.ents[id] = 0;
      for (const id of prev.ids.nums) d.nums[id] = 0;
    } else {
      d.terms.fill(0);
      d.title.fill(0);
      d.ents.fill(0);
      d.nums.fill(0);
    }
    const v = this.idf.vocab;
    const fit = (a: Float64Array, size: number): Float64Array<ArrayBuffer> => (a.length >= size ? (a as Float64Array<ArrayBuffer>) : new Float64Array(Math.max(size, a.length * 2)));
    d.terms = fit(d.terms, v.t.size);
    d.title = fit(d.title, v.t.size);
    d.ents = fit(d.ents, v.e.size);
    d.nums = fit(d.nums, v.n.size);
    const spread = (dense: Float64Array, ids: Int32Array, m: ReadonlyMap<string, number>) => {
      let i = 0;
      for (const w of m.values()) dense[ids[i++]!] = w;
    };
    spread(d.terms, q.ids.terms, q.terms);
    spread(d.title, q.ids.title, q.title);
    spread(d.ents, q.ids.ents, q.ents);
    spread(d.nums, q.ids.nums, q.nums);
    this.loaded = q;
  }

  private candidates(q: Query): Candidate[] {
    const hits = new Map<StoryState, number>();
    const look = (key: string) => {
      const set = this.postings.get(key);
      if (!set || set.size > POSTING_SCAN_CAP) return;
      for (const s of set) hits.set(s, (hits.get(s) ?? 0) + 1);
    };
    for (const k of topKeys(q.terms, QUERY_TERMS)) look(k);
    for (const k of topKeys(q.ents, QUERY_ENTITIES)) look('e:' + k);
    const ranked = [...hits].sort((a, b) => b[1] - a[1] || a[0].num - b[0].num).slice(0, MAX_CANDIDATES);
    this.scored += ranked.length;
    const out = ranked.map(([story]) => {
      const features = this.pairFeatures(q, story);
      return { story, features, probability: this.probability(features) };
    });
    return out.sort((a, b) => b.probability - a.probability || a.story.num - b.story.num);
  }

  /** The strongest shared evidence between a unit's query and a story. */
  evidence(q: Query, s: StoryState): SharedEvidence[] {
    const out: SharedEvidence[] = [];
    for (const [k, v] of q.ents) {
      const w = s.entities.get(k);
      if (w) out.push({ kind: 'entity', value: q.f.entityNames.get(k) ?? k, weight: v * w });
    }
    for (const [k, v] of q.nums) if (s.numbers.has(k)) out.push({ kind: 'number', value: k, weight: v * v });
    for (const [k, v] of q.terms) {
      const w = s.terms.get(k);
      if (w) out.push({ kind: 'term', value: k, weight: v * w });
    }
    out.sort((a, b) => b.weight - a.weight || (a.value < b.value ? -1 : 1));
    return out.slice(0, 8).map((e) => ({ ...e, weight: Math.round(e.weight * 1000) / 1000 }));
  }

  private newStory(): StoryState {
    const s = emptyStory(this.nextNum++, this.seq);
    this.live.add(s);
    return s;
  }

  private absorbUnit(s: StoryState, unit: ClusterUnit, f: UnitFeatures, q: Query, relation: UnitRecord['relation'], score: number, evidence: SharedEvidence[]): void {
    // TF-IDF vectors with the IDF of the moment the unit joined (frozen: rescoring every centroid as the
    // IDF moves would cost a log per centroid term per comparison), L2-normalised per unit so a long
    // article does not outweigh the rest.
    addCentroid(s, { terms: q.terms, entities: q.ents, title: q.title, numbers: q.nums }, { terms: 1 / (q.termsNorm || 1), entities: 1 / (q.entsNorm || 1), title: 1 / (q.titleNorm || 1), numbers: 1 / (q.numsNorm || 1) });
    for (const [k, name] of f.entityNames) if (!s.entityNames.has(k)) s.entityNames.set(k, name);
    for (const m of unit.members) {
      const d = dayOf(m.published);
      if (d === null) continue;
      if (s.firstDay === null || d < s.firstDay) s.firstDay = d;
      if (s.lastDay === null || d > s.lastDay) s.lastDay = d;
    }
    s.lastSeq = this.seq;
    s.norms = null;
    const rec: UnitRecord = { id: unit.id, members: unit.members, relation, score, evidence, title: unit.title, titleTerms: q.title };
    if (this.opts.retainQueries) rec.query = q;
    s.units.push(rec);
  }

  /** Folds the smaller story into the larger; the absorbed story's name is recorded on the survivor. */
  private merge(a: StoryState, b: StoryState, by: string, score: number): StoryState {
    const [keep, gone] = a.units.length >= b.units.length ? [a, b] : [b, a];
    addCentroid(keep, gone, UNIT_SCALES);
    for (const [k, n] of gone.entityNames) if (!keep.entityNames.has(k)) keep.entityNames.set(k, n);
    gone.flat = null;
    if (gone.firstDay !== null && (keep.firstDay === null || gone.firstDay < keep.firstDay)) keep.firstDay = gone.firstDay;
    if (gone.lastDay !== null && (keep.lastDay === null || gone.lastDay > keep.lastDay)) keep.lastDay = gone.lastDay;
    keep.lastSeq = Math.max(keep.lastSeq, gone.lastSeq);
    keep.merges.push(...gone.merges, { into: storyKey(keep), from: storyKey(gone), by, score });
    keep.units.push(...gone.units);
    keep.norms = null;
    this.unpost(gone);
    gone.alive = false;
    this.live.delete(gone);
    return keep;
  }

  private unpost(s: StoryState): void {
    for (const k of s.postKeys) {
      const set = this.postings.get(k);
      if (!set) continue;
      set.delete(s);
      if (set.size === 0) this.postings.delete(k);
    }
    s.postKeys = [];
  }

  private repost(s: StoryState): void {
    const keys = [...topKeys(s.terms, POST_TERMS), ...topKeys(s.entities, POST_ENTITIES).map((k) => 'e:' + k)];
    const next = new Set(keys);
    for (const k of s.postKeys) {
      if (next.has(k)) continue;
      const set = this.postings.get(k);
      if (!set) continue;
      set.delete(s);
      if (set.size === 0) this.postings.delete(k);
    }
    for (const k of keys) {
      let set = this.postings.get(k);
      if (!set) this.postings.set(k, (set = new Set()));
      set.add(s);
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
    for (const s of this.live) {
      const old = s.lastDay !== null ? this.now !== null && s.lastDay < this.now - this.opts.windowDays : this.seq - s.lastSeq > this.opts.windowUnits;
      if (!old) continue;
      this.unpost(s);
      this.live.delete(s);
      if (this.opts.onEvict) this.opts.onEvict(s);
      else this.evicted.push(s);
    }
  }
}

type CentroidMaps = Pick<StoryState, 'terms' | 'entities' | 'title' | 'numbers'>;
const UNIT_SCALES = { terms: 1, entities: 1, title: 1, numbers: 1 };

/**
 * Adds vectors (a unit's, each namespace scaled, or another story's centroid) into a story's centroid,
 * prunes each namespace to CENTROID_KEEP when it passes CENTROID_CAP, and marks norms and the flat
 * arrays stale: the one centroid update for a join and a merge.
 */
function addCentroid(into: StoryState, from: CentroidMaps, scale: Record<keyof CentroidMaps, number>): void {
  addScaled(into.terms, from.terms, scale.terms);
  addScaled(into.entities, from.entities, scale.entities);
  addScaled(into.title, from.title, scale.title);
  addScaled(into.numbers, from.numbers, scale.numbers);
  prune(into.terms);
  prune(into.entities);
  prune(into.title);
  prune(into.numbers);
  into.norms = null;
  into.flat = null;
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
