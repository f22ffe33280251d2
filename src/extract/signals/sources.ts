/**
 * Lookups over the source table: name → canonical source, URL → outlet, and the photo-credit test
 * that keeps picture credits from being read as copy attribution.
 */
import { PHOTO_CREDIT_PATTERNS, SOURCES, type SourceEntry } from './tables.ts';

/** Case-, space- and punctuation-insensitive key: "NYtimes", "NY Times" and "ny-times" agree. */
export function sourceKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_KEY = new Map<string, SourceEntry>();
for (const entry of SOURCES) {
  for (const alias of [entry.name, ...entry.aliases]) {
    BY_KEY.set(sourceKey(alias), entry);
    // "The Guardian" is also written "Guardian"; the article never changes which source it is.
    if (/^the\s/i.test(alias)) BY_KEY.set(sourceKey(alias.slice(4)), entry);
  }
}

/**
 * The table entry a name refers to, or null. The whole string must be the name (after trimming
 * punctuation), so "Reuters journalists said" is not Reuters.
 *
 * @example resolveSource('NYtimes')?.name // 'The New York Times'
 */
export function resolveSource(name: string): SourceEntry | null {
  const key = sourceKey(name);
  if (key === '') return null;
  return BY_KEY.get(key) ?? null;
}

/**
 * The source named by a parenthesised or comma list of wires: "dpa, Reuters, AFP" → three entries.
 * Returns null unless every item is a known source, so ordinary parenthetical prose never qualifies.
 */
export function resolveSourceList(list: string): SourceEntry[] | null {
  const items = list
    .split(/\s*(?:[,;&+]|\/|\band\b|\bund\b|\bet\b|\by\b)\s*/iu)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) return null;
  const entries: SourceEntry[] = [];
  for (const item of items) {
    const entry = resolveSource(item);
    if (!entry) return null;
    if (!entries.includes(entry)) entries.push(entry);
  }
  return entries;
}

/** The outlet a page URL's host belongs to, when the host is in the table. */
export function sourceForUrl(url: string | null): SourceEntry | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const entry of SOURCES) {
    for (const domain of entry.domains) {
      if (host === domain || host.endsWith(`.${domain}`)) return entry;
    }
  }
  return null;
}

/**
 * True when the line credits a photo or video ("REUTERS/Omar Sanadiki", "Hassan Ammar/Associated
 * Press", "(Getty Images/AFP/N. Kolesnikova)"): such a line names who took a picture, not who wrote
 * the story.
 */
export function isPhotoCredit(line: string): boolean {
  return PHOTO_CREDIT_PATTERNS.some((p) => p.test(line));
}

/** Regex alternation of every alias, longest first so "Associated Press" wins over "AP". */
export const ALIAS_ALTERNATION: string = [...new Set(SOURCES.flatMap((e) => [e.name, ...e.aliases]))]
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+'))
  .join('|');
