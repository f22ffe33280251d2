import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWhiteSpace } from './letters.ts';

test('isWhiteSpace agrees with \\s on every UTF-16 unit', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isWhiteSpace(c), /\s/u.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});
