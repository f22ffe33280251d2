/**
 * Text-level signals: who wrote the copy, when, where, by whom, in what language and for which outlet.
 * Runs after a format extractor (text dump or HTML) made a Draft; works on the Draft's body, header
 * lines and removed lines, so both formats share it. Fields the HTML metadata reader already set
 * (JSON-LD date, byline, site name) are trusted first; text fills what is missing.
 *
 * Besides reading, it tidies the body in two narrow ways: credit and byline lines move from
 * `paragraphs` to `removed` (reason 'metadata'), and a credit fused onto the last paragraph
 * ("…decimated.” — Al Jazeera") is cut off. Body sentences are never dropped.
 */
import { decodeHTML } from 'entities';
import { contentPieces, RemovalReason as RemovalReasonEnum, type RawPage, type RemovalReason, type Removed } from '../../records/index.ts';
import type { Draft, DumpLines, Evidence } from '../types.ts';
import { initialsCredit, standaloneAttribution, trailingAttribution, wireDateline, type Attribution } from './attribution.ts';
import { parseByline } from './byline.ts';
import {
  dateFromUrl,
  dateLabelWeight,
  findExplicitDates,
  hasWeekday,
  isDateSegment,
  MAX_DATE_LABEL_WEIGHT,
  mayHoldDate,
  mayOutweigh,
  labelWeight,
  wordsBesideDate,
  type FoundDate,
} from './dates.ts';
import { findDateline } from './dateline.ts';
import { LANGUAGE_SAMPLE_CHARS, pageLanguage } from './language.ts';
import { footerMarkedLines, outletFromFooter, outletFromPhotoCredit, outletFromTitleDash, outletFromTitleLine, outletFromUrl } from './outlet.ts';
import { isPhotoCredit, resolveSource, sourceKey } from './sources.ts';
import { WIRE_COPY_NOTICE, WIRE_COPY_NOTICE_OPENING_ANY_CASE } from './tables.ts';
import { unmarkDump } from '../text/markup.ts';

export { findDateline } from './dateline.ts';
export { parseByline } from './byline.ts';
export { findExplicitDates } from './dates.ts';
export { identifyLanguage } from './language.ts';

export interface Signals {
  paragraphs: string[];
  removed: Removed[];
  outlet: Evidence | null;
  originalSource: Evidence | null;
  published: Evidence | null;
  dateline: string | null;
  byline: string | null;
  language: string | null;
}

/**
 * How many lines after the last body paragraph a text dump's credit line may sit. On the seeds the
 * credit sits 2–4 lines below the body ("Continue reading…" and blank lines in between); beyond a
 * dozen lines the page is into related stories and footers, whose source names are not this story's.
 */
const TAIL_WINDOW_LINES = 12;
/** Body paragraphs read at each end: credits and bylines sit in the first or last few. */
const EDGE_PARAGRAPHS = 3;
/** Evidence snippets longer than this are cut to a window around the match. */
const MAX_EVIDENCE_CHARS = 160;
const EVIDENCE_CONTEXT_CHARS = 60;

/**
 * Precedence of attribution evidence. A credit at the very end of the body is the editor's last word
 * on the copy and beats a wire dateline (an outlet rewriting wire copy keeps the dateline but signs at
 * the end); an explicit "Source:" label elsewhere is weaker; the outlet itself, when it is a known
 * newsroom and nothing else is said, is the last resort. Caption credits never count.
 */
const RANK = { endCredit: 100, wireDateline: 90, endCreditUnplaced: 60, labelled: 50, copyNotice: 40, outletItself: 10 } as const;

/**
 * A date line inside the body (a "Published …" line or a bare date the extractor kept under the
 * headline) is short; longer lines holding a date are sentences. The examples' date lines run under
 * 40 characters and those this rule moves out of WCXB dev HTML bodies under 65 (a date with a name
 * and "on behalf of …"); 80 leaves room for a weekday and a time zone.
 */
const MAX_BODY_DATE_LINE_CHARS = 80;
/** A body holding more date-only lines than this is a dated list, not an article under one date. */
const MAX_BODY_DATE_LINES = 1;
/**
 * Non-blank lines between the last body paragraph and a line the extractor dropped that still ends
 * in a copy credit ("… April 28. — AFP"): 0 means only the very next line, which is the article's
 * last paragraph that the extractor mistook for chrome because of the credit.
 */
const MAX_LINES_BEFORE_CREDITED_TAIL = 0;
/** A dropped tail line is restored only when the sentence before its credit has this many words. */
const MIN_CREDITED_TAIL_WORDS = 6;
/**
 * Whether an "Updated …" date stands in when the page gives no other date (no header, URL or caption
 * date). Off: measured on the WCXB dev text dumps it was right on 35 pages and wrong on 37 (a later
 * update, often years after publication), and gave dates to 4 undated pages.
 */
const UPDATED_DATE_AS_LAST_RESORT = false;

/** Header dates labelled below this weight ("Updated …" is 1) are not publication dates. */
const MIN_PUBLISHED_LABEL_WEIGHT = 2;
/**
 * A header line is a date line when, besides the date, weekday, time and labels, it holds at most this
 * many words (an author's name, "Jane Doe, December 5, 2016"). Set on WCXB dev, where the header lines
 * holding a date inside a longer phrase ("Effective beginning …", a related post's title with its date,
 * three words and more) were never publication dates.
 */
const MAX_WORDS_BESIDE_DATE = 2;
/** A label may stand this many lines above its date (a blank line between is common in dumps). */
const LABEL_LOOKBACK_LINES = 2;
/** A label line is a few words ("Last update:", "Published on"); longer lines are prose. */
const MAX_LABEL_LINE_WORDS = 4;
/** A date this close to the start of its line may take its label from the line above. */
const LABEL_PREFIX_CHARS = 3;
/** A credit line marked as one by a leading dash or parenthesis or a closing parenthesis (as `standaloneAttribution` reads it). */
const CREDIT_MARK = /^[—–(-]|\)$/u;
/** Removal reasons whose lines may hold a copy credit (not menus, tickers, related lists or captions). */
const CREDIT_REASONS: ReadonlySet<RemovalReason> = new Set(['metadata', 'boilerplate', 'footer', 'template', 'paywall', 'duplicate']);
/** Removal reasons whose lines are page header metadata (title suffix, date and byline lines). */
const HEADER_REASONS: ReadonlySet<RemovalReason> = new Set(['title', 'breadcrumb', 'scraper-date', 'metadata']);
/** Removal reasons whose lines are captions or picture credits: weak date evidence, never attribution. */
const CAPTION_REASONS: ReadonlySet<RemovalReason> = new Set(['caption', 'credit']);
/** Removal reasons of lines that may be a photographer's credit ("Ana Brill for Metro Daily"). */
const PHOTO_CREDIT_REASONS: ReadonlySet<RemovalReason> = new Set(['credit', 'caption', 'duplicate', 'boilerplate']);
/** Removal reasons under which a site names itself. */
const OUTLET_REASONS: ReadonlySet<RemovalReason> = new Set(['footer', 'error-report', 'boilerplate', 'template', 'newsletter', 'metadata', 'title']);
/** Removal reasons whose lines are not site chrome that may repeat the site's name (logo, menus, footer). */
const NOT_CHROME_REASONS: ReadonlySet<RemovalReason> = new Set(['title', 'teaser', 'duplicate', 'caption', 'credit', 'metadata']);

/** A removal reason's membership of each reason set above, one bit a set. */
const IN_CREDIT = 1;
const IN_HEADER = 2;
const IN_CAPTION = 4;
const IN_PHOTO_CREDIT = 8;
const IN_OUTLET = 16;
const IN_CHROME = 32;
/**
 * The bits of every reason, from the sets. A page's removed lines (about 150 a page on the WCXB text
 * dumps) are looked up here once each, instead of in a set on each of the passes that read them.
 */
const REASON_BITS: ReadonlyMap<RemovalReason, number> = (() => {
  const bits = new Map<RemovalReason, number>();
  const sets: Array<[ReadonlySet<RemovalReason>, number]> = [
    [CREDIT_REASONS, IN_CREDIT],
    [HEADER_REASONS, IN_HEADER],
    [CAPTION_REASONS, IN_CAPTION],
    [PHOTO_CREDIT_REASONS, IN_PHOTO_CREDIT],
    [OUTLET_REASONS, IN_OUTLET],
  ];
  for (const reason of RemovalReasonEnum.options) {
    let b = NOT_CHROME_REASONS.has(reason) ? 0 : IN_CHROME;
    for (const [set, bit] of sets) if (set.has(reason)) b |= bit;
    bits.set(reason, b);
  }
  return bits;
})();

/**
 * The reason bits of each removed line, in order (a reason outside the enum is in none of the sets,
 * so it counts as chrome). A plain array: a typed array this long is allocated outside the heap,
 * which cost more per page than the lookups it saves.
 */
function reasonBitsOf(removed: Removed[]): number[] {
  const bits: number[] = [];
  for (let k = 0; k < removed.length; k++) bits.push(REASON_BITS.get(removed[k]!.reason) ?? IN_CHROME);
  return bits;
}

/** A wire's redistribution notice in a line (WIRE_COPY_NOTICE), tested for its opening words first. */
function isWireCopyNotice(line: string): boolean {
  return WIRE_COPY_NOTICE_OPENING_ANY_CASE.test(line) && WIRE_COPY_NOTICE.test(line);
}

interface Candidate {
  rank: number;
  value: string;
  evidence: string;
}

/** Characters of a paragraph's start that must open its line in the dump (wrapped paragraphs aside). */
const PARAGRAPH_HEAD_CHARS = 60;

/**
 * The first UTF-16 unit of each trimmed dump line (-1 for a blank one), in a buffer kept from page to
 * page: a paragraph or header line is compared only with the lines opening with its character, found
 * by scanning these numbers. Read only within the applySignals call that filled it.
 */
let firstUnitsBuffer = new Int32Array(1024);
function firstUnitsOf(trimmed: string[]): Int32Array {
  if (firstUnitsBuffer.length < trimmed.length) firstUnitsBuffer = new Int32Array(Math.max(trimmed.length, 2 * firstUnitsBuffer.length));
  const firsts = firstUnitsBuffer;
  for (let i = 0; i < trimmed.length; i++) {
    const line = trimmed[i]!;
    firsts[i] = line.length === 0 ? -1 : line.charCodeAt(0);
  }
  return firsts;
}

/** A text dump's trimmed lines with the first unit of each (`firstUnitsOf`). */
interface DumpIndex {
  trimmed: string[];
  firsts: Int32Array;
}

/**
 * Where each body paragraph sits in a text dump (1-based line), so "after the body" has a meaning:
 * the first line from the previous paragraph's line on that starts with the paragraph's head, else
 * the first such line before it, else undefined (a wrapped paragraph, joined from several lines).
 * Paragraphs follow one another a few lines apart, so the forward scan is short but for the few
 * paragraphs found in no line.
 */
function locateParagraphs(paragraphs: string[], dump: DumpIndex | null): Array<number | undefined> {
  const positions: Array<number | undefined> = [];
  if (!dump) {
    for (let k = 0; k < paragraphs.length; k++) positions.push(undefined);
    return positions;
  }
  const { trimmed, firsts } = dump;
  const n = trimmed.length;
  let from = 0;
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    // The head is compared in place, without a slice of it; the paragraph is trimmed only when it may need it.
    const text = mayTrimAway(p) ? p.trim() : p;
    const headLength = Math.min(text.length, PARAGRAPH_HEAD_CHARS);
    let at: number | undefined;
    if (headLength > 0) {
      const first = text.charCodeAt(0);
      for (let i = from; i < n; i++) {
        if (firsts[i] === first && opensWith(trimmed[i]!, text, headLength)) {
          at = i + 1;
          from = i + 1;
          break;
        }
      }
      if (at === undefined) {
        for (let i = 0; i < from && i < n; i++) {
          if (firsts[i] === first && opensWith(trimmed[i]!, text, headLength)) {
            at = i + 1;
            break;
          }
        }
      }
    }
    positions.push(at);
  }
  return positions;
}

/** `line.startsWith(text.slice(0, length))`, without the slice. */
function opensWith(line: string, text: string, length: number): boolean {
  if (line.length < length) return false;
  for (let j = 0; j < length; j++) if (line.charCodeAt(j) !== text.charCodeAt(j)) return false;
  return true;
}

/** False when `trim()` leaves a text as it is: it opens and ends with a printable ASCII character (no white space). */
function mayTrimAway(text: string): boolean {
  if (text.length === 0) return true;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(text.length - 1);
  return !(a > 0x20 && a < 0x7f && b > 0x20 && b < 0x7f);
}

/** A dump's lines, raw and trimmed, for a text draft that does not carry them (read as the text extractor reads them). */
function dumpLinesOf(pageContent: string): DumpLines {
  const content = unmarkDump(pageContent).content;
  const raw = content.split('\n');
  return { content, raw, trimmed: raw.map((l) => l.trim()) };
}

/** 1-based line of a header line in a text dump (its first line, trimmed, equal to it), or undefined. */
function findLine(dump: DumpIndex | null, text: string): number | undefined {
  if (!dump) return undefined;
  const { trimmed, firsts } = dump;
  const t = text.trim();
  const first = t === '' ? -1 : t.charCodeAt(0);
  for (let i = 0; i < trimmed.length; i++) if (firsts[i] === first && trimmed[i] === t) return i + 1;
  return undefined;
}

/** A date label standing alone on the nearest non-blank line above a date line ("Last update:"). */
function precedingLabelWeight(lines: string[] | null, line: number | undefined): number | null {
  if (!lines || line === undefined) return null;
  for (let i = line - 2; i >= 0 && i >= line - 1 - LABEL_LOOKBACK_LINES; i--) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    if (t.split(/\s+/).length > MAX_LABEL_LINE_WORDS || findExplicitDates(t).length > 0) return null;
    return labelWeight(t);
  }
  return null;
}

/**
 * False when `precedingLabelWeight` (read on the same lines, trimmed) cannot be above `weight`: the
 * line it would read names no label of a higher weight. It is not parsed for dates to find that out.
 */
function labelAboveMayOutweigh(trimmed: string[] | null, line: number | undefined, weight: number): boolean {
  if (!trimmed || line === undefined) return false;
  for (let i = line - 2; i >= 0 && i >= line - 1 - LABEL_LOOKBACK_LINES; i--) {
    const t = trimmed[i]!;
    if (t !== '') return mayOutweigh(t, weight);
  }
  return false;
}

function snippet(line: string, index: number, length: number): string {
  const t = line.trim();
  if (t.length <= MAX_EVIDENCE_CHARS) return t;
  const start = Math.max(0, index - EVIDENCE_CONTEXT_CHARS);
  const end = Math.min(line.length, index + length + EVIDENCE_CONTEXT_CHARS);
  return line.slice(start, end).trim();
}

function best(cands: Candidate[]): Candidate | null {
  let top: Candidate | null = null;
  for (const c of cands) if (!top || c.rank > top.rank) top = c;
  return top;
}

/** Turns a credit into a source name: one source is that source; several wires were the outlet's inputs. */
function creditValue(a: Attribution, outlet: Evidence | null): string | null {
  if (a.sources.length === 1) return a.sources[0] ?? null;
  if (a.sources.length > 1) return outlet?.value ?? a.sources[0] ?? null;
  return null;
}

const TITLE_RE = /<title[^>]*>([^<]{1,300})<\/title>/iu;

/** The HTML document title, which the HTML draft does not carry but which holds the site suffix. */
function htmlTitle(page: RawPage): string[] {
  if (page.format !== 'html') return [];
  // A match inside the first piece is the page's first match: one starting earlier would run on to the
  // same '>' and the same "</title>" (the pattern allows no '<' between them), so it would end there too.
  // Only a page without one there reads the whole source.
  const m = TITLE_RE.exec(contentPieces(page)[0]!) ?? (page.pieces ? TITLE_RE.exec(page.content) : null);
  return m?.[1] ? [decodeHTML(m[1]).replace(/\s+/gu, ' ').trim()] : [];
}

/** The words before a name that a line passes on rather than speaks as ("Read more at", "via"). */
const PASSED_ON_WORD = /\b(?:at|from|via|by|courtesy of)\s+/iu;

/** Lines of site chrome: what the extractor dropped as menus, footers and the like, and header lines. */
function chromeLines(draft: Draft, bits: readonly number[]): string[] {
  const lines: string[] = [];
  for (let k = 0; k < bits.length; k++) if (bits[k]! & IN_CHROME) lines.push(draft.removed[k]!.text);
  for (let i = 1; i < draft.headerLines.length; i++) lines.push(draft.headerLines[i]!);
  return lines;
}

/**
 * True when a chrome line names `name` as the site speaking ("Daily Lantern — the day's news", "More on
 * Daily Lantern", "© Alpenkurier 2025"), not as a source it passes on ("Read the full story at X").
 */
function chromeNames(lines: string[], name: string, own: string): boolean {
  // The name is matched case-sensitively, so a line without it as a substring cannot name it (and
  // when no line has it, no pattern need be built). The title line itself (`own`, trimmed), seen
  // again among the chrome, is no second naming.
  const holding = lines.filter((l) => l.includes(name) && l.trim() !== own);
  if (holding.length === 0) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The name standing as a whole word; a surrogate in the name takes the pattern (its code-point
  // matching differs from a code-unit search only there). Building the pattern costs far more than
  // the search: its letter classes are compiled on every call.
  const surrogate = /[\ud800-\udfff]/.test(name);
  const at = surrogate ? new RegExp(String.raw`(?<![\p{L}\p{N}])${escaped}(?![\p{L}\p{N}])`, 'u') : null;
  let passedOn: RegExp | null = null;
  return holding.some((l) => {
    if (!(at ? at.test(l) : standsAlone(l, name))) return false;
    // The pattern with the name is compiled (case-insensitive Unicode, costly) only for a line that
    // holds one of its lead words, which most lines naming the site do not.
    if (PASSED_ON_WORD.test(l)) {
      passedOn ??= new RegExp(String.raw`${PASSED_ON_WORD.source}(?:the\s+)?${escaped}`, 'iu');
      if (passedOn.test(l)) return false;
    }
    if (wireDateline(l)) return false;
    // A marked credit ("— X", "(X)") passes the copy on; a bare name is the site's own logo line.
    const credit = standaloneAttribution(l);
    return !credit || credit.bare === true;
  });
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** True when `name` occurs in `line` with no letter or digit (code point) right before or after it. */
function standsAlone(line: string, name: string): boolean {
  for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + 1)) {
    const end = at + name.length;
    let before = '';
    if (at > 0) {
      const low = line.charCodeAt(at - 1);
      const pair = low >= 0xdc00 && low <= 0xdfff && at > 1 && line.charCodeAt(at - 2) >= 0xd800 && line.charCodeAt(at - 2) <= 0xdbff;
      before = pair ? line.slice(at - 2, at) : line[at - 1]!;
    }
    const after = end < line.length ? String.fromCodePoint(line.codePointAt(end)!) : '';
    if (!LETTER_OR_NUMBER.test(before) && !LETTER_OR_NUMBER.test(after)) return true;
  }
  return false;
}

/**
 * The publishing site, strongest evidence first: a pipe suffix on the title line; a dash suffix the
 * page's chrome repeats; the URL's host; a footer that speaks in the site's name (a site's own
 * copyright line before a wire's, and never a wire copyright that carries the wire's redistribution
 * notice, which credits the copy); a photographer credited "for" the site.
 */
function findOutlet(
  draft: Draft,
  page: RawPage,
  dump: DumpLines | null,
  bodyTexts: string[],
  photoOutlet: Evidence | null,
  chrome: () => string[],
  bits: readonly number[],
): Evidence | null {
  // The title line only: later header lines hold bylines and date lines, whose pipes are not site suffixes.
  // A line seen twice (the title is often the dump's first line too) is read once: same line, same answer.
  const titleLines: string[] = [];
  const seen = new Set<string>();
  const add = (line: string) => {
    if (seen.has(line)) return;
    seen.add(line);
    titleLines.push(line);
  };
  if (draft.headerLines.length > 0) add(draft.headerLines[0]!);
  for (const r of draft.removed) if (r.reason === 'title' || r.reason === 'breadcrumb') add(r.text);
  if (draft.title) add(draft.title);
  if (dump) for (let i = 0; i < 3 && i < dump.raw.length; i++) add(dump.raw[i]!);
  for (const line of htmlTitle(page)) add(line);
  for (const line of titleLines) {
    const v = outletFromTitleLine(line);
    if (v) return { value: v, evidence: line.trim() };
  }
  for (const line of titleLines) {
    const own = line.trim();
    const v = outletFromTitleDash(line, (name) => chromeNames(chrome(), name, own));
    if (v) return { value: v, evidence: line.trim() };
  }
  const fromUrl = outletFromUrl(page.url);
  if (fromUrl) return fromUrl;
  let wireFooter: Evidence | null = null;
  /** The first footer line naming a site that is no wire (a wire's footer is kept as a fallback). */
  const siteFooter = (lines: string[]): Evidence | null => {
    for (const line of lines) {
      const v = outletFromFooter(line);
      if (!v) continue;
      if (resolveSource(v)?.kind !== 'wire') return { value: v, evidence: snippet(line, 0, 0) };
      if (!isWireCopyNotice(line)) wireFooter ??= { value: v, evidence: snippet(line, 0, 0) };
    }
    return null;
  };
  const outletLines: string[] = [];
  for (let k = 0; k < bits.length; k++) if (bits[k]! & IN_OUTLET) outletLines.push(draft.removed[k]!.text);
  const fromFooter =
    siteFooter(outletLines) ??
    siteFooter(draft.headerLines) ??
    siteFooter(bodyTexts.slice(-EDGE_PARAGRAPHS)) ??
    // Lines without a footer mark name no site: only the marked ones are read, and the dump is
    // searched for them only when the lines above named none (the search reads the whole page).
    (dump ? siteFooter(footerMarkedLines(dump.content, dump.raw)) : null);
  return fromFooter ?? wireFooter ?? photoOutlet;
}

/**
 * A short body line that is only a date, labelled or not ("Published April 7, 2025, 11:42 a.m.",
 * "Updated: 4:18 PM CEST May 21, 2025", "17 Apr 2025"): the date with its label weight, or null.
 * Photo credits and sentences that happen to hold a date are not date lines.
 */
function bodyDateLine(p: string, datesIn: (line: string) => FoundDate[]): { date: FoundDate; weight: number } | null {
  const text = p.trim();
  if (text.length > MAX_BODY_DATE_LINE_CHARS || !mayHoldDate(text) || isPhotoCredit(text)) return null;
  const [date] = datesIn(text);
  if (!date) return null;
  if (!isDateSegment(text, date) && wordsBesideDate(text, date) > MAX_WORDS_BESIDE_DATE) return null;
  return { date, weight: dateLabelWeight(text, date.index) };
}

/**
 * The publication date when the format extractor gave none: the best-labelled date of the header lines,
 * else the URL's, else a dated caption or photo credit, else (as a last resort) an "Updated" date. Its
 * own function, not a section of `applySignals`: V8 recompiles a function whole when one of its paths
 * turns out to need it, and the whole of `applySignals` was about half a second of compiler time.
 */
function findPublished(
  draft: Draft,
  page: RawPage,
  paragraphs: string[],
  bits: number[],
  dumpIndex: DumpIndex | null,
  trimmedLines: string[] | null,
  rawLines: string[] | null,
  firstBodyLine: number | undefined,
  bodyDates: Array<{ text: string; line: number | undefined }>,
  datesIn: (line: string) => FoundDate[],
): Evidence | null {
  let published: Evidence | null = null;
  // Lines the format extractor called scraper dates are never publication dates, year or not.
  // Loops rather than filter/map chains and spreads, as for the byline lines above (V8 deoptimisation loops).
  const scraperDates = new Set<string>();
  let headlineLine: number | undefined;
  for (const r of draft.removed) {
    if (r.reason === 'scraper-date') scraperDates.add(r.text.trim());
    else if (r.reason === 'title' && r.line !== undefined && (headlineLine === undefined || r.line > headlineLine)) headlineLine = r.line;
  }
  // Only lines that may hold a date and are no photo credit are read, so only those are placed and
  // sorted (the sort is stable: their order is the one the whole list would give them).
  const mayDate = (text: string) => mayHoldDate(text) && !isPhotoCredit(text) && (scraperDates.size === 0 || !scraperDates.has(text.trim()));
  const headerLines: Array<{ text: string; line: number | undefined }> = [];
  for (const text of draft.headerLines) if (mayDate(text)) headerLines.push({ text, line: findLine(dumpIndex, text) });
  for (let k = 0; k < bits.length; k++) {
    const r = draft.removed[k]!;
    const early = r.reason === 'boilerplate' && r.line !== undefined && firstBodyLine !== undefined && r.line < firstBodyLine;
    if ((bits[k]! & IN_HEADER || early) && mayDate(r.text)) headerLines.push({ text: r.text, line: r.line });
  }
  if (draft.title && mayDate(draft.title)) headerLines.push({ text: draft.title, line: undefined });
  for (const b of bodyDates) if (mayDate(b.text)) headerLines.push(b);
  headerLines.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  let header: { date: FoundDate; line: string; weight: number } | null = null;
  let updated: { date: FoundDate; line: string } | null = null;
  for (const { text: line, line: at } of headerLines) {
    // A header date of the highest label weight is replaced by no later one, and with a header date
    // the "Updated" one is never read: the lines after it need not be parsed.
    if (header && header.weight >= MAX_DATE_LABEL_WEIGHT) break;
    // A later date replaces the header date only with a higher weight, from a label on its line or
    // on the line above (below): a line offering neither is not parsed. Most header lines after the
    // first date line are such (related posts, repeated date lines), and parsing is the costly step.
    if (header && !mayOutweigh(line, header.weight) && !labelAboveMayOutweigh(trimmedLines, at, header.weight)) continue;
    for (const date of datesIn(line)) {
      let weight = dateLabelWeight(line, date.index);
      // "Last update:" / "Published:" on a line of its own just above a bare date line.
      if (weight === 2 && date.index < LABEL_PREFIX_CHARS) weight = precedingLabelWeight(rawLines, at) ?? weight;
      const dateLine = weight > 2 || isDateSegment(line, date) || wordsBesideDate(line, date) <= MAX_WORDS_BESIDE_DATE;
      if (!dateLine) continue;
      // An "Updated" date is a later bound, not the publication date: on WCXB dev both pages whose
      // only header date was "Updated …" had been published years earlier. It is kept as a last resort.
      if (weight < MIN_PUBLISHED_LABEL_WEIGHT) {
        updated ??= { date, line };
        continue;
      }
      // An unlabelled weekday date above the headline is the site's "today" banner.
      if (weight === 2 && at !== undefined && headlineLine !== undefined && at < headlineLine && hasWeekday(line)) continue;
      if (!header || weight > header.weight) header = { date, line, weight };
    }
  }
  if (header) {
    published = { value: header.date.iso, evidence: snippet(header.line, header.date.index, header.date.text.length) };
  } else {
    const fromUrl = dateFromUrl(page.url);
    if (fromUrl && page.url) published = { value: fromUrl.iso, evidence: fromUrl.text };
  }
  if (!published) {
    // Captions with a full date ("… Syria December 5, 2016. REUTERS/…") date the picture, usually
    // taken the day the story ran: weaker evidence, used only when the header says nothing.
    // Caption lines first, then any line that is a photo credit; the first dated one counts, so the
    // lines are read in that order only until one is.
    const captionDate = (line: string): Evidence | null => {
      const date = datesIn(line).find((d) => dateLabelWeight(line, d.index) >= MIN_PUBLISHED_LABEL_WEIGHT);
      return date ? { value: date.iso, evidence: snippet(line, date.index, date.text.length) } : null;
    };
    // Lines without a year give no date, so only the others are tested for a credit.
    const creditDate = (line: string): Evidence | null => (mayHoldDate(line) && isPhotoCredit(line) ? captionDate(line) : null);
    for (let k = 0; k < bits.length && !published; k++) if (bits[k]! & IN_CAPTION) published = captionDate(draft.removed[k]!.text);
    for (const line of draft.headerLines) if (!published) published = creditDate(line);
    for (const line of paragraphs) if (!published) published = creditDate(line);
    for (const r of draft.removed) if (!published) published = creditDate(r.text);
  }
  if (!published && updated && UPDATED_DATE_AS_LAST_RESORT) {
    published = { value: updated.date.iso, evidence: snippet(updated.line, updated.date.index, updated.date.text.length) };
  }
  return published;
}

/** What `findCredits` found: the original-source candidates, and a credit fused onto the last paragraph. */
interface Credits {
  cands: Candidate[];
  trailing: { index: number; body: string; evidence: string } | null;
}

/**
 * The original-source candidates a page offers: credit lines closing the body (which `drop` takes out
 * of it), a credit fused onto its last paragraph, wire datelines on the lead, labelled credits, a wire's
 * copy notice, and the outlet itself when it is a known source. Its own function for the reason
 * `findPublished` is one (V8 recompiles a function whole).
 */
function findCredits(
  draft: Draft,
  paragraphs: string[],
  bits: number[],
  drop: Map<number, RemovalReason>,
  outlet: Evidence | null,
  restoredAt: number,
  lastBodyLine: number | undefined,
  leadIndexes: number[],
): Credits {
  const isOutlet = (name: string) => outlet !== null && sourceKey(name) === sourceKey(outlet.value);
  const cands: Candidate[] = [];
  const addCredit = (a: Attribution | null, initials: boolean, rank: number) => {
    if (!a) return;
    const value = initials ? (outlet?.value ?? null) : creditValue(a, outlet);
    if (value) cands.push({ rank, value, evidence: a.evidence });
  };
  /**
   * A credit line, or null. A bare name outside the source table that is the outlet's own name is the
   * site's logo or sign-off, not a credit; in lines the extractor dropped, a bare name outside the
   * table is believed only when the extractor itself called the line metadata.
   */
  const creditOf = (line: string, reason: RemovalReason | null = null): { a: Attribution; initials: boolean } | null => {
    const i = initialsCredit(line);
    if (i) return { a: i, initials: true };
    // Such a line is believed outside the table only when a dash or parentheses mark it (a labelled
    // name outside the table is never a credit), so an unmarked one needs only the table lookup.
    const tabledOnly = reason !== null && reason !== 'metadata' && !CREDIT_MARK.test(line.trim());
    const s = standaloneAttribution(line, tabledOnly);
    if (!s) return null;
    if (!s.tabled && s.bare && (s.sources.some(isOutlet) || (reason !== null && reason !== 'metadata'))) return null;
    return { a: s, initials: false };
  };

  // Credit lines closing the body, read from the end inwards.
  let tailEnd = paragraphs.length;
  for (let i = paragraphs.length - 1; i >= Math.max(0, paragraphs.length - EDGE_PARAGRAPHS); i--) {
    if (drop.has(i)) continue;
    const c = creditOf(paragraphs[i]!);
    if (!c) break;
    addCredit(c.a, c.initials, RANK.endCredit);
    drop.set(i, 'metadata');
    tailEnd = i;
  }
  while (tailEnd > 0 && drop.has(tailEnd - 1)) tailEnd--;
  // A credit fused onto the last real paragraph.
  let trailing: { index: number; body: string; evidence: string } | null = null;
  if (tailEnd > 0) {
    const t = trailingAttribution(paragraphs[tailEnd - 1]!);
    if (t && (t.tabled || !t.sources.some(isOutlet))) {
      addCredit(t, false, RANK.endCredit);
      trailing = { index: tailEnd - 1, body: t.body, evidence: t.evidence };
    }
  }
  // Credit lines the format extractor already removed just below the body.
  // Only lines in the tail window (or unplaced metadata) can count, so only those are parsed.
  for (let k = 0; k < bits.length; k++) {
    if (k === restoredAt || !(bits[k]! & IN_CREDIT)) continue;
    const r = draft.removed[k]!;
    if (r.line !== undefined && lastBodyLine !== undefined) {
      // Same line as the last paragraph: the extractor split a fused credit off it.
      if (r.line < lastBodyLine || r.line - lastBodyLine > TAIL_WINDOW_LINES) continue;
      const c = creditOf(r.text, r.reason);
      if (c) addCredit(c.a, c.initials, RANK.endCredit);
    } else if (r.line === undefined && (r.reason === 'metadata' || r.reason === 'boilerplate')) {
      const c = creditOf(r.text, r.reason);
      if (c) addCredit(c.a, c.initials, RANK.endCreditUnplaced);
    }
  }
  // Wire datelines on the lead (and on header copies of it, such as a teaser of the first paragraph).
  // The first one found counts; photo credits are skipped (the dateline is read first: most lines have none).
  const leadWire = (line: string): Attribution | null => {
    const w = wireDateline(line);
    return w && !isPhotoCredit(line) ? w : null;
  };
  let wire: Attribution | null = null;
  for (const i of leadIndexes.slice(0, 2)) if (!wire) wire = leadWire(paragraphs[i]!);
  for (const line of draft.headerLines) if (!wire) wire = leadWire(line);
  for (let k = 0; k < bits.length && !wire; k++) {
    const r = draft.removed[k]!;
    if (k !== restoredAt && (r.reason === 'teaser' || r.reason === 'duplicate')) wire = leadWire(r.text);
  }
  if (wire) addCredit(wire, false, RANK.wireDateline);
  // Explicit "Source: …" labels and bare credit lines inside the body.
  paragraphs.forEach((p, i) => {
    if (drop.has(i)) return;
    const s = standaloneAttribution(p, true);
    // Only table names are credits mid-body: a bare "Harbour News" there is as often a subheading.
    if (!s || !s.tabled) return;
    if (/:/.test(p)) {
      addCredit(s, false, RANK.labelled);
      drop.set(i, 'metadata');
    } else {
      // A bare agency name between paragraphs credits the picture above it.
      drop.set(i, 'credit');
    }
  });
  for (const line of draft.headerLines) {
    // Only a labelled credit counts here, and a label ends in a colon.
    if (!line.includes(':')) continue;
    const s = standaloneAttribution(line);
    if (s) addCredit(s, false, RANK.labelled);
  }
  // A wire's copyright line with its redistribution notice under the story credits the copy.
  for (let k = 0; k < bits.length; k++) {
    const r = draft.removed[k]!;
    if (k === restoredAt || (r.reason !== 'footer' && r.reason !== 'boilerplate')) continue;
    if (!isWireCopyNotice(r.text)) continue;
    const v = outletFromFooter(r.text);
    if (v && resolveSource(v)?.kind === 'wire') {
      cands.push({ rank: RANK.copyNotice, value: v, evidence: snippet(r.text, 0, 0) });
      break;
    }
  }
  if (outlet && resolveSource(outlet.value)) cands.push({ rank: RANK.outletItself, value: outlet.value, evidence: outlet.evidence });
  return { cands, trailing };
}

/**
 * Reads text-level signals from a Draft and returns the tidied body with the fields found.
 *
 * @example
 *   const s = applySignals(draft, page);
 *   s.originalSource // { value: 'Reuters', evidence: 'BEIRUT/MOSCOW (Reuters) -' }
 */
export function applySignals(draft: Draft, page: RawPage): Signals {
  // Split and trimmed once (by the text extractor, when it made the draft): paragraph and header-line
  // positions and the blank-line counts all read them.
  const dump = page.format === 'text' ? (draft.dumpLines ?? dumpLinesOf(page.content)) : null;
  const rawLines = dump?.raw ?? null;
  const trimmedLines = dump?.trimmed ?? null;
  const paragraphs = [...draft.paragraphs];
  const bits = reasonBitsOf(draft.removed);
  const dumpIndex: DumpIndex | null = trimmedLines ? { trimmed: trimmedLines, firsts: firstUnitsOf(trimmedLines) } : null;
  const positions = locateParagraphs(paragraphs, dumpIndex);
  let firstBodyLine: number | undefined;
  let lastBodyLine: number | undefined;
  for (const at of positions) {
    if (at === undefined) continue;
    if (firstBodyLine === undefined || at < firstBodyLine) firstBodyLine = at;
    if (lastBodyLine === undefined || at > lastBodyLine) lastBodyLine = at;
  }
  const drop = new Map<number, RemovalReason>();
  const language = pageLanguage(leadingJoin(draft.title ?? '', paragraphs, '\n', LANGUAGE_SAMPLE_CHARS), draft.declaredLanguage);
  // The date parser is the costliest step per line, and this page's lines repeat one another (a date
  // line is a header line and a removed metadata line; body lines are read twice): each distinct
  // line is parsed once per page. The results are only read.
  const parsedDates = new Map<string, FoundDate[]>();
  const datesIn = (line: string): FoundDate[] => {
    let dates = parsedDates.get(line);
    if (dates === undefined) parsedDates.set(line, (dates = findExplicitDates(line, language)));
    return dates;
  };

  // The body's last paragraph, dropped by the text extractor as chrome because of the credit fused
  // onto it ("Union members will vote … April 28. — AFP" on the line right under the body), comes back.
  // Until the body is tidied at the end, it stays in draft.removed at `restoredAt` and the passes over
  // the removed lines skip it there.
  let restoredAt = -1;
  if (rawLines && lastBodyLine !== undefined) {
    // Whether at most `max` non-blank lines lie in [from, to) (0-based): counted only until the bound
    // is passed, which is at once for nearly every line asked about (a prefix count over the whole
    // dump cost more than all the questions).
    const fewNonBlankBetween = (from: number, to: number, max: number) => {
      const a = Math.min(from, rawLines.length);
      const b = Math.min(Math.max(to, a), rawLines.length);
      let n = 0;
      for (let i = a; i < b; i++) if (trimmedLines![i] !== '' && ++n > max) return false;
      return true;
    };
    let at = -1;
    for (let k = 0; k < bits.length && at < 0; k++) {
      const r = draft.removed[k]!;
      if (
        r.line !== undefined &&
        r.line > lastBodyLine &&
        bits[k]! & IN_CREDIT &&
        r.reason !== 'metadata' &&
        fewNonBlankBetween(lastBodyLine, r.line - 1, MAX_LINES_BEFORE_CREDITED_TAIL)
      )
        at = k;
    }
    const r = at >= 0 ? draft.removed[at]! : null;
    const t = r ? trailingAttribution(r.text) : null;
    if (r && t && t.body.split(/\s+/u).length >= MIN_CREDITED_TAIL_WORDS && /[.!?”"’…]$/u.test(t.body)) {
      restoredAt = at;
      paragraphs.push(r.text);
      positions.push(r.line);
    }
  }

  // --- lead and credit lines that are metadata, not body -----------------------------------------
  // Photographers credited "for" a site ("Ana Brill for Metro Daily"). Title-case headings share the
  // shape ("Practical Tips for Shoppers", "Security Enhancements for Blockchain Networks" on WCXB dev),
  // so a credit counts only when a chrome line is the site's name alone (a logo) or its copyright.
  // The chrome lines are gathered only for a page that asks (a photo credit or a dash title suffix).
  let chrome: string[] | null = null;
  const chromeOf = (): string[] => (chrome ??= chromeLines(draft, bits));
  const photoCredits: Array<{ text: string; index: number | null; site: string }> = [];
  const readPhotoCredit = (text: string, index: number | null) => {
    const site = outletFromPhotoCredit(text);
    if (site !== null && chromeOf().some((l) => l.trim() === site || outletFromFooter(l) === site)) photoCredits.push({ text, index, site });
  };
  for (let i = 0; i < paragraphs.length; i++) readPhotoCredit(paragraphs[i]!, i);
  for (let k = 0; k < bits.length; k++) if (k !== restoredAt && bits[k]! & IN_PHOTO_CREDIT) readPhotoCredit(draft.removed[k]!.text, null);
  for (const c of photoCredits) if (c.index !== null) drop.set(c.index, 'credit');
  const photoOutlet: Evidence | null = photoCredits[0] ? { value: photoCredits[0].site, evidence: photoCredits[0].text.trim() } : null;
  // Byline and date lines among the first paragraphs (the extractor keeps them when they sit between
  // the headline and the lead); lines moved out do not count towards the lead's paragraphs.
  let leadByline: string | null = null;
  const bodyDates: Array<{ text: string; line: number | undefined }> = [];
  // Date lines further down the body too: a list of dated items (events, posts), whose first date is
  // not the page's. Seen on WCXB dev: an events page whose body starts "* March 16, 2026". Counted
  // only when a lead paragraph is a date line (few pages), and only until the count is decided: the
  // count reads every short body line with a year, the date parser's costliest use.
  let datedList: boolean | undefined;
  const isDatedList = (): boolean => {
    if (datedList === undefined) {
      let dateLines = 0;
      for (let i = 0; i < paragraphs.length && dateLines <= MAX_BODY_DATE_LINES; i++) if (bodyDateLine(paragraphs[i]!, datesIn)) dateLines++;
      datedList = dateLines > MAX_BODY_DATE_LINES;
    }
    return datedList;
  };
  for (let i = 0, lead = 0; i < paragraphs.length && lead < EDGE_PARAGRAPHS; i++) {
    if (drop.has(i)) continue;
    const p = paragraphs[i]!;
    const names = parseByline(p);
    if (names) {
      leadByline ??= names;
      drop.set(i, 'metadata');
      continue;
    }
    if (bodyDateLine(p, datesIn) && !isDatedList()) {
      bodyDates.push({ text: p, line: positions[i] });
      drop.set(i, 'metadata');
      continue;
    }
    lead++;
  }
  // The first paragraphs not moved out so far: the lead's wire dateline and dateline are read there.
  const leadIndexes: number[] = [];
  for (let i = 0; i < paragraphs.length && leadIndexes.length < EDGE_PARAGRAPHS; i++) if (!drop.has(i)) leadIndexes.push(i);

  const found = draft.outlet ?? findOutlet(draft, page, dump, paragraphs, photoOutlet, chromeOf, bits);
  // Aliases from markup ("USA TODAY", "the Guardian", "Thomson Reuters") come back canonical.
  const outlet = found ? { ...found, value: resolveSource(found.value)?.name ?? found.value } : null;

  // --- original source -------------------------------------------------------------------------
  const credits = findCredits(draft, paragraphs, bits, drop, outlet, restoredAt, lastBodyLine, leadIndexes);
  const trailing = credits.trailing;
  const top = best(credits.cands);
  const originalSource: Evidence | null = draft.originalSource ?? (top ? { value: top.value, evidence: top.evidence } : null);

  // --- byline ----------------------------------------------------------------------------------
  // A loop, not filter().filter().map(): V8 inlined map() checking the filtered array's elements kind,
  // and an empty filter result has another, so applySignals was deoptimised and recompiled over and
  // over (822 deoptimisations in 1,586 calls on the WCXB dumps).
  const bylineLines = [...draft.headerLines];
  for (const r of draft.removed) {
    if ((r.reason === 'metadata' || r.reason === 'boilerplate') && (r.line === undefined || firstBodyLine === undefined || r.line < firstBodyLine)) bylineLines.push(r.text);
  }
  let byline = draft.byline;
  if (!byline) {
    for (const line of bylineLines) {
      byline = parseByline(line);
      if (byline) break;
    }
  }
  byline ??= leadByline;

  // --- published -------------------------------------------------------------------------------
  const published: Evidence | null =
    draft.published ?? findPublished(draft, page, paragraphs, bits, dumpIndex, trimmedLines, rawLines, firstBodyLine, bodyDates, datesIn);

  // --- dateline --------------------------------------------------------------------------------
  let dateline = draft.dateline;
  for (const i of leadIndexes.slice(0, EDGE_PARAGRAPHS)) {
    if (dateline) break;
    if (!drop.has(i)) dateline = findDateline(paragraphs[i]!);
  }

  // --- tidy the body ---------------------------------------------------------------------------
  const removed: Removed[] = restoredAt < 0 ? [...draft.removed] : draft.removed.filter((_, k) => k !== restoredAt);
  const kept: string[] = [];
  paragraphs.forEach((p, i) => {
    const reason = drop.get(i);
    if (reason) {
      removed.push(withLine({ text: p, reason }, positions[i]));
      return;
    }
    if (trailing && trailing.index === i) {
      kept.push(trailing.body);
      removed.push(withLine({ text: trailing.evidence, reason: 'metadata' }, positions[i]));
      return;
    }
    kept.push(p);
  });

  return { paragraphs: kept, removed, outlet, originalSource, published, dateline, byline, language };
}

/**
 * `[first, ...rest].join(sep)` cut short once it holds `max` characters: its first `max` characters
 * are the joined text's (language identification reads no further), without joining the whole body.
 */
function leadingJoin(first: string, rest: string[], sep: string, max: number): string {
  let out = first;
  for (let i = 0; i < rest.length && out.length < max; i++) out += sep + rest[i]!;
  return out;
}

function withLine(r: Removed, line: number | undefined): Removed {
  return line === undefined ? r : { ...r, line };
}
