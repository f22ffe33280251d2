import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWhiteSpace, wholeWordsAnyCase } from './letters.ts';
import { piecedStrings } from '../testing.ts';

test('isWhiteSpace agrees with \\s on every UTF-16 unit', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isWhiteSpace(c), /\s/u.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('wholeWordsAnyCase matches where the case-insensitive whole-word pattern does', () => {
  // Every code point an `iu` pattern takes for an ASCII letter, or for a word character, is one the
  // built pattern takes too (and no other).
  const letterMatch = new RegExp('^[a-z]$', 'iu');
  const built = wholeWordsAnyCase(['abcdefghijklmnopqrstuvwxyz']);
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (letterMatch.test(ch)) {
      const lower = [...'abcdefghijklmnopqrstuvwxyz'].find((l) => new RegExp(`^${l}$`, 'iu').test(ch))!;
      assert.ok(wholeWordsAnyCase([lower]).test(ch), `U+${cp.toString(16)} for ${lower}`);
    }
    assert.equal(/\w/iu.test(ch), /[\w\u017f\u212a]/u.test(ch), `word character U+${cp.toString(16)}`);
  }
  assert.ok(built.test('ABCDEFGHIJ\u212aLMNOPQR\u017fTUVWXYZ'));
  const words = ['Getty Images', 'AP Photo', 'EPA-EFE', 'iStock', 'ask'];
  const reference = /\b(?:Getty Images|AP Photo|EPA-EFE|iStock|ask)\b/iu;
  const fast = wholeWordsAnyCase(words);
  const alphabet = ['Getty Images', 'getty images', 'ap photo', 'epa-efe', 'ISTOCK', 'ASK', ' ', ' ', 'Getty', 'images', 'IMAGES', 'ap', 'PHOTO', 'Photo', 'EPA', '-', 'efe', 'i', 'STOCK', 'stoc\u212a', '\u017ftock', 'a', '\u017f', 'k', '_', '1', 'é', '😀', '.'];
  let hits = 0;
  for (const text of piecedStrings(alphabet, 30000, 8, 77)) {
    const expected = reference.test(text);
    if (expected) hits++;
    assert.equal(fast.test(text), expected, JSON.stringify(text));
  }
  assert.ok(hits > 3000, `only ${hits} generated texts matched`);
});
