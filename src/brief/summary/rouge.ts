/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, computed as Google's `rouge-score` package computes them
 * (`rouge_scorer.RougeScorer([...], use_stemmer=True)`), so our figures compare with published ones:
 *
 * - tokens: lower-case, every run of characters outside [a-z0-9] becomes a space, split on whitespace;
 *   with stemming, tokens longer than 3 characters go through the Porter stemmer (the `stemmer` npm
 *   package implements Porter's original algorithm; NLTK's default mode, which rouge-score uses, adds a
 *   few extensions — e.g. "lying" → "lie" where we give "ly" — so rare words can differ);
 * - ROUGE-N: clipped n-gram overlap over the prediction's (precision) and target's (recall) n-gram counts;
 * - ROUGE-L: longest common subsequence of the two token sequences, as one sentence each;
 * - ROUGE-Lsum: summary-level LCS over newline-separated sentences (the union LCS of each target
 *   sentence against every prediction sentence, each token counted at most as often as it occurs).
 *
 * F is the harmonic mean of precision and recall, 0 when both are 0.
 */
import { stemmer } from 'stemmer';

export interface RougeScore {
  precision: number;
  recall: number;
  f: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
  rougeLsum: RougeScore;
}

/** rouge-score stems only tokens longer than this (short words are left as they are). */
const MIN_STEM_LENGTH = 3;

/**
 * rouge-score's default tokenizer.
 *
 * @example tokenize("The U.S.-led talks' failure") // → ['the', 'u', 's', 'led', 'talk', 's', 'failur']
 */
export function tokenize(text: string, stem = true): string[] {
  const words = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(/\s+/).filter((w) => w.length > 0);
  return stem ? words.map((w) => (w.length > MIN_STEM_LENGTH ? stemmer(w) : w)) : words;
}

function score(hits: number, predicted: number, target: number): RougeScore {
  const precision = predicted > 0 ? hits / predicted : 0;
  const recall = target > 0 ? hits / target : 0;
  const f = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** ROUGE-N of token sequences (`target` = reference). */
export function rougeN(target: readonly string[], prediction: readonly string[], n: number): RougeScore {
  const t = ngramCounts(target, n);
  const p = ngramCounts(prediction, n);
  let hits = 0;
  for (const [k, c] of p) hits += Math.min(c, t.get(k) ?? 0);
  let tTotal = 0;
  let pTotal = 0;
  for (const c of t.values()) tTotal += c;
  for (const c of p.values()) pTotal += c;
  return score(hits, pTotal, tTotal);
}

/** The dynamic-programming LCS table, (a.length+1) × (b.length+1), row-major. */
function lcsTable(a: readonly string[], b: readonly string[]): Uint32Array {
  const w = b.length + 1;
  const t = new Uint32Array((a.length + 1) * w);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      t[i * w + j] = a[i - 1] === b[j - 1] ? t[(i - 1) * w + j - 1]! + 1 : Math.max(t[(i - 1) * w + j]!, t[i * w + j - 1]!);
    }
  }
  return t;
}

/** ROUGE-L of two token sequences taken as one sentence each. */
export function rougeLTokens(target: readonly string[], prediction: readonly string[]): RougeScore {
  if (target.length === 0 || prediction.length === 0) return { precision: 0, recall: 0, f: 0 };
  const t = lcsTable(target, prediction);
  return score(t[t.length - 1]!, prediction.length, target.length);
}

/**
 * Indices into `ref` of one LCS with `can`, backtracked exactly as rouge-score's `_backtrack_norec`
 * does (ties move up a row), so the union LCS below matches its choices.
 */
function lcsIndices(ref: readonly string[], can: readonly string[]): number[] {
  const t = lcsTable(ref, can);
  const w = can.length + 1;
  const out: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (t[i * w + j - 1]! > t[(i - 1) * w + j]!) j--;
    else i--;
  }
  return out.reverse();
}

/** Summary-level ROUGE-L over sentences (each a token list). */
export function rougeLsumTokens(target: readonly (readonly string[])[], prediction: readonly (readonly string[])[]): RougeScore {
  const m = target.reduce((s, x) => s + x.length, 0);
  const n = prediction.reduce((s, x) => s + x.length, 0);
  if (m === 0 || n === 0) return { precision: 0, recall: 0, f: 0 };
  const countR = new Map<string, number>();
  const countC = new Map<string, number>();
  for (const s of target) for (const tok of s) countR.set(tok, (countR.get(tok) ?? 0) + 1);
  for (const s of prediction) for (const tok of s) countC.set(tok, (countC.get(tok) ?? 0) + 1);
  let hits = 0;
  for (const r of target) {
    const union = new Set<number>();
    for (const c of prediction) for (const i of lcsIndices(r, c)) union.add(i);
    for (const i of [...union].sort((x, y) => x - y)) {
      const tok = r[i]!;
      const cr = countR.get(tok) ?? 0;
      const cc = countC.get(tok) ?? 0;
      if (cr > 0 && cc > 0) {
        hits++;
        countR.set(tok, cr - 1);
        countC.set(tok, cc - 1);
      }
    }
  }
  return score(hits, n, m);
}

/**
 * All four ROUGE scores of a predicted summary against one reference, as
 * `RougeScorer(['rouge1','rouge2','rougeL','rougeLsum'], use_stemmer=True).score(target, prediction)`.
 * For ROUGE-Lsum, put one sentence per line in both texts.
 *
 * @example rouge('the cat sat on the mat', 'the cat lay on the mat').rouge1.f // → 0.8333…
 */
export function rouge(target: string, prediction: string, options: { stem?: boolean } = {}): RougeScores {
  const stem = options.stem ?? true;
  const t = tokenize(target, stem);
  const p = tokenize(prediction, stem);
  const lines = (s: string) => s.split('\n').filter((x) => x.length > 0).map((x) => tokenize(x, stem));
  return {
    rouge1: rougeN(t, p, 1),
    rouge2: rougeN(t, p, 2),
    rougeL: rougeLTokens(t, p),
    rougeLsum: rougeLsumTokens(lines(target), lines(prediction)),
  };
}
