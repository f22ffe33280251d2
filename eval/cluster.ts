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
 *   node --import tsx eval/cluster.ts --fit      # refit DECISION_WEIGHTS on topics 1–20 and print them
 *   node --import tsx eval/cluster.ts --sweep    # join / split / join-link sweep on topics 1–20
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED, seededRng } from './lib.ts';
import { StoryClusterer, buildUnits, clusterArticles, DECISION_WEIGHTS, type ClusterArticle, type PairFeatures, type StoryState } from '../src/cluster/index.ts';

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
export function bcubed(pred: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  const byPred = new Map<string, string[]>();
  const byGold = new Map<string, string[]>();
  for (const [i, c] of pred) (byPred.get(c) ?? byPred.set(c, []).get(c)!).push(i);
  for (const [i, c] of gold) (byGold.get(c) ?? byGold.set(c, []).get(c)!).push(i);
  let p = 0;
  let r = 0;
  let n = 0;
  for (const [i, c] of pred) {
    const g = gold.get(i);
    if (g === undefined) continue;
    const pc = byPred.get(c)!;
    const gc = byGold.get(g)!;
    const gs = new Set(gc);
    let both = 0;
    for (const j of pc) if (gs.has(j) && pred.has(j)) both++;
    p += both / pc.length;
    r += both / gc.length;
    n++;
  }
  const precision = p / n;
  const recall = r / n;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
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

/** Online clustering in the given order (no canonical reordering, IDF learned as the stream goes). */
function online(articles: readonly ClusterArticle[]): Map<string, string> {
  const c = new StoryClusterer();
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
  const pred = assignment(stories);
  const runs = [0, 1, 2, 3, 4].map((seed) => assignment(clusterArticles(shuffle(articles, seed + 1), null, { inferDates: false })));
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

/**
 * Training pairs for the merge decision: units of the tuning topics in canonical order, each scored
 * against every retrieved story while the clustering follows gold (a unit joins a story of its own
 * subtopic, else starts one). Label = the story's subtopic is the unit's.
 */
function trainingPairs(docs: ReturnType<typeof loadEcb>): { x: number[]; y: number }[] {
  const gold = new Map(docs.map((d) => [d.article.id, d.subtopic]));
  const c = new StoryClusterer();
  const units = buildUnits(docs.map((d) => d.article), null);
  const feats = units.map((u) => c.features(u));
  for (const f of feats) c.observe(f);
  const label = new Map<StoryState, string>();
  const out: { x: number[]; y: number }[] = [];
  units.forEach((u, i) => {
    const g = gold.get(u.id)!;
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
const FEATURES = ['text', 'entity', 'title', 'number', 'size', 'people', 'personConflict', 'placeConflict', 'yearConflict'] as const;
const vec = (p: PairFeatures) => FEATURES.map((k) => p[k]);

/** Full-batch gradient descent on the logistic loss with a small L2 penalty. */
function fitLogistic(data: { x: number[]; y: number }[], l2 = 0.001, steps = 3000, lr = 0.5): number[] {
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

const f3 = (x: number) => x.toFixed(3);
const line = (name: string, b: BCubed) => `  ${name.padEnd(22)} P ${f3(b.precision)}  R ${f3(b.recall)}  F1 ${f3(b.f1)}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!ecbAvailable()) {
    console.warn(`SKIPPED cluster eval: ${DOCS} not found`);
    process.exit(0);
  }
  if (process.argv.includes('--fit')) {
    // --drop a,b: fit without those features (their weight printed as 0).
    const at = process.argv.indexOf('--drop');
    const drop = new Set(at >= 0 ? (process.argv[at + 1] ?? '').split(',') : []);
    const keep = FEATURES.map((f, i) => (drop.has(f) ? -1 : i)).filter((i) => i >= 0);
    const data = trainingPairs(loadEcb().filter((d) => TUNE_TOPICS(d.topic))).map(({ x, y }) => ({ x: keep.map((i) => x[i]!), y }));
    const fit = fitLogistic(data);
    const w = [fit[0]!, ...FEATURES.map((_, i) => (keep.includes(i) ? fit[keep.indexOf(i) + 1]! : 0))];
    const names = ['bias', ...FEATURES];
    console.log(`${data.length} pairs, ${data.filter((d) => d.y === 1).length} positive`);
    console.log('{ ' + names.map((n, i) => `${n}: ${w[i]!.toFixed(2)}`).join(', ') + ' }');
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
