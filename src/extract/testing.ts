/**
 * Test helpers for the extract stage: seeded strings glued from pieces, for the fuzz tests that hold a
 * fast path (a gate, a scan, a pattern rewritten without a flag) to the slower reading it stands for.
 * A seed gives the same strings on every run, so a failure names a case that can be replayed.
 */

/** A seeded linear congruential source of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/**
 * `count` strings, each of 1 to `maxPieces` pieces drawn at random from `pieces`.
 *
 * @example
 *   for (const text of piecedStrings(['Reuters', ', ', 'AFP'], 1000, 5, 99)) check(text);
 */
export function* piecedStrings(pieces: readonly string[], count: number, maxPieces: number, seed: number): Generator<string> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = 1 + Math.floor(random() * maxPieces);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    yield text;
  }
}
