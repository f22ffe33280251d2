/**
 * The publishing site as the page names itself: a site segment in the title line ("… | DW | 05.12.2016"),
 * a footer that speaks in the site's name ("Arabian Post strives to deliver…", "© 2024 The Daily
 * Example"), or a URL on a host in the source table. Names in the table come back canonical.
 */
import type { Evidence } from '../types.ts';
import { findExplicitDates } from './dates.ts';
import { parseByline } from './byline.ts';
import { looksLikeName } from './byline.ts';
import { resolveCreditName, resolveSource, sourceForUrl } from './sources.ts';
import { BYLINE_ROLES, LEGAL_SUFFIXES, NOT_ORGANISATION_WORDS, NOT_OUTLET_NAMES, OUTLET_FOOTER_MARKS, OUTLET_FOOTER_PATTERNS } from './tables.ts';

/** One scan for any of the footer marks (several `includes` calls cost more on every line of a page). */
const FOOTER_MARK = new RegExp(OUTLET_FOOTER_MARKS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'u');

/** Lower-case letters from the most to the least frequent in English prose. */
const LETTERS_BY_FREQUENCY = 'etaoinshrdlcumwfgypbvkjxqz';
/** Longest piece of a mark searched for: V8 searches longer strings by a slower table-driven method. */
const MAX_MARK_PIECE = 4;

/** How rare a character is in prose, higher is rarer: lower-case letters by frequency, then capitals, then the rest. */
function rarity(ch: string): number {
  const lower = ch.toLowerCase();
  const rank = LETTERS_BY_FREQUENCY.indexOf(lower);
  if (rank < 0) return 2 * LETTERS_BY_FREQUENCY.length;
  return lower === ch ? rank : LETTERS_BY_FREQUENCY.length + rank;
}

/**
 * Each footer mark with the piece of it a page is searched for: a few characters from its rarest
 * character on ("ves" of "strives", "ms" of "aims"). A string search skips ahead to the next place
 * holding the first character it looks for, so a rare one there makes the search several times faster
 * on a page; every piece found is confirmed against the whole mark. On the WCXB text dumps this
 * halved the cost of the footer-mark search (one alternation pattern over the page, or one search
 * per whole mark, cost about the same as each other).
 */
const MARK_SEARCHES = OUTLET_FOOTER_MARKS.map((mark) => {
  let skip = 0;
  for (let i = 1; i < mark.length; i++) if (rarity(mark[i]!) > rarity(mark[skip]!)) skip = i;
  return { mark, skip, piece: mark.slice(skip, skip + MAX_MARK_PIECE) };
});

/**
 * The lines of a dump that hold a footer mark, in order, each once: the only ones `outletFromFooter`
 * can read a name from. The page is searched for the marks, instead of each line tested. `lines` is
 * `content.split('\n')`.
 */
export function footerMarkedLines(content: string, lines: string[]): string[] {
  const found: number[] = [];
  for (const { mark, skip, piece } of MARK_SEARCHES) {
    for (let i = content.indexOf(piece, skip); i >= 0; i = content.indexOf(piece, i + 1)) {
      if (content.startsWith(mark, i - skip)) found.push(i - skip);
    }
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a - b);
  const out: string[] = [];
  let line = 0;
  // Offset of the newline that ends `lines[line]` (or the end of the content).
  let lineEnd = lines[0]?.length ?? 0;
  let last = -1;
  for (const at of found) {
    while (at > lineEnd && line + 1 < lines.length) lineEnd += 1 + lines[++line]!.length;
    if (line !== last) out.push(lines[line]!);
    last = line;
  }
  return out;
}

const ROLES = new Set(BYLINE_ROLES.map((r) => r.toLowerCase()));

/** A site segment in a title is a short name; longer segments are taglines or section names. */
const MAX_SITE_SEGMENT_WORDS = 4;
const MAX_SITE_SEGMENT_CHARS = 30;

function canonical(name: string): string {
  return resolveSource(name)?.name ?? name;
}

function isWholeDate(segment: string): boolean {
  const dates = findExplicitDates(segment);
  return dates.length > 0 && segment.replace(dates[0]?.text ?? '', '').replace(/[\s,|-]/g, '') === '';
}

/**
 * The site named in a title line's pipe-separated suffix. A segment in the source table wins wherever
 * it stands; otherwise the last short, capitalised, non-date segment after the first is taken. Dash
 * separators are not read: headlines and caption credits ("… — Reuters") use dashes too.
 *
 * @example outletFromTitleLine('Russia to talk… | Middle East| News and analysis… | DW | 05.12.2016') // 'DW'
 */
export function outletFromTitleLine(line: string): string | null {
  // Without a pipe there is a single segment (most title and breadcrumb lines asked about).
  if (!line.includes('|')) return null;
  const segments = line.split(/\s*\|\s*/u).map((s) => s.replace(/[©®™]+$/u, '').trim());
  // "Jane Doe | Senior Writer | July 2, 2025" is a byline line, not a title with a site suffix.
  if (segments.length < 2 || parseByline(line)) return null;
  const suffix = segments.slice(1).filter((s) => s !== '' && !isWholeDate(s));
  for (const s of [...suffix].reverse()) {
    const entry = resolveSource(s);
    if (entry) return entry.name;
  }
  const last = suffix[suffix.length - 1];
  if (!last) return null;
  const words = last.split(/\s+/);
  if (words.length > MAX_SITE_SEGMENT_WORDS || last.length > MAX_SITE_SEGMENT_CHARS) return null;
  if (!/^\p{Lu}/u.test(last) || /[.!?:]$/.test(last)) return null;
  if (NOT_OUTLET_NAMES.has(last.toLowerCase()) || ROLES.has(last.toLowerCase())) return null;
  return last;
}

/**
 * The site a footer or boilerplate line speaks for.
 *
 * @example outletFromFooter('© 2024 Example Media Ltd. All rights reserved.') // 'Example Media'
 */
export function outletFromFooter(line: string): string | null {
  if (!FOOTER_MARK.test(line)) return null;
  const text = line.trim();
  for (const pattern of OUTLET_FOOTER_PATTERNS) {
    const name = pattern.exec(text)?.groups?.['name'];
    if (!name) continue;
    let cleaned = name.trim();
    // "Example Pte. Ltd." carries two legal suffixes.
    for (let prev = ''; prev !== cleaned; ) {
      prev = cleaned;
      cleaned = cleaned.replace(LEGAL_SUFFIXES, '').replace(/[\s,]+$/u, '').trim();
    }
    if (cleaned === '' || NOT_OUTLET_NAMES.has(cleaned.toLowerCase())) continue;
    return canonical(cleaned);
  }
  return null;
}

/** The outlet for a URL whose host is in the source table. */
export function outletFromUrl(url: string | null): Evidence | null {
  const entry = sourceForUrl(url);
  return entry && url ? { value: entry.name, evidence: url } : null;
}

/** A photographer's name in a "… for Site" credit: first and last name, perhaps a middle one. */
const MAX_PHOTOGRAPHER_WORDS = 3;

/** A spaced dash between a headline and a site name: " - ", " – ", " — ". */
const TITLE_DASH = /\s+[-–—]\s+/u;
const TITLE_DASH_CHAR = /[-–—]/u;

/**
 * The site named after the last spaced dash of a title line ("Dam gives way - Daily Lantern",
 * "Zahl der Toten steigt – Alpenkurier"), believed only when `confirmed` says the page names it again
 * outside the headline (a logo line, a footer, "More on Daily Lantern"): a dash also ends headlines
 * with a quote's speaker or an aggregator's source. A wire in the table is never read this way, as
 * "Talks begin — Reuters" credits the copy.
 *
 * @example outletFromTitleDash('Dam gives way - Daily Lantern', () => true) // 'Daily Lantern'
 */
export function outletFromTitleDash(line: string, confirmed: (name: string) => boolean): string | null {
  // Most title and breadcrumb lines hold no dash at all, and so no dash suffix.
  if (!TITLE_DASH_CHAR.test(line)) return null;
  const parts = line.trim().split(TITLE_DASH);
  if (parts.length < 2) return null;
  const last = (parts[parts.length - 1] ?? '').replace(/[©®™]+$/u, '').trim();
  if (last === '' || isWholeDate(last)) return null;
  if (last.split(/\s+/).length > MAX_SITE_SEGMENT_WORDS || last.length > MAX_SITE_SEGMENT_CHARS) return null;
  if (!/^\p{Lu}/u.test(last) || /[.!?:,;]$/.test(last)) return null;
  if (NOT_OUTLET_NAMES.has(last.toLowerCase()) || ROLES.has(last.toLowerCase())) return null;
  const entry = resolveSource(last);
  if (entry?.kind === 'wire') return null;
  if (!confirmed(last)) return null;
  return entry?.name ?? last;
}

/**
 * The outlet a photographer's credit names: "Ana Brill for Metro Daily", "Photo: Jane Roe for The
 * Example Post". A staff or commissioned photographer shoots for the publishing site, so this is
 * evidence for the outlet (weak: agencies also shoot "for" clients), never for the copy's source.
 *
 * @example outletFromPhotoCredit('Ana Brill for Metro Daily') // 'Metro Daily'
 * @example outletFromPhotoCredit('Votes for Women') // null
 */
export function outletFromPhotoCredit(line: string): string | null {
  // The shape needs " for " (case-sensitive); most lines lack it and skip the pattern.
  if (!line.includes('for')) return null;
  const m = /^(?:(?:Photo(?:graph)?|PHOTO|Foto|Image|Picture)s?\s*(?:by\s+|:\s*))?(?<person>[^()\n:]{3,60}?)\s+for\s+(?<outlet>(?:[Tt]he\s+)?\p{Lu}[^()\n:]{1,50}?)\.?$/u.exec(line.trim());
  if (!m?.groups) return null;
  // Title-case headings share the shape ("Practical Tips for Shoppers"): the person is two or three
  // name words, and the site must read as a newsroom.
  const person = (m.groups['person'] ?? '').trim();
  const words = person.split(/\s+/u);
  if (words.length > MAX_PHOTOGRAPHER_WORDS || !looksLikeName(person)) return null;
  if (words.some((w) => /^(?:the|a|an)$/iu.test(w) || NOT_ORGANISATION_WORDS.has(w.toLowerCase()))) return null;
  if (resolveCreditName(person, 'credit')) return null;
  const site = resolveCreditName(m.groups['outlet'] ?? '', 'credit');
  // An acronym after "for" is a topic ("… for SEO") unless it is a known newsroom.
  return site && (/\s/u.test(site) || resolveSource(site)) ? site : null;
}
