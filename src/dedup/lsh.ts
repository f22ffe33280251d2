/**
 * LSH banding parameters derived from a stated Jaccard threshold, as datasketch's MinHashLSH does:
 * choose (bands, rows) with bands × rows ≤ numPerm minimising the weighted area under the
 * false-positive curve (similarity below the threshold) and the false-negative curve (above it),
 * where a pair of similarity s becomes a candidate with probability 1 − (1 − s^rows)^bands.
 */
import { combine, mix32 } from './hash.ts';

export interface LshParams {
  threshold: number;
  bands: number;
  rows: number;
}

/** Simpson's rule; the integrands are smooth polynomials in s, so 64 intervals are ample. */
function integrate(f: (s: number) => number, lo: number, hi: number): number {
  const n = 64;
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += f(lo + i * h) * (i % 2 ? 4 : 2);
  return (sum * h) / 3;
}

/** Probability that a pair of Jaccard similarity s shares at least one band. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

/**
 * (bands, rows) for a Jaccard threshold, minimising fpWeight × P(false positive) + fnWeight × P(false negative).
 *
 * @example optimalParams(0.5, 64) // { threshold: 0.5, bands: …, rows: … }
 */
export function optimalParams(threshold: number, numPerm: number, fpWeight = 0.5, fnWeight = 0.5): LshParams {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`LSH threshold must be in (0, 1), got ${threshold}`);
  let best: LshParams = { threshold, bands: 1, rows: numPerm };
  let bestError = Infinity;
  for (let b = 1; b <= numPerm; b++) {
    for (let r = 1; r <= Math.floor(numPerm / b); r++) {
      const fp = integrate((s) => candidateProbability(s, b, r), 0, threshold);
      const fn = integrate((s) => 1 - candidateProbability(s, b, r), threshold, 1);
      const error = fp * fpWeight + fn * fnWeight;
      if (error < bestError) {
        bestError = error;
        best = { threshold, bands: b, rows: r };
      }
    }
  }
  return best;
}

/** One 32-bit bucket key per band of a signature; the band number is part of the key. */
export function bandKeys(values: Uint32Array, lsh: LshParams): Uint32Array {
  const keys = new Uint32Array(lsh.bands);
  for (let b = 0; b < lsh.bands; b++) {
    let h = mix32((b + 1) * 0x9e3779b1);
    for (let r = 0; r < lsh.rows; r++) h = combine(h, values[b * lsh.rows + r]!);
    keys[b] = mix32(h);
  }
  return keys;
}
