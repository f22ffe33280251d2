/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): from every window of `w` consecutive shingles keep the
 * smallest hash (the rightmost on ties). Any run of at least w shingles — w + k − 1 words — that two
 * bodies share selects the same anchor in both, whatever surrounds it. That guarantee is what finds a
 * teaser inside its full article, an article inside a page that added paragraphs, and a quote two
 * reports share, none of which a Jaccard threshold can see.
 */

/**
 * Distinct anchor hashes of a shingle sequence (order of first selection).
 *
 * @example winnow(shingleSequence(tokens, 5), 20).length // about 2/(w+1) of the shingles
 */
export function winnow(seq: Uint32Array, w: number): Uint32Array {
  const n = seq.length;
  if (n === 0) return new Uint32Array(0);
  if (n <= w) {
    let min = seq[0]!;
    for (let i = 1; i < n; i++) if (seq[i]! <= min) min = seq[i]!;
    return Uint32Array.of(min);
  }
  const picked: number[] = [];
  let minPos = -1;
  for (let start = 0; start + w <= n; start++) {
    if (minPos < start) {
      // The previous minimum left the window: rescan it.
      minPos = start;
      for (let i = start + 1; i < start + w; i++) if (seq[i]! <= seq[minPos]!) minPos = i;
      picked.push(seq[minPos]!);
    } else {
      const last = start + w - 1;
      if (seq[last]! <= seq[minPos]!) {
        minPos = last;
        picked.push(seq[minPos]!);
      }
    }
  }
  return Uint32Array.from(new Set(picked));
}
