/**
 * The brief's summary: extractive, most important first, no fact said twice, every sentence with the
 * articles and independent sources that state it; and, per source, what only that source reports.
 *
 * Importance of a sentence (all parts in [0, 1]):
 * - centrality: cosine to the story centroid, where each independent source weighs once (the mean of
 *   its units' vectors), so a wire's three copies or its two updates do not outvote an outlet;
 * - corroboration: for each other independent source, how closely its nearest sentence says the same
 *   thing, summed and divided by the number of other sources;
 * - position: news leads carry the story, so a sentence's weight falls with its place in its article.
 * Sentences are then picked greedily by maximal marginal relevance (importance minus redundancy with
 * what is already picked) until the word budget is met; a picked sentence takes over the articles and
 * sources of the other sources' sentences that state the same fact.
 *
 * @example
 *   const summary = summarise({ articles, sourceOf, unitOf, dateOf }, { words: 120 });
 *   for (const s of summary) console.log(s.text, s.sources.join(', '), s.singleSource ? '(single source)' : '');
 */
import type { SummarySentence } from '../types.ts';
import { BUDGET_OVERSHOOT, DEFAULT_SUMMARY_WORDS } from './budget.ts';
import { analyseStory, similarRow, cosine, type StoryAnalysis, type StorySentence, type SummaryInput } from './sentences.ts';

export type { SummaryInput } from './sentences.ts';
export { rouge, tokenize, type RougeScore, type RougeScores } from './rouge.ts';
export { lexRank, leadBaseline } from './baselines.ts';
export { DEFAULT_SUMMARY_WORDS, packToBudget } from './budget.ts';


/**
 * The tuned parameters of the summariser, in one place. Tuned by grid search on the tuning stories
 * (seeds, the three example stories and the five ECB+ subtopics from topics 1–20: mean ROUGE-1 + ROUGE-2
 * F against our references), then checked unchanged on the eight held-out ECB+ subtopics (topics 21–35);
 * see eval/summary.ts --tune.
 */
export interface SummaryParams {
  /** Weight of centrality: cosine to the story centroid where each independent source weighs once. */
  centrality: number;
  /** Weight of corroboration: share of the other independent sources stating the same thing. */
  corroboration: number;
  /** Weight of position: news leads carry the story. */
  position: number;
  /** A sentence's position weight halves after this many sentences of its article (1 at the lead). */
  positionHalfLife: number;
  /** Factor for sentences mostly inside quotation marks: colour rather than the facts an editor leads with. */
  quotedFactor: number;
  /** Factor for sentences opening with a pronoun or connective: they lean on the sentence before them. */
  danglingFactor: number;
  /** Corroboration by one source saturates at this cosine. */
  corroborationFullSim: number;
  /** MMR trade-off between importance (λ) and redundancy with the sentences already picked. */
  mmrLambda: number;
  /**
   * Cosine at and above which two sentences of different units state the same fact: the summary never
   * holds both, and the picked one cites the other's articles and source. On the seeds the two wordings
   * of the Lavrov talks announcement (New York Times, Reuters, DW) score 0.35–0.5, sentences that only
   * share the story's names under 0.25; the grid search preferred 0.4 among 0.25–0.5.
   */
  sameFactSim: number;
  /**
   * A candidate whose weighted terms the summary so far already holds to this share adds nothing new
   * (short restatements of the lead in other words: "A fire has badly damaged the Waitrose in
   * Wellington"), and is skipped; 1 turns the test off. Off by default: at 0.5–0.7 it raised the
   * held-out ECB+ means (R2 0.269 → 0.283 at 0.5) but lowered the tuning ones (0.228 → 0.214), and the
   * parameters are chosen on the tuning stories only.
   */
  coveredSkip: number;
}

export const DEFAULT_SUMMARY_PARAMS: Readonly<SummaryParams> = Object.freeze({
  // Grid-searched (eval/summary.ts --tune, 2026-12-07): tuning mean (R1+R2)/2 0.388, held-out 0.411;
  // re-run after the figure-aware attribution and demonym terms: still within 0.002 of the best setting.
  centrality: 1.0,
  corroboration: 1.0,
  position: 0.15,
  positionHalfLife: 10,
  sameFactSim: 0.4,
  coveredSkip: 1,
  mmrLambda: 0.6,
  // Not tuned (set by reading summaries of the seeds and examples): a mild preference, not a filter.
  quotedFactor: 0.8,
  danglingFactor: 0.75,
  corroborationFullSim: 0.5,
});

const DANGLING_RE = /^(?:he|she|they|it|this|these|those|that|his|her|their|its|but|and|also|however|meanwhile|still|yet|so)\b/i;

interface AnalysedStory {
  analysis: StoryAnalysis;
  /** Per sentence and source: the highest cosine of any sentence of that source (own source excluded). */
  bestBySource: Float32Array;
  /** Cosine of each sentence to the source-weighted centroid, divided by the highest among eligible sentences. */
  centrality: Float64Array;
}

export interface ScoredStory extends AnalysedStory {
  importance: Float64Array;
}

const cache = new WeakMap<SummaryInput, AnalysedStory>();

function analysed(input: SummaryInput): AnalysedStory {
  const hit = cache.get(input);
  if (hit) return hit;
  const analysis = analyseStory(input);
  const { sentences, sources } = analysis;
  const nSources = sources.length;
  const bestBySource = new Float32Array(sentences.length * nSources);
  const acc = new Float64Array(sentences.length);
  const touched: number[] = [];
  for (const s of sentences) {
    if (s.ineligible) continue;
    const row = s.index * nSources;
    similarRow(analysis, s, acc, touched, (t, sim) => {
      const src = sentences[t]!.sourceIndex;
      if (src !== s.sourceIndex && sim > bestBySource[row + src]!) bestBySource[row + src] = sim;
    });
  }
  const centroid = sourceCentroid(analysis);
  const centrality = new Float64Array(sentences.length);
  let max = 0;
  for (const s of sentences) {
    let dot = 0;
    for (let k = 0; k < s.terms.length; k++) dot += s.weights[k]! * (centroid.get(s.terms[k]!) ?? 0);
    centrality[s.index] = dot;
    if (!s.ineligible) max = Math.max(max, dot);
  }
  if (max > 0) for (let i = 0; i < centrality.length; i++) centrality[i]! /= max;
  const out = { analysis, bestBySource, centrality };
  cache.set(input, out);
  return out;
}

/**
 * Importance of every sentence of a story (0 for ineligible ones). The analysis is cached per input
 * object, so summarise and exclusiveFacts called on one input split and compare its sentences once.
 */
export function scoreStory(input: SummaryInput, params: Readonly<SummaryParams> = DEFAULT_SUMMARY_PARAMS): ScoredStory {
  const base = analysed(input);
  const { sentences, sources } = base.analysis;
  const nSources = sources.length;
  const importance = new Float64Array(sentences.length);
  for (const s of sentences) {
    if (s.ineligible) continue;
    let corroboration = 0;
    if (nSources > 1) {
      for (let k = 0; k < nSources; k++) corroboration += Math.min(1, base.bestBySource[s.index * nSources + k]! / params.corroborationFullSim);
      corroboration /= nSources - 1;
    }
    const position = params.positionHalfLife / (params.positionHalfLife + s.ordinal);
    let score = params.centrality * base.centrality[s.index]! + params.corroboration * corroboration + params.position * position;
    if (s.quoted > 0.5) score *= params.quotedFactor;
    if (DANGLING_RE.test(s.text)) score *= params.danglingFactor;
    importance[s.index] = score;
  }
  return { ...base, importance };
}

/** Unit-length centroid where each source's units are averaged first, so every source weighs once. */
function sourceCentroid(analysis: StoryAnalysis): Map<number, number> {
  const bySource = new Map<string, Map<number, number>[]>();
  for (const u of analysis.units) {
    const v = new Map<number, number>();
    for (const i of u.sentences) {
      const s = analysis.sentences[i]!;
      for (let k = 0; k < s.terms.length; k++) v.set(s.terms[k]!, (v.get(s.terms[k]!) ?? 0) + s.weights[k]!);
    }
    const norm = Math.hypot(...v.values()) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    (bySource.get(u.source) ?? bySource.set(u.source, []).get(u.source)!).push(v);
  }
  const c = new Map<number, number>();
  for (const vs of bySource.values()) for (const v of vs) for (const [k, x] of v) c.set(k, (c.get(k) ?? 0) + x / vs.length);
  const norm = Math.hypot(...c.values()) || 1;
  for (const [k, x] of c) c.set(k, x / norm);
  return c;
}

/**
 * The summary of one story, most important sentence first, about `words` words (default 120).
 *
 * @example summarise(input).map((s) => s.text).join(' ')
 */
export function summarise(input: SummaryInput, options: { words?: number; params?: Readonly<SummaryParams> } = {}): SummarySentence[] {
  const words = options.words ?? DEFAULT_SUMMARY_WORDS;
  const params = options.params ?? DEFAULT_SUMMARY_PARAMS;
  const { analysis, importance } = scoreStory(input, params);
  const { sentences } = analysis;
  const pool = sentences.filter((s) => !s.ineligible);
  if (pool.length === 0) return [];
  const maxImportance = Math.max(...pool.map((s) => importance[s.index]!)) || 1;

  const picked: StorySentence[] = [];
  const covered = new Uint8Array(analysis.postStart.length);
  const redundancy = new Float64Array(sentences.length);
  const skipped = new Set<number>();
  let total = 0;
  while (total < words) {
    let best: StorySentence | null = null;
    let bestScore = -Infinity;
    for (const s of pool) {
      if (skipped.has(s.index) || redundancy[s.index]! >= params.sameFactSim) continue;
      if (params.coveredSkip < 1) {
        let cov = 0;
        for (let k = 0; k < s.terms.length; k++) if (covered[s.terms[k]!]) cov += s.weights[k]! * s.weights[k]!;
        if (cov >= params.coveredSkip) continue;
      }
      if (total > 0 && total + s.words > words * (1 + BUDGET_OVERSHOOT)) continue;
      const mmr = params.mmrLambda * (importance[s.index]! / maxImportance) - (1 - params.mmrLambda) * redundancy[s.index]!;
      if (mmr > bestScore) {
        bestScore = mmr;
        best = s;
      }
    }
    if (!best) break;
    picked.push(best);
    skipped.add(best.index);
    total += best.words;
    for (const s of pool) redundancy[s.index] = Math.max(redundancy[s.index]!, cosine(best, s));
    for (const t of best.terms) covered[t] = 1;
  }
  return picked.map((s) => toSummarySentence(analysis, s, params.sameFactSim));
}

/**
 * Attribution when both sentences state figures: when one's figures are all among the other's (nine
 * dead and 31 missing, in two wordings), a looser wording counts as the same fact, down to this cosine;
 * otherwise they disagree or count different things (eight killed / seven killed in the seeds) and the
 * other sentence is not cited, however close the wording. Set on the dam story, where the independent
 * restatement of the first toll scores 0.24 against the wire's lead.
 */
export const SAME_FIGURES_SIM = 0.2;

/** True when `other` states the same fact as `s` for citation purposes (see SAME_FIGURES_SIM). */
export function sameFact(s: StorySentence, other: StorySentence, sim: number, sameFactSim: number): boolean {
  if (s.numbers.length > 0 && other.numbers.length > 0) {
    const [small, large] = s.numbers.length <= other.numbers.length ? [s.numbers, other.numbers] : [other.numbers, s.numbers];
    return small.every((n) => large.includes(n)) && sim >= Math.min(SAME_FIGURES_SIM, sameFactSim);
  }
  return sim >= sameFactSim;
}

/** The summary record of a picked sentence, with the articles and sources of every sentence stating the same fact. */
function toSummarySentence(analysis: StoryAnalysis, s: StorySentence, sameFactSim: number): SummarySentence {
  const articleIds = [...s.articleIds];
  const sources = new Set([s.source]);
  const acc = new Float64Array(analysis.sentences.length);
  const same: { t: StorySentence; sim: number }[] = [];
  similarRow(analysis, s, acc, [], (t, sim) => {
    const other = analysis.sentences[t]!;
    if (other.ineligible === 'other-language' || other.unit === s.unit) return;
    if (sameFact(s, other, sim, sameFactSim)) same.push({ t: other, sim });
  });
  same.sort((a, b) => b.sim - a.sim || a.t.index - b.t.index);
  for (const { t } of same) {
    sources.add(t.source);
    for (const id of t.articleIds) if (!articleIds.includes(id)) articleIds.push(id);
  }
  return {
    text: s.text,
    articleId: s.articleId,
    paragraph: s.paragraph,
    articleIds,
    sources: [s.source, ...[...sources].filter((x) => x !== s.source).sort()],
    singleSource: sources.size === 1,
  };
}

/** Per source, how many exclusive facts to list by default. */
export const DEFAULT_EXCLUSIVE_PER_SOURCE = 3;
/**
 * A sentence is exclusive to its source when no sentence of any other source comes this close: under
 * the same-fact cosine with a margin, so a fact another outlet words differently is not called exclusive.
 */
export const EXCLUSIVE_MAX_SIM = 0.25;
/**
 * …and when no other source's text, taken whole, holds this share of its weighted terms: a paraphrase
 * spread over another outlet's sentences ("Russia will hold talks with the US this week" against "the
 * Russian government said it would start talks with Washington … this week") shares too few words with
 * any one sentence for cosine to see it. Set on the seeds and the three example stories by reading the
 * lists: at 0.6 the lead facts every outlet reports drop out, facts with their own names and figures stay.
 */
export const EXCLUSIVE_MAX_COVERAGE = 0.6;
/** Two exclusive facts of one source this close say the same thing: only the more important is listed. */
const EXCLUSIVE_REDUNDANT_SIM = 0.5;

/**
 * What each independent source alone reports: its informative sentences that no other source states,
 * most important first, at most `perSource` (default 3) each and none repeating another. Sources whose
 * articles are in another language than the story's are not compared (their lists stay empty), and a
 * story with a single source has nothing to compare against (every list is empty).
 *
 * @example exclusiveFacts(input).get('Reuters') // → [{ text: 'The United Nations says …', articleId: '…' }, …]
 */
export function exclusiveFacts(input: SummaryInput, options: { perSource?: number } = {}): Map<string, { text: string; articleId: string }[]> {
  const perSource = options.perSource ?? DEFAULT_EXCLUSIVE_PER_SOURCE;
  const { analysis, importance, bestBySource } = scoreStory(input);
  const { sentences, sources } = analysis;
  const comparable = new Set(sentences.filter((s) => s.ineligible !== 'other-language').map((s) => s.sourceIndex));
  const out = new Map<string, { text: string; articleId: string }[]>(sources.map((name) => [name, []]));
  if (comparable.size < 2) return out;
  // For each term, the comparable sources whose text uses it (each once).
  const { postStart, postIds } = analysis;
  const nTerms = postStart.length - 1;
  const termSourceStart = new Int32Array(nTerms + 1);
  const termSources: number[] = [];
  const stamp = new Int32Array(sources.length).fill(-1);
  for (let t = 0; t < nTerms; t++) {
    for (let q = postStart[t]!; q < postStart[t + 1]!; q++) {
      const k = sentences[postIds[q]!]!.sourceIndex;
      if (stamp[k] === t || !comparable.has(k)) continue;
      stamp[k] = t;
      termSources.push(k);
    }
    termSourceStart[t + 1] = termSources.length;
  }
  const mass = new Float64Array(sources.length);
  const touched: number[] = [];
  /** Highest share of s's squared term weights that one other source's whole text holds. */
  const coverage = (s: StorySentence): number => {
    touched.length = 0;
    for (let i = 0; i < s.terms.length; i++) {
      const t = s.terms[i]!;
      const w2 = s.weights[i]! * s.weights[i]!;
      for (let q = termSourceStart[t]!; q < termSourceStart[t + 1]!; q++) {
        const k = termSources[q]!;
        if (k === s.sourceIndex) continue;
        if (mass[k] === 0) touched.push(k);
        mass[k]! += w2;
      }
    }
    let best = 0;
    for (const k of touched) {
      best = Math.max(best, mass[k]!);
      mass[k] = 0;
    }
    return best;
  };
  const bySource = new Map<number, StorySentence[]>();
  for (const s of sentences) {
    if (s.ineligible) continue;
    let best = 0;
    for (const k of comparable) if (k !== s.sourceIndex) best = Math.max(best, bestBySource[s.index * sources.length + k]!);
    if (best >= EXCLUSIVE_MAX_SIM || coverage(s) >= EXCLUSIVE_MAX_COVERAGE) continue;
    (bySource.get(s.sourceIndex) ?? bySource.set(s.sourceIndex, []).get(s.sourceIndex)!).push(s);
  }
  for (const [k, list] of bySource) {
    list.sort((a, b) => importance[b.index]! - importance[a.index]! || a.index - b.index);
    const chosen: StorySentence[] = [];
    for (const s of list) {
      if (chosen.length >= perSource) break;
      if (chosen.some((c) => cosine(c, s) >= EXCLUSIVE_REDUNDANT_SIM)) continue;
      chosen.push(s);
    }
    out.set(sources[k]!, chosen.map((s) => ({ text: s.text, articleId: s.articleId })));
  }
  return out;
}
