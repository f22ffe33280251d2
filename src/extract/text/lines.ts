/**
 * A text dump as lines with the cheap features segmentation needs: word count, sentence shape,
 * function-word density, capitalisation, list markers, and whether a blank line surrounds it.
 */
import { STOP_WORDS } from './patterns.ts';

export interface Line {
  /** 1-based line number in the dump. */
  n: number;
  raw: string;
  /** Trimmed, white space collapsed. */
  text: string;
  words: number;
  /** Ends like a sentence: . ! ? (optionally followed by closing quotes or brackets). */
  sentenceEnd: boolean;
  /** Sentence boundaries inside the line plus one; -1 until `sentenceCount()` computes it. */
  sentences: number;
  /** Share of words that are function words of a known language; -1 until `stopRatio()` computes it. */
  stopRatio: number;
  /** Starts with a list marker or ordinal ("1.", "•", "*"). */
  listMarker: boolean;
  /** Mostly CJK/Thai script, where words are not space-separated. */
  unspaced: boolean;
  blankBefore: boolean;
  blankAfter: boolean;
  /** Lower-cased `text`, filled in by `lower()` on first use. */
  lower: string | undefined;
  /** Whether the line reads as prose, filled in by `isProse()` (segment.ts) on first use. */
  prose: boolean | undefined;
  /**
   * Characters the chrome tests look for, noted in the one scan that counts the words, so each test
   * can skip the lines that lack them: a dash (— or –), a digit, and one of / ( : (caption credits).
   */
  hasDash: boolean;
  hasDigit: boolean;
  hasCreditMark: boolean;
  /** A slash, a colon (each also a credit mark), and how many runs of white space (`\s`) the text holds. */
  hasSlash: boolean;
  hasColon: boolean;
  spaceRuns: number;
}

/** Function words are short: tokens longer than this are never looked up (no substring built). */
const MAX_STOP_WORD_CHARS = 7;
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
/** Roughly how many characters of CJK text make one English-like word (for length features). */
const UNSPACED_CHARS_PER_WORD = 2;
const SENTENCE_BOUNDARY = /[.!?。！？]["”’'»)]*\s+["“‘'«(]?\p{Lu}|[。！？]/gu;
const LIST_MARKER = /^(?:[*•·▪►▸‣◦–—-]|\d{1,3}[.)]|[a-z][.)])\s+/;
/**
 * A closing attribution after the last sentence ("… April 28. — AFP", "… decimated.” — Al Jazeera"):
 * the line still ends a sentence, the tail is split off later (FUSED_ATTRIBUTION in patterns.ts).
 */
const ATTRIBUTION_AFTER_SENTENCE = /[.!?"”’'»)]\s+[—–]\s*[\p{Lu}][\p{L}.'’&-]*(?:\s+[\p{Lu}][\p{L}.'’&-]*){0,3}$/u;

/** Whether a UTF-16 code unit starts or continues a word (letters and digits; non-ASCII letters approx.). */
function wordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // General punctuation, quotes, dashes, spaces and symbols are not word characters.
  return !(c <= 0xbf || (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || c === 0xfeff);
}

const NEEDS_COLLAPSE = /\s\s|[\t\r\f\v\u00a0\u2000-\u200b\u3000]/;

/** Closing quotes and brackets that may follow a sentence's final mark. */
function closer(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb;
}

/** Sentence-final marks: . ! ? … and their CJK forms. */
function finalMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** Ends like a sentence, by a backward scan (a `…$` regex would be tried at every position). */
function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && closer(text.charCodeAt(i))) i--;
  return i >= 0 && finalMark(text.charCodeAt(i));
}

/** Slots of `STOP_WORD_SLOTS` (a power of two); the hash is `tokenHash`'s. */
const STOP_WORD_SLOT_MASK = 2047;

/** A token's hash as the scan in `stopRatio` builds it, one code unit at a time. */
function tokenHash(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

/**
 * `STOP_WORDS` by the hash of their code units: a token is looked up in its slot's few words with no
 * substring built for it (the slices were most of the allocation in the prose test).
 */
const STOP_WORD_SLOTS: Array<string[] | undefined> = new Array(STOP_WORD_SLOT_MASK + 1).fill(undefined);
for (const w of STOP_WORDS) {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = tokenHash(h, w.charCodeAt(i));
  (STOP_WORD_SLOTS[h & STOP_WORD_SLOT_MASK] ??= []).push(w);
}

/** Whether `s.slice(from, to)`, whose `tokenHash` is `h`, is one of `STOP_WORDS`. */
function isStopWord(s: string, from: number, to: number, h: number): boolean {
  const slot = STOP_WORD_SLOTS[h & STOP_WORD_SLOT_MASK];
  if (slot === undefined) return false;
  for (const w of slot) if (w.length === to - from && s.startsWith(w, from)) return true;
  return false;
}

/**
 * Share of a line's words that are function words (computed on demand: only prose candidates need
 * it). One scan over the lower-cased line; only tokens short enough to be function words are looked up.
 */
export function stopRatio(l: Line): number {
  if (l.stopRatio >= 0) return l.stopRatio;
  const s = lower(l);
  let tokens = 0;
  let stops = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    if (!wordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    let h = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (wordChar(c)) {
        h = tokenHash(h, c);
        i++;
      }
      // An apostrophe inside a word ("don't", "l’état") joins it, as in the word count elsewhere.
      else if ((c === 39 || c === 0x2019) && i + 1 < n && wordChar(s.charCodeAt(i + 1))) {
        h = tokenHash(tokenHash(h, c), s.charCodeAt(i + 1));
        i += 2;
      } else break;
    }
    tokens++;
    if (i - from <= MAX_STOP_WORD_CHARS && isStopWord(s, from, i, h)) stops++;
  }
  l.stopRatio = tokens ? stops / tokens : 0;
  return l.stopRatio;
}

/**
 * How many sentences the line holds (computed on demand: only caption and title candidates ask, and
 * the boundary pattern was the costliest step of the line features when run on every line).
 */
export function sentenceCount(l: Line): number {
  if (l.sentences < 0) l.sentences = l.words >= 4 ? countMatches(SENTENCE_BOUNDARY, l.text) + 1 : 1;
  return l.sentences;
}

/** The line's text in lower case, computed once (duplicate, teaser and template checks share it). */
export function lower(l: Line): string {
  return (l.lower ??= l.text.toLowerCase());
}

/** What one scan of a line's text gives: its word count and the marks the later tests look for. */
interface Scan {
  words: number;
  hasDash: boolean;
  hasDigit: boolean;
  hasCreditMark: boolean;
  hasSlash: boolean;
  hasColon: boolean;
  spaceRuns: number;
  /** A character in the CJK/Thai blocks (where `UNSPACED_CHAR` may match). */
  maybeUnspaced: boolean;
  /** What `NEEDS_COLLAPSE` finds: two white-space characters in a row, or one it always replaces. */
  needsCollapse: boolean;
  /** White space other than the plain space (which collapsing would turn into one). */
  oddSpace: boolean;
}

/**
 * Bits of `ASCII_CLASS`: a word character, the marks the chrome tests look for, white space (as
 * `spaceKind` sees it), white space `NEEDS_COLLAPSE` always finds (its kind 2), and white space other
 * than the plain space.
 */
const WORD = 1;
const DIGIT = 2;
const SLASH = 4;
const COLON = 8;
const PAREN = 16;
const SPACE = 32;
const SPACE_BIT = 5;
const ALWAYS_COLLAPSE = 64;
const ODD_SPACE = 128;

/** What the scan needs to know of each ASCII code unit, looked up once per character. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  let f = wordChar(c) ? WORD : 0;
  if (c >= 48 && c <= 57) f |= DIGIT;
  if (c === 47) f |= SLASH;
  if (c === 58) f |= COLON;
  if (c === 40) f |= PAREN;
  const k = spaceKind(c);
  if (k !== 0) f |= SPACE;
  if (k === 2) f |= ALWAYS_COLLAPSE;
  if (k !== 0 && c !== 32) f |= ODD_SPACE;
  ASCII_CLASS[c] = f;
}

const scan: Scan = {
  words: 0,
  hasDash: false,
  hasDigit: false,
  hasCreditMark: false,
  hasSlash: false,
  hasColon: false,
  spaceRuns: 0,
  maybeUnspaced: false,
  needsCollapse: false,
  oddSpace: false,
};

/**
 * What a white-space character (JavaScript's `\s`, which is also what `trim` removes) is to
 * `NEEDS_COLLAPSE`: 0 not white space, 1 white space the pattern leaves alone when single, 2 a
 * character the pattern always finds (tab, CR, FF, VT, no-break and fixed-width spaces); also
 * U+200B, which the pattern finds though it is no white space, answers 2.
 */
function spaceKind(c: number): 0 | 1 | 2 {
  if (c === 32 || c === 10) return 1;
  if (c < 128) return c >= 9 && c <= 13 ? 2 : 0;
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000) return 2;
  return c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff ? 1 : 0;
}

/**
 * Word count (runs of letters/digits) and marks of `text.slice(from, to)`, by one character scan with
 * no allocation; fills and returns the shared `scan` record (read at once by the caller). ASCII characters (all but a few per
 * thousand on WCXB) update the counts without a branch, from the bits of `ASCII_CLASS` as 0/1
 * values: a word starts where a word character follows a non-word one, a run of white space where
 * white space follows other text; branching on each change mispredicted at every word boundary.
 */
function scanText(text: string, from: number, to: number): Scan {
  let words = 0;
  let inWord = 0;
  // ASCII marks seen, as the bits of `ASCII_CLASS` (other characters' white-space bits added too).
  let marks = 0;
  let spaceRuns = 0;
  // White space before (as `NEEDS_COLLAPSE` sees it: U+200B counts), and true white space before.
  let prevSpace = 0;
  let prevTrueSpace = 0;
  // Two white-space characters in a row seen.
  let doubled = 0;
  let dash = false;
  let cjk = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const f = ASCII_CLASS[c]!;
      marks |= f;
      const w = f & WORD;
      words += w & ~inWord;
      inWord = w;
      const space = (f >> SPACE_BIT) & 1;
      doubled |= space & prevSpace;
      spaceRuns += space & ~prevTrueSpace;
      prevSpace = space;
      prevTrueSpace = space;
      continue;
    }
    const w = wordChar(c) ? 1 : 0;
    if (c === 0x2014 || c === 0x2013) dash = true;
    else if ((c >= 0x0e00 && c <= 0x0e7f) || (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) cjk = true;
    // (U+1680 is white space that `wordChar` counts as a letter: the two tests are independent.)
    const k = spaceKind(c);
    const space = k !== 0 ? 1 : 0;
    doubled |= space & prevSpace;
    if (k !== 0) marks |= k === 2 ? ALWAYS_COLLAPSE | ODD_SPACE : ODD_SPACE;
    // U+200B is no white space, though `NEEDS_COLLAPSE` finds it.
    const trueSpace = space !== 0 && c !== 0x200b ? 1 : 0;
    spaceRuns += trueSpace & ~prevTrueSpace;
    prevSpace = space;
    prevTrueSpace = trueSpace;
    words += w & ~inWord;
    inWord = w;
  }
  scan.words = words;
  scan.hasDash = dash;
  scan.hasDigit = (marks & DIGIT) !== 0;
  scan.hasCreditMark = (marks & (SLASH | COLON | PAREN)) !== 0;
  scan.hasSlash = (marks & SLASH) !== 0;
  scan.hasColon = (marks & COLON) !== 0;
  scan.spaceRuns = spaceRuns;
  scan.maybeUnspaced = cjk;
  scan.needsCollapse = doubled !== 0 || (marks & ALWAYS_COLLAPSE) !== 0;
  scan.oddSpace = (marks & ODD_SPACE) !== 0;
  return scan;
}

/** Whether a line starting with this code unit can match `LIST_MARKER` (most start with a capital). */
function mayStartList(c: number): boolean {
  if (c < 128) return c === 42 || c === 45 || (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
  return c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25ba || c === 0x25b8 || c === 0x2023 || c === 0x25e6 || c === 0x2013 || c === 0x2014;
}

/** Matches of a global pattern, counted without building the array of matched strings. */
function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.test(text)) n++;
  return n;
}

/**
 * Features of one line of text (also used on fragments, e.g. a split-off title). `trimmed`, when the
 * caller has it, is `raw.trim()`; `source`, when given, is a string holding `trimmed` at `at` (the
 * dump the line was split from). The scan then reads the dump's characters: reading them through
 * each line's substring was three times slower (V8 re-dispatches on the string's representation at
 * every `charCodeAt`, and the lines are a mix of slices and short copies).
 */
export function lineFeatures(raw: string, n: number, trimmed: string = raw.trim(), source: string = trimmed, at = 0): Line {
  // The text is `raw` with white-space runs collapsed to one space, trimmed. The scan that counts the
  // words also tells whether the trimmed line needs collapsing; white space at its ends is what trim
  // removes, and collapsing it first changes only single odd spaces (no-break and the like) inside.
  let text = trimmed;
  let s = scanText(source, at, at + trimmed.length);
  if (s.needsCollapse || (s.oddSpace && raw.length !== trimmed.length && NEEDS_COLLAPSE.test(raw))) {
    text = trimmed.replace(/\s+/g, ' ');
    s = scanText(text, 0, text.length);
  }
  const { words: wordCount, hasDash, hasDigit, hasCreditMark, hasSlash, hasColon, spaceRuns, maybeUnspaced } = s;
  let words = wordCount;
  let unspaced = false;
  if (text.length > 8 && maybeUnspaced) {
    const cjk = text.match(UNSPACED_CHAR)?.length ?? 0;
    if (cjk > text.length / 3) {
      unspaced = true;
      words = Math.max(words, Math.round(cjk / UNSPACED_CHARS_PER_WORD));
    }
  }
  let sentenceEnd = endsSentence(text);
  if (!sentenceEnd && words >= 4 && hasDash) sentenceEnd = ATTRIBUTION_AFTER_SENTENCE.test(text);
  return {
    n,
    raw,
    text,
    words,
    sentenceEnd,
    sentences: -1,
    stopRatio: -1,
    listMarker: mayStartList(text.charCodeAt(0)) && LIST_MARKER.test(text),
    unspaced,
    blankBefore: true,
    blankAfter: true,
    lower: undefined,
    prose: undefined,
    hasDash,
    hasDigit,
    hasCreditMark,
    hasSlash,
    hasColon,
    spaceRuns,
  };
}

/**
 * A line continues the one before it (a hard-wrapped paragraph) when no blank line separates them,
 * the first is long enough to be prose and does not end a sentence, and the second starts in lower
 * case. Tuned on WCXB dumps with `<br>`-wrapped paragraphs; seed lists of teasers (each ending with a
 * full stop) stay separate.
 */
const WRAP_MIN_WORDS = 6;
const STARTS_LOWER = /^[\p{Ll}]/u;

/** `next` is the next raw line, trimmed. */
function continues(prev: Line, next: string): boolean {
  if (prev.words < WRAP_MIN_WORDS || prev.sentenceEnd) return false;
  const last = prev.text.charCodeAt(prev.text.length - 1);
  return last !== 58 && last !== 59 && STARTS_LOWER.test(next);
}

/**
 * A dump split once: its non-blank lines with their features, and every raw line with its trimmed
 * form (blank ones too), which the text signals read for line positions instead of splitting again.
 */
export interface SplitDump {
  lines: Line[];
  raw: string[];
  trimmed: string[];
}

/** Splits a dump into its non-blank lines (joining hard-wrapped paragraphs), recording blank-line neighbours. */
export function splitLines(content: string): Line[] {
  return splitDump(content).lines;
}

/** Whether a code unit is white space as `trim` sees it (`\s`; U+200B, which `spaceKind` also answers, is not). */
function trimmable(c: number): boolean {
  return c !== 0x200b && spaceKind(c) !== 0;
}

/**
 * `splitLines`, keeping the raw and trimmed lines (`content` may come split already, at '\n', with
 * `source` the string it was split from). `wrapped` (from `wrapJoins`, for a hard-wrapped dump) marks
 * the lines that continue the one before: they join it, and one left empty once its markup went (a
 * link target carried to its own line) is no paragraph break.
 */
export function splitDump(content: string | string[], wrapped: Uint8Array | null = null, source: string | null = null): SplitDump {
  const rawLines = typeof content === 'string' ? content.split('\n') : content;
  const whole = typeof content === 'string' ? content : source;
  const trimmed = new Array<string>(rawLines.length);
  const out: Line[] = [];
  let prevBlank = true;
  // Where the raw line starts in `whole`.
  let offset = 0;
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i]!;
    const at = offset;
    offset += raw.length + 1;
    const t = raw.trim();
    trimmed[i] = t;
    const wraps = wrapped !== null && wrapped[i] === 1;
    if (t === '') {
      if (wraps) continue;
      prevBlank = true;
      if (out.length) out[out.length - 1]!.blankAfter = true;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && !prevBlank && (wraps || continues(prev, t))) {
      const joined = lineFeatures(prev.raw.trimEnd() + ' ' + t, prev.n);
      joined.blankBefore = prev.blankBefore;
      joined.blankAfter = false;
      out[out.length - 1] = joined;
      continue;
    }
    let line: Line;
    if (whole === null) line = lineFeatures(raw, i + 1, t);
    else {
      let lead = 0;
      if (t.length !== raw.length) while (trimmable(raw.charCodeAt(lead))) lead++;
      line = lineFeatures(raw, i + 1, t, whole, at + lead);
    }
    line.blankBefore = prevBlank;
    line.blankAfter = false;
    out.push(line);
    prevBlank = false;
  }
  if (out.length) out[out.length - 1]!.blankAfter = true;
  return { lines: out, raw: rawLines, trimmed };
}
