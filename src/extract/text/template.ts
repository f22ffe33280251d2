/**
 * Cross-page template evidence for text dumps: a line that recurs on several pages is site chrome
 * (menus, footers, prompts) — unless the pages sharing it are copies of one article, as wire stories
 * are, verbatim, on many sites. Pages are grouped into "same article" clusters by the prose lines they
 * share; a line is template only when it recurs across different clusters.
 */
import type { RawPage } from '../../records/index.ts';
import type { TemplateEvidence } from '../types.ts';

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
 * Builds template evidence over a set of text dumps (a run, or a stream so far). Costs one pass over
 * the lines plus a pair count over pages that share prose lines.
 *
 * @example
 *   const template = buildTemplateIndex(pages);
 *   template.isTemplate('Skip to content', 'https://example.com/a'); // true when many pages have it
 */
export function buildTemplateIndex(pages: RawPage[]): TemplateEvidence {
  // Pages holding each line, in page order: a number while one page holds it (most lines), an array
  // from the second page on, so the lines that never recur cost no array.
  const linePages = new Map<string, number | number[]>();
  const proseCount: number[] = [];
  const hosts = pages.map((p) => hostOf(p.url));
  for (let pi = 0; pi < pages.length; pi++) {
    let prose = 0;
    for (const raw of pages[pi]!.content.split('\n')) {
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

  // Calls come line by line for one page at a time: remember the last URL's host.
  let lastUrl: string | null = null;
  let lastHostLines: Set<string> | undefined;
  return {
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
