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
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
/** Cheap gate before the Unicode-script count: any character in the CJK/Thai blocks at all. */
const MAYBE_UNSPACED = /[\u0E00-\u0E7F\u2E80-\u9FFF\uF900-\uFAFF]/;
/** Roughly how many characters of CJK text make one English-like word (for length features). */
const UNSPACED_CHARS_PER_WORD = 2;
const SENTENCE_END = /[.!?。！？…]["”’'»)\]]*$/u;
const SENTENCE_BOUNDARY = /[.!?。！？]["”’'»)]*\s+["“‘'«(]?\p{Lu}|[。！？]/gu;
const LIST_MARKER = /^(?:[*•·▪►▸‣◦–—-]|\d{1,3}[.)]|[a-z][.)])\s+/;
const NEEDS_COLLAPSE = /\s\s|[\t\r\f\v\u00a0\u2000-\u200b\u3000]/;

/** Whether a UTF-16 code unit starts or continues a word (letters and digits; non-ASCII letters approx.). */
function wordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // General punctuation, quotes, dashes, spaces and symbols are not word characters.
  return !(c <= 0xbf || (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || c === 0xfeff);
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

/** Share of a line's words that are function words (computed on demand: only prose candidates need it). */
export function stopRatio(l: Line): number {
  if (l.stopRatio >= 0) return l.stopRatio;
  const tokens = l.text.match(WORD) ?? [];
  let stops = 0;
  for (const t of tokens) if (STOP_WORDS.has(t.toLowerCase())) stops++;
  l.stopRatio = tokens.length ? stops / tokens.length : 0;
  return l.stopRatio;
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
  const sentenceEnd = SENTENCE_END.test(text);
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
