/**
 * RSS/Atom/RDF text → feed entries, validated at the edge: every entry has a stable id (guid, else
 * link, else a hash of its title and content), its link when it is http(s), its title, the date the
 * feed claims (a hint only: feeds re-date items when they are edited or re-promoted), and the fullest
 * HTML the feed carries for it (content:encoded or Atom content before description or summary).
 */
import { createHash } from 'node:crypto';
import { extractFromXml } from '@extractus/feed-extractor';
import { z } from 'zod';
import type { PageError } from '../records/index.ts';

/** One item of a feed as ingest uses it. */
export const FeedEntry = z.object({
  /** guid / Atom id, else the link, else a content hash: what a watch remembers as "seen". */
  id: z.string().min(1),
  link: z.string().url().nullable(),
  title: z.string().nullable(),
  /** The feed's date for the item (ISO 8601), never trusted as the article's publication date. */
  publishedHint: z.string().nullable(),
  /** The item's own HTML (full content when the feed has it, else the description or summary). */
  html: z.string().nullable(),
});
export type FeedEntry = z.infer<typeof FeedEntry>;

export type FeedParse = { ok: true; title: string | null; entries: FeedEntry[] } | { ok: false; error: PageError };

// The prolog may hold an XML declaration, stylesheets, comments and a DOCTYPE (with an internal subset:
// fast-xml-parser leaves nested entities unexpanded, so a "billion laughs" feed stays small).
const FEED_ROOT = /^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<(rss|feed|rdf:RDF)\b/i;

/** Whether decoded text is an RSS, Atom or RDF document (by its root element). */
export function looksLikeFeed(text: string): boolean {
  return FEED_ROOT.test(text.slice(0, 4096));
}

/** The text of a parsed XML node: a string, or the text part of an element that had attributes. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return textOf(v['#text'] ?? v['_text'] ?? v['_cdata'] ?? null);
  }
  return null;
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function httpLink(value: unknown, base: string | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Parses feed text. `baseUrl` (the feed's own URL) makes relative item links absolute.
 *
 * @example
 *   const feed = parseFeed(xml, 'https://example.com/rss');
 *   if (feed.ok) for (const e of feed.entries) console.log(e.id, e.link, e.publishedHint);
 */
export function parseFeed(xml: string, baseUrl?: string): FeedParse {
  if (!looksLikeFeed(xml)) return { ok: false, error: { code: 'unsupported_type', message: 'the XML is not an RSS, Atom or RDF feed' } };
  let data: ReturnType<typeof extractFromXml>;
  try {
    data = extractFromXml(xml, {
      descriptionMaxLen: 0,
      ...(baseUrl ? { baseUrl } : {}),
      // The normalised entry strips tags from the description and prefers Atom's updated date; the
      // raw fields keep the HTML and the first-published date.
      getExtraEntryFields: (raw) => ({
        swContent: textOf(raw['content:encoded']) ?? textOf(raw['content']),
        swSummary: textOf(raw['description']) ?? textOf(raw['summary']),
        swPublished: textOf(raw['pubDate']) ?? textOf(raw['published']) ?? textOf(raw['dc:date']) ?? textOf(raw['issued']) ?? textOf(raw['updated']),
        swGuid: textOf(raw['guid']) ?? textOf(raw['id']),
      }),
    });
  } catch (err) {
    // An Atom feed with no entries is valid and empty; the parser only recognises Atom by its entries.
    if (/<feed\b/i.test(xml) && !/<entry\b/i.test(xml)) return { ok: true, title: null, entries: [] };
    return { ok: false, error: { code: 'bad_input', message: `the feed cannot be parsed: ${err instanceof Error ? err.message : String(err)}` } };
  }
  const entries: FeedEntry[] = [];
  for (const raw of data.entries ?? []) {
    const link = httpLink(raw.link, baseUrl);
    const html = (typeof raw['swContent'] === 'string' && raw['swContent']) || (typeof raw['swSummary'] === 'string' && raw['swSummary']) || null;
    const title = typeof raw.title === 'string' && raw.title.trim() !== '' ? raw.title.trim() : null;
    const guid = typeof raw['swGuid'] === 'string' ? raw['swGuid'] : null;
    const id = guid ?? link ?? `sha1:${createHash('sha1').update(`${title ?? ''}\n${html ?? ''}`).digest('hex')}`;
    const parsed = FeedEntry.safeParse({
      id,
      link,
      title,
      publishedHint: isoDate(typeof raw['swPublished'] === 'string' ? raw['swPublished'] : null) ?? isoDate(raw.published ?? null),
      html,
    });
    if (parsed.success) entries.push(parsed.data);
  }
  return { ok: true, title: typeof data.title === 'string' && data.title !== '' ? data.title : null, entries };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * An entry's own HTML as a page, used when its link cannot be fetched: the feed's title becomes the
 * page's <title> and <h1> (so the extractor finds the headline), the content its article body.
 */
export function entryPage(entry: FeedEntry): string {
  const title = entry.title ? entry.title.replace(/[&<>"]/g, (c) => ESCAPES[c]!) : '';
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head>\n<body><article>${title ? `<h1>${title}</h1>\n` : ''}${entry.html ?? ''}</article></body></html>\n`;
}
