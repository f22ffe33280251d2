/**
 * Everything the dedup stage keeps about one body: its parameters, the exact shingle set (for
 * confirmation), the MinHash signature's band keys (Jaccard candidates) and winnowed anchors
 * (containment and shared-material candidates).
 */
import { bandKeys, optimalParams, type LshParams } from './lsh.ts';
import { minhash, type MinHashParams, type MinHashSignature } from './minhash.ts';
import { bodyTokens, sequenceHash, shingleSequence, shingleSet } from './normalize.ts';
import { winnow } from './winnow.ts';

export interface FingerprintParams {
  minhash: MinHashParams;
  lsh: LshParams;
  /** Winnowing window in shingles: shared runs of ≥ winnowWindow + shingleSize − 1 words always meet. */
  winnowWindow: number;
}

/**
 * Words per shingle. Tuned on the eval/dedup.ts copy benchmark (WCXB dev gold bodies): k = 3 and 4 let
 * common phrases anchor unrelated same-topic articles; k = 5 keeps 1–3 changed words in a 60-word body
 * above the near-copy containment floor and finds 24-word shared spans with the default window.
 */
export const DEFAULT_SHINGLE_SIZE = 5;
/** Signature length: 64 bins keep the Jaccard estimate's standard error ≈ 0.06, enough for candidate search (decisions are exact). */
export const DEFAULT_NUM_PERM = 64;
export const DEFAULT_SEED = 1;
/**
 * The Jaccard threshold the LSH bands are derived from. Near copies in the copy benchmark have
 * Jaccard ≥ 0.7; 0.6 gives (10 bands × 6 rows) at 64 bins, a candidate probability of 0.99 at
 * Jaccard 0.8 with ten bucket entries per article. Partial copies are found by anchors, not bands.
 */
export const DEFAULT_LSH_THRESHOLD = 0.6;
/**
 * Winnowing window: 20 shingles guarantees any shared run of 24 words (a teaser lead, a two-sentence
 * quote) is found, at about 2/21 ≈ 10% of shingles kept as anchors.
 */
export const DEFAULT_WINNOW_WINDOW = 20;

/** Parameters for a signature scheme; the LSH bands come from the stated threshold. */
export function fingerprintParams(
  overrides: Partial<{ shingleSize: number; numPerm: number; seed: number; threshold: number; winnowWindow: number }> = {},
): FingerprintParams {
  const numPerm = overrides.numPerm ?? DEFAULT_NUM_PERM;
  return {
    minhash: { scheme: 'oph-densified', numPerm, seed: overrides.seed ?? DEFAULT_SEED, shingleSize: overrides.shingleSize ?? DEFAULT_SHINGLE_SIZE },
    lsh: optimalParams(overrides.threshold ?? DEFAULT_LSH_THRESHOLD, numPerm),
    winnowWindow: overrides.winnowWindow ?? DEFAULT_WINNOW_WINDOW,
  };
}

export const DEFAULT_FINGERPRINT_PARAMS: FingerprintParams = fingerprintParams();

export interface Fingerprint {
  params: FingerprintParams;
  /** Words in the normalised body. */
  words: number;
  /** Hash pair of the normalised word sequence: equal pairs (and equal `words`) mean an exact copy. */
  bodyHash: [number, number];
  /** Shingle hashes in text order (the query side of the longest-shared-run measure). */
  sequence: Uint32Array;
  /** Sorted distinct shingle hashes: the exact set. */
  set: Uint32Array;
  signature: MinHashSignature;
  bands: Uint32Array;
  /**
   * Winnowed anchors; a body of at most `winnowWindow` shingles (≤ 24 words) keeps every shingle, since
   * its single winnowed minimum need not be what the full article selects around the same words.
   */
  anchors: Uint32Array;
  /** Winnowing windows the anchors stand for: 1 for a short body (all its shingles), else the anchor count. */
  anchorWindows: number;
}

/**
 * Fingerprint of a body given as paragraphs.
 *
 * @example const fp = fingerprintBody(article.paragraphs); fp.set.length // distinct 5-word shingles
 */
export function fingerprintBody(paragraphs: readonly string[], params: FingerprintParams = DEFAULT_FINGERPRINT_PARAMS): Fingerprint {
  const { tokens } = bodyTokens(paragraphs);
  const sequence = shingleSequence(tokens, params.minhash.shingleSize);
  const set = shingleSet(sequence);
  const signature = minhash(set, params.minhash);
  const short = sequence.length <= params.winnowWindow;
  const anchors = short ? set : winnow(sequence, params.winnowWindow);
  return {
    params,
    words: tokens.length,
    bodyHash: sequenceHash(tokens),
    sequence,
    set,
    signature,
    bands: set.length > 0 ? bandKeys(signature.values, params.lsh) : new Uint32Array(0),
    anchors,
    anchorWindows: short ? Math.min(1, set.length) : anchors.length,
  };
}
