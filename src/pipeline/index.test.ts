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

/** A text dump of host `host` with a menu line, its own title and body paragraphs. */
function dump(i: number, host: string, menu: string[]): IngestItem {
  const content = [...menu, `Rescue team story number ${i}`, '', ...BODY.map((p) => `${p} This is report ${i}.`), '', 'Share this story'].join('\n');
  return { ok: true, page: { source: `t${i}.txt`, url: `https://${host}/${i}`, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length } };
}

test('template windows: results stream in input order, and later windows keep earlier verdicts', async () => {
  const menu = ['Home | Valley | Alpine sport | Weather'];
  const items = [dump(1, 'echo.example', menu), broken, dump(2, 'echo.example', menu), html, dump(3, 'echo.example', menu), dump(4, 'other.example', [])];
  const whole = await runExtract(items, { extract: DEFAULT_EXTRACT_OPTIONS });

  const streamed: string[] = [];
  const progress: RunProgress[] = [];
  const run = await runExtract(items, {
    extract: DEFAULT_EXTRACT_OPTIONS,
    templateWindow: 2,
    keepResults: false,
    onResult: async (r) => {
      await Promise.resolve();
      streamed.push(JSON.stringify(r));
    },
    onProgress: (p) => progress.push(p),
  });
  assert.deepEqual(run.results, [], 'results are not kept when asked');
  assert.deepEqual(run.summary, whole.summary);
  assert.deepEqual(streamed, whole.results.map((r) => JSON.stringify(r)), 'same results, same order as one window');

  // The third page's menu is template only through the first window: its own window has it once.
  const third = JSON.parse(streamed[4]!) as { ok: boolean; text: string; removed: { text: string }[] };
  assert.ok(third.ok && !third.text.includes('Alpine sport'));
  assert.ok(third.removed.some((r) => r.text.includes('Alpine sport')));
  // The first window closed before the input ended.
  assert.deepEqual(progress.find((p) => p.source === 't1.txt')?.reading, true);
});

test('template windows: a dump with many results queued behind it is flushed early', async () => {
  const htmlPage = (i: number): IngestItem => page(`h${i}.html`, 'html', `<html><body><article><h1>Dogs ${i}</h1>${BODY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
  const items = [dump(1, 'echo.example', []), ...[1, 2, 3, 4, 5].map(htmlPage)];
  let handedOn = 0;
  let mostWaiting = 0;
  const progress: RunProgress[] = [];
  const run = await runExtract(items, {
    extract: DEFAULT_EXTRACT_OPTIONS,
    templateWindow: 3,
    // Progress fires as a result finishes, before it is handed on: it counts itself among the waiting.
    onProgress: (p) => {
      progress.push(p);
      mostWaiting = Math.max(mostWaiting, p.done - handedOn);
    },
    onResult: () => {
      handedOn++;
    },
  });
  assert.deepEqual(run.results.map((r) => r.source), ['t1.txt', 'h1.html', 'h2.html', 'h3.html', 'h4.html', 'h5.html']);
  assert.equal(handedOn, 6);
  assert.equal(mostWaiting, 4, 'three results queued behind the dump, plus the dump itself');
  assert.deepEqual(progress.find((p) => p.source === 't1.txt')?.reading, true, 'the dump did not wait for the end of the input');
});
