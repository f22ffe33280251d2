/**
 * Cross-page template evidence for text dumps: a line that recurs on several pages is site chrome
 * (menus, footers, prompts) — unless the pages sharing it are copies of one article, as wire stories
 * are, verbatim, on many sites. Pages are grouped into "same article" clusters by the prose lines they
 * share; a line is template only when it recurs across different clusters.
 */
import type { RawPage } from '../../records/index.ts';
import type { TemplateEvidence } from '../types.ts';
import { unmarkDump } from './markup.ts';

/** Lines with at least this many words are "prose" for telling copies of one article apart. */
const PROSE_WORDS = 12;
/**
 * Two pages are copies of one article when they share at least this many prose lines and at least
 * `SAME_ARTICLE_FRACTION` of the smaller page's prose lines. Set from the seeds (000 and 001, one NYT
 * copy on two sites, share 18 body paragraphs, nearly all of 000's), well clear of the one or two
 * footer blurbs that different articles of one site share.
 */
const SAME_ARTICLE_MIN_SHARED = 3;
const SAME_ARTICLE_FRACTION = 0.3;
/** A line seen on pages of one host in this many different article clusters is that host's template. */
const SAME_HOST_MIN_CLUSTERS = 2;
/**
 * Across hosts the evidence is weaker (a heading such as "Conclusion" recurs in unrelated articles),
 * so more distinct articles are needed. Tuned on the 793 WCXB dumps (one page per site, so only
 * cross-host evidence applies): body F1 0.9086 at 3, 0.9085 at 4, 0.9082 at 6, 0.9075 with none;
 * 4 keeps a margin against headings such as "Conclusion" recurring in unrelated articles.
 */
const CROSS_HOST_MIN_CLUSTERS = 4;
/** A prose line on more pages than this is a footer, not evidence that they are copies of one article. */
const MAX_COPY_PAGES = 50;
/** Lines longer than this are never template by themselves (cheap bound on the index size). */
const MAX_TEMPLATE_CHARS = 400;

/** Double spaces, tabs or no-break spaces, by a scan (the regex it replaces took a sixth of the index's time). */
function needsCollapse(s: string): boolean {
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else {
      if (c === 9 || c === 0xa0) return true;
      prevSpace = false;
    }
  }
  return false;
}

/** The form lines are compared in: lower case, single spaces, no list markers or digits runs. */
export function normaliseLine(line: string): string {
  let s = line.toLowerCase();
  if (needsCollapse(s)) s = s.replace(/\s+/g, ' ');
  return normaliseLowered(s.trim());
}

/** `normaliseLine` of a line already lower-cased, with single spaces and trimmed: only list markers go. */
function normaliseLowered(s: string): string {
  const c = s.charCodeAt(0);
  // The pattern opens with a marker or a digit: skip it for lines that open with anything else.
  if (c === 42 || c === 45 || markerChar(c) || (c >= 48 && c <= 57)) s = s.replace(/^(?:[*•·–—-]|\d{1,3}[.)])\s+/, '');
  return s;
}

/** A page's lines as the text extractor reads them: a Markdown or link-annotated dump without its markup. */
function dumpText(page: RawPage): string {
  return unmarkDump(page.content).content;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url);
  return m ? m[1]!.toLowerCase().replace(/^www\./, '') : null;
}

/** Whether a line has at least `min` words (runs of characters other than space and tab); stops there. */
function hasWords(s: string, min: number): boolean {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9;
    if (!space && !inWord && ++n >= min) return true;
    inWord = !space;
  }
  return false;
}

/** Slots of the key-signature table (a power of two). */
const SIGNATURE_SLOTS = 1 << 16;

/** A key's length and first and last two characters, folded into a slot: cheap, however long the key. */
function signature(key: string): number {
  const n = key.length;
  const h = (n * 31 + key.charCodeAt(0)) * 31 + key.charCodeAt(1 % n);
  return ((h * 31 + key.charCodeAt(n - 1)) * 31 + key.charCodeAt(Math.max(0, n - 2))) & (SIGNATURE_SLOTS - 1);
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}

/**
 * The lines (by their `normaliseLine` form) that two or more pages hold, numbered from 0, with their
 * pages; and each page's count of distinct prose lines. A line's string is asked for only when it
 * turns out to be template (most recurring lines in a run of copies never are).
 */
export interface LineIndex {
  /** How many recurring lines. */
  count: number;
  /** Line i's pages, in page order, each once: `pages[pagesFrom[i]]` up to `pages[pagesFrom[i + 1]]`. */
  pages: Int32Array;
  pagesFrom: Int32Array;
  /** Whether line i has `PROSE_WORDS` words or more (1) or not (0). */
  prose: Uint8Array;
  /** Line i, normalised. */
  lineOf(i: number): string;
  /**
   * Each page's count of distinct prose lines. It is read only for two pages sharing at least
   * `SAME_ARTICLE_MIN_SHARED` prose lines (held by at most `MAX_COPY_PAGES` pages), and need be exact
   * only for pages holding that many such lines.
   */
  proseCount: number[];
}

/** A `LineIndex` of recurring lines given as strings with their pages. */
function indexOfLines(lines: Array<[string, number[]]>, proseCount: number[]): LineIndex {
  const pagesFrom = new Int32Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) pagesFrom[i + 1] = pagesFrom[i]! + lines[i]![1].length;
  const pages = new Int32Array(pagesFrom[lines.length]!);
  const prose = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    pages.set(lines[i]![1], pagesFrom[i]!);
    prose[i] = hasWords(lines[i]![0], PROSE_WORDS) ? 1 : 0;
  }
  return { count: lines.length, pages, pagesFrom, prose, lineOf: (i) => lines[i]![0], proseCount };
}

/**
 * The line index built on the lines' strings: every line of every page normalised and looked up. The
 * reference that `indexByHashes` must agree with, and its fallback.
 */
export function indexByStrings(pages: RawPage[]): LineIndex {
  // Pages holding each line, in page order: a number while one page holds it (most lines), an array
  // from the second page on, so the lines that never recur cost no array.
  const linePages = new Map<string, number | number[]>();
  const proseCount: number[] = [];
  for (let pi = 0; pi < pages.length; pi++) {
    let prose = 0;
    for (const raw of dumpText(pages[pi]!).split('\n')) {
      if (raw.length === 0 || raw.length > MAX_TEMPLATE_CHARS * 4) continue;
      const line = normaliseLine(raw);
      if (line.length < 2) continue;
      const list = linePages.get(line);
      // Seen before on this page: pages are added in order, so this page is the last one listed.
      // (Long lines of few words are neither counted nor listed, so seeing them twice changes nothing.)
      if (list === pi || (typeof list === 'object' && list[list.length - 1] === pi)) continue;
      if (hasWords(line, PROSE_WORDS)) prose++;
      else if (line.length > MAX_TEMPLATE_CHARS) continue;
      if (list === undefined) linePages.set(line, pi);
      else if (typeof list === 'number') linePages.set(line, [list, pi]);
      else list.push(pi);
    }
    proseCount.push(prose);
  }
  const recurring: Array<[string, number[]]> = [];
  for (const [line, list] of linePages) if (typeof list === 'object') recurring.push([line, list]);
  return indexOfLines(recurring, proseCount);
}

/**
 * Lower-case form of each UTF-16 code unit from 128 up, filled in on first sight: 0 not known yet,
 * 1 for a unit whose lower case is not one context-free unit (white space, which normalising
 * rewrites; capital sigma, whose form depends on the next letter; İ, which becomes two units; a
 * surrogate). Lines holding such a unit take the string path.
 */
const LOWER_UNIT = new Uint16Array(65536);
const STRING_PATH = 1;

function lowerUnit(c: number): number {
  let l = LOWER_UNIT[c]!;
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    const special = s.length !== 1 || c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff) || /\s/.test(String.fromCharCode(c));
    LOWER_UNIT[c] = l = special ? STRING_PATH : s.charCodeAt(0);
  }
  return l;
}

/**
 * Each code unit as the fingerprint reads it, in one lookup: its lower case (`lowerUnit`), or
 * `STRING_PATH`, or `FOLD_SPACE` for the three plain kinds of white space (`plainSpace`); 0 not known
 * yet. ASCII control units 0-2, whose values would read as those marks, take the string path.
 */
const FOLD_UNIT = new Uint16Array(65536);
const FOLD_SPACE = 2;

function foldUnit(c: number): number {
  let f: number;
  if (c === 32 || c === 9 || c === 0xa0) f = FOLD_SPACE;
  else if (c < 128) f = c <= FOLD_SPACE || (c >= 10 && c <= 13) ? STRING_PATH : c >= 65 && c <= 90 ? c + 32 : c;
  else f = lowerUnit(c);
  FOLD_UNIT[c] = f;
  return f;
}

/** A normalised line's key: two 32-bit hashes of its code units, its length and its word count. */
export interface LineKey {
  h1: number;
  h2: number;
  length: number;
  words: number;
}

// The two hashes (FNV-1a, and the running sum of its states) start here; `keyOfString` and `keyOfSlice` must
// hash alike.
const H1_START = 0x811c9dc5;
const H2_START = 7;

/** The key of a line already normalised (words as `hasWords` counts them: runs of other than space and tab). */
export function keyOfString(line: string, k: LineKey): LineKey {
  let h1 = H1_START;
  let h2 = H2_START;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (h2 + h1) | 0;
    const space = c === 32 || c === 9;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  k.h1 = h1;
  k.h2 = h2;
  k.length = line.length;
  k.words = words;
  return k;
}

/**
 * White space the hashing path reads as a plain space: the space itself, and the tab and no-break
 * space, either of which makes `normaliseLine` collapse every run of white space in the line to one
 * space (a line holding one holds no other white space by then: every other kind takes the string path).
 */
function plainSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** The non-ASCII characters `normaliseLowered`'s marker pattern may strip: • · – —. */
function markerChar(c: number): boolean {
  return c === 0x2022 || c === 0xb7 || c === 0x2013 || c === 0x2014;
}

/**
 * Where the text of the trimmed line `content.slice(start, end)` begins once a list marker or ordinal
 * and the plain white space after it are skipped ("* ", "• ", "12. "): what `normaliseLowered`'s
 * pattern strips, for the slice readers (`keyOfSlice`, `printSlice`).
 */
function afterListMarker(content: string, start: number, end: number): number {
  if (start >= end) return start;
  const c = content.charCodeAt(start);
  if (c === 42 || c === 45 || markerChar(c)) {
    if (start + 1 < end && plainSpace(content.charCodeAt(start + 1))) start += 2;
  } else if (c >= 48 && c <= 57) {
    let i = start + 1;
    while (i < end && i < start + 3 && content.charCodeAt(i) >= 48 && content.charCodeAt(i) <= 57) i++;
    const m = content.charCodeAt(i);
    if (i < end && (m === 46 || m === 41) && i + 1 < end && plainSpace(content.charCodeAt(i + 1))) start = i + 2;
  }
  while (start < end && plainSpace(content.charCodeAt(start))) start++;
  return start;
}

/**
 * The key of `normaliseLine(content.slice(start, end))`, computed without building the string, or
 * false when the line needs the string path: white space other than the plain space, tab and no-break
 * space, or a code unit `lowerUnit` refuses. Runs of those three are squeezed to one space and
 * trimmed as `normaliseLine` does: it collapses every run when the line holds a tab, a no-break space
 * or two spaces in a row, and otherwise the line's single spaces stay as they are. List markers
 * ("* ", "- ", "• ", "12. ", "3) ") go with the white space after them, as the marker pattern takes
 * them.
 */
export function keyOfSlice(content: string, start: number, end: number, k: LineKey): LineKey | false {
  while (start < end && plainSpace(content.charCodeAt(start))) start++;
  while (end > start && plainSpace(content.charCodeAt(end - 1))) end--;
  if (start === end) return keyOfString('', k);
  // A marker is stripped only with white space after it (the pattern's `\s+`); white space other
  // than the three plain kinds after it takes the string path in the loop below anyway.
  start = afterListMarker(content, start, end);
  let c: number;
  let h1 = H1_START;
  let h2 = H2_START;
  let length = 0;
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    c = content.charCodeAt(i);
    if (plainSpace(c)) {
      // Runs of spaces count once; the line ends on no space (trimmed above).
      if (inWord) {
        h1 = Math.imul(h1 ^ 32, 0x01000193);
        h2 = (h2 + h1) | 0;
        length++;
      }
      inWord = false;
      continue;
    }
    if (c < 128) {
      if (c >= 10 && c <= 13) return false;
      if (c >= 65 && c <= 90) c += 32;
    } else {
      c = lowerUnit(c);
      if (c === STRING_PATH) return false;
    }
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (h2 + h1) | 0;
    length++;
    if (!inWord) words++;
    inWord = true;
  }
  k.h1 = h1;
  k.h2 = h2;
  k.length = length;
  k.words = words;
  return k;
}

/**
 * Code units of a line's normalised form (spaces aside) that its fingerprint reads from each end.
 * Reading 8 a side instead of the whole line skips most of the characters of a WCXB dump (mean line
 * 70 characters; the lines over 40 hold 83% of the text), and few distinct lines share both ends (a
 * site's lists of places, "Privacy Policy" / "PrivacyPolicy"): on the 793 WCXB dumps 2,927 of
 * 121,832 distinct lines share a fingerprint with another, told apart by full keys (590 at 16 a
 * side, 179 at 32). Tuned there, in-process A/B against 16: 8 and 6 a side ~13% faster on WCXB and on
 * bench-like copies, 12 ~5%, 4 slower (its groups grow large).
 */
const SAMPLE_UNITS = 8;

/** What `printSlice` found: the line is skipped (its normalised form is under two characters), printed, or needs its string. */
const PRINT_SKIP = 0;
const PRINT_OK = 1;
const PRINT_STRING = 2;

/**
 * A line's fingerprint: two 32-bit hashes of the code units sampled from the ends of its normalised
 * form; and for a line read raw, where its text starts and ends once trimmed and without its list
 * marker (-1 for a line read from its normalised string).
 */
interface Print {
  f1: number;
  f2: number;
  from: number;
  end: number;
}

/**
 * Folds the hashes of the first and of the last `SAMPLE_UNITS` units into one fingerprint; a line of
 * at most `SAMPLE_UNITS` units keeps the hashes of all its units as they are.
 */
function foldPrint(p: Print, f1: number, f2: number, g1: number, g2: number): number {
  p.f1 = Math.imul(f1 ^ g2, 0x85ebca6b) ^ g1;
  p.f2 = (Math.imul(f2, 0xc2b2ae35) + g1) | 0;
  return PRINT_OK;
}

/**
 * The fingerprint of `normaliseLine(content.slice(start, end))`, read off the raw line: the first and
 * the last `SAMPLE_UNITS` code units of the normalised form, spaces left out. Equal normalised forms
 * give equal fingerprints (lines only ever merge); `printString` prints a normalised string alike.
 *
 * Why the raw line can be read without normalising it: outside white space, normalising only lower-
 * cases units (each on its own, but for those `lowerUnit` refuses); the three plain kinds of white
 * space (space, tab, no-break space) become single spaces or go, and are skipped here; other white
 * space stays or becomes a space depending on the whole line, so a sampled one sends the line down
 * the string path (PRINT_STRING), while one between the two samples changes neither. Trimming and
 * list markers are read as `keyOfSlice` reads them.
 */
function printSlice(content: string, start: number, end: number, p: Print): number {
  while (start < end && plainSpace(content.charCodeAt(start))) start++;
  while (end > start && plainSpace(content.charCodeAt(end - 1))) end--;
  start = afterListMarker(content, start, end);
  let c: number;
  p.from = start;
  p.end = end;
  let f1 = H1_START;
  let f2 = H2_START;
  let n = 0;
  let i = start;
  for (; i < end; i++) {
    c = FOLD_UNIT[content.charCodeAt(i)]!;
    if (c <= FOLD_SPACE) {
      if (c === 0) c = foldUnit(content.charCodeAt(i));
      if (c === FOLD_SPACE) continue;
      if (c === STRING_PATH) return PRINT_STRING;
    }
    // A unit past the first sample: the line is longer than one sample (checked as sampled units
    // are, since whether it is a unit at all may depend on the whole line).
    if (n === SAMPLE_UNITS) break;
    f1 = Math.imul(f1 ^ c, 0x01000193);
    f2 = (f2 + f1) | 0;
    n++;
  }
  if (i === end) {
    if (n < 2) return PRINT_SKIP;
    p.f1 = f1;
    p.f2 = f2;
    return PRINT_OK;
  }
  let g1 = H1_START;
  let g2 = H2_START;
  let m = 0;
  for (let j = end - 1; m < SAMPLE_UNITS; j--) {
    c = FOLD_UNIT[content.charCodeAt(j)]!;
    if (c <= FOLD_SPACE) {
      if (c === 0) c = foldUnit(content.charCodeAt(j));
      if (c === FOLD_SPACE) continue;
      if (c === STRING_PATH) return PRINT_STRING;
    }
    g1 = Math.imul(g1 ^ c, 0x01000193);
    g2 = (g2 + g1) | 0;
    m++;
  }
  return foldPrint(p, f1, f2, g1, g2);
}

/** `printSlice` of a line already normalised (`normaliseLine`'s result): the same units, read as they are. */
function printString(line: string, p: Print): number {
  p.from = -1;
  p.end = -1;
  let f1 = H1_START;
  let f2 = H2_START;
  let n = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) continue;
    if (n === SAMPLE_UNITS) break;
    f1 = Math.imul(f1 ^ c, 0x01000193);
    f2 = (f2 + f1) | 0;
    n++;
  }
  if (i === line.length) {
    if (line.length < 2) return PRINT_SKIP;
    p.f1 = f1;
    p.f2 = f2;
    return PRINT_OK;
  }
  let g1 = H1_START;
  let g2 = H2_START;
  let m = 0;
  for (let j = line.length - 1; m < SAMPLE_UNITS; j--) {
    const c = line.charCodeAt(j);
    if (c === 32) continue;
    g1 = Math.imul(g1 ^ c, 0x01000193);
    g2 = (g2 + g1) | 0;
    m++;
  }
  return foldPrint(p, f1, f2, g1, g2);
}

/**
 * Whether `a.slice(aFrom, aEnd)` and `b.slice(bFrom, bEnd)` are the same text. The slices share their
 * parents' characters (no copy from 13 characters up), and the engine compares them natively: a
 * character loop here was the index's costliest line on runs with many copies.
 */
function sameText(a: string, aFrom: number, aEnd: number, b: string, bFrom: number, bEnd: number): boolean {
  const n = aEnd - aFrom;
  if (n !== bEnd - bFrom) return false;
  // Lines compared share their ends (their fingerprints do): the middle unit tells most apart unsliced.
  if (n > 0 && a.charCodeAt(aFrom + (n >> 1)) !== b.charCodeAt(bFrom + (n >> 1))) return false;
  if (n < SHARED_SLICE_CHARS) {
    for (let i = 0; i < n; i++) if (a.charCodeAt(aFrom + i) !== b.charCodeAt(bFrom + i)) return false;
    return true;
  }
  return a.slice(aFrom, aEnd) === b.slice(bFrom, bEnd);
}

/** V8 gives a slice this long or longer its parent's characters; a shorter one is a copy, so compared in place. */
const SHARED_SLICE_CHARS = 13;

/**
 * Whether the text `content.slice(from, end)` holds no code unit `lowerUnit` refuses (white space
 * other than space, tab and no-break space among them). Two raw lines whose trimmed, marker-less
 * texts (`Print.from`/`end`) are the same such text normalise alike: what differs (white space and a
 * marker at the ends) goes, and inside, runs of the three plain kinds become one space whether or not
 * the whole line is collapsed (a line not collapsed holds single spaces only). Other white space
 * inside would stay in one line and become a space in the other, were only one collapsed.
 */
function plainText(content: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = content.charCodeAt(i);
    if (c < 128 ? c >= 10 && c <= 13 : lowerUnit(c) === STRING_PATH) return false;
  }
  return true;
}

/**
 * Fields of a line (one distinct normalised form) in `LineTable.lines`: where one occurrence of it
 * sits (page, start and end of the raw line, start and end of its trimmed text without marker as
 * `Print` gives them), the next line of its fingerprint group (+1, 0 for none), the last page that
 * listed it, how many pages did (counted up to two), and whether its trimmed text is `plainText`
 * (0 not known yet, 1 yes, 2 no).
 */
const L_PAGE = 0;
const L_FROM = 1;
const L_END = 2;
const L_TEXT_FROM = 3;
const L_TEXT_END = 4;
const L_NEXT = 5;
const L_LAST = 6;
const L_PAGES = 7;
const L_PLAIN = 8;
/** The line's fingerprint (`Print.f1`, `f2`): a group's first line is where the table checks it. */
const L_F1 = 9;
const L_F2 = 10;
/**
 * For a record that is another spelling of a line (its case or spacing), 1 + that line's id; 0 for
 * a line's own record. A spelling seen once is recorded, so its next occurrences compare raw.
 */
const L_SPELLS = 11;
/** How many records a group holds (kept on its first record). */
const L_SIZE = 12;
const L_STRIDE = 13;
/**
 * A group is walked record by record up to this size; a larger one finds its lines by full key, so
 * thousands of lines sharing their ends (a table's rows) cost a key each, not a walk through all.
 * The largest group on the 793 WCXB dumps holds 104 records, and 10 hold more than 13.
 */
const GROUP_SCAN_LIMIT = 16;
/**
 * A slot of `LineTable.slots` holds 1 + the id of a group's first line in its low bits and the top
 * bits of the group's `f1` above them (0: free), so a probe reads one 32-bit word and most probes
 * that meet another group go on without reading its line: the table, read at random once a line,
 * stays a quarter of the size of one holding both hashes, which counted on WCXB dumps (the probe's
 * cache misses were the index's costliest line).
 */
const SLOT_ID_BITS = 24;
const SLOT_ID_MASK = (1 << SLOT_ID_BITS) - 1;
/** Lines one table can number (ids are 0 to this); a build with more takes the string path. */
const MAX_LINE_IDS = SLOT_ID_MASK - 1;

/**
 * The distinct lines of a set of pages, found by fingerprint: an open-addressing table from
 * fingerprints to groups of lines, each line an integer id with its fields in one typed array. A
 * line that finds its group compares its raw text with the group's lines (natively, no copy): pages
 * of one site and copies of one article repeat lines verbatim. Only a line that matches none of
 * them is keyed in full (`keyOfSlice`) to tell a new line (same ends, other middle) from another
 * spelling of one (case, spacing).
 *
 * One table serves every build, emptied in between (builds run one at a time): a window's table is
 * tens of megabytes, which V8 maps afresh, slowly, when allocated anew.
 */
class LineTable {
  slots = new Uint32Array(1024);
  mask = 1023;
  groups = 0;
  lines = new Int32Array(1024 * L_STRIDE);
  count = 0;
  /** Full keys of lines in groups that needed them, by line id (few: lines sharing a fingerprint). */
  keys = new Map<number, LineKey>();
  /** Lines of groups past `GROUP_SCAN_LIMIT`, by `bigKey` of their full key. */
  big = new Map<number, number>();

  reset(): void {
    this.slots.fill(0);
    this.groups = 0;
    this.count = 0;
    this.keys.clear();
    this.big.clear();
  }

  private grow(): void {
    const old = this.slots;
    const mask = (this.mask + 1) * 2 - 1;
    const d = new Uint32Array(mask + 1);
    const l = this.lines;
    for (let o = 0; o < old.length; o++) {
      const v = old[o]!;
      if (v === 0) continue;
      const at = ((v & SLOT_ID_MASK) - 1) * L_STRIDE;
      let j = (l[at + L_F1]! ^ Math.imul(l[at + L_F2]!, 0x9e3779b1)) & mask;
      while (d[j] !== 0) j = (j + 1) & mask;
      d[j] = v;
    }
    this.mask = mask;
    this.slots = d;
  }

  private add(page: number, from: number, end: number, p: Print): number {
    if ((this.count + 1) * L_STRIDE > this.lines.length) {
      const grown = new Int32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    const id = this.count++;
    const o = id * L_STRIDE;
    const l = this.lines;
    l[o + L_PAGE] = page;
    l[o + L_FROM] = from;
    l[o + L_END] = end;
    l[o + L_TEXT_FROM] = p.from;
    l[o + L_TEXT_END] = p.end;
    l[o + L_NEXT] = 0;
    l[o + L_LAST] = -1;
    l[o + L_PAGES] = 0;
    l[o + L_PLAIN] = 0;
    l[o + L_F1] = p.f1;
    l[o + L_F2] = p.f2;
    l[o + L_SPELLS] = 0;
    l[o + L_SIZE] = 1;
    return id;
  }

  private keyOf(id: number, contents: string[]): LineKey {
    let k = this.keys.get(id);
    if (k === undefined) {
      const o = id * L_STRIDE;
      k = lineKey(contents[this.lines[o + L_PAGE]!]!, this.lines[o + L_FROM]!, this.lines[o + L_END]!, { h1: 0, h2: 0, length: 0, words: 0 });
      this.keys.set(id, k);
    }
    return k;
  }

  /**
   * The id of the line `contents[page].slice(from, end)` with fingerprint `p`, added when new; -1 when
   * a line of other text has its full key, or the table has numbered all the lines it can (the
   * caller then takes the string path).
   */
  idOf(contents: string[], page: number, from: number, end: number, p: Print): number {
    // At half load: linear probing stays short.
    if (this.groups * 2 >= this.mask) this.grow();
    if (this.count >= MAX_LINE_IDS) return -1;
    const s = this.slots;
    const tag = (p.f1 >>> SLOT_ID_BITS) << SLOT_ID_BITS;
    let i = (p.f1 ^ Math.imul(p.f2, 0x9e3779b1)) & this.mask;
    for (;;) {
      const v = s[i]!;
      if (v === 0) {
        const id = this.add(page, from, end, p);
        s[i] = (tag | (id + 1)) >>> 0;
        this.groups++;
        return id;
      }
      if (((v ^ tag) & ~SLOT_ID_MASK) === 0) {
        const head = (v & SLOT_ID_MASK) - 1;
        const o = head * L_STRIDE;
        if (this.lines[o + L_F1] === p.f1 && this.lines[o + L_F2] === p.f2) return this.inGroup(contents, head, contents[page]!, page, from, end, p);
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Whether record `r` holds the raw text `content.slice(from, end)`, or its trimmed unmarked text (`p`) and it is `plainText`. */
  private holds(r: number, contents: string[], content: string, from: number, end: number, p: Print): boolean {
    const l = this.lines;
    const o = r * L_STRIDE;
    const other = contents[l[o + L_PAGE]!]!;
    if (sameText(other, l[o + L_FROM]!, l[o + L_END]!, content, from, end)) return true;
    // The same text indented or marked otherwise (list items at another depth).
    if (p.from >= 0 && l[o + L_TEXT_FROM]! >= 0 && sameText(other, l[o + L_TEXT_FROM]!, l[o + L_TEXT_END]!, content, p.from, p.end)) {
      if (l[o + L_PLAIN] === 0) l[o + L_PLAIN] = plainText(content, p.from, p.end) ? 1 : 2;
      return l[o + L_PLAIN] === 1;
    }
    return false;
  }

  /** The line of a group past `GROUP_SCAN_LIMIT` that `content.slice(from, end)` is, found by full key; as `idOf`. */
  private inBigGroup(contents: string[], content: string, page: number, from: number, end: number, p: Print): number {
    const k = lineKey(content, from, end, { h1: 0, h2: 0, length: 0, words: 0 });
    const key = bigKey(k);
    const r = this.big.get(key);
    if (r === undefined) {
      const id = this.add(page, from, end, p);
      this.keys.set(id, k);
      this.big.set(key, id);
      return id;
    }
    if (this.holds(r, contents, content, from, end, p)) return r;
    const o = r * L_STRIDE;
    const line = normaliseLine(contents[this.lines[o + L_PAGE]!]!.slice(this.lines[o + L_FROM]!, this.lines[o + L_END]!));
    return this.keyOf(r, contents).length === k.length && line === normaliseLine(content.slice(from, end)) ? r : -1;
  }

  private inGroup(contents: string[], head: number, content: string, page: number, from: number, end: number, p: Print): number {
    let l = this.lines;
    if (l[head * L_STRIDE + L_SIZE]! > GROUP_SCAN_LIMIT) return this.inBigGroup(contents, content, page, from, end, p);
    let last = head;
    for (let r = head; r >= 0; r = l[r * L_STRIDE + L_NEXT]! - 1) {
      if (this.holds(r, contents, content, from, end, p)) return l[r * L_STRIDE + L_SPELLS] === 0 ? r : l[r * L_STRIDE + L_SPELLS]! - 1;
      last = r;
    }
    // Another raw text: another spelling of one of the group's lines, or a line of its own.
    const k = lineKey(content, from, end, { h1: 0, h2: 0, length: 0, words: 0 });
    let id = -1;
    for (let r = head; r >= 0; r = l[r * L_STRIDE + L_NEXT]! - 1) {
      const o = r * L_STRIDE;
      if (l[o + L_SPELLS] !== 0) continue;
      const g = this.keyOf(r, contents);
      if (g.h1 !== k.h1 || g.h2 !== k.h2 || g.length !== k.length) continue;
      if (normaliseLine(contents[l[o + L_PAGE]!]!.slice(l[o + L_FROM]!, l[o + L_END]!)) !== normaliseLine(content.slice(from, end))) return -1;
      id = r;
      break;
    }
    const added = this.add(page, from, end, p);
    l = this.lines;
    if (id >= 0) l[added * L_STRIDE + L_SPELLS] = id + 1;
    else this.keys.set((id = added), k);
    l[last * L_STRIDE + L_NEXT] = added + 1;
    if (++l[head * L_STRIDE + L_SIZE]! > GROUP_SCAN_LIMIT) {
      // From now on the group's lines are found by key (its spellings need not be: they key alike).
      for (let r = head; r >= 0; r = l[r * L_STRIDE + L_NEXT]! - 1) if (l[r * L_STRIDE + L_SPELLS] === 0) this.big.set(bigKey(this.keyOf(r, contents)), r);
    }
    return id;
  }
}

/** A full key as one number: its first hash and 21 bits of the second (53 bits, exact in a double). */
function bigKey(k: LineKey): number {
  return (k.h1 >>> 0) * 0x200000 + (k.h2 & 0x1fffff);
}

/** The key of `normaliseLine(content.slice(from, end))`: hashed as read, or from the string where that cannot be. */
function lineKey(content: string, from: number, end: number, k: LineKey): LineKey {
  return keyOfSlice(content, from, end, k) || keyOfString(normaliseLine(content.slice(from, end)), k);
}

let TABLE = new LineTable();
/** Line ids in page order, each page's distinct lines once, kept between builds as `TABLE` is. */
let LISTED = new Int32Array(4096);
/**
 * A table larger than this after a build is let go rather than kept for the next (a window of
 * distinct pages needs ~60 bytes a line: 32 MB keeps the table of ~2,000 WCXB-like pages).
 */
const KEPT_TABLE_BYTES = 32 << 20;

/**
 * The line index `indexByStrings` builds, without a string per line: each line is fingerprinted from
 * the ends of its normalised form (`printSlice`) and given the id of its distinct normalised form
 * (`LineTable`); only the lines two or more pages hold are then normalised as strings. Should two
 * different lines share a full key (never seen), the string path is taken for the whole index: null.
 *
 * `proseCount` is exact for the pages that can be paired as copies (see `LineIndex`); 0 for the others.
 */
export function indexByHashes(pages: RawPage[]): LineIndex | null {
  const contents = pages.map(dumpText);
  const t = TABLE;
  t.reset();
  const p: Print = { f1: 0, f2: 0, from: -1, end: -1 };
  const pageStart = new Int32Array(pages.length + 1);
  let listed = LISTED;
  let nListed = 0;
  for (let pi = 0; pi < pages.length; pi++) {
    const content = contents[pi]!;
    pageStart[pi] = nListed;
    for (let start = 0; start <= content.length; ) {
      let end = content.indexOf('\n', start);
      if (end < 0) end = content.length;
      const from = start;
      start = end + 1;
      if (end === from || end - from > MAX_TEMPLATE_CHARS * 4) continue;
      let found = printSlice(content, from, end, p);
      if (found === PRINT_STRING) found = printString(normaliseLine(content.slice(from, end)), p);
      if (found === PRINT_SKIP) continue;
      const id = t.idOf(contents, pi, from, end, p);
      if (id < 0) return null;
      const o = id * L_STRIDE;
      const l = t.lines;
      // Seen before on this page: listed once.
      if (l[o + L_LAST] === pi) continue;
      l[o + L_LAST] = pi;
      if (l[o + L_PAGES]! < 2) l[o + L_PAGES]!++;
      if (nListed === listed.length) {
        const grown = new Int32Array(listed.length * 2);
        grown.set(listed);
        LISTED = listed = grown;
      }
      listed[nListed++] = id;
    }
  }
  pageStart[pages.length] = nListed;

  // The recurring lines, numbered as they first recur, with their pages (laid end to end, each
  // line's in page order: the pages are read in order and list a line once).
  const l = t.lines;
  // By line id: 1 + its number among the recurring lines (0 for a line one page holds).
  const entry = new Int32Array(t.count);
  // Line ids by number, and (shifted by one) each line's count of pages, then where its pages start.
  const idOf = new Int32Array(t.count);
  const pagesFrom = new Int32Array(t.count + 1);
  let count = 0;
  for (let j = 0; j < nListed; j++) {
    const id = listed[j]!;
    if (l[id * L_STRIDE + L_PAGES]! < 2) continue;
    let e = entry[id]!;
    if (e === 0) {
      idOf[count] = id;
      entry[id] = e = ++count;
    }
    pagesFrom[e]!++;
  }
  for (let i = 0; i < count; i++) pagesFrom[i + 1]! += pagesFrom[i]!;
  const linePages = new Int32Array(pagesFrom[count]!);
  const next = pagesFrom.slice(0, count);
  for (let pi = 0; pi < pages.length; pi++) {
    for (let j = pageStart[pi]!; j < pageStart[pi + 1]!; j++) {
      const e = entry[listed[j]!]!;
      if (e !== 0) linePages[next[e - 1]!++] = pi;
    }
  }

  // By line id: whether its normalised form has prose's words (0 not known yet, 1 prose, 2 not).
  const isProse = new Uint8Array(t.count);
  const proseOf = (id: number): number => {
    let v = isProse[id]!;
    if (v === 0) {
      const o = id * L_STRIDE;
      const content = contents[l[o + L_PAGE]!]!;
      v = l[o + L_TEXT_FROM]! >= 0 ? proseText(content, l[o + L_TEXT_FROM]!, l[o + L_TEXT_END]!) : 0;
      if (v === 0) v = hasWords(normaliseLine(content.slice(l[o + L_FROM]!, l[o + L_END]!)), PROSE_WORDS) ? 1 : 2;
      isProse[id] = v;
    }
    return v;
  };
  const prose = new Uint8Array(count);
  // Each page's recurring prose lines that can pair it with another page as copies: only pages with
  // enough of them can be paired, and only theirs are counted.
  const sharesProse = new Int32Array(pages.length);
  for (let i = 0; i < count; i++) {
    if (proseOf(idOf[i]!) !== 1) continue;
    prose[i] = 1;
    if (pagesFrom[i + 1]! - pagesFrom[i]! > MAX_COPY_PAGES) continue;
    for (let j = pagesFrom[i]!; j < pagesFrom[i + 1]!; j++) sharesProse[linePages[j]!]!++;
  }
  // Prose lines counted once a page, each line's words counted once.
  const proseCount = new Array<number>(pages.length).fill(0);
  for (let pi = 0; pi < pages.length; pi++) {
    if (sharesProse[pi]! < SAME_ARTICLE_MIN_SHARED) continue;
    let n = 0;
    for (let j = pageStart[pi]!; j < pageStart[pi + 1]!; j++) if (proseOf(listed[j]!) === 1) n++;
    proseCount[pi] = n;
  }
  // Where each recurring line sits, copied out of the table, which the next build reuses.
  const where = new Int32Array(count * 3);
  for (let i = 0; i < count; i++) {
    const o = idOf[i]! * L_STRIDE;
    where[i * 3] = l[o + L_PAGE]!;
    where[i * 3 + 1] = l[o + L_FROM]!;
    where[i * 3 + 2] = l[o + L_END]!;
  }
  const lineOf = (i: number): string => normaliseLine(contents[where[i * 3]!]!.slice(where[i * 3 + 1]!, where[i * 3 + 2]!));
  if (t.slots.byteLength + t.lines.byteLength + listed.byteLength > KEPT_TABLE_BYTES) {
    TABLE = new LineTable();
    LISTED = new Int32Array(4096);
  }
  return { count, pages: linePages, pagesFrom, prose, lineOf, proseCount };
}

/**
 * Whether the line whose trimmed, unmarked raw text is `content.slice(from, end)` (`Print.from`/`end`)
 * has `PROSE_WORDS` words normalised: 1 yes, 2 no, 0 when white space other than space, tab and
 * no-break space comes before the answer (normalising may or may not make it a word break).
 * The three plain kinds break words whether or not the line is collapsed (`plainText`).
 */
function proseText(content: string, from: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < end; i++) {
    const c = content.charCodeAt(i);
    if (plainSpace(c)) {
      inWord = false;
      continue;
    }
    if (c < 128 ? c >= 10 && c <= 13 : lowerUnit(c) === STRING_PATH) return 0;
    if (!inWord) {
      if (++n >= PROSE_WORDS) return 1;
      inWord = true;
    }
  }
  return 2;
}

/**
 * Template evidence with the verdicts it holds, so a later window of a long run can start from them:
 * a site's menu found in the first 5,000 pages is still its menu in the next 5,000, even when that
 * window has only one page of the site.
 */
export interface TemplateIndex extends TemplateEvidence {
  /** Normalised lines that are template on every host. */
  readonly everywhere: ReadonlySet<string>;
  /** Normalised lines that are template on one host, by host. */
  readonly perHost: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Builds template evidence over a set of text dumps (a run, or a window of one). Costs one pass over
 * the lines plus a pair count over pages that share prose lines. `prior` (the index of the run's earlier
 * windows) adds its verdicts: a line template there stays template here.
 *
 * @example
 *   const template = buildTemplateIndex(pages);
 *   template.isTemplate('Skip to content', 'https://example.com/a'); // true when many pages have it
 */
export function buildTemplateIndex(pages: RawPage[], index: LineIndex | null = indexByHashes(pages), prior: TemplateIndex | null = null): TemplateIndex {
  const lines = index ?? indexByStrings(pages);
  const { count, pages: linePages, pagesFrom, prose, proseCount } = lines;
  const hosts = pages.map((p) => hostOf(p.url));

  // Count shared prose lines per page pair; a prose line on very many pages is a footer, not a copy.
  const shared = new Map<number, number>();
  const n = pages.length;
  for (let i = 0; i < count; i++) {
    const from = pagesFrom[i]!;
    const to = pagesFrom[i + 1]!;
    if (to - from > MAX_COPY_PAGES || prose[i] === 0) continue;
    for (let a = from; a < to; a++) {
      for (let b = a + 1; b < to; b++) {
        const key = linePages[a]! * n + linePages[b]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const clusters = new UnionFind(n);
  for (const [key, count] of shared) {
    const a = Math.floor(key / n);
    const b = key % n;
    const smaller = Math.max(1, Math.min(proseCount[a]!, proseCount[b]!));
    if (count >= SAME_ARTICLE_MIN_SHARED && count / smaller >= SAME_ARTICLE_FRACTION) clusters.union(a, b);
  }

  // Decide once per line: template for every host, or only for the hosts where it recurs.
  const everywhere = new Set<string>();
  const perHost = new Map<string, Set<string>>();
  // No key longer than this is template; longer lines (body prose) are answered without hashing.
  let longestKey = 0;
  // Signatures of every template key: a key whose signature is not here is not a template line,
  // answered without hashing the whole key (most lines asked about are the pages' own text).
  const signatures = new Uint8Array(SIGNATURE_SLOTS);
  // A line's distinct clusters, counted up to the most any verdict asks for; a line all of whose
  // pages are in one cluster (copies of one article, most recurring lines) is no host's template.
  const distinct = new Int32Array(CROSS_HOST_MIN_CLUSTERS);
  for (let i = 0; i < count; i++) {
    const from = pagesFrom[i]!;
    const to = pagesFrom[i + 1]!;
    let nDistinct = 0;
    for (let a = from; a < to && nDistinct < CROSS_HOST_MIN_CLUSTERS; a++) {
      const c = clusters.find(linePages[a]!);
      let k = 0;
      while (k < nDistinct && distinct[k] !== c) k++;
      if (k === nDistinct) distinct[nDistinct++] = c;
    }
    if (nDistinct < SAME_HOST_MIN_CLUSTERS) continue;
    const line = lines.lineOf(i);
    if (line.length > MAX_TEMPLATE_CHARS) continue;
    if (nDistinct >= CROSS_HOST_MIN_CLUSTERS) {
      everywhere.add(line);
      longestKey = Math.max(longestKey, line.length);
      signatures[signature(line)] = 1;
      continue;
    }
    const byHost = new Map<string, Set<number>>();
    for (let a = from; a < to; a++) {
      const pi = linePages[a]!;
      const h = hosts[pi];
      if (h) {
        let s = byHost.get(h);
        if (!s) byHost.set(h, (s = new Set()));
        s.add(clusters.find(pi));
      }
    }
    for (const [h, s] of byHost) {
      if (s.size < SAME_HOST_MIN_CLUSTERS) continue;
      let set = perHost.get(h);
      if (!set) perHost.set(h, (set = new Set()));
      set.add(line);
      longestKey = Math.max(longestKey, line.length);
      signatures[signature(line)] = 1;
    }
  }

  if (prior) {
    for (const line of prior.everywhere) {
      everywhere.add(line);
      longestKey = Math.max(longestKey, line.length);
      signatures[signature(line)] = 1;
    }
    for (const [h, lines] of prior.perHost) {
      let set = perHost.get(h);
      if (!set) perHost.set(h, (set = new Set()));
      for (const line of lines) {
        set.add(line);
        longestKey = Math.max(longestKey, line.length);
        signatures[signature(line)] = 1;
      }
    }
  }

  // Calls come line by line for one page at a time: remember the last URL's host.
  let lastUrl: string | null = null;
  let lastHostLines: Set<string> | undefined;
  return {
    everywhere,
    perHost,
    isTemplate(line: string, url: string | null, lowered?: string): boolean {
      // Nothing recurs (a page on its own) or the line is too long to be template: no key needed.
      if ((everywhere.size === 0 && perHost.size === 0) || line.length > MAX_TEMPLATE_CHARS * 2) return false;
      const key = lowered === undefined ? normaliseLine(line) : normaliseLowered(lowered);
      if (key.length > longestKey || signatures[signature(key)] === 0) return false;
      if (everywhere.has(key)) return true;
      if (url !== lastUrl) {
        lastUrl = url;
        const h = hostOf(url);
        lastHostLines = h === null ? undefined : perHost.get(h);
      }
      return lastHostLines?.has(key) ?? false;
    },
  };
}
