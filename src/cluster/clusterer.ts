/**
 * Online story clustering: each incoming unit (an article, or a copy group entering as its canonical)
 * is compared with the live stories an inverted index retrieves, a small learned decision says whether
 * it joins the best one, and a unit that scores high against a second story bridges the two into one.
 * Pure: no I/O and no clock — stream time is the latest publication date seen.
 */
import type { SharedEvidence } from '../records/index.ts';
import { articleFeatures, layerEntities, type EntityExtractor, type UnitFeatures } from './features.ts';

/** One unit of clustering: an article alone, or a copy group represented by its canonical article. */
export interface ClusterUnit {
  /** The unit id: the article id, or the copy group's canonical id. */
  id: string;
  title: string | null;
  paragraphs: readonly string[];
  /** Every article the unit stands for (the canonical first), with its own publication date. */
  members: readonly { id: string; published: string | null }[];
}

/** The similarity features of a (unit, story) pair, in the order the decision weights use. */
export interface PairFeatures {
  text: number;
  entity: number;
  title: number;
  number: number;
  /** log(1 + units in the story): large centroids score lower cosines for the same relatedness. */
  size: number;
  /** Days between the unit and the story's date span; null when either side is undated. */
  gapDays: number | null;
}

/**
 * Merge decision: logistic regression over PairFeatures, fit by eval/cluster.ts --fit on ECB+ topics
 * 1–20 (units in canonical order, each unit scored against every retrieved story with the gold
 * assignment so far; positives = stories of the unit's gold subtopic; L2 0.001, 3,000 full-batch
 * gradient steps). ECB+ has no dates, so the time term is not learned: see TIME_*.
 */
// 1,547 pairs, 377 positive. A negative size weight: large centroids collect shared genre words.
export const DECISION_WEIGHTS = { bias: -3.24, text: 3.3, entity: 4.39, title: 1.92, number: 3.97, size: -0.79 };
/**
 * Join the best story when its probability reaches this. Swept on ECB+ topics 1–20 (eval/cluster.ts
 * --sweep, 0.15–0.5 × merge 0.6–0.9): 0.3 best (B-cubed F1 0.911; 0.5 gives 0.886). Below 0.5 because
 * the decision was fit on gold-built stories, while a live story is often a fragment of its event.
 */
export const JOIN_PROBABILITY = 0.3;
/** A second story at or above this probability is merged with the first (the unit bridges them); swept with JOIN_PROBABILITY (0.7: 0.895, 0.8 and 0.9: 0.911). */
export const MERGE_PROBABILITY = 0.8;
/**
 * Time decay (hand-set: ECB+ has no dates to learn it from). Developments of one event run over a few
 * days (seed 004 is four days after 002), so gaps up to TIME_GRACE_DAYS cost nothing and each further
 * day lowers the log-odds by TIME_DECAY_PER_DAY: a week apart needs clearly stronger text evidence.
 */
export const TIME_GRACE_DAYS = 2;
export const TIME_DECAY_PER_DAY = 0.35;

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
/** Stories fully scored per unit, the ones sharing most query keys. */
export const MAX_CANDIDATES = 25;
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
  weights?: typeof DECISION_WEIGHTS;
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
  /** Centroid norms, recomputed after the story changes. */
  norms: { terms: number; entities: number; title: number; numbers: number } | null;
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

/** Incremental document frequencies over terms, entities and numbers, one table per namespace. */
export class Idf {
  n = 0;
  private logN = 0;
  private sinceHalve = 0;
  readonly tables = { t: new Map<string, number>(), e: new Map<string, number>(), n: new Map<string, number>() };
  observe(f: UnitFeatures): void {
    this.n++;
    this.logN = Math.log(this.n + 1);
    const { t, e, n } = this.tables;
    for (const k of f.terms.keys()) t.set(k, (t.get(k) ?? 0) + 1);
    for (const k of f.entities.keys()) e.set(k, (e.get(k) ?? 0) + 1);
    for (const k of f.numbers) n.set(k, (n.get(k) ?? 0) + 1);
    if (++this.sinceHalve >= IDF_HALVE_EVERY) this.halve();
  }
  private halve(): void {
    this.sinceHalve = 0;
    this.n /= 2;
    this.logN = Math.log(this.n + 1);
    for (const table of Object.values(this.tables)) {
      for (const [k, v] of table) {
        if (v < 2) table.delete(k);
        else table.set(k, v / 2);
      }
    }
  }
  get(ns: Namespace, key: string): number {
    return this.logN - Math.log((this.tables[ns].get(key) ?? 0) + 1) + 1;
  }
}
type Namespace = 't' | 'e' | 'n';

function weighted(m: ReadonlyMap<string, number>, idf: Idf, ns: Namespace): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of m) out.set(k, v * idf.get(ns, k));
  return out;
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
function topKeys(m: ReadonlyMap<string, number>, k: number): string[] {
  const arr = [...m];
  arr.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return arr.slice(0, k).map((x) => x[0]);
}
export function prune(m: Map<string, number>): void {
  if (m.size <= CENTROID_CAP) return;
  const keep = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_KEEP);
  m.clear();
  for (const [k, v] of keep) m.set(k, v);
}
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

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
  day: number | null;
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
  private readonly postings = new Map<string, Set<StoryState>>();
  private readonly live = new Set<StoryState>();
  private readonly evicted: StoryState[] = [];
  private readonly opts: Required<Omit<ClustererOptions, 'onEvict'>> & Pick<ClustererOptions, 'onEvict'>;
  private seq = 0;
  private nextNum = 0;
  private now: number | null = null;
  private lastEvictDay: number | null = null;
  private lastEvictSeq = 0;
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
    this.idf.observe(f);
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
    if (!opts.observed) this.idf.observe(f);
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
    if (!n) n = s.norms = { terms: norm(s.terms), entities: norm(s.entities), title: norm(s.title), numbers: norm(s.numbers) };
    return {
      text: cosine(q.terms, q.termsNorm, s.terms, n.terms),
      entity: cosine(q.ents, q.entsNorm, s.entities, n.entities),
      title: cosine(q.title, q.titleNorm, s.title, n.title),
      number: cosine(q.nums, q.numsNorm, s.numbers, n.numbers),
      size: Math.log1p(s.units.length),
      gapDays: gap,
    };
  }

  /** The decision's join probability for a pair. */
  probability(p: PairFeatures): number {
    const w = this.opts.weights;
    let z = w.bias + w.text * p.text + w.entity * p.entity + w.title * p.title + w.number * p.number + w.size * p.size;
    if (p.gapDays !== null) z -= TIME_DECAY_PER_DAY * Math.max(0, p.gapDays - TIME_GRACE_DAYS);
    return sigmoid(z);
  }

  private query(f: UnitFeatures, day: number | null): Query {
    const terms = weighted(f.terms, this.idf, 't');
    const ents = weighted(f.entities, this.idf, 'e');
    const title = weighted(f.title, this.idf, 't');
    const nums = new Map<string, number>();
    for (const n of f.numbers) nums.set(n, this.idf.get('n', n));
    return { f, terms, termsNorm: norm(terms), ents, entsNorm: norm(ents), title, titleNorm: norm(title), nums, numsNorm: norm(nums), day };
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
    const s: StoryState = {
      num: this.nextNum++,
      units: [],
      terms: new Map(),
      title: new Map(),
      entities: new Map(),
      entityNames: new Map(),
      numbers: new Map(),
      firstDay: null,
      lastDay: null,
      lastSeq: this.seq,
      postKeys: [],
      merges: [],
      alive: true,
      norms: null,
    };
    this.live.add(s);
    return s;
  }

  private absorbUnit(s: StoryState, unit: ClusterUnit, f: UnitFeatures, q: Query, relation: UnitRecord['relation'], score: number, evidence: SharedEvidence[]): void {
    // TF-IDF vectors with the IDF of the moment the unit joined (frozen: rescoring every centroid as the
    // IDF moves would cost a log per centroid term per comparison), L2-normalised per unit so a long
    // article does not outweigh the rest.
    addScaled(s.terms, q.terms, 1 / (q.termsNorm || 1));
    addScaled(s.entities, q.ents, 1 / (q.entsNorm || 1));
    addScaled(s.title, q.title, 1 / (q.titleNorm || 1));
    addScaled(s.numbers, q.nums, 1 / (q.numsNorm || 1));
    for (const [k, name] of f.entityNames) if (!s.entityNames.has(k)) s.entityNames.set(k, name);
    prune(s.terms);
    prune(s.entities);
    prune(s.numbers);
    prune(s.title);
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
    addScaled(keep.terms, gone.terms, 1);
    addScaled(keep.entities, gone.entities, 1);
    addScaled(keep.title, gone.title, 1);
    addScaled(keep.numbers, gone.numbers, 1);
    for (const [k, n] of gone.entityNames) if (!keep.entityNames.has(k)) keep.entityNames.set(k, n);
    prune(keep.terms);
    prune(keep.entities);
    prune(keep.numbers);
    prune(keep.title);
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
