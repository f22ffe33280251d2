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
  /** Share of words that are function words of a known language. */
  stopRatio: number;
  /** Share of words that start with a capital letter. */
  capRatio: number;
  /** Starts with a list marker or ordinal ("1.", "•", "*"). */
  listMarker: boolean;
  /** Mostly CJK/Thai script, where words are not space-separated. */
  unspaced: boolean;
  blankBefore: boolean;
  blankAfter: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
/** Roughly how many characters of CJK text make one English-like word (for length features). */
const UNSPACED_CHARS_PER_WORD = 2;
const SENTENCE_END = /[.!?。！？…]["”’'»)\]]*$/u;
const SENTENCE_BOUNDARY = /[.!?。！？]["”’'»)]*\s+["“‘'«(]?\p{Lu}|[。！？]/gu;
const LIST_MARKER = /^(?:[*•·▪►▸‣◦–—-]|\d{1,3}[.)]|[a-z][.)])\s+/;

/** Features of one line of text (also used on fragments, e.g. a split-off title). */
export function lineFeatures(raw: string, n: number): Line {
  const text = raw.replace(/\s+/g, ' ').trim();
  const tokens = text.match(WORD) ?? [];
  let stops = 0;
  let caps = 0;
  for (const t of tokens) {
    if (STOP_WORDS.has(t.toLowerCase())) stops++;
    const c = t.charCodeAt(0);
    if (t[0] !== t[0]!.toLowerCase() || (c >= 65 && c <= 90)) caps++;
  }
  let words = tokens.length;
  let unspaced = false;
  if (text.length > 8) {
    const cjk = text.match(UNSPACED_CHAR)?.length ?? 0;
    if (cjk > text.length / 3) {
      unspaced = true;
      words = Math.max(words, Math.round(cjk / UNSPACED_CHARS_PER_WORD));
    }
  }
  return {
    n,
    raw,
    text,
    words,
    sentenceEnd: SENTENCE_END.test(text),
    sentences: (text.match(SENTENCE_BOUNDARY)?.length ?? 0) + 1,
    stopRatio: tokens.length ? stops / tokens.length : 0,
    capRatio: tokens.length ? caps / tokens.length : 0,
    listMarker: LIST_MARKER.test(text),
    unspaced,
    blankBefore: true,
    blankAfter: true,
  };
}

/** Splits a dump into its non-blank lines, recording blank-line neighbours. */
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
    const line = lineFeatures(raw, i + 1);
    line.blankBefore = prevBlank;
    line.blankAfter = false;
    if (out.length && !prevBlank) out[out.length - 1]!.blankAfter = false;
    out.push(line);
    prevBlank = false;
  }
  if (out.length) out[out.length - 1]!.blankAfter = true;
  return out;
}
