/**
 * 32-bit hashing used by every fingerprint: FNV-1a over UTF-16 code units for tokens and murmur3's
 * finaliser as the mixing step. Integer-only (Math.imul), so the same text gives the same hashes on
 * every machine and run.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** murmur3 fmix32: spreads every input bit over the output; a bijection on 32-bit integers. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Folds `v` into the running hash `h` (order-sensitive): rotate, xor, multiply. The rotation is
 * parenthesised on purpose: `(h << 5) | (h >>> 27) ^ v` parses as an OR with `v`, which saturates bits
 * and made unrelated 5-word shingles and LSH band keys collide (on the synthetic Zipf stream, 1% of
 * random article pairs shared a band with no shingle in common).
 */
export function combine(h: number, v: number): number {
  return Math.imul(((h << 5) | (h >>> 27)) ^ v, 0x9e3779b1) >>> 0;
}

/** FNV-1a of a string's UTF-16 code units, finalised with mix32. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return mix32(h >>> 0);
}
