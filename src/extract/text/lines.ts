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

/** Cheap gate before the Unicode-script count: any character in the CJK/Thai blocks at all. */
const MAYBE_UNSPACED = /[\u0E00-\u0E7F\u2E80-\u9FFF\uF900-\uFAFF]/;
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

/** Word count by a character scan (no allocation): runs of letters/digits. */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const w = wordChar(text.charCodeAt(i));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/** Features of one line of text (also used on fragments, e.g. a split-off title). */
export function lineFeatures(raw: string, n: number): Line {
  const text = NEEDS_COLLAPSE.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
  let words = countWords(text);
  let unspaced = false;
  if (text.length > 8 && MAYBE_UNSPACED.test(text)) {
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
    sentences: words >= 4 ? (text.match(SENTENCE_BOUNDARY)?.length ?? 0) + 1 : 1,
    stopRatio: -1,
    listMarker: LIST_MARKER.test(text),
    unspaced,
    blankBefore: true,
    blankAfter: true,
    lower: undefined,
    prose: undefined,
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

function continues(prev: Line, next: string): boolean {
  return prev.words >= WRAP_MIN_WORDS && !prev.sentenceEnd && !/[:;]$/.test(prev.text) && STARTS_LOWER.test(next.trimStart());
}

/** Splits a dump into its non-blank lines (joining hard-wrapped paragraphs), recording blank-line neighbours. */
export function splitLines(content: string): Line[] {
  const rawLines = content.split('\n');
  const out: Line[] = [];
  let prevBlank = true;
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i]!;
    if (raw.trim() === '') {
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
