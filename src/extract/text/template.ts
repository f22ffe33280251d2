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
  // List markers and ordinals only: skip the regex for lines starting with a letter.
  if (!(c >= 97 && c <= 122)) s = s.replace(/^(?:[*•·–—-]|\d{1,3}[.)])\s+/, '');
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

/** Pages holding each line (by its `normaliseLine` form), and each page's count of distinct prose lines. */
export interface LineIndex {
  /**
   * Each line with its pages: a page index while one page holds the line, an array (in page order)
   * from the second page on. Lines one page holds may be left out (nothing reads them).
   */
  linePages: Iterable<[string, number | number[]]>;
  proseCount: number[];
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
  return { linePages, proseCount };
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
  let c = content.charCodeAt(start);
  if (c === 42 || c === 45 || markerChar(c)) {
    if (start + 1 < end && plainSpace(content.charCodeAt(start + 1))) start += 2;
  } else if (c >= 48 && c <= 57) {
    let i = start + 1;
    while (i < end && i < start + 3 && content.charCodeAt(i) >= 48 && content.charCodeAt(i) <= 57) i++;
    const m = content.charCodeAt(i);
    if (i < end && (m === 46 || m === 41) && i + 1 < end && plainSpace(content.charCodeAt(i + 1))) start = i + 2;
  }
  while (start < end && plainSpace(content.charCodeAt(start))) start++;
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
 * Fields of a `KeyTable` slot, side by side in one array (one cache line a probe): the two hashes, the
 * length with the page count above it (counted up to `MAX_COUNTED_PAGES`), and 1 + the index in
 * `listed` of the key's latest occurrence (which gives its page and place).
 */
const H1 = 0;
const H2 = 1;
const LEN_PAGES = 2;
const LAST = 3;
const STRIDE = 4;
const LEN_MASK = 0xffff;
const PAGE_UNIT = 0x10000;
/** Page counts past this are not needed (the index only asks whether two or more pages hold a key). */
const MAX_COUNTED_PAGES = 2;

/**
 * Open-addressing table of line keys. A slot with length 0 is free (keys of lines shorter than two
 * characters are never stored; lengths stay under `MAX_TEMPLATE_CHARS * 4`, far below `LEN_MASK`).
 */
class KeyTable {
  size = 0;
  mask: number;
  data: Int32Array;
  constructor(capacity: number) {
    let n = 1024;
    while (n < capacity * 1.5) n *= 2;
    this.mask = n - 1;
    this.data = new Int32Array(n * STRIDE);
  }
  /**
   * Whether the next new key should find a bigger table (at 70% load: linear probing stays short,
   * and the table small enough for the caches). The caller grows it, since slot offsets move.
   */
  full(): boolean {
    return this.size * 10 >= this.mask * 7;
  }
  /** The offset of a key's slot in `data`, claimed (with no pages and no occurrence) when new. */
  slot(k: LineKey): number {
    const d = this.data;
    let i = (k.h1 ^ Math.imul(k.h2, 0x9e3779b1)) & this.mask;
    for (;;) {
      const o = i * STRIDE;
      const meta = d[o + LEN_PAGES]!;
      if (meta === 0) {
        d[o + H1] = k.h1;
        d[o + H2] = k.h2;
        d[o + LEN_PAGES] = k.length;
        this.size++;
        return o;
      }
      if ((meta & LEN_MASK) === k.length && d[o + H1] === k.h1 && d[o + H2] === k.h2) return o;
      i = (i + 1) & this.mask;
    }
  }
  /** Doubles the table; returns the old slot offset → new slot offset map (as an array by old slot). */
  grow(): Int32Array {
    const old = this.data;
    const mask = (this.mask + 1) * 2 - 1;
    const d = new Int32Array((mask + 1) * STRIDE);
    const moved = new Int32Array(old.length / STRIDE);
    for (let o = 0; o < old.length; o += STRIDE) {
      if (old[o + LEN_PAGES] === 0) continue;
      let j = (old[o + H1]! ^ Math.imul(old[o + H2]!, 0x9e3779b1)) & mask;
      while (d[j * STRIDE + LEN_PAGES] !== 0) j = (j + 1) & mask;
      d.set(old.subarray(o, o + STRIDE), j * STRIDE);
      moved[o / STRIDE] = j * STRIDE;
    }
    this.mask = mask;
    this.data = d;
    return moved;
  }
}

/**
 * Whether `a.slice(aFrom, aEnd)` and `b.slice(bFrom, bEnd)` are the same text. The slices share their
 * parents' characters (no copy from 13 characters up), and the engine compares them natively: a
 * character loop here was the index's costliest line on runs with many copies.
 */
function sameText(a: string, aFrom: number, aEnd: number, b: string, bFrom: number, bEnd: number): boolean {
  return aEnd - aFrom === bEnd - bFrom && a.slice(aFrom, aEnd) === b.slice(bFrom, bEnd);
}

/**
 * The line index `indexByStrings` builds, by hashing each line's normalised form as it is read (no
 * string per line, no string-keyed map of every line): only the lines whose key two or more pages
 * hold are then normalised as strings and indexed as before. Keys only ever merge lines (two lines
 * sharing a key look like one): the recurring lines are a superset, sorted out by their strings, and a
 * repeat on one page is checked against the earlier line's string; should two different lines of one
 * page share a key, the string path is taken for the whole index. Null in that case.
 */
export function indexByHashes(pages: RawPage[]): LineIndex | null {
  const contents = pages.map(dumpText);
  let total = 0;
  for (const c of contents) total += c.length;
  // WCXB dumps hold about one distinct line per 110 characters (one page per site); the table starts
  // smaller (a run of copies holds fewer) and grows as needed.
  const table = new KeyTable(Math.max(1024, Math.ceil(total / 200)));
  const k: LineKey = { h1: 0, h2: 0, length: 0, words: 0 };
  const proseCount: number[] = [];
  // (page, start, end, slot) of each line a page lists, in order.
  let listed = new Int32Array(Math.max(1024, total >> 3));
  let nListed = 0;
  for (let pi = 0; pi < pages.length; pi++) {
    const content = contents[pi]!;
    let prose = 0;
    for (let start = 0; start <= content.length; ) {
      let end = content.indexOf('\n', start);
      if (end < 0) end = content.length;
      const from = start;
      start = end + 1;
      if (end === from || end - from > MAX_TEMPLATE_CHARS * 4) continue;
      if (keyOfSlice(content, from, end, k) === false) keyOfString(normaliseLine(content.slice(from, end)), k);
      if (k.length < 2) continue;
      const isProse = k.words >= PROSE_WORDS;
      // Never counted nor listed (as in `indexByStrings`).
      if (!isProse && k.length > MAX_TEMPLATE_CHARS) continue;
      if (table.full()) {
        // Slots move: the occurrences listed so far follow them.
        const moved = table.grow();
        for (let i = 3; i < nListed; i += 4) listed[i] = moved[listed[i]! / STRIDE]!;
      }
      const slot = table.slot(k);
      const d = table.data;
      const last = d[slot + LAST]! - 1;
      if (last >= 0 && listed[last] === pi) {
        // Most repeats are the same raw line (a menu item twice); others are compared normalised.
        const at = listed[last + 1]!;
        const atEnd = listed[last + 2]!;
        const same = sameText(content, at, atEnd, content, from, end) || normaliseLine(content.slice(at, atEnd)) === normaliseLine(content.slice(from, end));
        if (!same) return null;
        continue;
      }
      if (isProse) prose++;
      if (d[slot + LEN_PAGES]! < MAX_COUNTED_PAGES * PAGE_UNIT) d[slot + LEN_PAGES]! += PAGE_UNIT;
      d[slot + LAST] = nListed + 1;
      if (nListed + 4 > listed.length) {
        const grown = new Int32Array(listed.length * 2);
        grown.set(listed);
        listed = grown;
      }
      listed[nListed++] = pi;
      listed[nListed++] = from;
      listed[nListed++] = end;
      listed[nListed++] = slot;
    }
    proseCount.push(prose);
  }
  // Each recurring key's line, normalised once, and its pages (one occurrence a page, in page order).
  // Another page's occurrence is the same line when its raw text is (copies of a page, a site's
  // menu), else when it normalises alike; a different line under the same key sends the index down
  // the string path.
  // Slot → 1 + index of its entry in `recurring` (in the slot's `LAST` field, free once the pages are
  // read); `first` keeps where the entry's first occurrence is.
  const d = table.data;
  for (let o = LAST; o < d.length; o += STRIDE) d[o] = 0;
  const recurring: Array<[string, number[]]> = [];
  const first: number[] = [];
  for (let i = 0; i < nListed; i += 4) {
    const slot = listed[i + 3]!;
    if (d[slot + LEN_PAGES]! < MAX_COUNTED_PAGES * PAGE_UNIT) continue;
    const pi = listed[i]!;
    const from = listed[i + 1]!;
    const end = listed[i + 2]!;
    const content = contents[pi]!;
    const e = d[slot + LAST]!;
    if (e === 0) {
      recurring.push([normaliseLine(content.slice(from, end)), [pi]]);
      first.push(i);
      d[slot + LAST] = recurring.length;
      continue;
    }
    const entry = recurring[e - 1]!;
    const f = first[e - 1]!;
    const same =
      sameText(contents[listed[f]!]!, listed[f + 1]!, listed[f + 2]!, content, from, end) ||
      normaliseLine(content.slice(from, end)) === entry[0];
    if (!same) return null;
    entry[1].push(pi);
  }
  return { linePages: recurring, proseCount };
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
  const { linePages, proseCount } = index ?? indexByStrings(pages);
  const hosts = pages.map((p) => hostOf(p.url));

  // Count shared prose lines per page pair; a prose line on very many pages is a footer, not a copy.
  const shared = new Map<number, number>();
  const n = pages.length;
  for (const [line, list] of linePages) {
    if (typeof list === 'number' || list.length > 50 || !hasWords(line, PROSE_WORDS)) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const key = list[a]! * n + list[b]!;
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
  for (const [line, list] of linePages) {
    if (typeof list === 'number' || line.length > MAX_TEMPLATE_CHARS) continue;
    const all = new Set<number>();
    const byHost = new Map<string, Set<number>>();
    for (const pi of list) {
      const c = clusters.find(pi);
      all.add(c);
      const h = hosts[pi];
      if (h) {
        let s = byHost.get(h);
        if (!s) byHost.set(h, (s = new Set()));
        s.add(c);
      }
    }
    if (all.size >= CROSS_HOST_MIN_CLUSTERS) {
      everywhere.add(line);
      longestKey = Math.max(longestKey, line.length);
      signatures[signature(line)] = 1;
      continue;
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
