/**
 * Reading inputs: files, folders, gzip, JSONL, stdin, WARC, feed files and URLs → IngestItems.
 *
 * Every input yields at least one item (a WARC or a feed may yield none when it holds no page) and
 * nothing throws out of `readInputs`: a file or URL that cannot be read, fetched, decoded or parsed
 * becomes `{ ok: false, source, error }` with a stable error code, so the run reports it beside the
 * articles instead of stopping.
 */
import { createReadStream, type Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { PageError, PageFormat } from '../records/index.ts';
import { decodeBytes, looksLikeHtml, normaliseText } from './decode.ts';
import { readFeedText, readUrl, type FeedState } from './remote.ts';
import { DEFAULT_INGEST_OPTIONS, type IngestItem, type IngestOptions } from './types.ts';
import { readWarc } from './warc.ts';

const gunzipAsync = promisify(gunzip);

/** What a file name says about its content, read through a trailing `.gz`. */
type Kind = { container: 'page'; format: PageFormat | null } | { container: 'jsonl' } | { container: 'warc' } | { container: 'feed' };

const EXTENSION_KINDS: Record<string, Kind> = {
  '.txt': { container: 'page', format: 'text' },
  '.text': { container: 'page', format: 'text' },
  '.html': { container: 'page', format: 'html' },
  '.htm': { container: 'page', format: 'html' },
  '.xhtml': { container: 'page', format: 'html' },
  '.jsonl': { container: 'jsonl' },
  '.ndjson': { container: 'jsonl' },
  '.warc': { container: 'warc' },
  '.rss': { container: 'feed' },
  '.atom': { container: 'feed' },
  // Scrapers often save pages under their URL's last segment, with no extension: sniff those.
  '': { container: 'page', format: null },
};

/**
 * Extensions read only when a file is named explicitly: `.xml` is as often a sitemap or a config as a
 * feed, so a folder walk passes over it.
 */
const EXPLICIT_KINDS: Record<string, Kind> = {
  '.xml': { container: 'feed' },
  // Crawlers' Markdown exports are text dumps with markup (extract/text/markup.ts reads them); in a
  // folder, a `.md` is as likely the folder's README.
  '.md': { container: 'page', format: 'text' },
  '.markdown': { container: 'page', format: 'text' },
};

/** Whether an input is a URL to fetch rather than a path. */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Reads inputs in order: `-` is stdin, an `http://` or `https://` input is fetched (a page, or a
 * feed whose item links are fetched in turn), a folder is walked recursively in sorted order (hidden
 * entries skipped, files with unknown extensions passed over with a warning), a file is read by its
 * extension (`.txt`, `.html`/`.htm`, `.jsonl`, `.rss`/`.atom`/`.xml` feeds, any of them `.gz`;
 * `.warc`/`.warc.gz` archives; `.md` Markdown dumps when named; others are sniffed).
 *
 * @example
 *   for await (const item of readInputs(['pages/', 'more.jsonl'], { maxBytes: 5e6 })) {
 *     if (item.ok) console.log(item.page.source, item.page.encoding);
 *     else console.warn(item.source, item.error.code);
 *   }
 */
export async function* readInputs(inputs: string[], options: IngestOptions = DEFAULT_INGEST_OPTIONS): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    if (options.signal?.aborted) return;
    if (input === '-') {
      yield await readStdin(options);
      continue;
    }
    if (isUrlInput(input)) {
      yield* readUrl(input, options);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (err) {
      yield readFailed(input, err);
      continue;
    }
    if (isDir) {
      for await (const file of walk(input, options)) {
        if (options.signal?.aborted) return;
        yield* readFile(file, kindOf(file), options);
      }
    } else {
      yield* readFile(input, kindOf(input), options);
    }
  }
}

/**
 * Reads one file by its name's kind (the unit a watch re-reads when a file appears or changes). A
 * feed file read with a `state` skips the entries already seen.
 */
export function readPath(path: string, options: IngestOptions = DEFAULT_INGEST_OPTIONS, state?: FeedState): AsyncGenerator<IngestItem> {
  return readFile(path, kindOf(path), options, state);
}

/** Whether a file name is a feed file (.rss, .atom, .xml, any of them .gz). */
export function isFeedPath(path: string): boolean {
  return kindOf(path).container === 'feed';
}

/** Recursive, sorted (by code unit, so every machine walks alike), hidden files and folders skipped. */
export async function* walk(dir: string, options: IngestOptions): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    options.onWarning?.(`cannot list ${dir}: ${errorText(err)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, options);
    // Symlinks are followed to files only, so a link back up the tree cannot make the walk loop.
    else if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path)))) {
      if (kindFromName(entry.name)) yield path;
      else if (explicitKind(entry.name)) options.onWarning?.(`skipped ${path}: read as a page only when named (in a folder, a ${extensionOf(entry.name)} file is as often documentation or configuration)`);
      else options.onWarning?.(`skipped ${path}: not a page file (expected .txt, .html, .htm, .jsonl, .rss, .atom or .gz of them, .warc or .warc.gz)`);
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The kind a file name declares, or null for an extension that is not a page format. */
function kindFromName(name: string): Kind | null {
  return EXTENSION_KINDS[extensionOf(name)] ?? null;
}

/** A file name's extension, read through a trailing `.gz`, in lower case. */
function extensionOf(name: string): string {
  const lower = name.toLowerCase();
  return extname(lower.endsWith('.gz') ? lower.slice(0, -3) : lower);
}

function explicitKind(name: string): Kind | null {
  return EXPLICIT_KINDS[extensionOf(name)] ?? null;
}

/** Files named explicitly are always read: an unknown extension is sniffed like an extensionless one. */
function kindOf(path: string): Kind {
  const name = basename(path);
  return kindFromName(name) ?? explicitKind(name) ?? { container: 'page', format: null };
}

async function* readFile(path: string, kind: Kind, options: IngestOptions, state?: FeedState): AsyncGenerator<IngestItem> {
  const gz = path.toLowerCase().endsWith('.gz');
  if (kind.container === 'jsonl') {
    yield* readJsonl(path, gz, options);
    return;
  }
  if (kind.container === 'warc') {
    // warcio reads per-record gzip itself, and streams: the whole file is never read into memory.
    yield* readWarc(path, { maxBytes: options.maxBytes, ...(options.onSkipped ? { onSkipped: options.onSkipped } : {}) });
    return;
  }
  const raw = await readBounded(path, options.maxBytes);
  if (!raw.ok) {
    yield { ok: false, source: path, error: raw.error };
    return;
  }
  let bytes = raw.bytes;
  if (gz) {
    const inflated = await inflate(bytes, options.maxBytes);
    if (!inflated.ok) {
      yield { ok: false, source: path, error: inflated.error };
      return;
    }
    bytes = inflated.bytes;
  }
  if (kind.container === 'feed') {
    const decoded = decodeBytes(bytes, { format: null, maxBytes: options.maxBytes });
    if (!decoded.ok) yield { ok: false, source: path, error: decoded.error };
    else yield* readFeedText(decoded.text, path, null, options, state);
    return;
  }
  yield pageFromBytes(path, bytes, raw.bytes.length, kind.format, options);
}

function pageFromBytes(source: string, bytes: Buffer, originalBytes: number, format: PageFormat | null, options: IngestOptions): IngestItem {
  const decoded = decodeBytes(bytes, { format, maxBytes: options.maxBytes });
  if (!decoded.ok) return { ok: false, source, error: decoded.error };
  return {
    ok: true,
    raw: { bytes, charset: null },
    page: {
      source,
      url: null,
      format: format ?? (looksLikeHtml(decoded.text) ? 'html' : 'text'),
      content: decoded.text,
      ...(decoded.pieces && { pieces: decoded.pieces }),
      fetchedAt: null,
      encoding: decoded.encoding,
      bytes: originalBytes,
    },
  };
}

type Bytes = { ok: true; bytes: Buffer } | { ok: false; error: PageError };

/** Reads a whole file, refusing by its size before reading any of it when it is over the limit. */
async function readBounded(path: string, maxBytes: number): Promise<Bytes> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) return { ok: false, error: { code: 'too_large', message: `${size} bytes is over the limit of ${maxBytes}` } };
      return { ok: true, bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (err) {
    return { ok: false, error: { code: 'read_failed', message: `cannot read the file: ${errorText(err)}` } };
  }
}

/** gunzip with the byte limit applied to the output, so a small bomb cannot inflate past it. */
async function inflate(bytes: Buffer, maxBytes: number): Promise<Bytes> {
  try {
    return { ok: true, bytes: await gunzipAsync(bytes, { maxOutputLength: maxBytes }) };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      return { ok: false, error: { code: 'too_large', message: `the gzip stream inflates past the limit of ${maxBytes} bytes` } };
    }
    return { ok: false, error: { code: 'decode_failed', message: `truncated or corrupt gzip stream: ${errorText(err)}` } };
  }
}

/**
 * One JSONL line: a page given as text, Markdown (crawlers such as Firecrawl export a "markdown"
 * field; it is read as a text dump with markup) or HTML, with an optional URL and fetch time.
 */
export const JsonlPage = z
  .object({
    url: z.string().nullable().optional(),
    text: z.string().optional(),
    markdown: z.string().optional(),
    html: z.string().optional(),
    fetchedAt: z.string().nullable().optional(),
  })
  .refine((p) => p.text !== undefined || p.markdown !== undefined || p.html !== undefined, { message: 'expected a "text", "markdown" or "html" field' });

async function* readJsonl(path: string, gz: boolean, options: IngestOptions): AsyncGenerator<IngestItem> {
  let lineNo = 0;
  try {
    const file = createReadStream(path);
    let stream: Readable = file;
    if (gz) {
      stream = file.pipe(createGunzip());
      file.on('error', (err) => stream.destroy(err));
    }
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      yield jsonlItem(`${path}#L${lineNo}`, line, options);
    }
  } catch (err) {
    const code = gz && isZlibError(err) ? 'decode_failed' : 'read_failed';
    const message = code === 'decode_failed' ? `truncated or corrupt gzip stream after line ${lineNo}: ${errorText(err)}` : `cannot read the file: ${errorText(err)}`;
    yield { ok: false, source: lineNo > 0 ? `${path}#L${lineNo + 1}` : path, error: { code, message } };
  }
}

function jsonlItem(source: string, line: string, options: IngestOptions): IngestItem {
  const bytes = Buffer.byteLength(line);
  if (bytes > options.maxBytes) {
    return { ok: false, source, error: { code: 'too_large', message: `the line is ${bytes} bytes, over the limit of ${options.maxBytes}` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { ok: false, source, error: { code: 'bad_input', message: `${lineLabel(source)} is not valid JSON: ${errorText(err)}` } };
  }
  const parsed = JsonlPage.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return { ok: false, source, error: { code: 'bad_input', message: `${lineLabel(source)}: ${issues}` } };
  }
  const { url, text, markdown, html, fetchedAt } = parsed.data;
  // When a scraper saved several, the HTML carries the most structure (headings, metadata), then the
  // Markdown (it marks which words are links) and last its plain text.
  const format: PageFormat = html !== undefined ? 'html' : 'text';
  const content = normaliseText(html ?? markdown ?? text ?? '');
  if (content.trim() === '') return { ok: false, source, error: { code: 'empty', message: `${lineLabel(source)}: the ${format} field is empty` } };
  return { ok: true, page: { source, url: url ?? null, format, content, fetchedAt: fetchedAt ?? null, encoding: 'utf-8', bytes } };
}

async function readStdin(options: IngestOptions): Promise<IngestItem> {
  const input = options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of input) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > options.maxBytes) {
        input.destroy();
        return { ok: false, source: '-', error: { code: 'too_large', message: `stdin is over the limit of ${options.maxBytes} bytes` } };
      }
      chunks.push(buf);
    }
  } catch (err) {
    return readFailed('-', err);
  }
  const bytes = Buffer.concat(chunks);
  return pageFromBytes('-', bytes, bytes.length, null, options);
}

function readFailed(source: string, err: unknown): IngestItem {
  return { ok: false, source, error: { code: 'read_failed', message: `cannot read ${source === '-' ? 'stdin' : 'the input'}: ${errorText(err)}` } };
}

function isZlibError(err: unknown): boolean {
  return ((err as { code?: string }).code ?? '').startsWith('Z_');
}

function lineLabel(source: string): string {
  const at = source.lastIndexOf('#L');
  return at >= 0 ? `line ${source.slice(at + 2)}` : 'the line';
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
