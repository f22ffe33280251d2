/**
 * Unicode letter and number classes of single code points, by table: `\p{L}` / `\p{N}` without a
 * regex call per character, for the scans that walk whole bodies (word counts, the language fast
 * path). The same answers as the regex classes, by construction (the table is filled from them).
 */

export const LETTER = 1;
export const NUMBER = 2;
export const LETTER_OR_NUMBER = LETTER | NUMBER;

/** \p{L} / \p{N} of every BMP code point, filled on first use (a one-off cost of a few milliseconds). */
let BMP_CLASSES: Uint8Array | null = null;

/** LETTER and/or NUMBER for a code point (lone surrogates are neither). */
export function charClass(cp: number): number {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return LETTER;
    return cp >= 0x30 && cp <= 0x39 ? NUMBER : 0;
  }
  if (cp > 0xffff) return classOf(String.fromCodePoint(cp));
  if (!BMP_CLASSES) {
    BMP_CLASSES = new Uint8Array(0x10000);
    for (let c = 0x80; c < 0x10000; c++) BMP_CLASSES[c] = c >= 0xd800 && c <= 0xdfff ? 0 : classOf(String.fromCharCode(c));
  }
  return BMP_CLASSES[cp]!;
}

function classOf(ch: string): number {
  return (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0);
}

/**
 * Whether a UTF-16 unit is white space as `\s` and `String.prototype.trim` read it (ECMAScript's
 * WhiteSpace and LineTerminator): a test per character for scans that must agree with those.
 */
export function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The characters besides an ASCII letter's two cases that a case-insensitive Unicode pattern (`iu`)
 * matches to it: the long s and the Kelvin sign (a test holds this to the regex engine).
 */
const OTHER_CASE_FOLDS: Readonly<Record<string, string>> = { k: '\u212a', s: '\u017f' };
/** What an `iu` pattern's `\w` (and so its `\b`) counts as a word character, for a pattern without the flag. */
const WORD_CHAR_ANY_CASE = String.raw`[\w\u017f\u212a]`;

/**
 * A pattern without the case-insensitive flag that matches where `/\b(?:word|…)\b/iu` does: each
 * ASCII letter as every form such a pattern gives it, the word boundaries as look-arounds over its word
 * characters. V8 runs this form about twice as fast on long lines (the `iu` word boundaries cost
 * most). Every word must begin and end with a letter or digit, where `\b` means those look-arounds.
 */
export function wholeWordsAnyCase(words: readonly string[]): RegExp {
  const alternatives = words.map((word) => {
    if (!/^[A-Za-z0-9].*[A-Za-z0-9]$|^[A-Za-z0-9]$/su.test(word)) throw new Error(`wholeWordsAnyCase: ${word} does not begin and end with a letter or digit`);
    let source = '';
    for (const ch of word) {
      const lower = ch.toLowerCase();
      if (/^[a-z]$/u.test(lower)) source += `[${ch.toUpperCase()}${lower}${OTHER_CASE_FOLDS[lower] ?? ''}]`;
      else source += ch.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
    }
    return source;
  });
  return new RegExp(String.raw`(?<!${WORD_CHAR_ANY_CASE})(?:${alternatives.join('|')})(?!${WORD_CHAR_ANY_CASE})`, 'u');
}
