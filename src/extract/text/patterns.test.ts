import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitLines, lower, lineFeatures } from './lines.ts';
import { SEEDS_DIR } from '../../../eval/lib.ts';
import {
  anyOf,
  containsAnyOf,
  FOOTER_PROSE,
  FOOTER_PROSE_ANY,
  FOOTER_PROSE_NEEDS,
  mayBeCaptionWithCredit,
  mayBeImageFileName,
  PAREN_CREDIT,
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

// Lines built to sit at the edges of the gates in front of the tables.
const GATE_EDGES = [
  'IMG_2041.jpg', 'photo.JPEG', 'a b c.tiff', 'a b c.png', 'a b c.webp', 'x y .gif', 'Shot Jumbo', 'Shot  Jumbo', 'a\u00a0bJumbo',
  'DSC0001 beach at dawn', 'Photo: Jane Roe', 'PHOTO : Jane Roe', 'A scene on the pier PICTURE: Harbour Desk', 'Credits: Jane',
  'A scene (AP)', 'A scene (Photo courtesy Jane)', 'Crowds (Harbour Press Agency/L. Moor)', 'x /Reuters', 'Photograph: Jane',
  'All Rights Reserved.', 'THIS MATERIAL MAY NOT BE PUBLISHED, broadcast or redistributed.', 'Sign up for the Daily newsletter today',
  'Your email address will not be published. Required fields are marked *', 'You have reached your free article limit.',
  'Subscribe now for unlimited access to every story', 'If you spotted an error in this article, tell us.', 'errors', 'inb',
];

function gateSamples(): string[] {
  const out = [...sampleLines(), ...GATE_EDGES];
  if (existsSync(SEEDS_DIR)) {
    for (const f of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))) {
      for (const l of splitLines(readFileSync(join(SEEDS_DIR, f), 'utf8'))) out.push(l.text);
    }
  } else console.warn(`${SEEDS_DIR} not found: the gates are checked on the examples only`);
  return out;
}

test('the gates in front of the tables never turn away a line a row matches', () => {
  let image = 0;
  let caption = 0;
  let footer = 0;
  for (const text of gateSamples()) {
    const l = lineFeatures(text, 1);
    const t = l.text;
    if (any(IMAGE_FILE_NAME, t)) {
      image++;
      assert.ok(mayBeImageFileName(l), `image gate turned away ${JSON.stringify(t)}`);
    }
    if (any(CAPTION_WITH_CREDIT, t) || PAREN_CREDIT.test(t)) {
      caption++;
      assert.ok(mayBeCaptionWithCredit(l, () => lower(l)), `caption gate turned away ${JSON.stringify(t)}`);
    }
    const low = lower(l);
    if (FOOTER_PROSE_ANY.test(low) || FOOTER_PROSE.some((f) => f.pattern.test(t))) {
      footer++;
      assert.ok(FOOTER_PROSE_NEEDS(low), `footer gate turned away ${JSON.stringify(t)}`);
    }
  }
  assert.ok(image >= 4 && caption >= 8 && footer >= 8, `the samples exercise the gates (${image}, ${caption}, ${footer})`);
});

test('containsAnyOf finds exactly the strings holding one of its words', () => {
  const words = ['error', 'inbox', 'may not be', 'acc'];
  const has = containsAnyOf(words);
  for (const s of [...gateSamples(), 'ab', '', 'acc', 'xacc', 'ac', 'é error', 'errorr', 'erro', 'inbo', 'aécc', 'acé', 'ac€c', 'éacc', 'err€or', 'inbox€', '€€inbox', 'mayé not be']) {
    assert.equal(has(s), words.some((w) => s.includes(w)), JSON.stringify(s));
  }
  assert.throws(() => containsAnyOf(['ab']));
  assert.throws(() => containsAnyOf(['Error']));
});
