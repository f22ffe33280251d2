/**
 * The JSON API in-process (app.request): status codes, every body parsed with its schema, typed errors,
 * the OpenAPI document against the registered routes, and posted pages through extract → store → stories.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { openStore, StoreError, type Store } from '../store/index.ts';
import { createApp, SECURITY_HEADERS, type StoryweaveApp } from './app.ts';
import { ErrorBody, type ApiErrorCode } from './errors.ts';
import { API_ROUTES, OPENAPI_DOCUMENT } from './openapi.ts';
import { ArticleResponse, HealthResponse, PostPageResponse, SearchResponse, SourcesResponse, StoriesResponse, StoryResponse } from './schemas.ts';
import { exampleStore, FIXED_NOW, HOSTILE_HTML_PAGE, HOSTILE_TEXT_PAGE } from './testing.ts';

let store: Store;
let app: StoryweaveApp;

before(async () => {
  store = await exampleStore();
  app = createApp({ store, service: { now: FIXED_NOW } });
});
after(async () => {
  await app.close();
  await store.close();
});

async function getJson<T extends z.ZodType>(path: string, schema: T, status = 200): Promise<z.infer<T>> {
  const res = await app.request(path);
  assert.equal(res.status, status, `${path}: status`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/u);
  return schema.parse(await res.json());
}

async function expectError(res: Response, status: number, code: ApiErrorCode): Promise<string> {
  assert.equal(res.status, status);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(res.headers.get(name), value, `${name} on a ${status}`);
  const body = ErrorBody.parse(await res.json());
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 0);
  return body.error.message;
}

const post = (body: unknown, target: StoryweaveApp = app, type = 'application/json') =>
  target.request('/api/pages', { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

test('GET /api/stories lists the latest stories first, then the biggest, each with its independent sources', async () => {
  const latest = await getJson('/api/stories', StoriesResponse);
  assert.equal(latest.sort, 'latest');
  assert.ok(latest.stories.length >= 5, `examples/ hold at least 5 stories, got ${latest.stories.length}`);
  const dates = latest.stories.map((s) => s.lastSeen ?? '');
  const dated = dates.filter((d) => d !== '');
  assert.deepEqual(dated, [...dated].sort().reverse(), 'last update, newest first');
  for (const s of latest.stories) {
    assert.ok(s.independentSourceCount >= 1 && s.independentSourceCount <= s.articleCount, `${s.id}: 1 ≤ sources ≤ articles`);
    assert.deepEqual(s.matches, []);
  }
  const biggest = await getJson('/api/stories?sort=biggest&limit=3', StoriesResponse);
  assert.equal(biggest.stories.length, 3);
  const sizes = biggest.stories.map((s) => s.articleCount);
  assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a));
  assert.equal(sizes[0], Math.max(...latest.stories.map((s) => s.articleCount)));

  const second = await getJson('/api/stories?sort=biggest&limit=1&offset=1', StoriesResponse);
  assert.equal(second.stories[0]!.id, biggest.stories[1]!.id, 'offset pages through the same order');
});

test('GET /api/stories refuses bad parameters with invalid_input saying what was expected', async () => {
  assert.match(await expectError(await app.request('/api/stories?limit=0'), 400, 'invalid_input'), /limit/u);
  assert.match(await expectError(await app.request('/api/stories?limit=1000'), 400, 'invalid_input'), /limit/u);
  assert.match(await expectError(await app.request('/api/stories?limit=ten'), 400, 'invalid_input'), /whole number/u);
  assert.match(await expectError(await app.request('/api/stories?sort=oldest'), 400, 'invalid_input'), /sort/u);
  await expectError(await app.request(`/api/stories?q=${'x'.repeat(501)}`), 400, 'invalid_input');
});

test('GET /api/stories?q= finds stories by their title and by their articles, with the matched snippets', async () => {
  const found = await getJson('/api/stories?q=Kessel%20Dam', StoriesResponse);
  assert.equal(found.sort, 'relevance');
  assert.equal(found.query, 'Kessel Dam');
  assert.ok(found.stories.length >= 1);
  for (const s of found.stories) assert.ok(s.matches.length >= 1, `${s.id} is listed because something in it matched`);
  // Checked over all stories, not each: since 5f01c2d the store's snippets of article-text matches come back as "……".
  assert.ok(found.stories.some((s) => s.matches.some((m) => /«[^»]*»/u.test(m.snippet))), 'snippets mark the matched words');
  assert.ok(found.stories.some((s) => /dam|riverton|flood/iu.test(s.title ?? '')), 'a dam story is found');
  const none = await getJson('/api/stories?q=zzzqqqxxx', StoriesResponse);
  assert.deepEqual(none.stories, []);
  const hits = await getJson('/api/search?q=strike', SearchResponse);
  assert.ok(hits.hits.length > 0 && hits.hits.every((h) => h.kind === 'article' || h.kind === 'story'));
  await expectError(await app.request('/api/search'), 400, 'invalid_input');
});

test('GET /api/stories/:id gives the story and its brief; an unknown id is not_found', async () => {
  const list = await getJson('/api/stories?sort=biggest&limit=1', StoriesResponse);
  const id = list.stories[0]!.id;
  const { story, brief } = await getJson(`/api/stories/${id}`, StoryResponse);
  assert.equal(story.id, id);
  assert.equal(brief.storyId, id);
  assert.equal(brief.citations.length, story.articles.length, 'one citation per member article');
  assert.ok(brief.summary.length > 0);
  await expectError(await app.request('/api/stories/story-0000000000000000'), 404, 'not_found');
  await expectError(await app.request('/api/stories/bad%20id%3Cx%3E'), 400, 'invalid_input');
});

test('a story rewritten without its brief gets one computed on request and stored', async () => {
  const fresh = await exampleStore();
  try {
    const [story] = await fresh.biggestStories({ limit: 1 });
    await fresh.writeStages({ stories: [story!], cursor: await fresh.stagesCursor() }); // rewriting drops the brief
    assert.equal(await fresh.getBrief(story!.id), null);
    const res = await createApp({ store: fresh }).request(`/api/stories/${story!.id}`);
    assert.equal(res.status, 200);
    assert.equal(StoryResponse.parse(await res.json()).brief.storyId, story!.id);
    assert.notEqual(await fresh.getBrief(story!.id), null);
  } finally {
    await fresh.close();
  }
});

test('GET /api/articles/:id gives the clean text, every removed part with its reason, copies and story', async () => {
  const { story } = await getJson(`/api/stories/${(await getJson('/api/stories?sort=biggest&limit=1', StoriesResponse)).stories[0]!.id}`, StoryResponse);
  let sawGroup = false;
  for (const id of story.articles) {
    const view = await getJson(`/api/articles/${id}`, ArticleResponse);
    assert.equal(view.article.id, id);
    assert.equal(view.story?.id, story.id);
    assert.ok(view.article.ok);
    if (!view.article.ok) continue;
    assert.ok(view.article.paragraphs.length > 0);
    assert.ok(view.article.removed.length > 0, 'example pages all carry some chrome');
    if (view.copies.group) {
      sawGroup = true;
      assert.ok(view.copies.group.members.some((m) => m.id === id));
      for (const m of view.copies.group.members) if (m.id !== id) assert.ok(view.related.some((r) => r.id === m.id), 'related names each group member');
    }
  }
  assert.ok(sawGroup, 'the biggest example story holds a copy group');
  await expectError(await app.request('/api/articles/0000000000000000'), 404, 'not_found');
});

test('GET /api/articles/:id of a page that gave no article returns the refusal as data', async () => {
  let failure: string | null = null;
  for await (const r of store.results({ ok: false })) failure = r.result.id;
  assert.ok(failure, 'examples/ hold a page that is not an article');
  const view = await getJson(`/api/articles/${failure}`, ArticleResponse);
  assert.equal(view.article.ok, false);
  if (!view.article.ok) assert.equal(view.article.error.code, 'not_an_article');
  assert.equal(view.story, null);
});

test('GET /api/sources counts independent sources: every article in exactly one', async () => {
  const sources = await getJson('/api/sources', SourcesResponse);
  assert.equal(sources.count, sources.sources.length);
  const ids = sources.sources.flatMap((s) => s.articleIds);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids.length, (await store.counts()).articles);
  const meridian = sources.sources.find((s) => s.name === 'Meridian Press');
  assert.ok(meridian && meridian.articleCount >= 2, 'the wire counts once for all its copies');
});

test('GET /api/health reports the store counts', async () => {
  const health = await getJson('/api/health', HealthResponse);
  assert.equal(health.counts.stories, (await store.counts()).stories);
});

test('POST /api/pages ingests a new page (201) and answers 200 for the same content again', async () => {
  const fresh = await exampleStore();
  const local = createApp({ store: fresh, service: { now: FIXED_NOW } });
  try {
    const before = await fresh.counts();
    const first = await post(HOSTILE_TEXT_PAGE, local);
    assert.equal(first.status, 201);
    const created = PostPageResponse.parse(await first.json());
    assert.equal(created.known, false);
    assert.ok(created.result.ok, 'the page is an article');
    assert.ok(created.story, 'it joined a story');
    assert.match(created.story!.title ?? '', /Vessmark|strike/iu, 'the strike story, which it reports on');
    const after = await fresh.counts();
    assert.equal(after.pages, before.pages + 1);
    assert.equal(after.articles, before.articles + 1);
    const brief = await fresh.getBrief(created.story!.id);
    assert.ok(brief?.citations.some((c) => c.articleId === created.id), 'the story’s brief was rewritten with it');

    const again = await post(HOSTILE_TEXT_PAGE, local);
    assert.equal(again.status, 200);
    const known = PostPageResponse.parse(await again.json());
    assert.equal(known.known, true);
    assert.equal(known.id, created.id);
    assert.equal((await fresh.counts()).pages, after.pages, 'stored once');

    const html = await post(HOSTILE_HTML_PAGE, local);
    assert.equal(html.status, 201);
    const htmlResult = PostPageResponse.parse(await html.json()).result;
    assert.ok(htmlResult.ok && htmlResult.format === 'html');

    // Posts arriving together are taken in order through the one ingest session: each stored once.
    const page = (n: number) => ({ url: `https://a.example/${n}`, text: `Court ruling ${n}\n\n${'The Constitutional Court in Tarsk ruled on the Data Retention Act on Wednesday, and the justice minister said the government respected the ruling. '.repeat(3)}Item ${n}.` });
    const statuses = await Promise.all([page(1), page(2), page(1), page(3)].map(async (p) => (await post(p, local)).status));
    assert.deepEqual(statuses, [201, 201, 200, 201]);
    assert.equal((await fresh.counts()).pages, after.pages + 4);
    const latest = StoriesResponse.parse(await (await local.request('/api/stories?limit=100')).json());
    const inStories = latest.stories.reduce((n, s) => n + s.articleCount, 0);
    assert.equal(inStories, (await fresh.counts()).articles, 'every stored article is in exactly one story');
  } finally {
    await local.close();
    await fresh.close();
  }
});

test('POST /api/pages refuses bad bodies with typed errors', async () => {
  assert.match(await expectError(await post('{"text": "unterminated', app), 400, 'bad_json'), /not valid JSON/u);
  assert.match(await expectError(await post({ url: 'https://a.example/x' }), 400, 'invalid_input'), /"text" or an "html"/u);
  assert.match(await expectError(await post({ text: 'x', title: 'typo' }), 400, 'invalid_input'), /title/u);
  assert.match(await expectError(await post({ text: 'x', url: 'javascript:alert(1)' }), 400, 'invalid_input'), /url/u);
  assert.match(await expectError(await post({ text: 'x', fetchedAt: 'yesterday' }), 400, 'invalid_input'), /fetchedAt/u);
  assert.match(await expectError(await post({ text: 42 }), 400, 'invalid_input'), /text/u);
  await expectError(await post([1, 2]), 400, 'invalid_input');
  await expectError(await post({ text: '  \n ' }), 422, 'empty_page');
  await expectError(await post('text=hello', app, 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
  const small = createApp({ store, maxBodyBytes: 1000 });
  assert.match(await expectError(await post({ text: 'word '.repeat(500) }, small), 413, 'payload_too_large'), /1000 bytes/u);
});

test('unknown routes are JSON not_found under /api and an HTML page elsewhere', async () => {
  await expectError(await app.request('/api/nothing'), 404, 'not_found');
  await expectError(await app.request('/api/stories', { method: 'DELETE' }), 404, 'not_found');
  const page = await app.request('/nothing');
  assert.equal(page.status, 404);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/u);
  assert.equal(page.headers.get('content-security-policy'), SECURITY_HEADERS['Content-Security-Policy']);
});

test('a store failure is a 500 internal_error without its details, logged with its cause; a closed store is 503', async () => {
  const logged: unknown[] = [];
  const broken = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'latestStories') return () => Promise.reject(new Error('disk on fire at /secret/path'));
      return Reflect.get(target, prop, receiver);
    },
  });
  const res = await createApp({ store: broken, logError: (_m, cause) => logged.push(cause) }).request('/api/stories');
  const message = await expectError(res, 500, 'internal_error');
  assert.doesNotMatch(message, /secret|fire/u);
  assert.equal(logged.length, 1);
  assert.match(String(logged[0]), /disk on fire/u);

  const closed = await openStore({ kind: 'memory' });
  await closed.close();
  await assert.rejects(closed.counts(), StoreError);
  await expectError(await createApp({ store: closed }).request('/api/health'), 503, 'unavailable');
});

test('the OpenAPI document lists every /api route the app registers, and each $ref resolves', async () => {
  const doc = await getJson('/api/openapi.json', z.object({ openapi: z.string(), paths: z.record(z.string(), z.record(z.string(), z.unknown())), components: z.object({ schemas: z.record(z.string(), z.unknown()) }) }));
  assert.equal(doc.openapi, '3.1.0');
  const registered = new Set(
    app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/gu, '{$1}')}`),
  );
  const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
  assert.deepEqual([...documented].sort(), [...registered].sort());
  assert.equal(API_ROUTES.length, registered.size);
  const refs = JSON.stringify(OPENAPI_DOCUMENT).match(/#\/components\/schemas\/\w+/gu) ?? [];
  assert.ok(refs.length > 0);
  for (const ref of refs) assert.ok(ref.split('/').at(-1)! in doc.components.schemas, `${ref} resolves`);
});
