/** countWords against the regex it stands for, on hand-made edge cases and every example page. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWords } from './index.ts';

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
