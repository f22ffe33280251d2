/**
 * Exact confirmation: every candidate pair is measured on the full shingle sets before any decision,
 * and the decision is a small table of thresholds over those measures.
 */
import type { CopyKind } from '../records/index.ts';

export interface PairScores {
  jaccard: number;
  /** Share of the first body's shingles found in the second. */
  containmentA: number;
  /** Share of the second body's shingles found in the first. */
  containmentB: number;
  shared: number;
  longestSharedWords: number;
  exact: boolean;
}

/** Size of the intersection of two sorted, distinct Uint32Arrays (a merge walk). */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function has(sorted: Uint32Array, v: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = sorted[mid]!;
    if (m === v) return true;
    if (m < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Longest run of consecutive shingles of `seq` that all occur in `set`, as words (run + k − 1). */
export function longestSharedWords(seq: Uint32Array, set: Uint32Array, shingleSize: number): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < seq.length; i++) {
    if (has(set, seq[i]!)) {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best === 0 ? 0 : best + shingleSize - 1;
}

/**
 * The exact measures of one pair. `seqA` is the first body's shingles in text order, `setA`/`setB`
 * the sorted distinct sets; `exact` is decided by the caller from the normalised-body hashes.
 */
export function scorePair(seqA: Uint32Array, setA: Uint32Array, setB: Uint32Array, shingleSize: number, exact: boolean): PairScores {
  const shared = intersectionSize(setA, setB);
  const union = setA.length + setB.length - shared;
  return {
    jaccard: union === 0 ? 0 : shared / union,
    containmentA: setA.length === 0 ? 0 : shared / setA.length,
    containmentB: setB.length === 0 ? 0 : shared / setB.length,
    shared,
    // A run of r words needs r − k + 1 shared shingles, so with fewer shared the pair cannot be shared
    // material, and a body of ≥ 64 shingles cannot be a copy either: skip the walk (reported as 0).
    longestSharedWords:
      shared === 0 || (shared < SHARED_MATERIAL_MIN_WORDS - shingleSize + 1 && seqA.length >= 64) ? 0 : longestSharedWords(seqA, setB, shingleSize),
    exact,
  };
}

/**
 * Near copy: each body keeps at least this share of the other's shingles. Tuned on the copy benchmark
 * (eval/dedup.ts): three changed words in a 60-word body leave ≈ 0.75 each way; a dropped last
 * paragraph of ≤ 15% leaves ≥ 0.85; independent same-topic reports stay under 0.3.
 */
export const NEAR_MIN_CONTAINMENT = 0.7;
/**
 * Partial copy: the smaller body is this much contained in the larger (a teaser, a truncated copy, an
 * article inside a page with extra paragraphs). The copy benchmark's teasers and truncations score
 * ≥ 0.95; two different reports sharing two or three quoted sentences score ≤ 0.4 when each is ≥ 150 words.
 */
export const PARTIAL_MIN_CONTAINMENT = 0.8;
/**
 * Shared material: the longest common run of words. 12 words is a full quoted clause; shorter runs
 * are stock phrases ("said in a statement on Monday") that unrelated reports share.
 */
export const SHARED_MATERIAL_MIN_WORDS = 12;
/** A partial copy shares at least this many shingles (≈ 12 words): a two-word body inside another is no copy. */
export const PARTIAL_MIN_SHARED = 8;

/** The relation the measures support, or null when the pair shares nothing worth recording. */
export function classifyPair(s: PairScores): CopyKind | null {
  if (s.exact) return 'exact';
  const lo = Math.min(s.containmentA, s.containmentB);
  const hi = Math.max(s.containmentA, s.containmentB);
  if (lo >= NEAR_MIN_CONTAINMENT) return 'near';
  if (hi >= PARTIAL_MIN_CONTAINMENT && s.shared >= PARTIAL_MIN_SHARED) return 'partial';
  if (s.longestSharedWords >= SHARED_MATERIAL_MIN_WORDS) return 'shares-material';
  return null;
}

/** Copies are the relations that merge articles into one group. */
export function isCopy(kind: CopyKind | null): kind is 'exact' | 'near' | 'partial' {
  return kind === 'exact' || kind === 'near' || kind === 'partial';
}
