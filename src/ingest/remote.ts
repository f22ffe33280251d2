/**
 * URLs and feeds → pages. A URL is fetched within the limits of fetch.ts; a response that is an
 * RSS/Atom feed is read as one, each item's link fetched with the same limits, and the item's own
 * HTML used instead when its link is missing or cannot be fetched.
 */
import type { PageError, PageFormat, RawPage } from '../records/index.ts';
import { decodeBytes, normaliseText } from './decode.ts';
import { entryPage, looksLikeFeed, parseFeed, type FeedEntry } from './feed.ts';
import { fetchUrl, type FetchOptions, type FetchResult, type Validators } from './fetch.ts';
import { DEFAULT_FEED_CONCURRENCY, fetchOptionsOf, type IngestItem, type IngestOptions, type RawBytes } from './types.ts';

/**
 * What a watch keeps about one feed or URL between polls. `seen` holds the ids and links of the
 * entries already yielded; it is pruned to the entries the feed still lists, so it stays the size of
 * the feed however long the watch runs.
 */
export interface FeedState {
  validators: Validators | null;
  seen: Set<string>;
  /** What the input turned out to be on its first successful read. */
  kind: 'feed' | 'page' | null;
  /** Mark the entries listed now as seen without yielding them (a watch told to skip what exists at start). */
  prime: boolean;
}

export function newFeedState(): FeedState {
  return { validators: null, seen: new Set(), kind: null, prime: false };
}

type FetchedBody = Extract<FetchResult, { ok: true; bytes: Buffer }>;

type Classified = { kind: 'page'; page: RawPage; raw: RawBytes } | { kind: 'feed'; text: string } | { kind: 'error'; error: PageError };

/** Decodes a fetched body and says whether it is a page or a feed. */
function classify(r: FetchedBody, options: FetchOptions): Classified {
  const format: PageFormat | null = r.kind === 'html' ? 'html' : r.kind === 'text' ? 'text' : null;
  const decoded = decodeBytes(r.bytes, { format, maxBytes: options.maxBytes, charset: r.charset });
  if (!decoded.ok) return { kind: 'error', error: decoded.error };
  if ((r.kind === 'xml' || r.kind === 'unknown') && looksLikeFeed(decoded.text)) return { kind: 'feed', text: decoded.text };
  if (r.kind === 'xml') return { kind: 'error', error: { code: 'unsupported_type', message: 'the response is XML but not an RSS, Atom or RDF feed' } };
  const pageFormat: PageFormat = format ?? (/<[a-z!]/i.test(decoded.text.slice(0, 2048)) ? 'html' : 'text');
  return {
    kind: 'page',
    raw: { bytes: r.bytes, charset: r.charset ?? null },
    page: { source: r.url, url: r.url, format: pageFormat, content: decoded.text, ...(decoded.pieces && { pieces: decoded.pieces }), fetchedAt: r.fetchedAt, encoding: decoded.encoding, bytes: r.bytes.length },
  };
}

function failure(source: string, r: Extract<FetchResult, { ok: false }>): IngestItem {
  const at = r.url !== source ? ` (at ${r.url})` : '';
  return { ok: false, source, error: { code: r.error.code, message: `${r.error.message}${at}` } };
}

/**
 * Reads one URL: a page becomes one item; a feed becomes one item per entry. With a `state` (a
 * watch), entries already seen are skipped and the feed is asked for with its last ETag and
 * Last-Modified, so an unchanged feed costs one 304 and yields nothing.
 *
 * @example
 *   for await (const item of readUrl('https://example.com/rss', { maxBytes: 5e6 })) …
 */
export async function* readUrl(input: string, options: IngestOptions, state?: FeedState): AsyncGenerator<IngestItem> {
  const fetchOptions = fetchOptionsOf(options);
  const r = await fetchUrl(input, fetchOptions, state?.validators ?? undefined);
  if (!r.ok) {
    yield failure(input, r);
    return;
  }
  if ('notModified' in r) return;
  const c = classify(r, fetchOptions);
  if (c.kind === 'error') {
    yield { ok: false, source: input, error: c.error };
    return;
  }
  if (state) state.kind = c.kind;
  if (c.kind === 'page') {
    if (!state?.prime) yield { ok: true, page: c.page, raw: c.raw };
    return;
  }
  if (state) state.validators = r.validators;
  yield* readFeedText(c.text, r.url, r.fetchedAt, options, state);
}

/**
 * Reads a feed's text (fetched, or from a file). `feed` names it (URL or path) and is the base for
 * relative links when it is a URL; `fetchedAt` is when the feed was fetched (null for a file), used
 * as the fetch time of entries read from the feed's own content.
 */
export async function* readFeedText(text: string, feed: string, fetchedAt: string | null, options: IngestOptions, state?: FeedState): AsyncGenerator<IngestItem> {
  const base = /^https?:\/\//i.test(feed) ? feed : undefined;
  const parsed = parseFeed(text, base);
  if (!parsed.ok) {
    yield { ok: false, source: feed, error: parsed.error };
    return;
  }
  if (state?.prime) {
    for (const e of parsed.entries) {
      state.seen.add(e.id);
      if (e.link) state.seen.add(e.link);
    }
    return;
  }
  const fresh = state ? parsed.entries.filter((e) => !state.seen.has(e.id) && !(e.link && state.seen.has(e.link))) : parsed.entries;
  const fetchOptions = fetchOptionsOf(options);
  const concurrency = Math.max(1, options.feedConcurrency ?? DEFAULT_FEED_CONCURRENCY);
  let i = 0;
  for await (const item of mapOrdered(fresh, concurrency, (entry) => entryItem(entry, feed, fetchedAt, options, fetchOptions), options.signal)) {
    const entry = fresh[i++]!;
    yield item;
    state?.seen.add(entry.id);
    if (entry.link) state?.seen.add(entry.link);
  }
  if (state && i === fresh.length) {
    // Forget entries the feed no longer lists: the set stays the size of the feed.
    const listed = new Set(parsed.entries.flatMap((e) => (e.link ? [e.id, e.link] : [e.id])));
    for (const key of state.seen) if (!listed.has(key)) state.seen.delete(key);
  }
}

/** One feed entry → its fetched page, or the feed's own HTML for it, or why neither exists. */
async function entryItem(entry: FeedEntry, feed: string, fetchedAt: string | null, options: IngestOptions, fetchOptions: FetchOptions): Promise<IngestItem> {
  const hint = { publishedHint: entry.publishedHint };
  const origin = { feed, entryId: entry.id, title: entry.title };
  let error: PageError | null = null;
  if (entry.link) {
    const r = await fetchUrl(entry.link, fetchOptions);
    if (!r.ok) {
      const failed = failure(entry.link, r);
      if (!failed.ok) error = failed.error;
    } else if (!('notModified' in r)) {
      const c = classify(r, fetchOptions);
      if (c.kind === 'page') return { ok: true, page: c.page, raw: c.raw, ...hint, feed: { ...origin, fromFeedContent: false } };
      error = c.kind === 'error' ? c.error : { code: 'unsupported_type', message: 'the item links to another feed, not a page' };
    }
  }
  const source = entry.link ?? `${feed}#${entry.id}`;
  if (entry.html && entry.html.trim() !== '') {
    if (error) options.onWarning?.(`${source}: ${error.code} (${error.message}); used the feed's own content for it`);
    const content = normaliseText(entryPage(entry));
    return {
      ok: true,
      page: { source, url: entry.link, format: 'html', content, fetchedAt, encoding: 'utf-8', bytes: Buffer.byteLength(content) },
      ...hint,
      feed: { ...origin, fromFeedContent: true },
    };
  }
  return { ok: false, source, error: error ?? { code: 'empty', message: 'the feed item has neither a link nor content' } };
}

/**
 * Runs `fn` over items with at most `limit` in flight and yields results in input order. `fn` must
 * not reject (results are data). Stops starting new work once `signal` aborts.
 */
async function* mapOrdered<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>, signal?: AbortSignal): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const fill = (): void => {
    while (next < items.length && pending.length < limit && !signal?.aborted) pending.push(fn(items[next++]!));
  };
  fill();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    fill();
    yield result;
  }
}
