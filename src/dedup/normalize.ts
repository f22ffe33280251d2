/**
 * Body normalisation: the words of an article's clean body as 32-bit token hashes, after Unicode NFKC,
 * case folding and with everything that is not a letter, digit or combining mark treated as a separator.
 * Quote and dash styles, punctuation and white space therefore fold away by construction: "it’s" and
 * "it's", "—" and "-", two spaces and a line break all give the same token sequence. Numbers keep
 * their digits ("3,000" → "3", "000"), so a changed figure is a changed token.
 *
 * Tokens are hashed while the text is scanned, without building token strings (the dedup stage sees
 * every article of a stream; this is its hottest loop).
 */
import { FNV_OFFSET, FNV_PRIME, combine, mix32 } from './hash.ts';

/** The normalised word sequence of a body: token hashes and where each paragraph starts in it. */
export interface BodyTokens {
  tokens: Uint32Array;
  /** Token index at which each paragraph with at least one word starts. */
  paragraphStarts: number[];
}

const TOKEN_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Lower-cased form of a non-ASCII code point, or '' when it separates tokens. Filled lazily. */
const foldCache = new Map<number, string>();

function foldNonAscii(cp: number): string {
  let f = foldCache.get(cp);
  if (f === undefined) {
    const ch = String.fromCodePoint(cp);
    f = TOKEN_CHAR.test(ch) ? ch.toLowerCase() : '';
    foldCache.set(cp, f);
  }
  return f;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Appends the token hashes of one paragraph to `out` (a plain array, the caller copies it once).
 *
 * @example const out: number[] = []; tokenizeInto('It’s 3,000.', out); // out.length === 4
 */
export function tokenizeInto(text: string, out: number[]): void {
  const s = NON_ASCII.test(text) ? text.normalize('NFKC') : text;
  let h = FNV_OFFSET;
  let inToken = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
        if (inToken) {
          out.push(mix32(h >>> 0));
          h = FNV_OFFSET;
          inToken = false;
        }
        continue;
      }
      h ^= c;
      h = Math.imul(h, FNV_PRIME);
      inToken = true;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const f = foldNonAscii(cp);
    if (f === '') {
      if (inToken) {
        out.push(mix32(h >>> 0));
        h = FNV_OFFSET;
        inToken = false;
      }
      continue;
    }
    for (let j = 0; j < f.length; j++) {
      h ^= f.charCodeAt(j);
      h = Math.imul(h, FNV_PRIME);
    }
    inToken = true;
  }
  if (inToken) out.push(mix32(h >>> 0));
}

/**
 * The normalised token sequence of a body given as paragraphs.
 *
 * @example bodyTokens(['“Hello,” she said.', 'Bye.']).tokens.length // 4
 */
export function bodyTokens(paragraphs: readonly string[]): BodyTokens {
  const out: number[] = [];
  const paragraphStarts: number[] = [];
  for (const p of paragraphs) {
    const before = out.length;
    tokenizeInto(p, out);
    if (out.length > before) paragraphStarts.push(before);
  }
  return { tokens: Uint32Array.from(out), paragraphStarts };
}

/**
 * Word k-shingles of a token sequence, as 32-bit hashes in text order. Shingles run across paragraph
 * boundaries, so two extractions that split the same body into paragraphs differently still agree;
 * a body shorter than k words is one shingle of all its words.
 */
export function shingleSequence(tokens: Uint32Array, k: number): Uint32Array {
  const n = tokens.length;
  if (n === 0) return new Uint32Array(0);
  const count = n < k ? 1 : n - k + 1;
  const width = n < k ? n : k;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = width;
    for (let j = 0; j < width; j++) h = combine(h, tokens[i + j]!);
    out[i] = mix32(h);
  }
  return out;
}

/** Sorted distinct values of a shingle sequence: the set every exact measure is computed on. */
export function shingleSet(seq: Uint32Array): Uint32Array {
  if (seq.length === 0) return seq;
  const sorted = Uint32Array.from(seq).sort();
  let w = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[w - 1]) sorted[w++] = sorted[i]!;
  return sorted.slice(0, w);
}

/** Two independent 32-bit hashes of the whole token sequence: equal bodies after normalisation. */
export function sequenceHash(tokens: Uint32Array): [number, number] {
  let a = 0x2545f491 ^ tokens.length;
  let b = 0x6a09e667 ^ tokens.length;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    a = combine(a, t);
    b = Math.imul(b ^ t, FNV_PRIME) >>> 0;
  }
  return [mix32(a), mix32(b)];
}
