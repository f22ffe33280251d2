import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, declaredCharset, DEFAULT_MAX_BYTES, lfBytes, looksLikeHtml, normaliseText, PIECE_BYTES } from './decode.ts';

const opts = { format: 'text' as const, maxBytes: 1_000_000 };

function ok(bytes: Buffer, o: Parameters<typeof decodeBytes>[1] = opts): { text: string; encoding: string } {
  const r = decodeBytes(bytes, o);
  assert.ok(r.ok, `expected a decode, got ${JSON.stringify(r)}`);
  return { text: r.text, encoding: r.encoding };
}
function code(bytes: Buffer, o: Parameters<typeof decodeBytes>[1] = opts): string {
  const r = decodeBytes(bytes, o);
  assert.ok(!r.ok, `expected a refusal, got ${JSON.stringify(r).slice(0, 200)}`);
  return r.error.code;
}

test('plain UTF-8, with and without BOM, CRLF and lone CR become \\n', () => {
  assert.deepEqual(ok(Buffer.from('Zürich\r\nline two\rline three')), { text: 'Zürich\nline two\nline three', encoding: 'utf-8' });
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café\r\n')]);
  assert.deepEqual(ok(bom), { text: 'Café\n', encoding: 'utf-8' });
});

test('UTF-16LE and UTF-16BE with BOM, and UTF-16LE without one', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße aus Köln\r\n', 'utf16le')]);
  assert.deepEqual(ok(le), { text: 'Grüße aus Köln\n', encoding: 'utf-16le' });
  const beBody = Buffer.from('Hello, world', 'utf16le').swap16();
  assert.deepEqual(ok(Buffer.concat([Buffer.from([0xfe, 0xff]), beBody])), { text: 'Hello, world', encoding: 'utf-16be' });
  assert.equal(ok(Buffer.from('No mark here, still sixteen bits', 'utf16le')).encoding, 'utf-16le');
});

test('bytes that are not UTF-8 fall back to Windows-1252 (smart quotes, é)', () => {
  const bytes = Buffer.from([0x93, ...Buffer.from('Caf'), 0xe9, 0x94, ...Buffer.from(' he said.')]);
  assert.deepEqual(ok(bytes), { text: '“Café” he said.', encoding: 'windows-1252' });
});

test('an HTML meta charset decides for non-UTF-8 bytes; valid UTF-8 wins over a wrong declaration', () => {
  const cyr = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
  const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body>'), cyr, Buffer.from('</body></html>')]);
  assert.deepEqual(ok(page, { format: 'html', maxBytes: 1e6 }).text.includes('Привет'), true);
  const equiv = Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>déjà</p>');
  assert.equal(ok(equiv, { format: 'html', maxBytes: 1e6 }).encoding, 'utf-8');
  assert.equal(declaredCharset(Buffer.from('<meta http-equiv="content-type" content="text/html; charset=koi8-r">')), 'koi8-r');
  assert.equal(declaredCharset(Buffer.from('<meta charset="utf-16">')), 'utf-8');
  assert.equal(declaredCharset(Buffer.from('<meta charset="no-such-thing">')), null);
});

test('undeclared legacy bytes that are mostly non-ASCII are decode_failed, not mojibake', () => {
  const cyr = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0]);
  assert.equal(code(cyr), 'decode_failed');
});

test('empty, white space only, too large', () => {
  assert.equal(code(Buffer.alloc(0)), 'empty');
  assert.equal(code(Buffer.from(' \r\n\t  \n')), 'empty');
  assert.equal(code(Buffer.from([0xef, 0xbb, 0xbf, 0x20])), 'empty');
  assert.equal(code(Buffer.alloc(101, 0x61), { format: 'text', maxBytes: 100 }), 'too_large');
});

test('binary: magic numbers, NUL bytes, control-heavy bytes', () => {
  assert.equal(code(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), 'binary');
  assert.equal(code(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])), 'binary');
  assert.equal(code(Buffer.from('%PDF-1.7\n%âãÏÓ\n')), 'binary');
  assert.equal(code(Buffer.from('GIF89a\x01\x00')), 'binary');
  assert.equal(code(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), 'binary');
  assert.equal(code(Buffer.from('some text\u0000with a NUL in it and more text')), 'binary');
  const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x61)));
  assert.equal(code(controls), 'binary');
});

test('looksLikeHtml tells HTML source from a text dump', () => {
  assert.equal(looksLikeHtml('<!DOCTYPE html><html>'), true);
  assert.equal(looksLikeHtml('  <html lang="en">'), true);
  assert.equal(looksLikeHtml('Home > News\n<div class="a"><p>text</p><span>x</span>'), true);
  assert.equal(looksLikeHtml('Home > News\nA headline about 3 < 4 and 5 > 2\nBody text.'), false);
});

test('UTF-8 with a few broken bytes stays UTF-8 (a file cut mid-character), not Windows-1252 mojibake', () => {
  const whole = Buffer.from('Zürich, Genève, Köln: “quotes” — and the end é');
  const cut = whole.subarray(0, whole.length - 1); // the last é loses its second byte
  const r = ok(cut);
  assert.equal(r.encoding, 'utf-8');
  assert.ok(r.text.startsWith('Zürich, Genève, Köln: “quotes”'));
  assert.ok(r.text.endsWith('\ufffd'));
});

test('a transport charset (HTTP/WARC Content-Type) decides before the page meta; UTF-8 bytes still win', () => {
  const cyr = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
  const text = Buffer.concat([Buffer.from('Text: '), cyr]);
  // Undeclared, these bytes are mostly high bytes and refused; the transport's label reads them.
  assert.equal(code(text), 'decode_failed');
  assert.deepEqual(ok(text, { ...opts, charset: 'windows-1251' }), { text: 'Text: Привет', encoding: 'windows-1251' });
  // The transport outranks a contradicting <meta>, as in the HTML standard.
  const page = Buffer.concat([Buffer.from('<html><head><meta charset="koi8-r"></head><body>'), cyr, Buffer.from('</body></html>')]);
  assert.ok(ok(page, { format: 'html', maxBytes: 1e6, charset: 'cp1251' }).text.includes('Привет'));
  // Quoted and ISO-8859-1 labels are accepted; valid UTF-8 is kept whatever the header says.
  assert.equal(ok(Buffer.from([0x93, 0x68, 0x69, 0x94]), { ...opts, charset: '"ISO-8859-1"' }).text, '“hi”');
  assert.deepEqual(ok(Buffer.from('Grüße'), { ...opts, charset: 'iso-8859-1' }), { text: 'Grüße', encoding: 'utf-8' });
  // An unknown label is ignored rather than failing the page.
  const quoted = Buffer.from([0x93, ...Buffer.from('hello there'), 0x94]);
  assert.equal(ok(quoted, { ...opts, charset: 'x-made-up' }).encoding, 'windows-1252');
});

test('lfBytes turns CRLF and lone CR into LF on the bytes, as normaliseText does on the text', () => {
  const cases = ['', 'no breaks', '\r', '\r\n', '\n\r', 'a\r\r\nb', 'end\r', '\r\nstart', 'Zürich\r\n“quoted”\rmore\r\n\r\n', 'x\n\r\n\ry'];
  for (const c of cases) {
    assert.equal(lfBytes(Buffer.from(c)).toString('utf8'), normaliseText(c), JSON.stringify(c));
  }
  const plain = Buffer.from('nothing to do\n');
  assert.equal(lfBytes(plain), plain, 'no CR: the same buffer, no copy');
  const input = Buffer.from('a\r\nb');
  lfBytes(input);
  assert.equal(input.toString(), 'a\r\nb', 'the input bytes are left as they were');
});

test('large UTF-8 HTML is decoded in pieces that add up to the text the general path gives', () => {
  // A page well past PIECE_BYTES: multi-byte characters, CRLF and a long line with no '>' or newline.
  const row = (i: number) => `<p class="r${i}">Grüße, “quoted” café № ${i} — 東京\r\n</p>`;
  const rows: string[] = [];
  for (let i = 0; rows.join('').length < 3 * PIECE_BYTES; i++) rows.push(row(i));
  const page = Buffer.from(`<html><body>${rows.join('')}<pre>${'日本語のテキスト'.repeat(PIECE_BYTES / 8)}</pre></body></html>`);
  const html = decodeBytes(page, { format: 'html', maxBytes: 1e8 });
  assert.ok(html.ok && html.pieces, 'pieces for a large HTML page');
  const whole = decodeBytes(page, { format: 'text', maxBytes: 1e8 });
  assert.ok(whole.ok && !whole.pieces, 'no pieces for a text dump');
  assert.equal(html.pieces.join(''), whole.text);
  assert.equal(html.text, whole.text);
  assert.ok(html.pieces.length >= 4);
  for (const piece of html.pieces) {
    assert.ok(Buffer.byteLength(piece) <= PIECE_BYTES, 'each piece within the byte limit');
    assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(piece), 'no character split between pieces');
    assert.ok(!piece.includes('\r'));
  }
  // Cuts land after a tag where one is near, else after a line end or between characters.
  assert.ok(html.pieces.slice(0, 2).every((p) => p.endsWith('>')));

  // What the general path refuses or reads otherwise takes the general path here too.
  const blank = Buffer.alloc(PIECE_BYTES * 2, 0x20);
  assert.equal(code(blank, { format: 'html', maxBytes: 1e8 }), 'empty');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page]);
  const withBom = decodeBytes(bom, { format: 'html', maxBytes: 1e8 });
  assert.ok(withBom.ok && withBom.text === whole.text && withBom.pieces, 'the mark goes, the pieces stay');
  const twoBoms = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bom]), { format: 'html', maxBytes: 1e8 });
  assert.ok(twoBoms.ok && twoBoms.text === whole.text && twoBoms.pieces?.join('') === whole.text, 'a second mark goes as normaliseText drops it');
  const latin = Buffer.concat([page, Buffer.from([0xe9])]);
  const broken = decodeBytes(latin, { format: 'html', maxBytes: 1e8 });
  assert.ok(broken.ok && !broken.pieces);
});

test('pages with CRLF decoded one after another, in pieces or whole, each keep their own text', () => {
  const row = (i: number, tag: string): string => `<p class="r${i}">${tag} row ${i}: Zürich “quoted”</p>\r\n`;
  const page = (tag: string, rows: number): Buffer => Buffer.from(`<html><body>\r\n${Array.from({ length: rows }, (_, i) => row(i, tag)).join('')}</body></html>\r\n`);
  const want = (b: Buffer): string => normaliseText(b.toString('utf8'));
  // Large (in pieces), then smaller, then larger than any before.
  const inputs = [page('first', 4000), page('second', 10), page('third', 9000), page('fourth', 3000)];
  const results = inputs.map((b) => decodeBytes(b, { format: 'html', maxBytes: DEFAULT_MAX_BYTES }));
  results.forEach((r, i) => {
    assert.ok(r.ok, `page ${i}`);
    assert.equal(r.text, want(inputs[i]!), `page ${i} text`);
    if (r.pieces) assert.equal(r.pieces.join(''), r.text, `page ${i} pieces`);
  });
  assert.ok(results[0]!.ok && results[0]!.pieces, 'the first page came in pieces');
});
