/**
 * Dedup stage: Article[] → DedupResult (copy relations, copy groups with a canonical article, each
 * article's originalSource after propagation), and a streaming DedupIndex with a sliding window.
 * Pure: no I/O, no clock.
 *
 * Pipeline: normalise the body (NFKC, case, quote/dash styles, punctuation and white space folded) →
 * 5-word shingles → MinHash signature (parameters carried) → LSH bands from a stated Jaccard threshold
 * plus winnowed anchors for contained copies and shared quotes → exact Jaccard/containment/longest
 * shared run on every candidate → relation → groups.
 */
export { dedupArticles, independentSources, buildGroups, type DedupArticle, type DedupOptions, type IndependentSource } from './groups.ts';
export { DedupIndex, MAX_BUCKET_SCAN, CROWDED_ANCHOR_BUCKET, type AddResult, type DedupIndexOptions } from './stream.ts';
export {
  fingerprintBody,
  fingerprintParams,
  DEFAULT_FINGERPRINT_PARAMS,
  type Fingerprint,
  type FingerprintParams,
} from './fingerprint.ts';
export { estimateJaccard, FingerprintMismatchError, type MinHashSignature, type MinHashParams } from './minhash.ts';
export { optimalParams, type LshParams } from './lsh.ts';
export { classifyPair, scorePair, type PairScores } from './compare.ts';
