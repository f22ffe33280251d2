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
  /** Sentence boundaries inside the line. */
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

/** White space that `text` collapses: anything but a single ASCII space between words. */
function oddSpace(c: number): boolean {
  return c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** CJK/Thai block characters (a superset of the scripts `UNSPACED_CHAR` counts). */
function maybeUnspaced(c: number): boolean {
  return (c >= 0x0e00 && c <= 0x0e7f) || (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

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

/**
 * Share of a line's words that are function words (computed on demand: only prose candidates need
 * it). One scan over the lower-cased line; only tokens short enough to be function words are sliced.
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
    while (i < n) {
      const c = s.charCodeAt(i);
      if (wordChar(c)) i++;
      // An apostrophe inside a word ("don't", "l’état") joins it, as in the word count elsewhere.
      else if ((c === 39 || c === 0x2019) && i + 1 < n && wordChar(s.charCodeAt(i + 1))) i += 2;
      else break;
    }
    tokens++;
    if (i - from <= MAX_STOP_WORD_CHARS && STOP_WORDS.has(s.slice(from, i))) stops++;
  }
  l.stopRatio = tokens ? stops / tokens : 0;
  return l.stopRatio;
}

/** The line's text in lower case, computed once (duplicate, teaser and template checks share it). */
export function lower(l: Line): string {
  return (l.lower ??= l.text.toLowerCase());
}

/** Features of one line of text (also used on fragments, e.g. a split-off title). */
export function lineFeatures(raw: string, n: number): Line {
  // One scan for what the regexes used to find: odd white space, word count, CJK characters.
  let odd = false;
  let words = 0;
  let inWord = false;
  let cjkish = 0;
  let prevSpace = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) odd = true;
      prevSpace = true;
      inWord = false;
      continue;
    }
    if (c < 128) {
      const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (w && !inWord) words++;
      inWord = w;
      if (c === 9 || (c >= 11 && c <= 13)) odd = true;
    } else {
      const w = wordChar(c);
      if (w && !inWord) words++;
      inWord = w;
      if (oddSpace(c)) odd = true;
      else if (maybeUnspaced(c)) cjkish++;
    }
    prevSpace = false;
  }
  // Leading spaces set `odd` above; trailing ones only need a trim.
  const text = odd ? raw.replace(/\s+/g, ' ').trim() : raw.trimEnd();
  let unspaced = false;
  if (text.length > 8 && cjkish > text.length / 3) {
    const cjk = text.match(UNSPACED_CHAR)?.length ?? 0;
    if (cjk > text.length / 3) {
      unspaced = true;
      words = Math.max(words, Math.round(cjk / UNSPACED_CHARS_PER_WORD));
    }
  }
  let sentenceEnd = endsSentence(text);
  if (!sentenceEnd && words >= 4 && (text.includes('—') || text.includes('–'))) sentenceEnd = ATTRIBUTION_AFTER_SENTENCE.test(text);
  return {
    n,
    raw,
    text,
    words,
    sentenceEnd,
    sentences: words >= 4 ? countSentences(text) : 1,
    stopRatio: -1,
    listMarker: LIST_MARKER.test(text),
    unspaced,
    blankBefore: true,
    blankAfter: true,
    lower: undefined,
    prose: undefined,
  };
}

/** Sentences in a line: boundaries + 1. The regex only runs when a mark could start a boundary. */
function countSentences(text: string): number {
  let mark = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // An ASCII mark in the last place ends the line, it does not separate sentences; CJK marks count anywhere.
    if (((c === 46 || c === 33 || c === 63) && i < text.length - 1) || c === 0x3002 || c === 0xff01 || c === 0xff1f) {
      mark = true;
      break;
    }
  }
  if (!mark) return 1;
  SENTENCE_BOUNDARY.lastIndex = 0;
  let k = 1;
  while (SENTENCE_BOUNDARY.exec(text) !== null) k++;
  return k;
}

/**
 * A line continues the one before it (a hard-wrapped paragraph) when no blank line separates them,
 * the first is long enough to be prose and does not end a sentence, and the second starts in lower
 * case. Tuned on WCXB dumps with `<br>`-wrapped paragraphs; seed lists of teasers (each ending with a
 * full stop) stay separate.
 */
const WRAP_MIN_WORDS = 6;
const STARTS_LOWER = /^[\p{Ll}]/u;

function continues(prev: Line, next: string): boolean {
  return prev.words >= WRAP_MIN_WORDS && !prev.sentenceEnd && !/[:;]$/.test(prev.text) && STARTS_LOWER.test(next.trimStart());
}

/** Only spaces, tabs and other white space: cheaper than `trim() === ''` (no new string). */
function blank(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && !oddSpace(c) && c !== 0xfeff) return false;
  }
  return true;
}

/** Splits a dump into its non-blank lines (joining hard-wrapped paragraphs), recording blank-line neighbours. */
export function splitLines(content: string): Line[] {
  const rawLines = content.split('\n');
  const out: Line[] = [];
  let prevBlank = true;
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i]!;
    if (blank(raw)) {
      prevBlank = true;
      if (out.length) out[out.length - 1]!.blankAfter = true;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && !prevBlank && continues(prev, raw)) {
      const joined = lineFeatures(prev.raw.trimEnd() + ' ' + raw.trim(), prev.n);
      joined.blankBefore = prev.blankBefore;
      joined.blankAfter = false;
      out[out.length - 1] = joined;
      continue;
    }
    const line = lineFeatures(raw, i + 1);
    line.blankBefore = prevBlank;
    line.blankAfter = false;
    out.push(line);
    prevBlank = false;
  }
  if (out.length) out[out.length - 1]!.blankAfter = true;
  return out;
}
