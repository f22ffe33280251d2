/**
 * Batch refinement after the online pass: an online clusterer decides each unit once, against the
 * stories as they were at that moment, so an early unit can sit in the wrong story and two similar
 * events (two earthquakes in one week) can be chained into one by a single bridging unit. With the
 * whole batch in hand we can revisit those decisions:
 *
 * 1. split: a story whose members fall into two groups that the decision would not join (average
 *    unit-to-unit join probability across the groups below SPLIT_PROBABILITY) becomes two stories;
 * 2. reassign: each unit is re-scored against every final story centroid (its own minus itself) and
 *    moves when another story wins clearly; rounds repeat until stable or REFINE_ROUNDS.
 *
 * Deterministic: units are visited in story then member order and moves are applied after each round,
 * so the result depends only on the online result (itself order-independent in batch mode).
 *
 * Measured and not adopted (2026-12-07, eval/cluster.ts; ECB+ topics 1–20 0.921, CV 0.918 before).
 * On topics 1–20 only four cuts have both sides of SPLIT_MIN_SIDE: the two right ones (sibling events)
 * at mean cross probability 0.31–0.32, the two doubtful ones (an office shooting's first reports vs its
 * charge and verdict reports, 0.37; an election cut through one event's reports, 0.36) just above, so
 * any split test tuned there rests on two or three decisions:
 * - a whole-halves check (keep the story when the smaller half's centroid, scored as a unit against
 *   the larger half's, reaches 0.6: developments share their subject, not their wording): topics
 *   1–20 0.927 (same for 0.5–0.67), CV 0.925 (0.914 at 0.5, 0.917 at 0.55, 0.920 at 0.65 and 0.7);
 *   seen afterwards on held-out 21–35: 0.896 → 0.883 (P 0.917 → 0.883: it blocked a right cut there);
 * - splitting on the mean probability of each unit against the other half's centroid (the question
 *   the decision was fit on) instead of unit-to-unit: at the join threshold 0.25 topics 1–20 0.927 but
 *   CV 0.914; 0.3 / 0.35 CV 0.922 / 0.924 — the same cuts as above, not looked at on held-out;
 * - peeling the 1-unit sides average linkage often ends with and cutting the rest: the merged
 *   sibling stories of topics 5 and 10 still cut across both events (cross 0.82, 0.61): no gain;
 * - joining fragments on centroid-to-centroid probability: same-event fragment pairs 0.02–0.70,
 *   sibling-event pairs 0.01–0.69 on topics 1–20: not separable.
 */
import type { Candidate, PairFeatures, Query, StoryClusterer, StoryState, UnitRecord } from './clusterer.ts';
import { addScaled, cosine, dayOf, emptyStory, norm } from './clusterer.ts';
import { contrast, summarise, type ContrastSummary } from './contrast.ts';
import { joinProbabilityOf, type DecisionWeights } from './model.ts';

/**
 * Move a unit only when the other story's join probability beats its own story's (minus itself) by this
 * much and clears the join threshold. Swept on ECB+ topics 1–20 (eval/cluster.ts --sweep-refine, 0.1–0.4 and
off): 0.3 best (B-cubed F1 0.918 with the split; 0.1 0.915, 0.4 0.916, off 0.916) — a small gain, as the
online pass with primed IDF already places most units where the final centroids would.
 */
export const REASSIGN_MARGIN = 0.3;
/** At most this many reassignment rounds (the brief's "until stable or 2 rounds"). */
export const REFINE_ROUNDS = 2;
/**
 * Split a story in two when the mean unit-to-unit join probability between its two average-linkage
 * groups is below this. With the decision refit with contrast features (bias -1.79, probabilities run
 * higher than under the first fit, where 0.4 was chosen) topics 1–20 give the same F1 for 0.4–0.5
 * (eval/cluster.ts --sweep); 0.45 is the middle of that plateau. Seen afterwards on held-out 21–35:
 * 0.4 leaves one two-event story unsplit (0.881), 0.45 and 0.5 split it (0.901).
 */
export const SPLIT_PROBABILITY = 0.45;
/** Stories smaller than this are not split checked (too little evidence for two groups). */
export const SPLIT_MIN_UNITS = 4;
/**
 * Each side of a split needs this many units: average linkage otherwise mostly peels off one outlier
 * (a short or off-topic member), which reassignment handles, not a second event (ECB+ topics 1–20).
 */
export const SPLIT_MIN_SIDE = 3;
/** Larger stories are not split checked: the pairwise matrix is quadratic. */
export const SPLIT_MAX_UNITS = 300;

/** A unit's L2-normalised vectors (empty map for a missing namespace). */
interface UnitVec {
  rec: UnitRecord;
  q: Query;
  terms: Map<string, number>;
  ents: Map<string, number>;
  title: Map<string, number>;
  nums: Map<string, number>;
  /** The unit's rare terms (Query.rareTerms). */
  rare: string[];
  day: number | null;
  contrast: ContrastSummary;
}

interface Centroid {
  terms: Map<string, number>;
  ents: Map<string, number>;
  title: Map<string, number>;
  nums: Map<string, number>;
  n: { terms: number; ents: number; title: number; nums: number };
  contrast: ContrastSummary;
}

function unitVec(rec: UnitRecord): UnitVec | null {
  const q = rec.query;
  if (!q) return null;
  const scaled = (m: Map<string, number>, n: number) => {
    const out = new Map<string, number>();
    if (n > 0) for (const [k, v] of m) out.set(k, v / n);
    return out;
  };
  let day: number | null = null;
  for (const m of rec.members) {
    const d = dayOf(m.published);
    if (d !== null && (day === null || d < day)) day = d;
  }
  const ents = scaled(q.ents, q.entsNorm);
  return { rec, q, terms: scaled(q.terms, q.termsNorm), ents, title: scaled(q.title, q.titleNorm), nums: scaled(q.nums, q.numsNorm), rare: q.rareTerms, day, contrast: summarise(ents, q.nums.keys()) };
}

function centroidOf(units: readonly UnitVec[]): Centroid {
  const c: Centroid = { terms: new Map(), ents: new Map(), title: new Map(), nums: new Map(), n: { terms: 0, ents: 0, title: 0, nums: 0 }, contrast: summarise(new Map(), []) };
  for (const u of units) {
    addScaled(c.terms, u.terms, 1);
    addScaled(c.ents, u.ents, 1);
    addScaled(c.title, u.title, 1);
    addScaled(c.nums, u.nums, 1);
  }
  c.n = { terms: norm(c.terms), ents: norm(c.ents), title: norm(c.title), nums: norm(c.nums) };
  c.contrast = summarise(c.ents, c.nums.keys());
  return c;
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let s = 0;
  if (a.size > b.size) [a, b] = [b, a];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== undefined) s += v * w;
  }
  return s;
}

/** Cosine of a unit vector (norm 1, or empty) against a centroid with that unit taken out. */
function cosineWithout(u: ReadonlyMap<string, number>, c: ReadonlyMap<string, number>, cNorm: number): number {
  if (u.size === 0) return 0;
  const d = dot(u, c);
  const rest = cNorm * cNorm - 2 * d + 1;
  if (rest <= 1e-9) return 0;
  return Math.max(0, d - 1) / Math.sqrt(rest);
}

/** 1 when `b` (minus `minus`) holds one of the unit's rare terms. */
function sharesRare(rare: readonly string[], b: ReadonlyMap<string, number>, minus?: ReadonlyMap<string, number>): number {
  for (const k of rare) if ((b.get(k) ?? 0) - (minus?.get(k) ?? 0) > 1e-9) return 1;
  return 0;
}

function features(u: UnitVec, c: Centroid, units: number, span: { first: number | null; last: number | null }, without: boolean): PairFeatures {
  const cos = without ? cosineWithout : (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, n: number) => cosine(a, a.size ? 1 : 0, b, n);
  let gap: number | null = null;
  if (u.day !== null && span.first !== null && span.last !== null) gap = Math.max(0, u.day - span.last, span.first - u.day);
  return {
    text: cos(u.terms, c.terms, c.n.terms),
    entity: cos(u.ents, c.ents, c.n.ents),
    title: cos(u.title, c.title, c.n.title),
    number: cos(u.nums, c.nums, c.n.nums),
    rare: sharesRare(u.rare, c.terms, without ? u.terms : undefined),
    size: Math.log1p(units),
    gapDays: gap,
    ...(without ? contrast(u.ents, u.contrast, c.ents, summarise(c.ents, c.nums, { ents: u.ents, nums: u.nums }), u.ents) : contrast(u.ents, u.contrast, c.ents, c.contrast)),
  };
}

function unitPair(a: UnitVec, b: UnitVec): PairFeatures {
  let gap: number | null = null;
  if (a.day !== null && b.day !== null) gap = Math.abs(a.day - b.day);
  const cos = (x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>) => (x.size && y.size ? dot(x, y) : 0);
  return { text: cos(a.terms, b.terms), entity: cos(a.ents, b.ents), title: cos(a.title, b.title), number: cos(a.nums, b.nums), rare: Math.max(sharesRare(a.rare, b.terms), sharesRare(b.rare, a.terms)), size: Math.log1p(1), gapDays: gap, ...contrast(a.ents, a.contrast, b.ents, b.contrast) };
}

/**
 * The pair features of two units as the refinement scores them (a story of one against a unit), or
 * null when either record lacks its query vectors. For fitting a unit-to-unit decision.
 */
export function unitPairFeatures(a: UnitRecord, b: UnitRecord): PairFeatures | null {
  const x = unitVec(a);
  const y = unitVec(b);
  return x && y ? unitPair(x, y) : null;
}

/** Unit-to-unit probability: the pair decision when given, else the online decision. */
type PairScorer = (a: UnitVec, b: UnitVec) => number;
function pairScorer(clusterer: StoryClusterer, weights: DecisionWeights | undefined): PairScorer {
  return weights ? (a, b) => joinProbabilityOf(unitPair(a, b), weights) : (a, b) => clusterer.probability(unitPair(a, b));
}

interface Group {
  story: StoryState;
  units: UnitVec[];
}

function spanOf(units: readonly UnitVec[]): { first: number | null; last: number | null } {
  let first: number | null = null;
  let last: number | null = null;
  for (const u of units) {
    for (const m of u.rec.members) {
      const d = dayOf(m.published);
      if (d === null) continue;
      if (first === null || d < first) first = d;
      if (last === null || d > last) last = d;
    }
  }
  return { first, last };
}

/**
 * Average-linkage split of a group into two: returns the two index sets and the mean cross-group
 * probability, or null when the group is too small or too large to check.
 */
function bestSplit(pairProbability: PairScorer, units: readonly UnitVec[]): { a: number[]; b: number[]; cross: number } | null {
  const n = units.length;
  if (n < SPLIT_MIN_UNITS || n > SPLIT_MAX_UNITS) return null;
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) p[i * n + j] = p[j * n + i] = pairProbability(units[i]!, units[j]!);
  let clusters: number[][] = units.map((_, i) => [i]);
  const link = (x: number[], y: number[]) => {
    let s = 0;
    for (const i of x) for (const j of y) s += p[i * n + j]!;
    return s / (x.length * y.length);
  };
  while (clusters.length > 2) {
    let bi = 0;
    let bj = 1;
    let best = -1;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const l = link(clusters[i]!, clusters[j]!);
        if (l > best) {
          best = l;
          bi = i;
          bj = j;
        }
      }
    }
    const merged = [...clusters[bi]!, ...clusters[bj]!];
    clusters = clusters.filter((_, k) => k !== bi && k !== bj);
    clusters.push(merged);
  }
  const [a, b] = clusters as [number[], number[]];
  if (Math.min(a.length, b.length) < SPLIT_MIN_SIDE) return null;
  return { a, b, cross: link(a, b) };
}

/**
 * Two stories are joined when the mean unit-to-unit join probability across them reaches this: the
 * online pass decides each unit against one story at a time, so one event often ends up as fragments
 * (a lead story and a few units that arrived before it grew). ECB+ topics 1–20 (eval/cluster.ts --sweep):
 * off 0.935, 0.5 0.940 at join 0.15 (equal at 0.2; at join 0.3 off 0.919, 0.5 0.924). Above
 * SPLIT_PROBABILITY, so a join never undoes a split; ≤ 0.4 joined sibling events under the first fit.
 */
export const JOIN_LINK = 0.5;
/** Story pairs whose units' product exceeds this are not join checked (the cross matrix is quadratic). */
export const JOIN_MAX_PAIRS = 40_000;

/**
 * Average-linkage agglomeration over stories: candidate pairs share an entity or title term, the pair
 * with the highest mean cross probability is joined first, until no pair reaches `link`.
 */
function joinFragments(pairProbability: PairScorer, groups: Group[], link: number): Group[] {
  if (!(link <= 1)) return groups;
  const alive = groups.map((g) => ({ ...g, units: [...g.units] }));
  const keysOf = (g: Group) => {
    const keys = new Set<string>();
    for (const u of g.units) {
      for (const k of u.ents.keys()) keys.add('e:' + k);
      for (const k of u.title.keys()) keys.add('t:' + k);
    }
    return keys;
  };
  // Cross sums of pair probabilities, keyed by the two groups' positions (smaller first).
  const sums = new Map<string, number>();
  const pairKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
  const probs = new Map<UnitVec, Map<UnitVec, number>>();
  const pp = (a: UnitVec, b: UnitVec) => {
    let m = probs.get(a);
    if (!m) probs.set(a, (m = new Map()));
    let p = m.get(b);
    if (p === undefined) {
      p = pairProbability(a, b);
      m.set(b, p);
      let back = probs.get(b);
      if (!back) probs.set(b, (back = new Map()));
      back.set(a, p);
    }
    return p;
  };
  const cross = (a: Group, b: Group) => {
    let s = 0;
    for (const x of a.units) for (const y of b.units) s += pp(x, y);
    return s;
  };
  const index = new Map<string, Set<number>>();
  const keys = alive.map(keysOf);
  keys.forEach((ks, gi) => {
    for (const k of ks) (index.get(k) ?? index.set(k, new Set()).get(k)!).add(gi);
  });
  const neighbours = (gi: number) => {
    const out = new Set<number>();
    for (const k of keys[gi]!) for (const x of index.get(k) ?? []) if (x !== gi) out.add(x);
    return out;
  };
  const dead = new Set<number>();
  for (;;) {
    let best: [number, number] | null = null;
    let bestLink = link;
    for (let a = 0; a < alive.length; a++) {
      if (dead.has(a)) continue;
      for (const b of neighbours(a)) {
        if (b < a || dead.has(b)) continue;
        const n = alive[a]!.units.length * alive[b]!.units.length;
        if (n > JOIN_MAX_PAIRS) continue;
        const key = pairKey(a, b);
        let s = sums.get(key);
        if (s === undefined) sums.set(key, (s = cross(alive[a]!, alive[b]!)));
        const l = s / n;
        if (l >= bestLink && (l > bestLink || !best)) {
          bestLink = l;
          best = [a, b];
        }
      }
    }
    if (!best) break;
    const [a, b] = best;
    const keep = alive[a]!.units.length >= alive[b]!.units.length ? a : b;
    const gone = keep === a ? b : a;
    alive[keep]!.units.push(...alive[gone]!.units);
    dead.add(gone);
    for (const k of keys[gone]!) {
      keys[keep]!.add(k);
      const set = index.get(k)!;
      set.delete(gone);
      set.add(keep);
    }
    for (const k of [...sums.keys()]) {
      const [x, y] = k.split(',').map(Number) as [number, number];
      if (x === keep || y === keep || x === gone || y === gone) sums.delete(k);
    }
  }
  return alive.filter((_, i) => !dead.has(i));
}

export interface RefineOptions {
  rounds?: number;
  /** Mean unit-to-unit join probability at which two stories are joined (JOIN_LINK). */
  joinLink?: number;
  margin?: number;
  splitProbability?: number;
  /** Unit-to-unit decision for the split and fragment join (default: the online decision's weights). */
  pairWeights?: DecisionWeights;
}

/**
 * Refines a batch result in place (see the module comment) and returns the surviving stories. Needs
 * units recorded with `retainQueries`; stories whose units lack queries are returned untouched.
 */
export function refineStories(clusterer: StoryClusterer, stories: StoryState[], options: RefineOptions = {}): StoryState[] {
  const rounds = options.rounds ?? REFINE_ROUNDS;
  const margin = options.margin ?? REASSIGN_MARGIN;
  const splitP = options.splitProbability ?? SPLIT_PROBABILITY;
  const join = clusterer.joinThreshold;
  const scorer = pairScorer(clusterer, options.pairWeights);
  let groups: Group[] = [];
  const untouched: StoryState[] = [];
  let nextNum = 0;
  for (const s of stories) {
    nextNum = Math.max(nextNum, s.num + 1);
    const vecs = s.units.map(unitVec);
    if (vecs.some((v) => v === null)) untouched.push(s);
    else groups.push({ story: s, units: vecs as UnitVec[] });
  }

  // Split pass.
  const split: Group[] = [];
  for (const g of groups) {
    const cut = bestSplit(scorer, g.units);
    if (!cut || cut.cross >= splitP) {
      split.push(g);
      continue;
    }
    const a = cut.a.map((i) => g.units[i]!);
    const b = cut.b.map((i) => g.units[i]!);
    split.push({ story: g.story, units: a });
    split.push({ story: emptyStory(nextNum++, g.story.lastSeq), units: b });
  }
  groups = joinFragments(scorer, split, options.joinLink ?? JOIN_LINK);

  // Reassignment rounds.
  const moved = new Set<UnitVec>();
  for (let r = 0; r < rounds; r++) {
    const cents = groups.map((g) => centroidOf(g.units));
    const spans = groups.map((g) => spanOf(g.units));
    const index = new Map<string, number[]>();
    groups.forEach((g, gi) => {
      const keys = new Set<string>();
      for (const k of cents[gi]!.ents.keys()) keys.add('e:' + k);
      for (const k of cents[gi]!.title.keys()) keys.add('t:' + k);
      for (const k of keys) (index.get(k) ?? index.set(k, []).get(k)!).push(gi);
    });
    const moves: { from: number; unit: UnitVec; to: number; p: number }[] = [];
    groups.forEach((g, gi) => {
      for (const u of g.units) {
        const own = g.units.length > 1 ? clusterer.probability(features(u, cents[gi]!, g.units.length - 1, spans[gi]!, true)) : 0;
        const cand = new Set<number>();
        for (const k of u.ents.keys()) for (const x of index.get('e:' + k) ?? []) cand.add(x);
        for (const k of u.title.keys()) for (const x of index.get('t:' + k) ?? []) cand.add(x);
        let best = -1;
        let bestP = 0;
        for (const x of cand) {
          if (x === gi) continue;
          const p = clusterer.probability(features(u, cents[x]!, groups[x]!.units.length, spans[x]!, false));
          if (p > bestP || (p === bestP && best >= 0 && x < best)) {
            bestP = p;
            best = x;
          }
        }
        if (best >= 0 && bestP >= join && bestP - own >= margin) moves.push({ from: gi, unit: u, to: best, p: bestP });
      }
    });
    if (moves.length === 0) break;
    const gone = new Set(moves.map((m) => m.unit));
    for (const m of moves) moved.add(m.unit);
    const next = groups.map((g) => ({ story: g.story, units: g.units.filter((u) => !gone.has(u)) }));
    for (const m of moves) {
      next[m.to]!.units.push(m.unit);
      m.unit.rec.relation = 'joined';
      m.unit.rec.score = m.p;
    }
    groups = next.filter((g) => g.units.length > 0);
  }

  // Write the groups back onto story states: exact centroids, member records, date spans.
  const out: StoryState[] = [...untouched];
  for (const g of groups) {
    const s = g.story;
    const c = centroidOf(g.units);
    s.units = g.units.map((u) => u.rec);
    s.units.sort((a, b) => (a.relation === 'founder' ? 0 : 1) - (b.relation === 'founder' ? 0 : 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (!s.units.some((u) => u.relation === 'founder')) {
      s.units[0]!.relation = 'founder';
      s.units[0]!.evidence = [];
      moved.delete(g.units.find((u) => u.rec === s.units[0])!);
    }
    s.terms = c.terms;
    s.entities = c.ents;
    s.title = c.title;
    s.numbers = c.nums;
    s.norms = null;
    s.flat = null;
    const span = spanOf(g.units);
    s.firstDay = span.first;
    s.lastDay = span.last;
    for (const u of g.units) {
      for (const [k, name] of u.q.f.entityNames) if (!s.entityNames.has(k)) s.entityNames.set(k, name);
      if (moved.has(u)) u.rec.evidence = clusterer.evidence(u.q, s);
    }
    out.push(s);
  }
  return out;
}


export type { Candidate };
