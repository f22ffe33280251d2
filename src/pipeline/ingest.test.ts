import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EXTRACT_OPTIONS, extract } from '../extract/index.ts';
import type { IngestItem } from '../ingest/index.ts';
import type { Article } from '../records/index.ts';
import { contentHash, openStore, type Store } from '../store/index.ts';
import { generateCorpus } from '../store/testing/corpus.ts';
import { ingestInto, reprocess, type IngestIntoOptions, type IngestProgress } from './ingest.ts';

const NOW = () => new Date('2026-03-01T12:00:00Z');
const OPTIONS: IngestIntoOptions = { extract: DEFAULT_EXTRACT_OPTIONS, batchPages: 40, now: NOW };

/** The generated story of each page's article id (the content hash prefix), for scoring stories. */
function goldStories(pages: number, seed: number): Map<string, number> {
  const gold = new Map<string, number>();
  for (const p of generateCorpus({ pages, seed, pagesPerStory: 20 })) if (p.story !== null) gold.set(contentHash(p.content).slice(0, 16), p.story);
  return gold;
}

/** B-cubed F1 of stories against the generated stories, over the articles both know. */
function bcubedF1(stories: readonly { id: string; articles: string[] }[], gold: ReadonlyMap<string, number>): number {
  const storyOf = new Map<string, string>();
  for (const s of stories) for (const id of s.articles) if (gold.has(id)) storyOf.set(id, s.id);
  const ids = [...storyOf.keys()];
  let precision = 0;
  let recall = 0;
  for (const id of ids) {
    const same = ids.filter((x) => storyOf.get(x) === storyOf.get(id));
    const truth = ids.filter((x) => gold.get(x) === gold.get(id));
    const both = same.filter((x) => gold.get(x) === gold.get(id)).length;
    precision += both / same.length;
    recall += both / truth.length;
  }
  precision /= ids.length;
  recall /= ids.length;
  return (2 * precision * recall) / (precision + recall);
}

function corpusItems(pages: number, seed: number): IngestItem[] {
  return [...generateCorpus({ pages, seed, pagesPerStory: 20 })].map((p) => ({
    ok: true,
    page: { source: `pages/${p.name}`, url: null, format: 'text', content: p.content, fetchedAt: null, encoding: 'utf-8', bytes: Buffer.byteLength(p.content) },
  }));
}

/** Stories partition the stored articles: every article in exactly one story, no story member unknown. */
async function assertStoriesCoverArticles(store: Store): Promise<{ articles: number; stories: number }> {
  const ok = new Set<string>();
  for await (const r of store.results({ ok: true })) ok.add(r.result.id);
  const seen = new Map<string, string>();
  const stories = await store.latestStories();
  for (const s of stories) {
    for (const id of s.articles) {
      assert.ok(!seen.has(id), `${id} is in two stories`);
      seen.set(id, s.id);
    }
  }
  assert.deepEqual(new Set(seen.keys()), ok);
  return { articles: ok.size, stories: stories.length };
}

test('ingest: pages stored with their results, copies grouped, stories covering every article; a rerun stores nothing', async () => {
  const store = await openStore({ kind: 'memory' });
  const items = corpusItems(160, 3);
  const changed: string[][] = [];
  const progress: IngestProgress[] = [];
  const first = await ingestInto(store, items, { ...OPTIONS, onStoriesChanged: (ids) => void changed.push(ids), onProgress: (p) => progress.push(p) });
  const distinct = new Set(items.map((i) => (i.ok ? i.page.content : ''))).size;
  assert.equal(first.pages, 160);
  assert.equal(first.stored, distinct);
  assert.equal(first.known, 160 - distinct, 'pages repeated byte for byte are known, not stored again');
  assert.equal(first.articles + first.failures, first.stored);
  assert.ok(first.failures > 0 && first.byCode.not_an_article === first.failures, 'the link-list pages are kept as failures');
  const counts = await store.counts();
  assert.equal(counts.pages, distinct);
  assert.equal(counts.articles, first.articles);
  assert.ok(counts.copyGroups > 3, `${counts.copyGroups} copy groups`);
  const cover = await assertStoriesCoverArticles(store);
  assert.ok(cover.stories >= 4 && cover.stories < cover.articles / 3, `${cover.stories} stories for ${cover.articles} articles`);
  // The generated stories have vocabularies of their own: the online path must find them (batch and incremental both score 1.0 today).
  const f1 = bcubedF1(await store.latestStories(), goldStories(160, 3));
  assert.ok(f1 >= 0.95, `stories B-cubed F1 ${f1.toFixed(3)} against the generated stories`);
  assert.ok(changed.length >= 4, 'stories announced batch by batch');
  for (const id of changed.at(-1)!) assert.ok(await store.getStory(id), `announced story ${id} is stored`);
  assert.equal(progress.at(-1)!.phase, 'done');
  assert.equal(progress.at(-1)!.pages, 160);
  assert.equal(progress.at(-1)!.errors, first.failures);

  // Copies are in the story of the article they copy.
  const { groups } = await store.copies();
  for (const g of groups) {
    const story = await store.storyOf(g.canonical);
    for (const m of g.members) assert.equal((await store.storyOf(m.id))?.id, story?.id, `copy ${m.id} of ${g.canonical}`);
  }
  const stories = await store.latestStories();
  assert.ok(stories.some((s) => s.members.some((m) => m.relation === 'copy')));

  const again = await ingestInto(store, items, OPTIONS);
  assert.deepEqual([again.stored, again.known, again.caughtUp, again.storiesWritten], [0, 160, 0, 0]);
  assert.equal(again.replayed, first.articles);
  assert.deepEqual(await store.counts(), counts);
  await store.close();
});

test('ingest: arriving in two runs gives the same pages and articles, stories still covering all', async () => {
  const items = corpusItems(120, 5);
  const whole = await openStore({ kind: 'memory' });
  await ingestInto(whole, items, OPTIONS);
  const split = await openStore({ kind: 'memory' });
  await ingestInto(split, items.slice(0, 50), OPTIONS);
  await ingestInto(split, items.slice(30), OPTIONS);
  const ids = async (s: Store) => {
    const out: string[] = [];
    for await (const r of s.results()) out.push(r.result.id);
    return out.sort();
  };
  assert.deepEqual(await ids(split), await ids(whole));
  const a = await assertStoriesCoverArticles(whole);
  const b = await assertStoriesCoverArticles(split);
  assert.equal(a.articles, b.articles);
  await whole.close();
  await split.close();
});

test('ingest: articles stored by a run that died before its stage write are caught up on the next start', async () => {
  const store = await openStore({ kind: 'memory' });
  const items = corpusItems(60, 8);
  await ingestInto(store, items.slice(0, 30), OPTIONS);
  const cursor = await store.stagesCursor();
  // What a killed run leaves: pages and results committed, their stages not.
  let extra = 0;
  for (const item of items.slice(30)) {
    if (!item.ok) continue;
    const result = extract(item.page, null, DEFAULT_EXTRACT_OPTIONS);
    const put = await store.putPage({ page: item.page, result, seenAt: NOW().toISOString() });
    if (!put.known && result.ok) extra++;
  }
  assert.equal(await store.stagesCursor(), cursor);
  const rerun = await ingestInto(store, [], OPTIONS);
  assert.equal(rerun.caughtUp, extra);
  assert.ok(rerun.storiesWritten > 0);
  assert.equal(await store.stagesCursor(), (await store.counts()).pages);
  await assertStoriesCoverArticles(store);
  await store.close();
});

test('ingest: refusals are counted and not stored; an extractor that throws on one page stops nothing', async () => {
  const store = await openStore({ kind: 'memory' });
  const items: IngestItem[] = [{ ok: false, source: 'logo.png', error: { code: 'binary', message: 'PNG image' } }, ...corpusItems(20, 9)];
  const bad = items[5]!.ok ? items[5]!.page.source : '';
  const summary = await ingestInto(store, items, {
    ...OPTIONS,
    extractor: (page, template, options) => {
      if (page.source === bad) throw new Error('boom');
      return extract(page, template, options);
    },
  });
  assert.equal(summary.refused, 1);
  assert.equal(summary.byCode.binary, 1);
  assert.equal(summary.byCode.internal_error, 1);
  assert.equal((await store.counts()).pages, summary.stored);
  const failed = [];
  for await (const r of store.results({ ok: false })) failed.push(r.result);
  assert.ok(failed.some((f) => !f.ok && f.error.code === 'internal_error' && /boom/.test(f.error.message)));
  await store.close();
});

test('reprocess: every stored page re-extracted with the current extractor, stories rebuilt over the new articles', async () => {
  const store = await openStore({ kind: 'memory' });
  await ingestInto(store, corpusItems(80, 12), OPTIONS);
  const before = await store.counts();
  // An "upgraded" extractor: it refuses every page whose content hash starts with 0–3, and retitles the rest.
  const upgraded: typeof extract = (page, template, options) => {
    const r = extract(page, template, options);
    if (!r.ok) return r;
    if (/^[0-3]/.test(r.id)) return { id: r.id, source: r.source, url: r.url, ok: false, error: { code: 'not_an_article', message: 'refused by the new extractor' } };
    return { ...r, title: `v2: ${r.title}` };
  };
  const summary = await reprocess(store, { ...OPTIONS, extractor: upgraded });
  const after = await store.counts();
  assert.equal(after.pages, before.pages);
  assert.equal(summary.pages, before.pages);
  assert.ok(after.articles < before.articles);
  assert.equal(after.articles + after.failures, after.pages);
  for await (const r of store.results({ ok: true })) assert.match((r.result as Article).title ?? '', /^v2: /);
  await assertStoriesCoverArticles(store);
  assert.equal(await store.stagesCursor(), after.pages);
  assert.ok((await store.search('v2', { kinds: ['story'] })).length > 0, 'story titles come from the new results');
  await store.close();
});

test('ingest: a batch waiting on a slow source is stored without waiting for the input to end', async () => {
  const store = await openStore({ kind: 'memory' });
  const items = corpusItems(6, 14);
  let storedBeforeLast = -1;
  async function* slow(): AsyncGenerator<IngestItem> {
    yield* items.slice(0, 5);
    await new Promise((r) => setTimeout(r, 120));
    storedBeforeLast = (await store.counts()).pages;
    yield items[5]!;
  }
  const summary = await ingestInto(store, slow(), { ...OPTIONS, batchPages: 100, flushAfterMs: 30 });
  assert.equal(storedBeforeLast, 5);
  assert.equal(summary.stored + summary.known, 6);
  await store.close();
});

test('ingest keeps a Windows-1252 file\'s own bytes; reprocess decodes them again', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { readInputs, DEFAULT_MAX_BYTES } = await import('../ingest/index.ts');
  const dir = mkdtempSync(join(tmpdir(), 'sw-raw-'));
  try {
    const body = [
      'Harbour Post',
      '',
      'Caf\u00e9 owners on the quay count the cost of the closure',
      '',
      'Owners of the caf\u00e9s on the old quay said on Tuesday that the closure of the ferry pier had cut their trade by half since March.',
      '',
      '\u201cWe have never had a spring like this one,\u201d said Mara Lind, who has run the Quay Caf\u00e9 for twenty years.',
      '',
      'The city said the pier would reopen in June after repairs to its pilings, which divers found cracked in February.',
    ].join('\n');
    // Windows-1252: é = 0xE9, “ = 0x93, ” = 0x94.
    const bytes = Buffer.from([...body].map((ch) => ({ '\u00e9': 0xe9, '\u201c': 0x93, '\u201d': 0x94 })[ch] ?? ch.charCodeAt(0)));
    writeFileSync(join(dir, 'quay.txt'), bytes);
    const store = await openStore({ kind: 'memory' });
    await ingestInto(store, readInputs([dir], { maxBytes: DEFAULT_MAX_BYTES }), { extract: DEFAULT_EXTRACT_OPTIONS });
    const stored = await store.getPage(contentHash(body));
    assert.ok(stored, 'the decoded text is the page identity');
    assert.ok(stored.raw.bytes.equals(bytes), 'the file bytes are kept as read');
    assert.equal(stored.encoding, 'windows-1252');
    const summary = await reprocess(store, { extract: DEFAULT_EXTRACT_OPTIONS });
    assert.equal(summary.articles, 1);
    const [article] = (await (async () => { const out: Article[] = []; for await (const r of store.results({ ok: true })) if (r.result.ok) out.push(r.result); return out; })());
    assert.ok(article && article.text.includes('Quay Caf\u00e9'), 're-decoded from the bytes, the text is intact');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
