/**
 * Bytes → text: the one place that decides what a saved page's bytes say. A pure function over a
 * Buffer (no I/O), so every rule here is tested on hand-made bytes.
 *
 * Order: size limit → empty → byte-order mark → binary sniff (magic numbers, NULs, control bytes) →
 * strict UTF-8 → the transport's charset (HTTP or WARC Content-Type) → the charset an HTML page declares
 * in its first 2 KB → Windows-1252 → line endings.
 * Strict UTF-8 goes before a declared charset because pages often declare ISO-8859-1 while serving
 * UTF-8, and a non-ASCII byte run that happens to be valid UTF-8 is vanishingly rare in legacy text.
 */
import { isUtf8 } from 'node:buffer';
import type { PageError, PageFormat } from '../records/index.ts';

export type DecodeResult =
  /** `pieces`, when present: the text in consecutive pieces, each a string V8 keeps on its ordinary heap (see PIECE_BYTES); `text` is their concatenation. */
  | { ok: true; text: string; encoding: string; pieces?: string[] }
  | { ok: false; error: PageError };

export interface DecodeOptions {
  /** html lets a `<meta charset>` decide when the bytes are not UTF-8; null means unknown (sniffed). */
  format: PageFormat | null;
  /** Refuse more bytes than this as too_large. */
  maxBytes: number;
  /**
   * The charset the transport declared (an HTTP or WARC record's `Content-Type: …; charset=…`), a label
   * such as "ISO-8859-1" or "shift_jis". Tried after strict UTF-8 and before the page's own `<meta>`, as
   * the HTML standard ranks them; an unknown label, or bytes that are invalid in it, fall through.
   */
  charset?: string | null;
}

/** 20 MB: the largest real article page in WCXB dev is 1.8 MB decompressed; ten times that is junk. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** How far into a page a `<meta charset>` counts, as in the HTML standard's prescan (1024) rounded up. */
export const CHARSET_PRESCAN_BYTES = 2048;

/** Bytes sampled for the binary sniff: enough to see a header and a few lines, cheap on huge pages. */
const BINARY_SNIFF_BYTES = 8192;

/**
 * Share of control bytes (below 0x20, other than tab, LF, CR, FF, ESC) above which a sample is binary.
 * Text pages in WCXB dev and the seeds have none; compressed or image data runs ~10% (32 of 256
 * byte values), so 5% separates them with room for a stray control byte in a text dump.
 */
const MAX_CONTROL_SHARE = 0.05;

/**
 * Share of bytes ≥ 0x80 among letter bytes above which non-UTF-8 bytes are not treated as
 * Windows-1252. Western European text in 1252 runs 1–5% accented bytes (French, German, Spanish); text in Cyrillic, Greek or CJK
 * legacy encodings runs 40–100%, where 1252 would print mojibake, so such pages fail as decode_failed.
 */
const MAX_HIGH_BYTE_SHARE_1252 = 0.3;

/**
 * Share of NUL bytes at odd (UTF-16LE) or even (UTF-16BE) offsets above which BOM-less bytes are read as
 * UTF-16: Latin-script UTF-16 has a NUL in nearly every high byte; 0.4 still allows CJK-heavy text.
 */
const MIN_UTF16_NUL_SHARE = 0.4;

/**
 * Valid multi-byte characters needed per broken sequence to read bytes as damaged UTF-8 rather than
 * Windows-1252. A French 1252 paragraph decodes as UTF-8 with 0 valid and ~15 broken; a UTF-8 page cut
 * mid-character has 1 broken and hundreds valid; 3 sits between with room for short pages.
 */
const MIN_VALID_PER_BROKEN_UTF8 = 3;

/**
 * UTF-8 HTML longer than this is decoded in pieces of at most this many bytes. V8 puts a string over
 * 128 KB in its own freshly mapped memory, and on these machines (Firecracker VMs that hand freed
 * pages back to the host) touching that memory costs about 5 µs a page: decoding a 130 KB string took
 * 640 µs against 15 µs for 120 KB, and the mean WCXB page is 176 KB. A piece of 60,000 bytes is at
 * most 60,000 characters, 120 KB even when it needs two bytes a character. The HTML parser reads the
 * pieces one after another (src/extract/html/dom.ts), so a page's source is never one large string;
 * `text`, their concatenation, is a rope V8 only flattens if something reads it whole.
 */
export const PIECE_BYTES = 60_000;
/** How far back from a piece's byte limit a cut looks for the end of a tag before settling for a line end. */
const PIECE_CUT_WINDOW = 4096;

interface Magic {
  name: string;
  bytes: number[];
}

/** File signatures of formats scrapers commonly save by mistake under a page's name. */
const MAGIC_NUMBERS: Magic[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip stream', bytes: [0x1f, 0x8b] },
];

const fail = (code: PageError['code'], message: string): DecodeResult => ({ ok: false, error: { code, message } });

/**
 * Decodes a page's bytes to text with \n line endings and no BOM, or says why it cannot.
 *
 * @example
 *   decodeBytes(Buffer.from([0x93, 0x68, 0x69, 0x94]), { format: 'text', maxBytes: 1e6 })
 *   // → { ok: true, text: '“hi”', encoding: 'windows-1252' }
 */
export function decodeBytes(bytes: Buffer, options: DecodeOptions): DecodeResult {
  if (bytes.length > options.maxBytes) {
    return fail('too_large', `${bytes.length} bytes is over the limit of ${options.maxBytes}`);
  }
  if (bytes.length === 0) return fail('empty', 'the file has no bytes');

  const decoded = decodeToString(bytes, options.format, options.charset ?? null);
  if (!decoded.ok) return decoded;
  if (decoded.pieces) {
    // The pieces' bytes went through lfBytes (no CR left); only a second byte-order mark can remain.
    const pieces = decoded.pieces;
    if (pieces[0]!.charCodeAt(0) === 0xfeff) pieces[0] = pieces[0]!.slice(1);
    if (pieces.every((p) => p.trim() === '')) return fail('empty', 'the page holds only white space');
    let text = '';
    for (const piece of pieces) text += piece;
    return { ok: true, text, encoding: decoded.encoding, pieces };
  }
  const text = normaliseText(decoded.text);
  if (text.trim() === '') return fail('empty', 'the page holds only white space');
  return { ok: true, text, encoding: decoded.encoding };
}

/**
 * Valid UTF-8 with \n line endings in pieces of at most PIECE_BYTES. Each cut is made after a byte that
 * ends a tag ('>') or a line, or at worst before the first byte of a character, so no character is
 * split and no CR (all gone, see lfBytes) waits for its LF in the next piece.
 */
function utf8Pieces(lf: Buffer): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < lf.length; ) {
    const end = start + PIECE_BYTES >= lf.length ? lf.length : pieceEnd(lf, start);
    pieces.push(lf.toString('utf8', start, end));
    start = end;
  }
  return pieces;
}

/** Where the piece that starts at `start` ends: just after a '>' or a '\n' near the limit, else at a character start. */
function pieceEnd(bytes: Buffer, start: number): number {
  const limit = start + PIECE_BYTES;
  const floor = limit - PIECE_CUT_WINDOW;
  const tag = bytes.lastIndexOf(0x3e, limit - 1);
  if (tag >= floor) return tag + 1;
  const line = bytes.lastIndexOf(0x0a, limit - 1);
  if (line >= floor) return line + 1;
  let at = limit;
  // Continuation bytes (10xxxxxx) never start a character.
  while (at > start + 1 && (bytes[at]! & 0xc0) === 0x80) at--;
  return at;
}

function decodeToString(bytes: Buffer, format: PageFormat | null, transportCharset: string | null): DecodeResult {
  // Only the HTML reader takes pieces; a text dump is read whole (and is rarely that large).
  const pieced = format === 'html';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strictDecode(bytes.subarray(3), 'utf-8', pieced);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be');

  const magic = MAGIC_NUMBERS.find((m) => startsWith(bytes, m.bytes));
  if (magic) return fail('binary', `the bytes are a ${magic.name}, not a page`);

  const sample = bytes.subarray(0, BINARY_SNIFF_BYTES);
  const bomless16 = sniffUtf16(sample);
  if (bomless16) return decodeUtf16(bytes, bomless16);

  const sniff = sniffControls(sample);
  if (sniff.nul) return fail('binary', 'the bytes contain NUL characters, which text pages never do');
  if (sniff.controlShare > MAX_CONTROL_SHARE) {
    return fail('binary', `${Math.round(sniff.controlShare * 100)}% of the first bytes are control characters`);
  }

  const utf8 = strictDecode(bytes, 'utf-8', pieced);
  if (utf8.ok) return utf8;
  const lossy = mostlyUtf8(bytes);
  if (lossy !== null) return { ok: true, text: lossy, encoding: 'utf-8' };

  const transport = transportCharset ? encodingForLabel(transportCharset) : null;
  if (transport && transport !== 'utf-8') {
    const text = decodeAs(bytes, transport);
    if (text !== null) return { ok: true, text, encoding: transport };
  }

  const isHtml = format === 'html' || (format === null && looksLikeHtml(bytes.subarray(0, CHARSET_PRESCAN_BYTES).toString('latin1')));
  if (isHtml) {
    const declared = declaredCharset(bytes);
    // WHATWG maps iso-8859-1 and ascii labels to windows-1252, which the fallback below decodes.
    if (declared === 'windows-1252') return { ok: true, text: decodeWindows1252(bytes), encoding: declared };
    if (declared && declared !== 'utf-8') {
      try {
        return { ok: true, text: new TextDecoder(declared, { fatal: true }).decode(bytes), encoding: declared };
      } catch {
        return fail('decode_failed', `the page declares ${declared} but its bytes are not valid ${declared}`);
      }
    }
  }

  const highShare = highByteShare(bytes);
  if (highShare > MAX_HIGH_BYTE_SHARE_1252) {
    return fail(
      'decode_failed',
      `the bytes are not valid UTF-8, declare no charset, and ${Math.round(highShare * 100)}% are non-ASCII ` +
        '(too many for Windows-1252 text; probably a Cyrillic, Greek or CJK legacy encoding)',
    );
  }
  return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/**
 * Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F (smart quotes, dashes, €, …). Node 20's
 * TextDecoder('windows-1252') takes a Latin-1 fast path and returns C1 controls there (nodejs/node
 * issue 56542), so those 32 code points come from this table; the five bytes 1252 leaves undefined
 * map to their C1 control, as the WHATWG index does.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

function strictDecode(bytes: Uint8Array, encoding: 'utf-8', pieced: boolean): DecodeResult {
  // isUtf8 + Buffer#toString is about twice as fast as a fatal TextDecoder on 100 KB pages. Line
  // endings are normalised on the bytes first, so that normaliseText finds no CR (see lfBytes).
  if (isUtf8(bytes)) {
    const lf = lfBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // decodeBytes joins the text from the pieces once it has checked them.
    if (pieced && lf.length > PIECE_BYTES) return { ok: true, text: '', encoding, pieces: utf8Pieces(lf) };
    return { ok: true, text: lf.toString('utf8'), encoding };
  }
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    return fail('decode_failed', `the bytes are not valid ${encoding}`);
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  // An odd trailing byte is a truncated file: decode the complete units rather than refusing the page.
  const even = bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(even);
  } catch {
    return fail('decode_failed', `the bytes start like ${encoding} but hold invalid surrogate pairs`);
  }
  if (text.includes('\u0000')) return fail('binary', `the ${encoding} text contains NUL characters`);
  return { ok: true, text, encoding };
}

/**
 * UTF-8 text with a few broken sequences (a file cut mid-character, one stray Latin-1 byte pasted into
 * a UTF-8 page) must stay UTF-8: read as Windows-1252 every one of its accents would turn to mojibake.
 * Windows-1252 text, read as UTF-8, has almost no valid multi-byte characters (an accented letter
 * followed by the right continuation bytes is rare in real words), so valid ones outnumbering broken
 * ones by MIN_VALID_PER_BROKEN_UTF8 says UTF-8. Returns the text with U+FFFD for the broken bytes.
 */
function mostlyUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let broken = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) broken++;
    else if (c > 0x7f) valid++;
  }
  return valid >= broken * MIN_VALID_PER_BROKEN_UTF8 ? text : null;
}

/**
 * UTF-8 bytes with CRLF and lone CR turned to LF, as normaliseText does to the decoded string; the same
 * Buffer when there is no CR. Byte 0x0D is always U+000D in UTF-8 (never part of a multi-byte
 * sequence), so decoding the result equals normalising the decoded text. String#replace returns a
 * string that V8 copies once more, into a second page-sized string, at its first read: on the WCXB
 * dev pages (174 KB on average, 314 of 793 with CRLF) that was ≈0.45 ms a page more than copying the
 * bytes between CRs here.
 */
export function lfBytes(bytes: Buffer): Buffer {
  let cr = bytes.indexOf(0x0d);
  if (cr < 0) return bytes;
  const out = Buffer.allocUnsafe(bytes.length);
  let w = 0;
  let from = 0;
  while (cr >= 0) {
    w += bytes.copy(out, w, from, cr);
    out[w++] = 0x0a;
    from = bytes[cr + 1] === 0x0a ? cr + 2 : cr + 1;
    cr = bytes.indexOf(0x0d, from);
  }
  w += bytes.copy(out, w, from);
  return out.subarray(0, w);
}

/** Line endings to \n (CRLF and lone CR), a leading BOM character dropped. */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function sniffUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  // One side NUL-heavy and the other nearly NUL-free: text in 16-bit units, not random binary.
  if (oddNul / pairs >= MIN_UTF16_NUL_SHARE && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs >= MIN_UTF16_NUL_SHARE && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

function sniffControls(sample: Uint8Array): { nul: boolean; controlShare: number } {
  let controls = 0;
  // An index loop: for…of over a typed array ran 4.7 times slower here (34 against 7 µs per 8 KB sample).
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b >= 0x20) continue;
    if (b === 0) return { nul: true, controlShare: 1 };
    // Tab, LF, FF, CR and ESC turn up in real text dumps (form feeds from printers, ANSI colour codes).
    if (b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return { nul: false, controlShare: sample.length === 0 ? 0 : controls / sample.length };
}

/** Bytes ≥ 0x80 as a share of those and ASCII letters, so spaces and markup do not dilute it. */
function highByteShare(bytes: Uint8Array): number {
  let high = 0;
  let letters = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) high++;
    else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) letters++;
  }
  return high + letters === 0 ? 0 : high / (high + letters);
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

/**
 * The charset an HTML page declares in its first 2 KB (`<meta charset>`, `<meta http-equiv=
 * "Content-Type" content="…; charset=…">` or an XML declaration), as a WHATWG encoding name that this
 * Node can decode, or null. As the HTML standard says, a declared UTF-16 means UTF-8 (bytes with a
 * UTF-16 BOM never reach here).
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, CHARSET_PRESCAN_BYTES)).toString('latin1');
  const label = META_CHARSET.exec(head)?.[1] ?? XML_ENCODING.exec(head.trimStart())?.[1];
  if (!label) return null;
  return encodingForLabel(label);
}

/**
 * A charset label as the WHATWG encoding name this Node decodes, or null when unknown. A declared
 * UTF-16 means UTF-8 here, as the HTML standard says: real UTF-16 bytes were caught by BOM or sniffing.
 */
export function encodingForLabel(label: string): string | null {
  let encoding: string;
  try {
    encoding = new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return null;
  }
  return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
}

/** Bytes read strictly in one encoding, or null when they are invalid in it. */
function decodeAs(bytes: Buffer, encoding: string): string | null {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const HTML_START = /^\s*(?:<!doctype\s+html|<html\b|<\?xml\b|<!--|<head\b|<body\b)/i;
const HTML_TAGS = /<(?:html|head|body|div|p|article|meta|title|script|span|a)\b[^>]*>/gi;

/**
 * Whether decoded (or latin1-read) content is HTML source rather than a text dump: it opens like a
 * document, or its head holds several common tags. A rendered text dump has no tags at all.
 */
export function looksLikeHtml(head: string): boolean {
  const start = head.slice(0, CHARSET_PRESCAN_BYTES);
  if (HTML_START.test(start)) return true;
  return (start.match(HTML_TAGS)?.length ?? 0) >= 3;
}
