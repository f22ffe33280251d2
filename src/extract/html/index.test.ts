import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawPage } from '../../records/index.ts';
import { extractHtmlDraft } from './index.ts';

const raw = (content: string, url: string | null = 'https://example.org/news/flood'): RawPage => ({
  source: 'test.html',
  url,
  format: 'html',
  content,
  fetchedAt: null,
  encoding: 'utf-8',
  bytes: content.length,
});

const para = 'The river rose by two metres overnight, and officials said the levees held through the storm.';

test('a Draft carries the body, the headline and the page metadata', () => {
  const html = `<html lang="en"><head><title>River floods the old town | Daily Example</title>
    <meta property="og:title" content="River floods the old town"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>River floods the old town</h1><p>${para}</p><h2>Schools close</h2><p>${para} Again.</p></article></body></html>`;
  const draft = extractHtmlDraft(raw(html));
  assert.equal(draft.paragraphs.length, 3);
  assert.equal(draft.paragraphs[1], 'Schools close');
  assert.ok(!draft.paragraphs.includes('River floods the old town'));
  assert.ok(draft.title?.startsWith('River floods the old town'));
  assert.equal(draft.declaredLanguage, 'en');
  assert.ok(draft.removed.some((r) => r.reason === 'title'));
  assert.ok(draft.removed.every((r) => r.text.length <= 500));
});

test('removed text is shortened to 500 characters', () => {
  const long = Array.from({ length: 80 }, () => 'word').join(' ');
  const story = Array.from({ length: 20 }, () => para).join(' ');
  const html = `<html><body><article><p>${story}</p><p>${story}</p></article><div class="comments"><p>${long} ${long}</p></div></body></html>`;
  const draft = extractHtmlDraft(raw(html, null));
  const c = draft.removed.find((r) => r.reason === 'comments');
  assert.ok(c);
  assert.ok(c.text.length <= 500);
  assert.ok(c.text.endsWith('…'));
});

test('garbage and empty input give an empty body, never an exception', () => {
  for (const html of ['', '<', '<html><body></body></html>', '\u0000\u0001binary', '<p'.repeat(1000)]) {
    assert.deepEqual(extractHtmlDraft(raw(html, null)).paragraphs, []);
  }
});
