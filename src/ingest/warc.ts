/**
 * WARC and WARC.gz files (as Common Crawl's CC-NEWS publishes them) → pages, streamed record by
 * record so a multi-gigabyte archive never sits in memory: only the current record's body does, and
 * only up to the byte cap.
 *
 * A response record with a 2xx HTML payload becomes a page: its target URI is the url, its WARC-Date
 * the fetch time, its HTTP headers are stripped (transfer and content encodings undone by warcio) and
 * the HTTP Content-Type's charset goes to the decoder. Other records (warcinfo, request, metadata,
 * revisit, non-HTML or non-2xx responses) are skipped and reported through `onSkipped`, not as errors.
 */
import { createReadStream } from 'node:fs';
import { LimitReader, WARCParser, type WARCRecord } from 'warcio';
import { decodeBytes } from './decode.ts';
import { contentKind, parseContentType } from './fetch.ts';
import type { IngestItem, SkipReason } from './types.ts';

export interface WarcOptions {
  maxBytes: number;
  onSkipped?: (source: string, reason: SkipReason) => void;
}

/**
 * Reads one WARC file (plain or with gzip-compressed records). Each page's source is
 * `<path>#offset=<byte offset of the record>` (compressed offset for .warc.gz), so it can be found again.
 *
 * @example
 *   for await (const item of readWarc('CC-NEWS-20240101.warc.gz', { maxBytes: 5e6 })) …
 */
export async function* readWarc(path: string, options: WarcOptions): AsyncGenerator<IngestItem> {
  const file = createReadStream(path);
  const parser = new WARCParser(file);
  let offset = 0;
  let records = 0;
  try {
    for (;;) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (err) {
        yield { ok: false, source: `${path}#offset=${offset}`, error: { code: 'decode_failed', message: `not a readable WARC record: ${errorText(err)}` } };
        return;
      }
      if (!record) break;
      offset = parser.offset;
      const source = `${path}#offset=${offset}`;
      if (!record.warcHeaders.statusline.startsWith('WARC/')) {
        const what = records === 0 ? 'the file is not a WARC file' : 'the record does not start with a WARC/ version line';
        yield { ok: false, source, error: { code: 'decode_failed', message: `${what} (it starts "${record.warcHeaders.statusline.slice(0, 40)}")` } };
        return;
      }
      records++;
      const item = await recordItem(record, source, options);
      if (!(await drain(record))) {
        // A page cut short would be stored as a shorter article: refuse it rather than keep half.
        const url = record.warcTargetURI ? ` (${record.warcTargetURI})` : '';
        yield { ok: false, source, error: { code: 'decode_failed', message: `the file ends inside this record${url}: a truncated download?` } };
        return;
      }
      if (item) yield item;
    }
  } finally {
    file.destroy();
  }
  if (records === 0) yield { ok: false, source: path, error: { code: 'empty', message: 'the file holds no readable WARC record' } };
}

/**
 * Reads what is left of a record's bytes, so the parser starts the next record at its boundary, and
 * says whether the record was whole. warcio's own skip loops forever when a file ends inside a record
 * (it keeps asking for the missing bytes), so records are always drained here and marked consumed.
 */
async function drain(record: WARCRecord): Promise<boolean> {
  const limited = record._reader;
  if (record.consumed === '') {
    for await (const chunk of limited) void chunk;
    record.consumed = 'skipped';
  }
  return !(limited instanceof LimitReader) || limited.limit <= 0;
}

async function recordItem(record: WARCRecord, source: string, options: WarcOptions): Promise<IngestItem | null> {
  if (record.warcType !== 'response') {
    options.onSkipped?.(source, 'warc_not_response');
    return null;
  }
  const http = record.httpHeaders;
  const status = Number(http?.statusCode);
  if (!http || !(status >= 200 && status < 300)) {
    options.onSkipped?.(source, 'warc_status');
    return null;
  }
  const { mediaType, charset } = parseContentType(http.headers.get('content-type') ?? null);
  const kind = contentKind(mediaType);
  // Crawls label HTML correctly; a payload with no type at all is read and sniffed by the decoder.
  if (kind !== 'html' && kind !== 'unknown') {
    options.onSkipped?.(source, 'warc_not_html');
    return null;
  }
  const url = record.warcTargetURI ?? null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of record) {
      size += chunk.byteLength;
      if (size > options.maxBytes) {
        return { ok: false, source, error: { code: 'too_large', message: `the record's payload is over the limit of ${options.maxBytes} bytes${url ? ` (${url})` : ''}` } };
      }
      chunks.push(chunk);
    }
  } catch (err) {
    return { ok: false, source, error: { code: 'decode_failed', message: `cannot read the record's payload: ${errorText(err)}` } };
  }
  const bytes = Buffer.concat(chunks, size);
  const decoded = decodeBytes(bytes, { format: 'html', maxBytes: options.maxBytes, charset });
  if (!decoded.ok) return { ok: false, source, error: decoded.error };
  if (kind === 'unknown' && !/<[a-z!]/i.test(decoded.text.slice(0, 2048))) {
    options.onSkipped?.(source, 'warc_not_html');
    return null;
  }
  return {
    ok: true,
    raw: { bytes, charset: charset ?? null },
    page: { source, url, format: 'html', content: decoded.text, ...(decoded.pieces && { pieces: decoded.pieces }), fetchedAt: isoDate(record.warcDate ?? null), encoding: decoded.encoding, bytes: size },
  };
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
