import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineFeatures } from './lines.ts';

// The line text and list-marker test as plain regexes: the scan that replaced them must agree.
const NEEDS_COLLAPSE = /\s\s|[\t\r\f\v\u00a0\u2000-\u200b\u3000]/;
const LIST_MARKER = /^(?:[*•·▪►▸‣◦–—-]|\d{1,3}[.)]|[a-z][.)])\s+/;
function reference(raw: string): { text: string; listMarker: boolean } {
  const text = NEEDS_COLLAPSE.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
  return { text, listMarker: LIST_MARKER.test(text) };
}

const EXAMPLES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'examples');
const TRICKY = [
  'plain line', '  indented line', 'trailing  ', '\tTabbed\tline', 'two  spaces inside', 'no\u00a0break', ' \u00a0lead',
  'ogham\u1680space', '  ogham\u1680space', 'ogham\u1680 double', '\u1680\u1680', 'line\u2028sep', '  narrow\u202fspace',
  '  zero\u200bwidth', 'ideo\u3000space', '\ufeffbom start', '  \ufeff', 'cr\rinside', 'thin\u2009space', 'a \u205f b',
  '* bullet', '• bullet', '·dot', '▪ square', '► arrow', '▸ arrow', '‣ tri', '◦ ring', '– en', '— em', '- hyphen', '12. item',
  '1) item', '1234. year', 'a) item', 'a. item', 'A. item', 'ab. no', '*no space', '–', '', '   ', '3.', 'é) no',
];

test('lineFeatures collapses and trims as the regexes do, and finds list markers alike', () => {
  const lines = [...TRICKY];
  for (const f of readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt'))) lines.push(...readFileSync(join(EXAMPLES, f), 'utf8').split('\n'));
  for (const raw of lines) {
    const want = reference(raw);
    for (const l of [lineFeatures(raw, 1), lineFeatures(raw, 1, raw.trim())]) {
      assert.equal(l.text, want.text, JSON.stringify(raw));
      assert.equal(l.listMarker, want.listMarker, JSON.stringify(raw));
    }
  }
});
