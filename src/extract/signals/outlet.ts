/**
 * The publishing site as the page names itself: a site segment in the title line ("… | DW | 05.12.2016"),
 * a footer that speaks in the site's name ("Arabian Post strives to deliver…", "© 2024 The Daily
 * Example"), or a URL on a host in the source table. Names in the table come back canonical.
 */
import type { Evidence } from '../types.ts';
import { findExplicitDates } from './dates.ts';
import { parseByline } from './byline.ts';
import { resolveSource, sourceForUrl } from './sources.ts';
import { BYLINE_ROLES, LEGAL_SUFFIXES, NOT_OUTLET_NAMES, OUTLET_FOOTER_PATTERNS } from './tables.ts';

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
