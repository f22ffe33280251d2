/**
 * Language identification with CLD3 (WebAssembly, loaded once at module load). Short or mixed text
 * that CLD3 cannot call reliably gives null rather than a guess. A long sample that is plainly English
 * (many English function words, next to no non-ASCII letters) is called without CLD3: the call was
 * the largest single cost of the text-level signals, and on such text CLD3's answer is never in doubt.
 */
import { loadModule } from 'cld3-asm';
import { CLD3_TO_ISO_639_1 } from './tables.ts';
import { charClass, LETTER } from './letters.ts';

/** CLD3's own cap on the bytes it reads of one text. */
const MAX_LANGUAGE_BYTES = 2000;
/**
 * Characters of the title and body handed to CLD3. Its cost grows with the sample (about 0.45 ms per
 * 1,000 characters, the largest part of the text-level signals), while the call settles early: on the
 * 1,586 WCXB dev bodies (HTML and text dumps) 1,000 characters gave the same answer as 2,000 on every
 * page, 800 changed one; 1,500 keeps a margin above that.
 */
export const LANGUAGE_SAMPLE_CHARS = 1500;
/**
 * Characters of that sample CLD3 itself is handed when the English fast path does not decide. CLD3's
 * cost grows with its input and was still the largest single cost of the signals. On the 1,586 WCXB
 * dev samples (text dumps and HTML) CLD3 gave the same answer on the first 1,000 characters as on
 * 1,500 for every one (800 changed one, 600 two); the fast path still reads all 1,500.
 */
const CLD3_SAMPLE_CHARS = 1000;
/**
 * Below this many letters CLD3 still answers "reliable" for nonsense (it calls "Hello" Serbian at
 * 0.83), so shorter text is not identified. Tuned by hand on single words and headlines.
 */
const MIN_LANGUAGE_LETTERS = 40;

const identifier = (await loadModule()).create(0, MAX_LANGUAGE_BYTES);

/** Maps a CLD3 code ("iw", "zh", "ru-Latn") to ISO 639-1, or null when there is no two-letter code. */
export function toIso6391(code: string): string | null {
  const base = code.toLowerCase().split('-')[0] ?? '';
  if (base in CLD3_TO_ISO_639_1) return CLD3_TO_ISO_639_1[base] ?? null;
  return /^[a-z]{2}$/.test(base) ? base : null;
}

/**
 * The ISO 639-1 language of a text, or null when it is too short or CLD3 is not confident.
 *
 * @example identifyLanguage('Russia will hold talks with the United States this week…') // 'en'
 */
export function identifyLanguage(text: string): string | null {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  if (!hasLetters(sample, MIN_LANGUAGE_LETTERS)) return null;
  if (plainlyEnglish(sample)) return 'en';
  return cld3Language(sample.length > CLD3_SAMPLE_CHARS ? sample.slice(0, CLD3_SAMPLE_CHARS) : sample);
}

/**
 * CLD3's reliable answer for a sample, as ISO 639-1, or null. identifyLanguage's fallback; exported so
 * tests can hold the English fast path to CLD3's answer.
 */
export function cld3Language(sample: string): string | null {
  const result = identifier.findLanguage(sample);
  if (!result.is_reliable) return null;
  return toIso6391(String(result.language));
}

/**
 * English words that are rare as words of other Latin-script languages (no "a", "in", "is", "an", "on",
 * "as", "die": they are Italian, Dutch, German, French, Portuguese words too).
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  ('the and of to that for with was this are have has be by from at it not but they you he she we his her ' +
    'which will would their been were said or its who had more about there when also after than one what ' +
    'can into out up new could our them').split(' '),
);
/** Longest function word: only ASCII words this short are looked up. */
const MAX_FUNCTION_WORD_CHARS = 5;

/**
 * An ASCII word of letters only, lower-cased, as one integer: five bits a letter (a = 1 … z = 26),
 * so words up to six letters pack into 30 bits and no two words share a number. The fast path packs
 * each short word while scanning it, with no substring or lower-case copy per word.
 */
function packLetter(packed: number, code: number): number {
  return packed * 32 + ((code | 0x20) - 0x60);
}
const PACKED_FUNCTION_WORDS = new Set(
  [...ENGLISH_FUNCTION_WORDS].map((w) => {
    let packed = 0;
    for (let i = 0; i < w.length; i++) packed = packLetter(packed, w.charCodeAt(i));
    return packed;
  }),
);
if (Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length)) > MAX_FUNCTION_WORD_CHARS) throw new Error('a function word is longer than MAX_FUNCTION_WORD_CHARS');

/**
 * The English fast path decides only on samples of at least this many words, with at least this share
 * of them English function words, and with under this share of letters outside ASCII. Tuned against
 * CLD3 on the 1,610 samples that extract() hands it for the WCXB dev pages (text dumps and HTML), the
 * seeds and the examples, plus 4,703 windows (60 to 1,500 characters, at several offsets) of the WCXB
 * ground-truth bodies: with 20 words and a share of 0.2 it already never disagreed with CLD3; every
 * disagreement was a window of 13 words or fewer, or mojibake ("Investorâs", 3.7% non-ASCII letters)
 * that CLD3 leaves unidentified. 60 words and 1% keep a margin; 92% of the extract() samples pass.
 */
const FAST_ENGLISH_MIN_WORDS = 60;
const FAST_ENGLISH_MIN_SHARE = 0.2;
const FAST_ENGLISH_MAX_NON_ASCII = 0.01;

/** True when the sample is long, plainly English text: CLD3 would call it English, reliably. */
function plainlyEnglish(sample: string): boolean {
  // The words are the runs of letters (\p{L}) that `/\p{L}+/gu` would match, found by one scan over
  // the code points with no match objects; lengths are in UTF-16 units, as the matched strings' are.
  let words = 0;
  let english = 0;
  let asciiLetters = 0;
  let otherLetters = 0;
  const n = sample.length;
  let i = 0;
  while (i < n) {
    let cp = codePointAt(sample, i);
    if ((charClass(cp) & LETTER) === 0) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const from = i;
    let ascii = true;
    // The word's letters packed while they are read (an ASCII letter is A-Z or a-z); only an ASCII
    // word of at most MAX_FUNCTION_WORD_CHARS letters is looked up, so the packing stops there.
    let packed = 0;
    while (i < n && (charClass((cp = codePointAt(sample, i))) & LETTER) !== 0) {
      if (cp >= 0x80) ascii = false;
      else if (i - from < MAX_FUNCTION_WORD_CHARS) packed = packLetter(packed, cp);
      i += cp > 0xffff ? 2 : 1;
    }
    const length = i - from;
    words++;
    if (ascii) {
      asciiLetters += length;
      if (length <= MAX_FUNCTION_WORD_CHARS && PACKED_FUNCTION_WORDS.has(packed)) english++;
    } else otherLetters += length;
  }
  return (
    words >= FAST_ENGLISH_MIN_WORDS &&
    english >= FAST_ENGLISH_MIN_SHARE * words &&
    otherLetters < FAST_ENGLISH_MAX_NON_ASCII * (asciiLetters + otherLetters)
  );
}

/** `text.codePointAt(i)`, reading a second unit only after a high surrogate (the builtin's call costs more). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
}

/** True when the text holds at least `min` letters; stops counting there. */
function hasLetters(text: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length && n < min; ) {
    const cp = text.codePointAt(i)!;
    if ((charClass(cp) & LETTER) !== 0) n++;
    i += cp > 0xffff ? 2 : 1;
  }
  return n >= min;
}

/** Identified language first; the page's declared language when the text cannot tell. */
export function pageLanguage(text: string, declared: string | null): string | null {
  return identifyLanguage(text) ?? (declared ? toIso6391(declared) : null);
}
