import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { IngestItem } from '../ingest/index.ts';
import type { RawPage } from '../records/index.ts';
import { runExtract, summarise, type RunProgress } from './index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../extract/index.ts';

const BODY = [
  'The valley mountain rescue team has begun training three young search dogs, which will join its two older dogs on callouts from next winter if they pass their assessments.',
  'The dogs learn to find people buried under snow by scent alone. Handlers hide in snow caves on the lower slopes while the dogs work the ground in wide zigzags.',
  'Training a dog takes about two years and costs the volunteer team several thousand euros, most of it raised by a yearly hill race that starts in the village square.',
];

function page(source: string, format: 'text' | 'html', content: string): IngestItem {
  const raw: RawPage = { source, url: null, format, content, fetchedAt: null, encoding: 'utf-8', bytes: content.length };
  return { ok: true, page: raw };
}

const text = page('a.txt', 'text', ['Valley Echo', 'Mountain rescue team trains three new search dogs', '', ...BODY].join('\n'));
const html = page('b.html', 'html', `<html><body><article><h1>Search dogs</h1>${BODY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
const broken: IngestItem = { ok: false, source: 'c.png', error: { code: 'binary', message: 'the bytes are a PNG image, not a page' } };
const short = page('d.txt', 'text', 'Home\nNews\nSport\nWeather');

test('one result per item, in input order, with ingest refusals as ExtractFailure records', async () => {
  const progress: RunProgress[] = [];
  const run = await runExtract([text, broken, html, short], { extract: DEFAULT_EXTRACT_OPTIONS, onProgress: (p) => progress.push(p) });
  assert.deepEqual(
    run.results.map((r) => [r.source, r.ok ? 'article' : r.error.code]),
    [
      ['a.txt', 'article'],
      ['c.png', 'binary'],
      ['b.html', 'article'],
      ['d.txt', 'not_an_article'],
    ],
  );
  const failure = run.results[1]!;
  assert.equal(failure.id, createHash('sha256').update('c.png').digest('hex').slice(0, 16));
  assert.deepEqual(run.summary, { pages: 4, articles: 2, skipped: 2, byCode: { binary: 1, not_an_article: 1 } });

  // HTML and refusals finish while reading; text dumps after, once the template evidence is built.
  assert.equal(progress.length, 4);
  assert.deepEqual(progress.map((p) => [p.source, p.reading]), [
    ['c.png', true],
    ['b.html', true],
    ['a.txt', false],
    ['d.txt', false],
  ]);
  assert.deepEqual(progress.at(-1), { done: 4, total: 4, reading: false, source: 'd.txt' });
});

test('an empty input gives an empty run', async () => {
  const run = await runExtract([], { extract: DEFAULT_EXTRACT_OPTIONS });
  assert.deepEqual(run, { results: [], summary: { pages: 0, articles: 0, skipped: 0, byCode: {} } });
  assert.deepEqual(summarise([]), run.summary);
});

test('an extractor that throws on one page yields internal_error for that page and the run goes on', async () => {
  const page = (source: string, content: string): IngestItem => ({
    ok: true,
    page: { source, url: null, format: 'html', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length },
  });
  const run = await runExtract([page('a.html', '<p>first</p>'), page('b.html', '<p>boom</p>'), page('c.html', '<p>third</p>')], {
    extract: DEFAULT_EXTRACT_OPTIONS,
    extractor: (p) => {
      if (p.content.includes('boom')) throw new Error('synthetic extractor bug');
      return { id: p.source, source: p.source, url: null, ok: false, error: { code: 'not_an_article', message: 'short' } };
    },
  });
  assert.deepEqual(
    run.results.map((r) => (r.ok ? 'ok' : r.error.code)),
    ['not_an_article', 'internal_error', 'not_an_article'],
  );
  const failed = run.results[1]!;
  assert.ok(!failed.ok && failed.error.message.includes('synthetic extractor bug'));
  assert.equal(run.summary.byCode.internal_error, 1);
});
