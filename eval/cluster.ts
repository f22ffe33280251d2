/**
 * Story clustering on ECB+ (../shared/data/ecbplus-dev/docs.jsonl: 772 documents, topics 1–35, each
 * topic two similar but different events = `subtopic`). B-cubed precision/recall/F1 against
 * `subtopic`, beside the all-singletons and one-cluster-per-topic baselines, on the tuning part
 * (topics 1–20: every weight and threshold was chosen there) and the held-out part (21–35) separately.
 * Each part is clustered as one stream (all its topics mixed), not topic by topic.
 *
 * ECB+ has no titles and no dates: an Article's title is the document's first sentence (ECB+ "plus"
 * documents open with their headline; ECB documents with their lead sentence, which serves the same
 * role), its paragraphs the remaining sentences, and `published` is null, so the time term never fires.
 *
 *   node --import tsx eval/cluster.ts            # figures
 *   node --import tsx eval/cluster.ts --fit [--mode gold|live|both|soft] [--collect J] [--drop a,b]
 *                                                # refit DECISION_WEIGHTS on topics 1–20 and print them
 *   node --import tsx eval/cluster.ts --fit-pair # fit a unit-to-unit decision for the refinement
 *   node --import tsx eval/cluster.ts --cv [--modes gold,soft] [--joins 0.25,0.4] [--links 0.5] [--splits 0.45] [--deals 0,1,2] [--collect J] [--pair | --refine-mode soft]
 *                                                # leave-topics-out cross-validation inside topics 1–20
 *   node --import tsx eval/cluster.ts --sweep    # join / split / join-link sweep on topics 1–20
 *   node --import tsx eval/cluster.ts --subsets  # topics 1–20 thinned to k documents per subtopic: the rare-term feature by window size
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED, seededRng } from './lib.ts';
import { JOIN_LINK, unitPairFeatures } from '../src/cluster/refine.ts';
import { StoryClusterer, buildUnits, clusterArticles, layerEntities, DECISION_WEIGHTS, SPARSE_WINDOW_WEIGHTS, JOIN_PROBABILITY, SPLIT_PROBABILITY, type ClusterArticle, type ClusterOptions, type EntityExtractor, type EntityLike, type PairFeatures, type RefineOptions, type StoryState } from '../src/cluster/index.ts';
import { DECISION_FEATURES, type DecisionWeights } from '../src/cluster/model.ts';

export const ECB_DIR = join(SHARED, 'data', 'ecbplus-dev');
const DOCS = join(ECB_DIR, 'docs.jsonl');
export const TUNE_TOPICS = (t: number) => t <= 20;

interface EcbDoc {
  doc_id: string;
  topic: number;
  subtopic: string;
  sentences: string[];
}

export function ecbAvailable(): boolean {
  return existsSync(DOCS);
}

export function loadEcb(): { article: ClusterArticle; topic: number; subtopic: string }[] {
  return readFileSync(DOCS, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbDoc)
    .map((d) => {
      const sentences = d.sentences.map(detok);
      // Many ECB+ pages open with their date line ("September 18th, 2013, 05: 31 GMT"), which the
      // extract stage would take as the date, not the headline: the headline is the next sentence.
      // The date line stays in the body as text (the article's own words; `published` stays null).
      const at = sentences.length > 1 && isDateLine(sentences[0]!) ? 1 : 0;
      const title = sentences[at] ?? null;
      const paragraphs = sentences.filter((_, i) => i !== at);
      return { article: { id: d.doc_id, title, paragraphs, published: null }, topic: d.topic, subtopic: d.subtopic };
    });
}

const DATE_WORDS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun am pm a.m p.m gmt utc est edt et ist bst cet uk updated last posted published on at article th st nd rd'.split(' '),
);
/** A line made of dates, times and their labels only ("Last Updated: Monday, 28 November 2005, 02: 24 GMT"): at most one other word. */
export function isDateLine(s: string): boolean {
  const words = (s.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 1);
  if (!/\d/.test(s) && !words.some((w) => DATE_WORDS.has(w) && w.length > 3)) return false;
  return words.filter((w) => !DATE_WORDS.has(w) && !/^\d/.test(w)).length <= 1 && words.length <= 12 && /\d/.test(s);
}

/** ECB+ text was joined back from tokens: `` and '' quotes and spaced punctuation, put back as prose. */
function detok(s: string): string {
  return s.replace(/``\s*/g, '“').replace(/\s*''/g, '”').replace(/\s+([.,;:!?%)])/g, '$1').replace(/\(\s+/g, '(').replace(/\s+'s\b/g, "'s");
}

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed precision/recall/F1 of a predicted clustering (item → cluster) against gold (item → class). */
export function bcubed(pred: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>, only?: ReadonlySet<string>): BCubed {
  const s = bcubedSums(pred, gold, only);
  const precision = s.p / s.n;
  const recall = s.r / s.n;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/**
 * Per-item B-cubed sums: with `only`, averaged over those items alone while their clusters and classes
 * stay whole (a scored item merged with unscored ones still pays for it in precision).
 */
function bcubedSums(pred: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>, only?: ReadonlySet<string>): { p: number; r: number; n: number } {
  const byPred = new Map<string, string[]>();
  const byGold = new Map<string, string[]>();
  for (const [i, c] of pred) (byPred.get(c) ?? byPred.set(c, []).get(c)!).push(i);
  for (const [i, c] of gold) (byGold.get(c) ?? byGold.set(c, []).get(c)!).push(i);
  let p = 0;
  let r = 0;
  let n = 0;
  for (const [i, c] of pred) {
    const g = gold.get(i);
    if (g === undefined || (only && !only.has(i))) continue;
    const pc = byPred.get(c)!;
    const gc = byGold.get(g)!;
    const gs = new Set(gc);
    let both = 0;
    for (const j of pc) if (gs.has(j) && pred.has(j)) both++;
    p += both / pc.length;
    r += both / gc.length;
    n++;
  }
  return { p, r, n };
}

function assignment(stories: { id: string; articles: string[] }[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of stories) for (const a of s.articles) m.set(a, s.id);
  return m;
}

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const r = seededRng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The entity layer memoised per article (keyed by its paragraphs array, which every unit built from the
 * article shares): entity extraction is most of the cost of a run, and the fit and cross-validation run
 * the clusterer dozens of times over the same documents. Same output as layerEntities.
 */
const entityCache = new WeakMap<readonly string[], readonly EntityLike[]>();
export const cachedEntities: EntityExtractor = (a) => {
  let e = entityCache.get(a.paragraphs);
  if (!e) entityCache.set(a.paragraphs, (e = layerEntities(a)));
  return e;
};

/** Online clustering in the given order (no canonical reordering, IDF learned as the stream goes). */
function online(articles: readonly ClusterArticle[]): Map<string, string> {
  const c = new StoryClusterer({ entities: cachedEntities });
  for (const a of articles) c.add({ id: a.id, title: a.title, paragraphs: a.paragraphs, members: [{ id: a.id, published: a.published }] });
  const m = new Map<string, string>();
  for (const s of c.stories()) for (const u of s.units) for (const mem of u.members) m.set(mem.id, `s${s.num}`);
  return m;
}

export interface ClusterPartFigures {
  docs: number;
  topics: number;
  subtopics: number;
  stories: number;
  ours: BCubed;
  singletons: BCubed;
  perTopic: BCubed;
  /** Online in five shuffled orders (no canonical order), mean B-cubed F1 against gold. */
  onlineShuffledF1: number;
  /** Batch clusterArticles on five shuffles: min B-cubed F1 between run 1 and runs 2–5. */
  batchOrderAgreement: number;
  /** Online on five shuffles: min B-cubed F1 between run 1 and runs 2–5. */
  onlineOrderAgreement: number;
  msPerDoc: number;
}

function evalPart(docs: ReturnType<typeof loadEcb>): ClusterPartFigures {
  const gold = new Map(docs.map((d) => [d.article.id, d.subtopic]));
  const articles = docs.map((d) => d.article);
  const t0 = performance.now();
  const stories = clusterArticles(articles, null, { inferDates: false });
  const ms = performance.now() - t0;
  // Entities are now cached for these articles: the shuffled runs reuse them.
  const pred = assignment(stories);
  for (const a of articles) cachedEntities(a);
  const runs = [0, 1, 2, 3, 4].map((seed) => assignment(clusterArticles(shuffle(articles, seed + 1), null, { inferDates: false, entities: cachedEntities })));
  const onlineRuns = [0, 1, 2, 3, 4].map((seed) => online(shuffle(articles, seed + 101)));
  return {
    docs: docs.length,
    topics: new Set(docs.map((d) => d.topic)).size,
    subtopics: new Set(docs.map((d) => d.subtopic)).size,
    stories: stories.length,
    ours: bcubed(pred, gold),
    singletons: bcubed(new Map(docs.map((d) => [d.article.id, d.article.id])), gold),
    perTopic: bcubed(new Map(docs.map((d) => [d.article.id, String(d.topic)])), gold),
    onlineShuffledF1: onlineRuns.reduce((s, r) => s + bcubed(r, gold).f1, 0) / onlineRuns.length,
    batchOrderAgreement: Math.min(...runs.slice(1).map((r) => bcubed(r, runs[0]!).f1)),
    onlineOrderAgreement: Math.min(...onlineRuns.slice(1).map((r) => bcubed(r, onlineRuns[0]!).f1)),
    msPerDoc: ms / docs.length,
  };
}

/** Both parts' figures. */
export function evalCluster(): { tune: ClusterPartFigures; heldOut: ClusterPartFigures } {
  const docs = loadEcb();
  return { tune: evalPart(docs.filter((d) => TUNE_TOPICS(d.topic))), heldOut: evalPart(docs.filter((d) => !TUNE_TOPICS(d.topic))) };
}

type Docs = ReturnType<typeof loadEcb>;
type Pair = { x: number[]; y: number };
const vec = (p: PairFeatures) => DECISION_FEATURES.map((k) => p[k]);

/**
 * How training pairs for the join decision are collected, on units in canonical order with IDF primed:
 * - gold: the clustering follows gold (a unit joins a story of its own subtopic, else starts one) and
 *   each retrieved story is a pair, positive when it is of the unit's subtopic — stories as they would
 *   be if every earlier decision had been right;
 * - live: the clusterer follows its own decision (the gold fit), so stories are what it really
 *   builds (fragments, a few impure ones) and a pair is positive when most of the story's units are of
 *   the unit's subtopic — the states the decision meets online;
 * - both: gold pairs, then live pairs under the weights fit on them (one round of DAgger);
 * - soft: as both, but a live pair's label is the share of the story's units of the unit's subtopic
 *   (joining a story two-thirds right is two-thirds right for B-cubed), not its majority.
 */
export type FitMode = 'gold' | 'live' | 'both' | 'soft';

function trainingPairs(docs: Docs, mode: 'gold' | 'live' | 'soft', from: DecisionWeights = DECISION_WEIGHTS, join = JOIN_PROBABILITY): Pair[] {
  const gold = new Map(docs.map((d) => [d.article.id, d.subtopic]));
  const c = new StoryClusterer({ entities: cachedEntities, weights: from, joinProbability: join });
  const units = buildUnits(docs.map((d) => d.article), null);
  const feats = units.map((u) => c.features(u));
  for (const f of feats) c.observe(f);
  const label = new Map<StoryState, string>();
  const out: Pair[] = [];
  const share = (s: StoryState, g: string) => {
    let n = 0;
    for (const u of s.units) if (gold.get(u.id) === g) n++;
    return n / s.units.length;
  };
  const majority = (s: StoryState) => {
    const n = new Map<string, number>();
    for (const u of s.units) n.set(gold.get(u.id)!, (n.get(gold.get(u.id)!) ?? 0) + 1);
    let best = '';
    let most = 0;
    for (const [g, k] of n) if (k > most || (k === most && g < best)) [best, most] = [g, k];
    return best;
  };
  units.forEach((u, i) => {
    const g = gold.get(u.id)!;
    if (mode !== 'gold') {
      c.add(u, {
        features: feats[i],
        observed: true,
        decide: (_unit, cands) => {
          for (const cand of cands) out.push({ x: vec(cand.features), y: mode === 'soft' ? share(cand.story, g) : majority(cand.story) === g ? 1 : 0 });
          const best = cands[0];
          return best && best.probability >= join ? best.story : null;
        },
      });
      return;
    }
    const s = c.add(u, {
      features: feats[i],
      observed: true,
      decide: (_unit, cands) => {
        for (const cand of cands) out.push({ x: vec(cand.features), y: label.get(cand.story) === g ? 1 : 0 });
        return cands.find((cand) => label.get(cand.story) === g)?.story ?? null;
      },
    });
    label.set(s, g);
  });
  return out;
}

/** Full-batch gradient descent on the logistic loss with a small L2 penalty. */
function fitLogistic(data: Pair[], l2 = 0.001, steps = 3000, lr = 0.5): number[] {
  const d = data[0]!.x.length;
  const w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < steps; it++) {
    const g = new Array<number>(d + 1).fill(0);
    for (const { x, y } of data) {
      let z = w[0]!;
      for (let j = 0; j < d; j++) z += w[j + 1]! * x[j]!;
      const e = 1 / (1 + Math.exp(-z)) - y;
      g[0]! += e;
      for (let j = 0; j < d; j++) g[j + 1]! += e * x[j]!;
    }
    for (let j = 0; j <= d; j++) w[j]! -= lr * (g[j]! / data.length + (j > 0 ? l2 * w[j]! : 0));
  }
  return w;
}

export interface FitConfig {
  mode: FitMode;
  /** Features left out of the fit (weight 0). */
  drop?: ReadonlySet<string>;
  /** Join threshold the live pairs are collected under. */
  join?: number;
}

/** Decision weights fit on `docs` (see FitMode); returns the weights and the pair counts. */
export function fitDecision(docs: Docs, cfg: FitConfig): { weights: DecisionWeights; pairs: number; positive: number } {
  const keep = DECISION_FEATURES.map((f, i) => (cfg.drop?.has(f) ? -1 : i)).filter((i) => i >= 0);
  const fit = (data: Pair[]): DecisionWeights => {
    const w = fitLogistic(data.map(({ x, y }) => ({ x: keep.map((i) => x[i]!), y })));
    const out = { bias: w[0]! } as DecisionWeights;
    DECISION_FEATURES.forEach((f, i) => (out[f] = keep.includes(i) ? w[keep.indexOf(i) + 1]! : 0));
    return out;
  };
  // Live pairs are collected under the gold fit of the same documents (never the shipped weights,
  // which were fit on every tuning topic and would leak a held-out fold into its own training).
  let data = trainingPairs(docs, 'gold');
  let weights = fit(data);
  if (cfg.mode !== 'gold') {
    const live = trainingPairs(docs, cfg.mode === 'soft' ? 'soft' : 'live', weights, cfg.join ?? JOIN_PROBABILITY);
    data = cfg.mode === 'live' ? live : [...data, ...live];
    weights = fit(data);
  }
  return { weights, pairs: data.length, positive: data.reduce((n, d) => n + d.y, 0) };
}

/**
 * Unit-to-unit decision for the refinement's split and fragment join: every pair of units in `docs`
 * sharing an entity or a title term (the pairs the refinement compares), positive when of one subtopic;
 * same logistic fit. Unlike the join decision's pairs these do not depend on any clustering.
 */
export function fitPairDecision(docs: Docs, drop?: ReadonlySet<string>): DecisionWeights {
  const gold = new Map(docs.map((d) => [d.article.id, d.subtopic]));
  const c = new StoryClusterer({ entities: cachedEntities, retainQueries: true });
  const units = buildUnits(docs.map((d) => d.article), null);
  const feats = units.map((u) => c.features(u));
  for (const f of feats) c.observe(f);
  units.forEach((u, i) => c.add(u, { features: feats[i], observed: true, decide: () => null }));
  const recs = c.stories().flatMap((s) => s.units);
  const keys = recs.map((r) => new Set([...r.query!.ents.keys()].map((k) => 'e:' + k).concat([...r.query!.title.keys()].map((k) => 't:' + k))));
  const data: Pair[] = [];
  for (let i = 0; i < recs.length; i++) {
    for (let j = i + 1; j < recs.length; j++) {
      let shared = false;
      for (const k of keys[i]!) if (keys[j]!.has(k)) { shared = true; break; }
      if (!shared) continue;
      const f = unitPairFeatures(recs[i]!, recs[j]!);
      if (f) data.push({ x: vec(f), y: gold.get(recs[i]!.id) === gold.get(recs[j]!.id) ? 1 : 0 });
    }
  }
  // size is constant for two units (log 2): it would only split the bias.
  const keep = DECISION_FEATURES.map((f, i) => (drop?.has(f) || f === 'size' ? -1 : i)).filter((i) => i >= 0);
  const w = fitLogistic(data.map(({ x, y }) => ({ x: keep.map((i) => x[i]!), y })));
  const out = { bias: w[0]! } as DecisionWeights;
  DECISION_FEATURES.forEach((f, i) => (out[f] = keep.includes(i) ? w[keep.indexOf(i) + 1]! : 0));
  return out;
}

/** Batch clustering of `docs` (entities cached) → article id → story id. */
function runBatch(docs: Docs, options: ClusterOptions): Map<string, string> {
  return assignment(clusterArticles(docs.map((d) => d.article), null, { inferDates: false, entities: cachedEntities, ...options }));
}

export interface CvConfig extends FitConfig {
  /** Refit the decision on the training folds (else the given or current weights are used throughout). */
  refit: boolean;
  weights?: DecisionWeights;
  joinProbability?: number;
  mergeProbability?: number;
  refine?: boolean | RefineOptions;
  /** Fit the refinement's unit-to-unit decision on the training folds too. */
  pairFit?: boolean;
  /** Or give the refinement the join decision fit in this mode (the online pass keeps `mode`'s). */
  refineMode?: FitMode;
}

/** Fits per (fold topics, fit config), so a grid over thresholds refits nothing. */
const fitMemo = new Map<string, DecisionWeights>();

/** Folds of leave-topics-out cross-validation: topics dealt round-robin in topic order. */
export const CV_FOLDS = 6;

/**
 * Leave-topics-out cross-validation inside `docs` (the tuning topics): for each fold, the decision is
 * fit on the other folds' topics, then all of `docs` is clustered as one stream (as the real eval
 * clusters its part: a fold alone would prime IDF on one or three topics and make a different problem)
 * and only the fold's documents are scored, each against its whole predicted story. B-cubed is pooled
 * over all folds' documents.
 */
export function crossValidate(docs: Docs, cfg: CvConfig, folds = CV_FOLDS, deal = 0): BCubed & { perFold: number[] } {
  const sorted = [...new Set(docs.map((d) => d.topic))].sort((a, b) => a - b);
  // Deal 0 deals topics round-robin in topic order; other deals shuffle them first (repeated CV).
  const topics = deal === 0 ? sorted : shuffle(sorted, 1000 + deal);
  const gold = new Map(docs.map((d) => [d.article.id, d.subtopic]));
  const sum = { p: 0, r: 0, n: 0 };
  const perFold: number[] = [];
  for (let k = 0; k < folds; k++) {
    const inFold = new Set(topics.filter((_, i) => i % folds === k));
    let weights = cfg.weights;
    if (cfg.refit) {
      const key = JSON.stringify([[...inFold].sort(), cfg.mode, [...(cfg.drop ?? [])].sort(), cfg.join ?? JOIN_PROBABILITY]);
      weights = fitMemo.get(key);
      if (!weights) fitMemo.set(key, (weights = fitDecision(docs.filter((d) => !inFold.has(d.topic)), cfg).weights));
    }
    let refine = cfg.refine;
    if (cfg.refineMode && refine !== false) {
      const key = JSON.stringify([[...inFold].sort(), cfg.refineMode, [...(cfg.drop ?? [])].sort(), cfg.join ?? JOIN_PROBABILITY]);
      let pairWeights = fitMemo.get(key);
      if (!pairWeights) fitMemo.set(key, (pairWeights = fitDecision(docs.filter((d) => !inFold.has(d.topic)), { ...cfg, mode: cfg.refineMode }).weights));
      refine = { ...(refine === true || refine === undefined ? {} : refine), pairWeights };
    } else if (cfg.pairFit && refine !== false) {
      const key = JSON.stringify(['pair', [...inFold].sort(), [...(cfg.drop ?? [])].sort()]);
      let pairWeights = fitMemo.get(key);
      if (!pairWeights) fitMemo.set(key, (pairWeights = fitPairDecision(docs.filter((d) => !inFold.has(d.topic)), cfg.drop)));
      refine = { ...(refine === true || refine === undefined ? {} : refine), pairWeights };
    }
    const p = runBatch(docs, { weights, joinProbability: cfg.joinProbability, mergeProbability: cfg.mergeProbability, refine });
    // Scored: the fold's documents, against their whole predicted stories (a held-out document merged
    // into a training topic's story loses precision for it).
    const only = new Set(docs.filter((d) => inFold.has(d.topic)).map((d) => d.article.id));
    const f = bcubedSums(p, gold, only);
    sum.p += f.p;
    sum.r += f.r;
    sum.n += f.n;
    const fp = f.p / f.n;
    const fr = f.r / f.n;
    perFold.push((2 * fp * fr) / (fp + fr));
  }
  const precision = sum.p / sum.n;
  const recall = sum.r / sum.n;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), perFold };
}

const f3 = (x: number) => x.toFixed(3);
const line = (name: string, b: BCubed) => `  ${name.padEnd(22)} P ${f3(b.precision)}  R ${f3(b.recall)}  F1 ${f3(b.f1)}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!ecbAvailable()) {
    console.warn(`SKIPPED cluster eval: ${DOCS} not found`);
    process.exit(0);
  }
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  // --drop a,b: fit without those features (weight 0); --mode gold|live|both|soft (default gold, as shipped).
  const drop = new Set((arg('--drop') ?? '').split(',').filter(Boolean));
  const mode = (arg('--mode') ?? 'gold') as FitMode;
  if (process.argv.includes('--fit-pair')) {
    console.log('{ ' + Object.entries(fitPairDecision(loadEcb().filter((d) => TUNE_TOPICS(d.topic)), drop)).map(([n, w]) => `${n}: ${w.toFixed(2)}`).join(', ') + ' }');
    process.exit(0);
  }
  if (process.argv.includes('--fit')) {
    const r = fitDecision(loadEcb().filter((d) => TUNE_TOPICS(d.topic)), { mode, drop, join: Number(arg('--collect') ?? JOIN_PROBABILITY) });
    console.log(`${r.pairs} pairs, ${r.positive} positive (mode ${mode})`);
    console.log('{ ' + Object.entries(r.weights).map(([n, w]) => `${n}: ${w.toFixed(2)}`).join(', ') + ' }');
    process.exit(0);
  }
  if (process.argv.includes('--cv')) {
    // Leave-topics-out cross-validation on topics 1–20 only (the held-out part is never used here):
    // fit mode × online join × fragment join-link × split threshold, each averaged over --deals.
    const docs = loadEcb().filter((d) => TUNE_TOPICS(d.topic));
    const nums = (name: string, def: string) => (arg(name) ?? def).split(',').map(Number);
    const deals = nums('--deals', '0,1,2');
    const collect = Number(arg('--collect') ?? JOIN_PROBABILITY);
    const pairFit = process.argv.includes('--pair');
    for (const m of (arg('--modes') ?? 'gold').split(',') as FitMode[]) {
      for (const j of nums('--joins', String(JOIN_PROBABILITY))) {
        for (const joinLink of nums('--links', String(JOIN_LINK))) {
          for (const splitProbability of nums('--splits', String(SPLIT_PROBABILITY))) {
            const rs = deals.map((deal) => crossValidate(docs, { refit: true, mode: m, drop, join: collect, joinProbability: j, refine: { joinLink, splitProbability }, pairFit, refineMode: arg('--refine-mode') as FitMode | undefined }, CV_FOLDS, deal));
            const mean = (k: keyof BCubed) => rs.reduce((s, r) => s + r[k], 0) / rs.length;
            console.log(`cv ${m}${pairFit ? '+pair' : ''}${arg('--refine-mode') ? ' refine ' + arg('--refine-mode') : ''} collect ${collect} join ${j} link ${joinLink} split ${splitProbability}: ${line('', { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') })}  per deal ${rs.map((r) => f3(r.f1)).join(' ')}`);
          }
        }
      }
    }
    process.exit(0);
  }
  if (process.argv.includes('--subsets')) {
    // Smaller windows with smaller events, from the tuning topics only: every subtopic thinned to k
    // documents (8 seeded draws each), clustered as one batch with the shipped decision (window gate
    // as shipped), the rare-term decision always on, and the decision without it.
    const docs = loadEcb().filter((d) => TUNE_TOPICS(d.topic));
    const bySub = new Map<string, Docs>();
    for (const d of docs) (bySub.get(d.subtopic) ?? bySub.set(d.subtopic, []).get(d.subtopic)!).push(d);
    const variants: [string, ClusterOptions][] = [
      ['shipped', {}],
      ['rare always', { rareMinWindow: 0 }],
      ['without rare', { weights: SPARSE_WINDOW_WEIGHTS, rareMinWindow: Infinity }],
    ];
    for (const k of [2, 3, 5, 8]) {
      const draws = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => [...bySub.values()].flatMap((xs) => shuffle(xs, seed * 100 + k).slice(0, k)));
      const row = variants.map(([name, opts]) => {
        const f = draws.reduce((s, b) => s + bcubed(runBatch(b, opts), new Map(b.map((d) => [d.article.id, d.subtopic]))).f1, 0) / draws.length;
        return `${name} ${f3(f)}`;
      });
      console.log(`${k} per subtopic (${draws[0]!.length} docs): ${row.join('  ')}`);
    }
    process.exit(0);
  }
  if (process.argv.includes('--sweep-refine')) {
    const docs = loadEcb().filter((d) => TUNE_TOPICS(d.topic));
    const gold = new Map(docs.map((d) => [d.article.id, d.subtopic]));
    const arts = docs.map((d) => d.article);
    console.log(`no refine: ${line('', bcubed(assignment(clusterArticles(arts, null, { inferDates: false, refine: false })), gold))}`);
    for (const splitProbability of [0, 0.3, 0.35, 0.4, 0.45, 0.5]) {
      for (const margin of [0.1, 0.2, 0.3, 0.4, 1.1]) {
        const b = bcubed(assignment(clusterArticles(arts, null, { inferDates: false, refine: { splitProbability, margin } })), gold);
        console.log(`split ${splitProbability} margin ${margin}: ${line('', b)}`);
      }
    }
    process.exit(0);
  }
  if (process.argv.includes('--sweep')) {
    // join × split × join-link on the tuning topics only (the held-out part is never swept).
    const docs = loadEcb().filter((d) => TUNE_TOPICS(d.topic));
    const gold = new Map(docs.map((d) => [d.article.id, d.subtopic]));
    const arts = docs.map((d) => d.article);
    for (const join of [0.15, 0.2, 0.25, 0.3, 0.4, 0.5]) {
      for (const splitProbability of [0.4, 0.45, 0.5]) {
        for (const joinLink of [0.5, 2]) {
          const b = bcubed(assignment(clusterArticles(arts, null, { inferDates: false, joinProbability: join, refine: { splitProbability, joinLink } })), gold);
          console.log(`join ${join} split ${splitProbability} join-link ${joinLink === 2 ? 'off' : joinLink}: ${line('', b)}`);
        }
      }
    }
    process.exit(0);
  }
  const r = evalCluster();
  console.log(`# Story clustering, ECB+ dev (weights ${JSON.stringify(DECISION_WEIGHTS)})`);
  for (const [name, p] of [['tune: topics 1–20', r.tune], ['held out: topics 21–35', r.heldOut]] as const) {
    console.log(`\n## ${name} — ${p.docs} docs, ${p.topics} topics, ${p.subtopics} subtopics → ${p.stories} stories, ${p.msPerDoc.toFixed(2)} ms/doc`);
    console.log(line('Storyweave', p.ours));
    console.log(line('all singletons', p.singletons));
    console.log(line('one per topic', p.perTopic));
    console.log(`  order: batch agreement over 5 shuffles (min B-cubed F1 vs run 1) ${f3(p.batchOrderAgreement)}; raw online order: agreement ${f3(p.onlineOrderAgreement)}, mean F1 vs gold ${f3(p.onlineShuffledF1)}`);
  }
}
