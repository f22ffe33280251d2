/**
 * Segmentation of a text dump into body and chrome, in three passes:
 *
 * 1. chrome — every line is matched against the pattern tables (tickers, ads, credits, prompts,
 *    attribution lines…) and its neighbours (a caption precedes a credit line; a label takes the line
 *    after it), then against cross-page template evidence;
 * 2. body — each remaining line scores +words when it reads as prose and a small penalty when it is a
 *    short label; the body is the contiguous run with the largest score (maximum-sum subarray), cut at
 *    a closing header ("What To Read Next", "Comments") once enough of the article has been seen;
 * 3. cleanup — inside the run, duplicates and truncated teasers go, fused attributions are split off;
 *    outside it, lines get the reason of the section they sit in.
 */
import type { RemovalReason } from '../../records/index.ts';
import type { TemplateEvidence } from '../types.ts';
import { lower, sentenceCount, stopRatio, type Line } from './lines.ts';
import {
  BYLINE_START,
  ATTRIBUTION_LINE_ANY,
  CAPTION_WITH_CREDIT_ANY,
  CREDIT_LINE_ANY,
  CREDIT_LINE_NEEDS,
  DATE_LABEL,
  DATE_WORDS,
  FOOTER_PROSE,
  FOOTER_PROSE_ANY,
  FOOTER_PROSE_NEEDS,
  FUSED_ATTRIBUTION,
  IMAGE_FILE_NAME_ANY,
  LINE_RULES,
  LINE_RULES_ANY,
  MONTH_WORDS,
  mayBeCaptionWithCredit,
  mayBeImageFileName,
  PAREN_CREDIT,
  PAREN_CREDIT_NAME,
  TRAILING_AGENCY,
  TRAILING_CREDIT,
} from './patterns.ts';

/** Whole-line chrome patterns only run on lines up to this many words (labels are short). */
const MAX_LABEL_WORDS = 12;
/**
 * In a marked-up dump (markup.ts), a line of at most this many words with at least this share of
 * link text is navigation, as link-dense blocks are in HTML. WCXB dev as Markdown, body F1: without
 * 0.8988; 4/8/12/20 words at 0.8: 0.8998/0.8999/0.9011/0.9017; 12 words at 0.5/0.95: 0.9013/0.9007
 * (a flat curve: 12 matches MAX_LABEL_WORDS). html-to-text dumps 0.8834 → 0.8846 at any of them.
 */
const MAX_LINK_LINE_WORDS = 12;
const MIN_LINK_LINE_SHARE = 0.8;
/** Credit lines are short: a name and an agency or two. */
const MAX_CREDIT_WORDS = 14;
/** A line taken by a label before it ("Photo", "Watch video") is at most this long. */
const NEXT_MAX_WORDS = 40;
/** Captions run up to a few sentences; longer lines before a credit are body. */
const CAPTION_MAX_WORDS = 60;
const CAPTION_MAX_SENTENCES = 2;
/** A DW-style second caption line after a caption-with-credit: short and unpunctuated. */
const SUBCAPTION_MAX_WORDS = 30;
/** " // " separators on one line that make it a ticker of headlines. */
const TICKER_MIN_SEPARATORS = 2;
/**
 * Prose: at least this many words and a sentence end (or very long). Tuned on the seeds (the
 * shortest body paragraph, "The rebels are now reduced to an area just kilometers across.", has 11)
 * and WCXB dumps, where 6 kept one-sentence paragraphs without admitting menu lines.
 */
const PROSE_MIN_WORDS = 6;
const LONG_LINE_WORDS = 20;
/**
 * Function-word density of prose in the listed languages is 0.25–0.5; labels and headline lists sit
 * under 0.1. Lines of unlisted languages pass on length alone (`FOREIGN_PROSE_WORDS`).
 */
const MIN_STOP_RATIO = 0.1;
const FOREIGN_PROSE_WORDS = 25;
/**
 * Score of a short, non-prose line: small enough that subheadings and list items inside an article
 * do not split it, large enough that a menu of many items separates two prose regions. Tuned on
 * WCXB dumps (2–4 tried, also a penalty growing along runs of short lines: flat 3 best, 0.904).
 */
const SHORT_PENALTY = 3;
/**
 * Prose after a closing header weighs this much when choosing which part of the run is the article:
 * a read-next list or comment thread has to be much longer than the story to win. Tuned on WCXB dumps.
 */
const AFTER_CLOSE_WEIGHT = 0.5;
/** Closing headers only end the body once this many prose words precede them in the run. */
const MIN_BODY_BEFORE_END = 60;
const PIPES = /\|[^|]*\|/;
/** Footer blurbs are sentences; shorter lines are left to the label patterns. */
const FOOTER_PROSE_MIN_WORDS = 5;
/**
 * Body lines this long are dropped when repeated (a repeated lead, pull quote or widget); shorter
 * ones may be the author's. Tuned on WCXB dumps: 3 scored 0.909, 12 scored 0.907.
 */
const DUPLICATE_MIN_WORDS = 3;
/** Only a truncated teaser this long is compared with the body lines it may repeat. */
const TEASER_MIN_WORDS = 5;

/** Chrome that sits inside article bodies: neutral, so it does not split the body run. */
const INLINE_CHROME = new Set<RemovalReason>([
  'ad', 'credit', 'caption', 'media', 'share', 'paywall', 'metadata', 'ticker', 'teaser', 'scraper-date', 'duplicate',
]);

export interface Segmentation {
  lines: Line[];
  /** Per line: null when body, else why it was dropped. */
  reasons: (RemovalReason | null)[];
  /** First and last body line (indices into `lines`), or -1 when no body was found. */
  start: number;
  end: number;
  /** Body lines whose tail was an attribution: the kept text and the split-off tail. */
  splits: Map<number, { keep: string; tail: string }>;
  /** Lines that are only a (labelled) date, in order: metadata for the header. */
  dateLines: number[];
}

function matchAny(patterns: RegExp[], text: string): boolean {
  for (const p of patterns) if (p.test(text)) return true;
  return false;
}

/** The strings of `CREDIT_LINE_NEEDS` other than ":" and "/", which the line scan already noted. */
const CREDIT_WORD_NEEDS = CREDIT_LINE_NEEDS.filter((s) => s !== ':' && s !== '/');

/** Whether a line is a photo or source credit ("REUTERS/Omar Sanadiki", "Photo: AP"). */
function creditLine(l: Line): boolean {
  let possible = l.hasSlash || l.hasColon;
  if (!possible) {
    const low = lower(l);
    for (const s of CREDIT_WORD_NEEDS) {
      if (low.includes(s)) {
        possible = true;
        break;
      }
    }
  }
  return possible && matchAny(CREDIT_LINE_ANY, l.text);
}

function countTicker(text: string): number {
  let n = 0;
  for (let i = text.indexOf(' //'); i >= 0; i = text.indexOf(' //', i + 3)) n++;
  return n;
}

/** Whether a line reads as a sentence of running text rather than a label, menu item or headline. */
export function isProse(l: Line): boolean {
  return (l.prose ??= proseShaped(l));
}

function proseShaped(l: Line): boolean {
  if (l.words < PROSE_MIN_WORDS) return false;
  if (!l.sentenceEnd && l.words < LONG_LINE_WORDS) return false;
  // "Headline | Section | Site | date" and "A | B | C" menus are not running text.
  if (l.text.includes('|') && PIPES.test(l.text)) return false;
  return l.unspaced || l.words >= FOREIGN_PROSE_WORDS || stopRatio(l) >= MIN_STOP_RATIO;
}

/** Date lines are short: a label, a date and a time. */
const DATE_LINE_MAX_CHARS = 80;
const NUMERIC_TOKEN = /^\d{1,4}(?:st|nd|rd|th|\.)?$/;
const NUMERIC_DATE = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}t[\d:.+z-]*)$/;
const CLOCK = /^\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:am|pm|a\.m\.?|p\.m\.?|h)?$/;
const TIME_ZONE = /^(?:[A-Z]{2,5}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?)$/;

/**
 * Whether a code unit separates the tokens of a date line: white space (`\s`) or one of , | / · • – — ( ).
 * The tests check it against `DATE_TOKEN_SEPARATOR` on every code unit.
 */
export function dateSeparator(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 44 || c === 124 || c === 47 || c === 40 || c === 41;
  return (
    c === 0xb7 || c === 0x2022 || c === 0x2013 || c === 0x2014 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
/** What separates a date line's tokens (`dateSeparator` reads it code unit by code unit). */
export const DATE_TOKEN_SEPARATOR = /[\s,|/·•–—()]/;

/**
 * A line that is only a date, optionally labelled and timed: "17 Apr 2025", "Published April 7, 2025,
 * 11:42 a.m.", "Updated: 4:18 PM CEST May 21, 2025", "10.04.2025 | 14:05". It is metadata (the
 * signals read the date from it), never body and never a title.
 */
export function isDateLine(l: Line): boolean {
  const t = l.text;
  if (t.length > DATE_LINE_MAX_CHARS || l.words > MAX_LABEL_WORDS || !l.hasDigit) return false;
  const m = DATE_LABEL.exec(t);
  let month = false;
  let number = false;
  let numericDate = false;
  let tokens = 0;
  // The tokens are read one by one (most lines fail on the first), not split up front.
  const n = t.length;
  for (let i = m ? m[0].length : 0; i < n; ) {
    while (i < n && dateSeparator(t.charCodeAt(i))) i++;
    if (i === n) break;
    const from = i;
    while (i < n && !dateSeparator(t.charCodeAt(i))) i++;
    const raw = t.slice(from, i);
    if (raw === '-') continue;
    tokens++;
    const low = raw.toLowerCase();
    const tok = DATE_WORDS.has(low) ? low : low.replace(/[.:;]+$/, '');
    if (NUMERIC_TOKEN.test(tok)) number = true;
    else if (NUMERIC_DATE.test(tok)) numericDate = true;
    else if (CLOCK.test(tok)) continue;
    else if (DATE_WORDS.has(tok)) month ||= MONTH_WORDS.has(tok);
    else if (!TIME_ZONE.test(raw.replace(/[.:;]+$/, ''))) return false;
  }
  return tokens >= 1 && (numericDate || (month && number));
}

/** What pass 1 found for one line besides its reason: a scratch record `lineChrome` resets on each call. */
interface LineVerdict {
  /** A photo or source credit: the line before it may be its caption. */
  credit: boolean;
  /** A caption ending in its credit: a short line after it may be a second caption line. */
  captionWithCredit: boolean;
  /** A header after which the rest of the page is related material (once the article has been seen). */
  closes: boolean;
  /** A line holding only a (labelled) date. */
  dateLine: boolean;
  /** The reason a label rule gives the line after it ("Photo", then its caption), or null. */
  nextReason: RemovalReason | null;
}

const verdict: LineVerdict = { credit: false, captionWithCredit: false, closes: false, dateLine: false, nextReason: null };

/**
 * Line `i`'s chrome reason from the pattern tables, or null; `preset` is the reason a label on the line
 * before gave it, which only a ticker overrides. What else was found goes to `v`.
 */
function lineChrome(lines: Line[], i: number, linkShare: Float32Array | null, preset: RemovalReason | null, v: LineVerdict): RemovalReason | null {
  v.credit = false;
  v.captionWithCredit = false;
  v.closes = false;
  v.dateLine = false;
  v.nextReason = null;
  const l = lines[i]!;
  const t = l.text;
  // A ticker's separators are slashes, which the line scan notes.
  if (l.hasSlash && countTicker(t) >= TICKER_MIN_SEPARATORS) return 'ticker';
  if (preset !== null) return preset;
  // A short line that is all link text (known only in marked-up dumps) is a menu item, unless it
  // signs the article ("By [Jane Roe](/authors/roe)" links the author's page).
  if (linkShare !== null && l.words <= MAX_LINK_LINE_WORDS && linkShare[l.n - 1]! >= MIN_LINK_LINE_SHARE && !BYLINE_START.test(t)) return 'nav';
  if (l.words <= MAX_LABEL_WORDS) {
    // Most lines match no rule: one merged test decides that before the rules are tried in order.
    if (matchAny(LINE_RULES_ANY, t)) {
      for (const rule of LINE_RULES) {
        if (!rule.pattern.test(t)) continue;
        if (rule.effect === 'end') v.closes = true;
        if (rule.effect === 'next' && i + 1 < lines.length) {
          const next = lines[i + 1]!;
          if (next.words <= NEXT_MAX_WORDS && !(next.words <= MAX_LABEL_WORDS && matchAny(LINE_RULES_ANY, next.text))) {
            v.nextReason = rule.nextReason ?? rule.reason;
          }
          if (rule.reason === 'credit' && !rule.nextReason) v.credit = true;
        }
        return rule.reason;
      }
    }
    if (isDateLine(l)) {
      v.dateLine = true;
      return 'metadata';
    }
    if (matchAny(ATTRIBUTION_LINE_ANY, t)) return 'metadata';
    if (l.words <= MAX_CREDIT_WORDS) {
      const credit = creditLine(l);
      if (credit || (mayBeImageFileName(l) && matchAny(IMAGE_FILE_NAME_ANY, t))) {
        v.credit = credit;
        return 'credit';
      }
    }
  } else if (l.words <= MAX_CREDIT_WORDS && creditLine(l)) {
    v.credit = true;
    return 'credit';
  }
  if (l.words <= CAPTION_MAX_WORDS) {
    if (
      l.hasCreditMark &&
      mayBeCaptionWithCredit(l, () => lower(l)) &&
      (matchAny(CAPTION_WITH_CREDIT_ANY, t) || (PAREN_CREDIT.test(t) && PAREN_CREDIT_NAME.test(t)))
    ) {
      v.captionWithCredit = true;
      return 'caption';
    }
    if (l.hasDash && (TRAILING_AGENCY.test(t) || TRAILING_CREDIT.test(t))) return 'caption';
  }
  if (l.words < FOOTER_PROSE_MIN_WORDS) return null;
  const low = lower(l);
  if (!FOOTER_PROSE_NEEDS(low) || !FOOTER_PROSE_ANY.test(low)) return null;
  for (const f of FOOTER_PROSE) if (f.pattern.test(t)) return f.reason;
  return null;
}

/** Pass 1: pattern tables, neighbours and template evidence. */
function classifyChrome(
  lines: Line[],
  template: TemplateEvidence | null,
  url: string | null,
  linkShare: Float32Array | null,
): { reasons: (RemovalReason | null)[]; closes: boolean[]; dateLines: number[] } {
  const n = lines.length;
  const dateLines: number[] = [];
  const reasons: (RemovalReason | null)[] = new Array(n).fill(null);
  const closes: boolean[] = new Array(n).fill(false);
  const creditAt: boolean[] = new Array(n).fill(false);
  const captionWithCredit: boolean[] = new Array(n).fill(false);

  for (let i = 0; i < n; i++) {
    // A label rule may have given this line its reason already (the line after "Photo" is a caption).
    if (reasons[i] !== null && !lines[i]!.hasSlash) continue;
    const reason = lineChrome(lines, i, linkShare, reasons[i] ?? null, verdict);
    // One store per array for every kind of verdict: a branch taken for the first time after V8 has
    // optimised this loop then costs no new store site (each such site was a deoptimisation and a
    // recompile of the whole loop, several a run on rare lines).
    reasons[i] = reason;
    if (verdict.credit) creditAt[i] = true;
    if (verdict.captionWithCredit) captionWithCredit[i] = true;
    if (verdict.closes) closes[i] = true;
    if (verdict.dateLine) dateLines.push(i);
    if (verdict.nextReason !== null) {
      reasons[i + 1] = verdict.nextReason;
      if (verdict.nextReason === 'credit') creditAt[i + 1] = true;
    }
  }

  // Neighbours: the line before a credit is its caption; a short unpunctuated line after a
  // caption-with-credit is a second caption line.
  for (let i = 0; i < n; i++) {
    if (creditAt[i] && i > 0 && reasons[i - 1] === null) {
      const c = lines[i - 1]!;
      if (c.words <= CAPTION_MAX_WORDS && sentenceCount(c) <= CAPTION_MAX_SENTENCES) reasons[i - 1] = 'caption';
    }
    if (captionWithCredit[i] && i + 1 < n && reasons[i + 1] === null) {
      const c = lines[i + 1]!;
      if (!c.sentenceEnd && c.words >= 3 && c.words <= SUBCAPTION_MAX_WORDS) reasons[i + 1] = 'caption';
    }
  }

  // Truncated teasers: "… struggling to avoi..." repeating the start of a longer line.
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (reasons[i] !== null || l.words < TEASER_MIN_WORDS || !/(?:\.\.\.|…)$/.test(l.text)) continue;
    const stem = l.text.replace(/(?:\.\.\.|…)$/, '').replace(/\s*\S*$/, '');
    if (stem.length < 20) continue;
    for (let j = 0; j < n; j++) {
      if (j !== i && lines[j]!.text.length > stem.length && lines[j]!.text.startsWith(stem)) {
        reasons[i] = 'teaser';
        break;
      }
    }
  }

  if (template) {
    for (let i = 0; i < n; i++) {
      // lower() is the line lower-cased with single spaces, trimmed: the form the index asks for.
      if (reasons[i] === null && template.isTemplate(lines[i]!.text, url, lower(lines[i]!))) reasons[i] = 'template';
    }
  }
  return { reasons, closes, dateLines };
}

/** Pass 2: the maximum-score run of lines, cut at a closing header. */
function bodyRun(lines: Line[], reasons: (RemovalReason | null)[], closes: boolean[], dateLines: number[]): [number, number] {
  // Date lines are metadata, but they score as the short lines they are: a list of dated teasers after
  // the article must not join it (neutral date lines let the run swallow read-next lists on WCXB).
  const dated = new Set(dateLines);
  let best = 0;
  let bestStart = -1;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const r = reasons[i] ?? null;
    let s: number;
    if (r !== null && INLINE_CHROME.has(r) && !dated.has(i)) s = 0;
    else if (r === null && isProse(lines[i]!)) s = lines[i]!.words;
    else s = -SHORT_PENALTY;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += s;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  if (bestStart < 0) return [-1, -1];
  // Move the start onto the first prose line (Kadane may start on a neutral line).
  while (bestStart < bestEnd && (reasons[bestStart] !== null || !isProse(lines[bestStart]!))) bestStart++;
  // Closing headers split the run into parts; the body is the part with the most prose, where prose
  // after a closing header (comments, read-next teasers) counts for less.
  let bestPart: [number, number] = [bestStart, bestEnd];
  let bestWeight = -1;
  let partStart = bestStart;
  let prose = 0;
  let closed = false;
  for (let i = bestStart; i <= bestEnd + 1; i++) {
    if (i > bestEnd || (closes[i] && prose >= MIN_BODY_BEFORE_END)) {
      const weight = closed ? prose * AFTER_CLOSE_WEIGHT : prose;
      if (weight > bestWeight) {
        bestWeight = weight;
        bestPart = [partStart, i - 1];
      }
      if (i > bestEnd) break;
      partStart = i + 1;
      prose = 0;
      closed = true;
      continue;
    }
    if (reasons[i] === null && isProse(lines[i]!)) prose += lines[i]!.words;
  }
  let [s, e] = bestPart;
  while (s < e && (reasons[s] !== null || !isProse(lines[s]!))) s++;
  while (e > s && (reasons[e] !== null || !isProse(lines[e]!))) e--;
  return [s, e];
}

/**
 * Segments a dump's lines into body and removed chrome.
 *
 * @example const seg = segment(splitLines(page.content), template, page.url);
 */
export function segment(lines: Line[], template: TemplateEvidence | null, url: string | null, linkShare: Float32Array | null = null): Segmentation {
  const { reasons, closes, dateLines } = classifyChrome(lines, template, url, linkShare);
  const [start, end] = bodyRun(lines, reasons, closes, dateLines);
  const splits = new Map<number, { keep: string; tail: string }>();
  if (start < 0) {
    // Filled in place: the readers of `reasons` then always see one kind of array (a copy made by `map`
    // had another shape in V8, and the text extractor's optimised code was thrown away on such pages).
    for (let i = 0; i < reasons.length; i++) reasons[i] ??= 'boilerplate';
    return { lines, reasons, start, end, splits, dateLines };
  }

  // Inside the run: duplicates, fused attributions.
  const seen = new Set<string>();
  let last = -1;
  for (let i = start; i <= end; i++) {
    if (reasons[i] !== null) continue;
    const key = lower(lines[i]!);
    if (lines[i]!.words >= DUPLICATE_MIN_WORDS && seen.has(key)) {
      reasons[i] = 'duplicate';
      continue;
    }
    seen.add(key);
    last = i;
  }
  for (let i = start; i <= end; i++) {
    if (reasons[i] !== null) continue;
    const text = lines[i]!.text;
    const m = lines[i]!.hasDash ? FUSED_ATTRIBUTION.exec(text) : null;
    if (!m) continue;
    const tail = m[2]!;
    const agencyTail = TRAILING_AGENCY.test('x ' + tail.replace(/^[—–]\s*/, '— '));
    if (agencyTail || i === last) splits.set(i, { keep: m[1]!, tail });
  }

  // Outside the run: lines before it that repeat body lines are teasers; after it, lines take the
  // reason of the closing header they follow.
  for (let i = 0; i < start; i++) {
    if (reasons[i] === null && seen.has(lower(lines[i]!))) reasons[i] = 'teaser';
  }
  let section: RemovalReason = 'boilerplate';
  for (let i = end + 1; i < lines.length; i++) {
    if (closes[i]) section = reasons[i] ?? section;
    if (reasons[i] === null) reasons[i] = section;
  }
  return { lines, reasons, start, end, splits, dateLines };
}
