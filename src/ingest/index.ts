/**
 * Ingest stage: the places news comes from → RawPage records (or named refusals).
 *
 *   read.ts     files, folders, gzip, JSONL, stdin, and the dispatch of every input by its kind
 *   remote.ts   URLs (a page, or an RSS/Atom feed whose item links are fetched in turn)
 *   fetch.ts    one URL within limits: timeouts, size cap, redirects re-checked, content type
 *   address.ts  which addresses may be fetched (no loopback, private, link-local… unless allowed)
 *   feed.ts     RSS/Atom/RDF text → entries (id, link, title, date hint, own HTML)
 *   warc.ts     WARC / WARC.gz response records → pages, streamed
 *   watch.ts    polling feeds, URLs and folders for new pages until aborted
 *   decode.ts   bytes → text (BOM, UTF-8, transport and declared charsets, Windows-1252)
 */
export { readInputs, readPath, isUrlInput, JsonlPage } from './read.ts';
export { watchInputs, DEFAULT_WATCH_INTERVAL_MS, type WatchOptions } from './watch.ts';
export { readUrl, readFeedText, newFeedState, type FeedState } from './remote.ts';
export { parseFeed, looksLikeFeed, type FeedEntry } from './feed.ts';
export { readWarc } from './warc.ts';
export {
  fetchUrl,
  DEFAULT_FETCH_OPTIONS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_USER_AGENT,
  type FetchOptions,
  type FetchResult,
} from './fetch.ts';
export { nonPublicReason, checkHost, systemResolver, type Resolver, type ResolvedAddress } from './address.ts';
export {
  DEFAULT_INGEST_OPTIONS,
  DEFAULT_FEED_CONCURRENCY,
  fetchOptionsOf,
  type IngestItem,
  type IngestOptions,
  type FeedOrigin,
  type SkipReason,
  type RawBytes,
} from './types.ts';
export { decodeBytes, looksLikeHtml, declaredCharset, encodingForLabel, normaliseText, DEFAULT_MAX_BYTES, PIECE_BYTES } from './decode.ts';
export type { DecodeResult, DecodeOptions } from './decode.ts';
