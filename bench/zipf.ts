/**
 * Zipf-distributed draws over a vocabulary of `size` ranks (rank r has weight 1/r), from a seeded
 * uniform source: the word-frequency shape of real text, for the synthetic dedup and cluster streams.
 */
export class ZipfSampler {
  private readonly cdf: Float64Array;

  constructor(
    readonly size: number,
    private readonly uniform: () => number,
  ) {
    this.cdf = new Float64Array(size);
    let sum = 0;
    for (let i = 0; i < size; i++) this.cdf[i] = sum += 1 / (i + 1);
    for (let i = 0; i < size; i++) this.cdf[i]! /= sum;
  }

  /** A 0-based rank, by binary search of the cumulative weights. */
  next(): number {
    const u = this.uniform();
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
