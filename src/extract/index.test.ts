/** countWords against the regex it stands for; a page read from pieces against the same page whole. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWords, extract, pageId } from './index.ts';
import { decodeBytes, PIECE_BYTES } from '../ingest/index.ts';
import { contentPieces, type RawPage } from '../records/index.ts';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const byRegex = (s: string) => s.match(WORD)?.length ?? 0;

test('countWords counts what the word pattern matches', () => {
  const cases = [
    '', ' ', "don't", "rock’n’roll", "it's 5 o'clock", "'quoted'", "ends with'", "'", "a'1", "l’état d’urgence",
    'Ελληνικά κείμενο', '中文字符', 'emoji 😀 between', '𝒜𝒷𝒸 math letters', 'lone \ud800 surrogate', 'lone \udc00 low',
    'trailing \ud835', '12,5 km²', 'x’’y', "a''b", 'naïve café', 'tab\tand\nnewline', '— dash —', '١٢٣ arabic digits',
  ];
  for (const s of cases) assert.equal(countWords(s), byRegex(s), JSON.stringify(s));
  const dir = join(import.meta.dirname, '..', '..', 'examples');
  const pages = readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f));
  assert.ok(pages.length >= 15, 'the example pages are there');
  for (const f of pages) {
    const text = readFileSync(join(dir, f), 'utf8');
    assert.equal(countWords(text), byRegex(text), f);
  }
});

test('a large HTML page gives the same id and result from its pieces as whole', () => {
  const dir = join(import.meta.dirname, '..', '..', 'examples');
  const name = readdirSync(dir).filter((f) => f.endsWith('.html')).sort()[0]!;
  const source = readFileSync(join(dir, name), 'utf8');
  // The example padded past PIECE_BYTES with markup no reader keeps, after its body and before </html>.
  const padding = `<footer>${'<span class="pad">·</span>\n'.repeat(PIECE_BYTES / 12)}</footer>`;
  const bytes = Buffer.from(source.replace('</body>', `${padding}</body>`));
  const decoded = decodeBytes(bytes, { format: 'html', maxBytes: 1e8 });
  assert.ok(decoded.ok && decoded.pieces && decoded.pieces.length >= 2);
  const base = { source: name, url: null, format: 'html' as const, content: decoded.text, fetchedAt: null, encoding: 'utf-8', bytes: bytes.length };
  const pieced: RawPage = { ...base, pieces: decoded.pieces };
  assert.equal(contentPieces(pieced), decoded.pieces);
  assert.equal(pageId(pieced), pageId(base));
  const whole = extract(base);
  assert.ok(whole.ok, 'the padded example is still an article');
  assert.deepEqual(extract(pieced), whole);
  // Pieces that do not add up to the content are not trusted.
  const stale: RawPage = { ...pieced, content: decoded.text + ' ' };
  assert.deepEqual(contentPieces(stale), [stale.content]);
});
