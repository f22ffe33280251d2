import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineFeatures } from './lines.ts';
import { DATE_TOKEN_SEPARATOR, dateSeparator, isDateLine } from './segment.ts';

test('dateSeparator is the date-token separator class on every code unit', () => {
  for (let c = 0; c < 0x10000; c++) {
    assert.equal(dateSeparator(c), DATE_TOKEN_SEPARATOR.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  }
});

test('date lines are a date with an optional label, time and zone, nothing else', () => {
  const yes = [
    '17 Apr 2025', 'Published April 7, 2025, 11:42 a.m.', 'Updated: 4:18 PM CEST May 21, 2025', '10.04.2025 | 14:05',
    'Veröffentlicht am 10.04.2025', 'March 3 (2024)', '2025-04-17T09:30:00Z', ' 3 — März\u00a02024 ', 'Mon, 7 Apr 2025 - 10:00 GMT',
  ];
  const no = ['Photo 1 of 5', '12 Comments', '5 min read', 'Published by Jane Roe on April 7, 2025', '© 2025 Example', 'May 7th fire kills 3', '-'];
  for (const s of yes) assert.ok(isDateLine(lineFeatures(s, 1)), s);
  for (const s of no) assert.ok(!isDateLine(lineFeatures(s, 1)), s);
});
