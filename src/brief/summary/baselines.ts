/**
 * Baselines the summary is measured against in `npm run eval`, over the same sentences (copies once,
 * the same eligibility filter) and the same word budget, so the comparison is about ranking:
 *
 * - LexRank (Erkan & Radev 2004): a graph over the story's sentences with an edge where their TF-IDF
 *   cosine is at least 0.1, degree-normalised, ranked by power iteration with damping 0.85; sentences
 *   are taken by score, skipping one nearly identical (cosine ≥ 0.5) to one already taken, a light form
 *   of the paper's redundancy step;
 * - lead, round-robin: the first eligible sentence of each unit in publication order (earliest first,
 *   input order among undated), then each unit's second, and so on, skipping near-repeats.
 */
import { analyseStory, cosine, similarRow, type StorySentence, type SummaryInput } from './sentences.ts';
import { DEFAULT_SUMMARY_WORDS, packToBudget } from './budget.ts';

/** LexRank's edge threshold on cosine, as in Erkan & Radev (2004). */
export const LEXRANK_THRESHOLD = 0.1;
export const LEXRANK_DAMPING = 0.85;
const LEXRANK_TOLERANCE = 1e-6;
const LEXRANK_MAX_ITERATIONS = 200;
/** Both baselines skip a sentence this close to one already taken (the same wording from another copy or update). */
export const BASELINE_REDUNDANT_SIM = 0.5;

const notRedundant = (s: StorySentence, taken: readonly StorySentence[]) => taken.every((t) => cosine(t, s) < BASELINE_REDUNDANT_SIM);

/** LexRank scores (stationary distribution) of the eligible sentences, by sentence index. */
export function lexRankScores(input: SummaryInput): { sentences: StorySentence[]; scores: Map<number, number> } {
  const analysis = analyseStory(input);
  const pool = analysis.sentences.filter((s) => !s.ineligible);
  const at = new Map(pool.map((s, i) => [s.index, i]));
  const n = pool.length;
  const edges: number[][] = pool.map(() => []);
  const acc = new Float64Array(analysis.sentences.length);
  for (const s of pool) {
    similarRow(analysis, s, acc, [], (t, sim) => {
      const j = at.get(t);
      if (j !== undefined && sim >= LEXRANK_THRESHOLD) edges[at.get(s.index)!]!.push(j);
    });
  }
  // Each node also links to itself (cosine 1 ≥ threshold), as the paper's similarity matrix includes the diagonal.
  let p = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < LEXRANK_MAX_ITERATIONS; it++) {
    const next = new Float64Array(n).fill((1 - LEXRANK_DAMPING) / n);
    for (let i = 0; i < n; i++) {
      const share = (LEXRANK_DAMPING * p[i]!) / (edges[i]!.length + 1);
      next[i]! += share;
      for (const j of edges[i]!) next[j]! += share;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - p[i]!);
    p = next;
    if (delta < LEXRANK_TOLERANCE) break;
  }
  return { sentences: pool, scores: new Map(pool.map((s, i) => [s.index, p[i]!])) };
}

/** The LexRank summary's sentences, highest score first. */
export function lexRank(input: SummaryInput, options: { words?: number } = {}): StorySentence[] {
  const { sentences, scores } = lexRankScores(input);
  const ranked = [...sentences].sort((a, b) => scores.get(b.index)! - scores.get(a.index)! || a.index - b.index);
  return packToBudget(ranked, options.words ?? DEFAULT_SUMMARY_WORDS, notRedundant);
}

/** Round-robin leads across the story's units, earliest first. */
export function leadBaseline(input: SummaryInput, options: { words?: number } = {}): StorySentence[] {
  const analysis = analyseStory(input);
  const queues = analysis.units.map((u) => u.sentences.map((i) => analysis.sentences[i]!).filter((s) => !s.ineligible));
  const ranked: StorySentence[] = [];
  for (let round = 0; queues.some((q) => round < q.length); round++) for (const q of queues) if (round < q.length) ranked.push(q[round]!);
  return packToBudget(ranked, options.words ?? DEFAULT_SUMMARY_WORDS, notRedundant);
}
