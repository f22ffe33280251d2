/**
 * One URL → the bytes of one page or feed, with the limits a tool fetching strangers' links needs:
 * a time limit to the response headers (connect included) and another for the whole fetch, a byte
 * cap enforced while the body streams, redirects followed by hand (each hop re-checked, at most
 * `maxRedirects`), a content-type check, and non-public addresses refused unless allowed.
 *
 * Every failure is data (`{ ok: false, error: { code, message } }`), never a throw.
 *
 * Known gap: the addresses are checked by resolving the host here, and node's fetch resolves it again
 * to connect, so a DNS server that answers differently within milliseconds (DNS rebinding) could slip
 * past. Closing it needs a dispatcher with a checked `connect.lookup` (the `undici` package).
 */
import type { PageError } from '../records/index.ts';
import { checkHost, systemResolver, type Resolver } from './address.ts';
import { DEFAULT_MAX_BYTES } from './decode.ts';

/**
 * Time to the response headers, connect and TLS included. Real news sites answer in well under a
 * second; 10 s is undici's own connect default, so a slow but working site is not refused.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Whole fetch including the body: a 2 MB page over a slow 1 Mbit/s link takes ~16 s; 30 s leaves room. */
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
/** Browsers allow 20; news links rarely take more than 3 (tracker → http→https → canonical). */
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = 'Storyweave/0.1 (news ingest; +https://github.com/storyweave)';

export interface FetchOptions {
  /** Fetch loopback, private, link-local, unique-local and other non-public addresses (tests, intranets). */
  allowPrivate: boolean;
  /** Host name → addresses; node:dns lookup unless a test injects one. */
  resolver: Resolver;
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Bodies over this many bytes (after content decoding) are refused as too_large. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** The clock for fetchedAt (injected in tests). */
  now: () => Date;
  /** Aborts the fetch from outside (a watch being stopped). */
  signal?: AbortSignal;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  allowPrivate: false,
  resolver: systemResolver,
  connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
  timeoutMs: DEFAULT_FETCH_TIMEOUT_MS,
  maxBytes: DEFAULT_MAX_BYTES,
  maxRedirects: DEFAULT_MAX_REDIRECTS,
  userAgent: DEFAULT_USER_AGENT,
  now: () => new Date(),
};

/** What a response's content type says it holds; 'unknown' when the server did not say. */
export type ContentKind = 'html' | 'text' | 'xml' | 'unknown';

/** Validators from a previous fetch, sent so an unchanged feed costs one 304. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | {
      ok: true;
      /** The URL after redirects. */
      url: string;
      status: number;
      kind: ContentKind;
      /** The charset the Content-Type header names, for the decoder. */
      charset: string | null;
      bytes: Buffer;
      fetchedAt: string;
      validators: Validators;
    }
  | { ok: true; notModified: true; url: string; fetchedAt: string }
  | { ok: false; url: string; error: PageError };

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain']);
const XML_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml']);

/** Parses `type/subtype; charset=…` into its media type and charset. */
export function parseContentType(header: string | null): { mediaType: string | null; charset: string | null } {
  if (!header) return { mediaType: null, charset: null };
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1]!;
  }
  const mediaType = type!.trim().toLowerCase();
  return { mediaType: mediaType === '' ? null : mediaType, charset };
}

export function contentKind(mediaType: string | null): ContentKind | null {
  if (mediaType === null) return 'unknown';
  if (HTML_TYPES.has(mediaType)) return 'html';
  if (TEXT_TYPES.has(mediaType)) return 'text';
  if (XML_TYPES.has(mediaType) || mediaType.endsWith('+xml')) return 'xml';
  return null;
}

const fail = (url: string, code: PageError['code'], message: string): FetchResult => ({ ok: false, url, error: { code, message } });

/**
 * Fetches one URL within the limits of `options`.
 *
 * @example
 *   const r = await fetchUrl('https://example.com/news/1', { ...DEFAULT_FETCH_OPTIONS, timeoutMs: 5000 });
 *   if (r.ok && !('notModified' in r)) console.log(r.url, r.kind, r.bytes.length);
 *   else if (!r.ok) console.warn(r.error.code, r.error.message);
 */
export async function fetchUrl(input: string, options: FetchOptions, validators?: Validators): Promise<FetchResult> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return fail(input, 'bad_input', `${input} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(input, 'bad_input', `only http and https URLs are fetched, not ${url.protocol}`);

  const controller = new AbortController();
  let why: 'timeout' | 'connect' | 'outside' | null = null;
  const abort = (reason: typeof why): void => {
    if (why === null) why = reason;
    controller.abort();
  };
  const onOutside = (): void => abort('outside');
  if (options.signal?.aborted) return fail(input, 'fetch_failed', 'aborted before the fetch started');
  options.signal?.addEventListener('abort', onOutside, { once: true });
  const total = setTimeout(() => abort('timeout'), options.timeoutMs);
  // A promise that settles when the fetch is aborted, so a hung DNS lookup cannot outlive the limits.
  const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
  aborted.catch(() => undefined);

  const timeoutError = (): FetchResult =>
    why === 'connect'
      ? fail(url.href, 'timeout', `no response within ${options.connectTimeoutMs} ms`)
      : why === 'timeout'
        ? fail(url.href, 'timeout', `not complete within ${options.timeoutMs} ms`)
        : fail(url.href, 'fetch_failed', 'aborted');

  try {
    for (let hop = 0; ; hop++) {
      if (!options.allowPrivate) {
        const check = await Promise.race([checkHost(url.hostname, options.resolver), aborted]);
        if (!check.ok) return fail(url.href, check.reason === 'private' ? 'private_address' : 'fetch_failed', check.message);
      }
      const headers: Record<string, string> = {
        'user-agent': options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1',
      };
      if (hop === 0 && validators?.etag) headers['if-none-match'] = validators.etag;
      if (hop === 0 && validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
      const connect = setTimeout(() => abort('connect'), options.connectTimeoutMs);
      let response: Response;
      try {
        response = await fetch(url, { redirect: 'manual', signal: controller.signal, headers });
      } finally {
        clearTimeout(connect);
      }

      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (!location) return fail(url.href, 'http_status', `HTTP ${response.status} redirect without a Location header`);
        if (hop >= options.maxRedirects) return fail(url.href, 'fetch_failed', `more than ${options.maxRedirects} redirects`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return fail(url.href, 'fetch_failed', `HTTP ${response.status} redirect to an invalid URL: ${location}`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return fail(url.href, 'fetch_failed', `HTTP ${response.status} redirect to a ${next.protocol} URL, which is not fetched`);
        }
        url = next;
        continue;
      }
      const fetchedAt = options.now().toISOString();
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: true, notModified: true, url: url.href, fetchedAt };
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => undefined);
        return fail(url.href, 'http_status', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const { mediaType, charset } = parseContentType(response.headers.get('content-type'));
      const kind = contentKind(mediaType);
      if (kind === null) {
        await response.body?.cancel().catch(() => undefined);
        return fail(url.href, 'unsupported_type', `the content type is ${mediaType}, not HTML, text or an RSS/Atom feed`);
      }
      const declared = Number(response.headers.get('content-length'));
      // Content-Length counts encoded bytes; over the cap already, the decoded body can only be larger.
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return fail(url.href, 'too_large', `Content-Length ${declared} is over the limit of ${options.maxBytes} bytes`);
      }
      const body = await readCapped(response, options.maxBytes);
      if (!body.ok) return fail(url.href, 'too_large', `the body is over the limit of ${options.maxBytes} bytes`);
      return {
        ok: true,
        url: url.href,
        status: response.status,
        kind,
        charset,
        bytes: body.bytes,
        fetchedAt,
        validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
      };
    }
  } catch (err) {
    if (why !== null) return timeoutError();
    return fail(url.href, 'fetch_failed', `cannot fetch ${url.href}: ${networkErrorText(err)}`);
  } finally {
    clearTimeout(total);
    options.signal?.removeEventListener('abort', onOutside);
  }
}

/** Streams a body, stopping (and cancelling the download) as soon as it passes the cap. */
async function readCapped(response: Response, maxBytes: number): Promise<{ ok: true; bytes: Buffer } | { ok: false }> {
  if (!response.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND, a TLS error) in the cause. */
function networkErrorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: string }).code;
    return code ? `${code} (${cause.message})` : cause.message;
  }
  return err.message;
}
