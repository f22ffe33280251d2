/** The records and options every ingest source shares. */
import type { Readable } from 'node:stream';
import type { PageError, RawPage } from '../records/index.ts';
import type { Resolver } from './address.ts';
import { DEFAULT_MAX_BYTES } from './decode.ts';
import { DEFAULT_FETCH_OPTIONS, type FetchOptions } from './fetch.ts';

/** Where a page read from a feed came from. */
export interface FeedOrigin {
  /** The feed's URL (after redirects) or file path. */
  feed: string;
  /** The entry's guid / id (else its link): what a watch remembers as seen. */
  entryId: string;
  /** The entry's title as the feed gives it. */
  title: string | null;
  /** True when the page is the feed's own HTML for the entry because its link could not be fetched. */
  fromFeedContent: boolean;
}

/**
 * One ingested input: a decoded page, or why a source gave none. Pages from feeds carry the feed's
 * date for the item as `publishedHint` (ISO 8601): a hint for when the page gives no date, never the
 * article date itself, since feeds re-date items when they are edited or promoted again.
 */
/**
 * The bytes a page was decoded from (after transport decompression) and the charset its transport
 * declared, kept so a store can re-decode the page after a decoder upgrade.
 */
export interface RawBytes {
  bytes: Buffer;
  charset: string | null;
}

export type IngestItem =
  | { ok: true; page: RawPage; raw?: RawBytes; publishedHint?: string | null; feed?: FeedOrigin }
  | { ok: false; source: string; error: PageError };

/** Inputs passed over without an error: counted by the caller, not reported as failures. */
export type SkipReason =
  | 'warc_not_response' // warcinfo, request, metadata, revisit… records
  | 'warc_status' // a response that is not 2xx (redirects and errors the crawler recorded)
  | 'warc_not_html'; // a response with an image, script, PDF… payload

export interface IngestOptions {
  /** Pages (files, decompressed gzip, JSONL lines, stdin, fetched bodies, WARC payloads) over this many bytes are refused as too_large. */
  maxBytes: number;
  /** Where `-` reads from; process.stdin unless a test gives a stream. */
  stdin?: Readable;
  /** Told about files a folder walk passes over and feed links that fell back to the feed's content, for the log. */
  onWarning?: (message: string) => void;
  /** Told about each archive record passed over and why (counted, not errors). */
  onSkipped?: (source: string, reason: SkipReason) => void;
  /** Fetch URLs that resolve to loopback, private, link-local, unique-local or other non-public addresses. Default false. */
  allowPrivate?: boolean;
  /** Host name → addresses; node:dns lookup by default, injected by tests. */
  resolver?: Resolver;
  /** Time to a response's headers (connect included); DEFAULT_CONNECT_TIMEOUT_MS by default. */
  connectTimeoutMs?: number;
  /** Time for a whole fetch, body included; DEFAULT_FETCH_TIMEOUT_MS by default. */
  fetchTimeoutMs?: number;
  /** Redirects followed per fetch; DEFAULT_MAX_REDIRECTS by default. */
  maxRedirects?: number;
  userAgent?: string;
  /** Feed item links fetched at once (their order is kept); DEFAULT_FEED_CONCURRENCY by default. */
  feedConcurrency?: number;
  /** The clock for fetchedAt of fetched pages (injected in tests). */
  now?: () => Date;
  /** Stops fetches in flight and ends the reading (a watch being stopped). */
  signal?: AbortSignal;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = { maxBytes: DEFAULT_MAX_BYTES };

/**
 * Item links fetched in parallel when reading a feed: 4 keeps a 50-item feed to a few seconds
 * without looking like a crawler burst to one site (browsers open 6 connections per host).
 */
export const DEFAULT_FEED_CONCURRENCY = 4;

/** The fetch limits an ingest run uses, from its options and the defaults. */
export function fetchOptionsOf(options: IngestOptions): FetchOptions {
  return {
    allowPrivate: options.allowPrivate ?? DEFAULT_FETCH_OPTIONS.allowPrivate,
    resolver: options.resolver ?? DEFAULT_FETCH_OPTIONS.resolver,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_FETCH_OPTIONS.connectTimeoutMs,
    timeoutMs: options.fetchTimeoutMs ?? DEFAULT_FETCH_OPTIONS.timeoutMs,
    maxBytes: options.maxBytes,
    maxRedirects: options.maxRedirects ?? DEFAULT_FETCH_OPTIONS.maxRedirects,
    userAgent: options.userAgent ?? DEFAULT_FETCH_OPTIONS.userAgent,
    now: options.now ?? DEFAULT_FETCH_OPTIONS.now,
    ...(options.signal ? { signal: options.signal } : {}),
  };
}
