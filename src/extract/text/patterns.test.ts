import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitLines, lower } from './lines.ts';
import {
  anyOf,
  ATTRIBUTION_LINE,
  ATTRIBUTION_LINE_ANY,
  CAPTION_WITH_CREDIT,
  CAPTION_WITH_CREDIT_ANY,
  CREDIT_LINE,
  CREDIT_LINE_ANY,
  IMAGE_FILE_NAME,
  IMAGE_FILE_NAME_ANY,
  LINE_RULES,
  LINE_RULES_ANY,
} from './patterns.ts';

// The bundled examples (our own fictional corpus) plus invented chrome lines of every table's shapes.
const EXAMPLES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'examples');
const SHAPES = [
  'ADVERTISEMENT', 'Advertisement', 'Photo:', 'Credit', 'Jane Roe/Harbour Press', 'REUTERS/Jane Roe', '(AP Photo/Lise Moor)',
  'Photo: AFP', '© 2025 Example Media', 'Copyright 2024 Example', '(c) Example', 'Jane Roe for Reuters', 'Watch video 01:09',
  'A crowd gathers downtown watch 03:12', 'Metro Daily recommends', 'More from Metro Daily', 'Share this article', 'Home',
  'Skip to content', 'aw/mkg (dpa, Reuters, AFP)', '— Reuters', 'With agencies', 'Source: AFP', 'IMG_2041.jpg',
  '06Syria facebookJumbo', 'Saturday / March 23.', 'Comments (12)', 'Sign up for our newsletter', 'Related Topics: RUSSIA',
  'A man walks past a shop on Monday. REUTERS/Jane Roe', 'Rescuers search the rubble (Getty Images/AFP/N. Kolesnikova)',
  'The council voted on Tuesday to approve a new budget for the city.', '1. Home', 'x', '×', 'Photos', '12 photos',
];

function sampleLines(): string[] {
  const out = [...SHAPES];
  for (const f of readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt'))) {
    for (const l of splitLines(readFileSync(join(EXAMPLES, f), 'utf8'))) out.push(l.text);
  }
  return out;
}

const any = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text));

test('each merged table matches exactly the lines one of its rows matches', () => {
  const lines = sampleLines();
  const tables: Array<[string, RegExp[], RegExp[]]> = [
    ['LINE_RULES', LINE_RULES.map((r) => r.pattern), LINE_RULES_ANY],
    ['ATTRIBUTION_LINE', ATTRIBUTION_LINE, ATTRIBUTION_LINE_ANY],
    ['CREDIT_LINE', CREDIT_LINE.map((r) => r.pattern), CREDIT_LINE_ANY],
    ['IMAGE_FILE_NAME', IMAGE_FILE_NAME, IMAGE_FILE_NAME_ANY],
    ['CAPTION_WITH_CREDIT', CAPTION_WITH_CREDIT, CAPTION_WITH_CREDIT_ANY],
  ];
  for (const [name, rows, merged] of tables) {
    let matched = 0;
    for (const l of lines) {
      const want = any(rows, l);
      if (want) matched++;
      assert.equal(any(merged, l), want, `${name} on ${JSON.stringify(l)}`);
    }
    assert.ok(matched > 0, `${name}: the sample lines exercise the table`);
  }
});

test('anyOf keeps a branch outside a leading ^ unanchored, and flags apart', () => {
  const merged = anyOf([/^ab|cd/, /^EF$/i, /gh$/u]);
  assert.equal(merged.length, 3);
  assert.equal(any(merged, 'xxcd'), true);
  assert.equal(any(merged, 'xab'), false);
  assert.equal(any(merged, 'ef'), true);
  assert.equal(any(merged, 'xef'), false);
  assert.equal(any(merged, 'xgh'), true);
  assert.throws(() => anyOf([/a/g]));
});

test('every credit line holds one of its row’s needed strings', () => {
  for (const text of sampleLines()) {
    for (const { pattern, needs } of CREDIT_LINE) {
      if (!pattern.test(text)) continue;
      const low = lower(splitLines(text)[0]!);
      assert.ok(needs.some((s) => low.includes(s)), `${pattern} matched ${JSON.stringify(text)} without any of ${needs.join(' ')}`);
    }
  }
});
