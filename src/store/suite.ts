/**
 * The shared store suite: every Store implementation registers it with its own factory and passes
 * the same tests (sqlite.test.ts, memory.test.ts; a PostgreSQL store would add pg.test.ts).
 *
 * @example
 *   storeSuite('sqlite', { open: () => openStore({ kind: 'sqlite', path: tempPath() }) });
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, CopyGroup, CopyRelation, ExtractFailure, RawPage, Story } from '../records/index.ts';
import type { Brief } from '../brief/types.ts';
import { contentHash } from './sqlite.ts';
import { StoreError, type Store } from './types.ts';

export interface StoreSuiteHooks {
  /** A new, empty store. */
  open: () => Promise<Store>;
  /** Opens again the store a closed one was using; absent for stores that do not outlive close. */
  reopen?: (closed: Store) => Promise<Store>;
  /** Overwrites the stored JSON of a row behind the store's back, to show bad rows are refused on read. */
  corrupt?: (store: Store, table: 'results' | 'stories', key: string, json: string) => Promise<void>;
}

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-02T10:00:00.000Z';

export function page(content: string, source = 'pages/a.txt', format: RawPage['format'] = 'text'): RawPage {
  return { source, url: null, format, content, fetchedAt: null, encoding: 'utf-8', bytes: Buffer.byteLength(content) };
}

/** An article as extract would return it for `content`: its id is the content hash's prefix. */
export function articleFor(content: string, fields: { title: string; text: string; published?: string | null; originalSource?: string | null }): Article {
  const paragraphs = fields.text.split('\n\n');
  return {
    id: contentHash(content).slice(0, 16),
    source: 'pages/a.txt',
    url: null,
    ok: true,
    format: 'text',
    title: fields.title,
    outlet: 'The Example Courier',
    originalSource: fields.originalSource ?? null,
    originalSourceEvidence: fields.originalSource ? `(${fields.originalSource})` : null,
    published: fields.published ?? null,
    publishedEvidence: fields.published ?? null,
    dateline: null,
    byline: null,
    language: 'en',
    paragraphs,
    text: paragraphs.join('\n\n'),
    wordCount: fields.text.split(/\s+/).length,
    removed: [{ text: 'Home > Local', reason: 'breadcrumb', line: 1 }],
    fetchedAt: null,
  };
}

function failureFor(content: string): ExtractFailure {
  return { id: contentHash(content).slice(0, 16), source: 'pages/menu.txt', url: null, ok: false, error: { code: 'not_an_article', message: 'a list of links' } };
}

export function storyOf(ids: string[], fields: { title: string | null; lastSeen: string | null }): Story {
  return {
    id: `story-${ids[0]}`,
    title: fields.title,
    articles: ids,
    firstSeen: fields.lastSeen,
    lastSeen: fields.lastSeen,
    entities: [],
    members: ids.map((id, i) => ({ id, unit: id, relation: i === 0 ? 'founder' : 'joined', score: 1, evidence: [], published: fields.lastSeen })),
    merges: [],
    dates: [],
  };
}

function groupOf(canonical: string, others: string[], originalSource: string | null = null): CopyGroup {
  const members = [canonical, ...others].sort().map((id) => ({
    id,
    relation: id === canonical ? ('canonical' as const) : ('exact' as const),
    jaccard: 1,
    containment: 1,
    canonicalContainment: 1,
    via: null,
  }));
  return { canonical, originalSource, originalSourceEvidence: originalSource, members };
}

function relation(a: string, b: string): CopyRelation {
  const [x, y] = a < b ? [a, b] : [b, a];
  return { a: x, b: y, kind: 'exact', jaccard: 1, containmentA: 1, containmentB: 1, sharedShingles: 40, longestSharedWords: 44 };
}

function briefFor(story: Story): Brief {
  return {
    storyId: story.id,
    title: story.title,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    articleCount: story.articles.length,
    independentSourceCount: 1,
    citations: [],
    summary: [],
    quotes: [],
    claims: [],
    timeline: [],
    entities: [],
    sources: [],
  };
}

/** Three stored articles and one failure, the fixture most tests start from. */
async function seeded(store: Store) {
  const contents = ['Bridge page one', 'Bridge page two', 'Harbour page', 'Menu page'];
  const a = articleFor(contents[0]!, { title: 'River bridge opens to traffic', text: 'The new river bridge opened on Monday.\n\nThousands crossed it.', published: '2026-02-27' });
  const b = articleFor(contents[1]!, { title: 'Bridge opens', text: 'The new river bridge opened on Monday.\n\nThousands crossed it.', published: '2026-02-28' });
  const c = articleFor(contents[2]!, { title: 'Harbour dredging begins', text: 'Dredgers arrived at the Zürich harbour to deepen the channel.', published: null });
  const f = failureFor(contents[3]!);
  const put = [];
  for (const [i, result] of [a, b, c, f].entries()) put.push(await store.putPage({ page: page(contents[i]!, `pages/${i}.txt`), result, seenAt: T0 }));
  return { contents, a, b, c, f, put };
}

export function storeSuite(name: string, hooks: StoreSuiteHooks): void {
  const withStore = (title: string, body: (store: Store) => Promise<void>) =>
    test(`${name}: ${title}`, async () => {
      const store = await hooks.open();
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  withStore('raw bytes are kept when they differ from the text, and stand in as the UTF-8 text otherwise', async (store) => {
    const text = 'Caf\u00e9 \u201cquoted\u201d prices';
    // The Windows-1252 bytes of the text: what a scraper saved, decoded by the ingest stage.
    const cp1252 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x70, 0x72, 0x69, 0x63, 0x65, 0x73]);
    const put = await store.putPage({ page: page(text, 'pages/cp1252.txt'), raw: { bytes: cp1252, charset: 'windows-1252' }, result: articleFor(text, { title: 'C', text: 'C.' }), seenAt: T0 });
    const stored = await store.getPage(put.hash);
    assert.ok(stored);
    assert.equal(stored.content, text);
    assert.ok(stored.raw.bytes.equals(cp1252), 'the original bytes come back');
    assert.equal(stored.raw.charset, 'windows-1252');
    const utf8 = 'Plain UTF-8 page';
    const plain = await store.putPage({ page: page(utf8, 'pages/u.txt'), raw: { bytes: Buffer.from(utf8), charset: null }, result: articleFor(utf8, { title: 'U', text: 'U.' }), seenAt: T0 });
    assert.ok((await store.getPage(plain.hash))!.raw.bytes.equals(Buffer.from(utf8)));
    const posted = await store.putPage({ page: page('Posted as JSON text'), result: articleFor('Posted as JSON text', { title: 'P', text: 'P.' }), seenAt: T0 });
    assert.equal((await store.getPage(posted.hash))!.raw.bytes.toString('utf8'), 'Posted as JSON text');
  });

  withStore('putPage is idempotent: the same bytes twice are stored once and reported as known', async (store) => {
    const { a, contents, put } = await seeded(store);
    assert.deepEqual(
      put.map((p) => p.known),
      [false, false, false, false],
    );
    const again = await store.putPage({ page: page(contents[0]!, 'mirror/elsewhere.txt'), result: a, seenAt: T1 });
    assert.equal(again.known, true);
    assert.equal(again.seq, put[0]!.seq);
    assert.equal(again.hash, contentHash(contents[0]!));
    assert.equal(await store.seePage(again.hash, T1), true);
    const batch = await store.putPages([
      { page: page('batch content'), result: articleFor('batch content', { title: 'B', text: 'B.' }), seenAt: T1 },
      { page: page('batch content', 'pages/dup.txt'), result: articleFor('batch content', { title: 'B', text: 'B.' }), seenAt: T1 },
    ]);
    assert.deepEqual(batch.map((p) => p.known), [false, true], 'the same bytes twice in one batch: stored once');
    assert.equal(batch[0]!.seq, batch[1]!.seq);
    assert.equal(await store.seePage('0'.repeat(64), T1), false);
    const counts = await store.counts();
    assert.equal(counts.pages, 5);
    assert.equal(counts.articles, 4);
    assert.equal(counts.failures, 1);
    const stored = await store.getPage(again.hash);
    assert.ok(stored);
    assert.equal(stored.content, contents[0]);
    assert.equal(stored.source, 'pages/0.txt', 'the first source is kept');
    assert.equal(stored.firstSeen, T0);
    assert.equal(stored.lastSeen, T1);
    assert.equal(await store.getPage('f'.repeat(64)), null);
  });

  withStore('pages and results iterate in insertion order, after a given seq', async (store) => {
    const { put, a, b, c, f } = await seeded(store);
    const seqs: number[] = [];
    for await (const p of store.pages()) seqs.push(p.seq);
    assert.deepEqual(seqs, put.map((p) => p.seq));
    const ids: string[] = [];
    for await (const r of store.results({ ok: true })) ids.push(r.result.id);
    assert.deepEqual(ids, [a.id, b.id, c.id]);
    const later: string[] = [];
    for await (const r of store.results({ afterSeq: put[1]!.seq })) later.push(r.result.id);
    assert.deepEqual(later, [c.id, f.id]);
  });

  withStore('an article comes back whole, with its removed parts; failures are kept as data', async (store) => {
    const { a, c, f } = await seeded(store);
    assert.deepEqual(await store.getResult(a.id), a);
    assert.deepEqual(await store.getResult(f.id), f);
    assert.equal(await store.getResult('nope'), null);
    assert.deepEqual(
      (await store.getArticles([c.id, 'missing', f.id, a.id])).map((x) => x.id),
      [c.id, a.id],
      'in the order asked, failures and unknown ids left out',
    );
  });

  withStore('reprocess replaces a result, and search follows the replacement', async (store) => {
    const { contents, a, c } = await seeded(store);
    assert.equal((await store.search('dredgers')).length, 1);
    const hashC = contentHash(contents[2]!);
    const hashA = contentHash(contents[0]!);
    await store.replaceResults([
      { hash: hashC, result: failureFor(contents[2]!) },
      { hash: hashA, result: { ...a, title: 'Bridge finally opens' } },
    ]);
    assert.deepEqual(await store.search('dredgers'), []);
    assert.equal((await store.getResult(c.id))?.ok, false);
    assert.equal(((await store.getResult(a.id)) as Article).title, 'Bridge finally opens');
    const counts = await store.counts();
    assert.equal(counts.articles, 2);
    assert.equal(counts.failures, 2);
    assert.equal(counts.pages, 4);
    await assert.rejects(store.replaceResults([{ hash: '0'.repeat(64), result: a }]), (e: unknown) => e instanceof StoreError && e.code === 'bad_input');
  });

  withStore('search finds article text and story titles, with snippets, folded accents and a limit', async (store) => {
    const { a, b, c } = await seeded(store);
    await store.writeStages({ stories: [storyOf([a.id, b.id], { title: 'River bridge opens to traffic', lastSeen: '2026-02-28' })], cursor: 2 });
    const hits = await store.search('bridge');
    assert.deepEqual(new Set(hits.map((h) => `${h.kind}:${h.id}`)), new Set([`story:story-${a.id}`, `article:${a.id}`, `article:${b.id}`]));
    for (const h of hits) assert.match(h.snippet, /«[Bb]ridge»/);
    assert.equal((await store.search('bridge', { kinds: ['story'] })).length, 1);
    assert.equal((await store.search('bridge', { limit: 2 })).length, 2);
    assert.deepEqual((await store.search('zurich harbour')).map((h) => h.id), [c.id], 'accents folded, words ANDed');
    assert.deepEqual(await store.search('bridge harbour'), []);
    assert.deepEqual(await store.search('  -- () "'), [], 'no words, no hits');
    assert.deepEqual((await store.search('dredg*')).map((h) => h.id), [c.id], 'prefix search');
    assert.equal((await store.search('bridge AND "OR (NEAR')).length, 0, 'operators are words, not syntax');
  });

  withStore('stages: groups and stories replace stored ones they overlap; cursor; copies and story of an article', async (store) => {
    const { a, b, c } = await seeded(store);
    assert.equal(await store.stagesCursor(), 0);
    await store.writeStages({
      copies: { articles: [a.id, b.id], groups: [groupOf(a.id, [b.id], 'Reuters')], relations: [relation(a.id, b.id)] },
      stories: [storyOf([a.id], { title: 'Bridge', lastSeen: '2026-02-27' }), storyOf([b.id], { title: 'Bridge again', lastSeen: '2026-02-28' })],
      cursor: 2,
    });
    assert.equal(await store.stagesCursor(), 2);
    const copies = await store.copies();
    assert.equal(copies.groups.length, 1);
    assert.equal(copies.relations.length, 1);
    assert.equal(copies.originalSourceById[b.id], 'Reuters', 'the group source propagates');
    assert.equal(copies.originalSourceById[c.id], null);
    assert.equal((await store.copiesOf(b.id)).group?.canonical, a.id);
    assert.deepEqual(await store.copiesOf(c.id), { group: null, relations: [] });
    // One story now holds both: the two it overlaps go.
    await store.writeStages({ stories: [storyOf([a.id, b.id, c.id], { title: 'Bridge and harbour', lastSeen: '2026-02-28' })], cursor: 3 });
    assert.equal((await store.counts()).stories, 1);
    assert.equal((await store.storyOf(b.id))?.id, `story-${a.id}`);
    assert.equal(await store.getStory(`story-${b.id}`), null);
    assert.deepEqual(await store.search('again'), [], 'the dropped story left the index');
    // The group splits: recomputing the component replaces the stored group.
    await store.writeStages({ copies: { articles: [a.id, b.id], groups: [], relations: [] }, cursor: 3 });
    assert.equal((await store.counts()).copyGroups, 0);
    await store.resetStages();
    assert.deepEqual(
      { ...(await store.counts()), cursor: await store.stagesCursor() },
      { pages: 4, articles: 3, failures: 1, copyGroups: 0, relations: 0, stories: 0, briefs: 0, cursor: 0 },
    );
  });

  withStore('latest stories by lastSeen (undated last) and biggest by article count', async (store) => {
    const { a, b, c } = await seeded(store);
    await store.writeStages({
      stories: [
        storyOf([c.id], { title: 'Undated', lastSeen: null }),
        storyOf([a.id], { title: 'Older', lastSeen: '2026-02-27' }),
        storyOf(['x1', 'x2', 'x3'], { title: 'Big', lastSeen: '2026-01-05' }),
        storyOf([b.id], { title: 'Newer', lastSeen: '2026-02-28' }),
      ],
      cursor: 4,
    });
    assert.deepEqual((await store.latestStories()).map((s) => s.title), ['Newer', 'Older', 'Big', 'Undated']);
    assert.deepEqual((await store.latestStories({ offset: 1, limit: 2 })).map((s) => s.title), ['Older', 'Big']);
    assert.deepEqual((await store.biggestStories({ limit: 2 })).map((s) => s.title), ['Big', 'Newer']);
  });

  withStore('briefs are stored with their story, validated, and dropped when the story is rewritten', async (store) => {
    const { a, b } = await seeded(store);
    const story = storyOf([a.id], { title: 'Bridge', lastSeen: '2026-02-27' });
    await store.writeStages({ stories: [story], cursor: 1 });
    await store.putBrief(briefFor(story));
    assert.deepEqual(await store.getBrief(story.id), briefFor(story));
    assert.equal(await store.getBrief('story-none'), null);
    await assert.rejects(store.putBrief(briefFor(storyOf(['zz'], { title: null, lastSeen: null }))), /no stored story/);
    await assert.rejects(store.putBrief({ ...briefFor(story), articleCount: -1 } as Brief), (e: unknown) => e instanceof StoreError && e.code === 'bad_input');
    await store.writeStages({ stories: [storyOf([a.id, b.id], { title: 'Bridge', lastSeen: '2026-02-28' })], cursor: 2 });
    assert.equal(await store.getBrief(story.id), null, 'the brief described the old version');
  });

  withStore('bad input is refused before anything is written', async (store) => {
    const { a, b } = await seeded(store);
    const bad = { ...a, wordCount: -3 } as Article;
    await assert.rejects(store.putPage({ page: page('fresh content'), result: bad, seenAt: T0 }), (e: unknown) => e instanceof StoreError && e.code === 'bad_input');
    const good = articleFor('good content', { title: 'Good', text: 'Fine.' });
    await assert.rejects(
      store.putPages([
        { page: page('good content'), result: good, seenAt: T0 },
        { page: page('fresh content'), result: bad, seenAt: T0 },
      ]),
      /not a valid extract result/,
    );
    assert.equal((await store.counts()).pages, 4, 'a batch with one bad page stores none of it');
    const badStory = { ...storyOf([b.id], { title: 'x', lastSeen: null }), articles: 'nope' } as unknown as Story;
    await assert.rejects(store.writeStages({ stories: [storyOf([a.id], { title: 'ok', lastSeen: null }), badStory], cursor: 9 }), /not a valid story/);
    assert.equal((await store.counts()).stories, 0);
    assert.equal(await store.stagesCursor(), 0);
    await assert.rejects(store.writeStages({ cursor: -1 }), /cursor/);
  });

  if (hooks.corrupt) {
    const corrupt = hooks.corrupt;
    withStore('rows that fail their schema on read are errors naming the row', async (store) => {
      const { a, b } = await seeded(store);
      await store.writeStages({ stories: [storyOf([a.id], { title: 'Bridge', lastSeen: null })], cursor: 1 });
      await corrupt(store, 'results', b.id, JSON.stringify({ id: b.id, ok: true }));
      await assert.rejects(store.getResult(b.id), (e: unknown) => e instanceof StoreError && e.code === 'bad_row' && e.message.includes(b.id));
      await assert.rejects(store.getArticles([b.id]), /bad|schema/);
      await corrupt(store, 'stories', `story-${a.id}`, '{"id": "story-x", "title"');
      await assert.rejects(store.getStory(`story-${a.id}`), /does not parse/);
      await assert.rejects(store.latestStories(), (e: unknown) => e instanceof StoreError && e.code === 'bad_row');
      assert.deepEqual(await store.getResult(a.id), a, 'other rows still read');
    });
  }

  test(`${name}: a closed store refuses calls, and close is idempotent`, async () => {
    const store = await hooks.open();
    await store.close();
    await store.close();
    await assert.rejects(store.counts(), (e: unknown) => e instanceof StoreError && e.code === 'closed');
    await assert.rejects(store.putPage({ page: page('x'), result: failureFor('x'), seenAt: T0 }), /closed/);
  });

  if (hooks.reopen) {
    const reopen = hooks.reopen;
    test(`${name}: everything survives close and reopen`, async () => {
      const store = await hooks.open();
      const { a, b, contents } = await seeded(store);
      const story = storyOf([a.id, b.id], { title: 'River bridge', lastSeen: '2026-02-28' });
      await store.writeStages({ copies: { articles: [a.id, b.id], groups: [groupOf(a.id, [b.id])], relations: [relation(a.id, b.id)] }, stories: [story], cursor: 4 });
      await store.putBrief(briefFor(story));
      const before = await store.counts();
      await store.close();
      const again = await reopen(store);
      try {
        assert.deepEqual(await again.counts(), before);
        assert.equal(await again.stagesCursor(), 4);
        assert.deepEqual(await again.getStory(story.id), story);
        assert.deepEqual(await again.getBrief(story.id), briefFor(story));
        assert.equal((await again.getPage(contentHash(contents[1]!)))?.content, contents[1]);
        assert.equal((await again.search('thousands')).length, 2);
        assert.equal((await again.putPage({ page: page(contents[0]!), result: a, seenAt: T1 })).known, true);
      } finally {
        await again.close();
      }
    });
  }
}
