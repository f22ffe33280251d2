/**
 * The web pages in-process: what each page shows, that citations lead to the cited articles' pages,
 * the stylesheet route, and that nothing from a hostile page reaches the HTML as markup — no script,
 * no event handler, no javascript: link, whatever the page's text or HTML held.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../store/index.ts';
import { createApp, CONTENT_SECURITY_POLICY, type StoryweaveApp } from '../server/app.ts';
import { PostPageResponse } from '../server/schemas.ts';
import { exampleStore, FIXED_NOW, HOSTILE_HTML_PAGE, HOSTILE_TEXT_PAGE } from '../server/testing.ts';
import { markDifferences } from './diff.ts';
import { snippetHtml } from './pages.ts';
import { STYLESHEET_PATH } from './layout.ts';

let store: Store;
let app: StoryweaveApp;
const hostile: { id: string; storyId: string | null }[] = [];

before(async () => {
  store = await exampleStore();
  app = createApp({ store, service: { now: FIXED_NOW } });
  for (const page of [HOSTILE_TEXT_PAGE, HOSTILE_HTML_PAGE]) {
    const res = await app.request('/api/pages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(page) });
    assert.equal(res.status, 201);
    const body = PostPageResponse.parse(await res.json());
    hostile.push({ id: body.id, storyId: body.story?.id ?? null });
  }
});
after(async () => {
  await app.close();
  await store.close();
});

async function page(path: string, status = 200): Promise<string> {
  const res = await app.request(path);
  assert.equal(res.status, status, path);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/u);
  assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(res.headers.get('referrer-policy'));
  return res.text();
}

/** Every start tag in a document, with its name and raw attribute text. */
function tags(html: string): { name: string; attrs: string }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/gu)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: m[2]! }));
}

/** What a page may contain: our own markup only, links to our pages or http(s), no handlers or inline style. */
function assertInert(html: string, where: string): void {
  const allowed = new Set(['html', 'head', 'meta', 'title', 'link', 'body', 'header', 'main', 'footer', 'form', 'input', 'button', 'a', 'h1', 'h2', 'p', 'ol', 'ul', 'li', 'nav', 'article', 'section', 'div', 'span', 'strong', 'sup', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'dl', 'dt', 'dd', 'q', 'mark', 'del', 'ins']);
  for (const t of tags(html)) {
    assert.ok(allowed.has(t.name), `${where}: unexpected <${t.name}${t.attrs}>`);
    assert.doesNotMatch(t.attrs, /\son[a-z]+\s*=/iu, `${where}: an event handler in <${t.name}${t.attrs}>`);
    assert.doesNotMatch(t.attrs, /\sstyle\s*=/iu, `${where}: an inline style in <${t.name}${t.attrs}>`);
    for (const m of t.attrs.matchAll(/\s(?:href|src|action)="([^"]*)"/giu)) {
      assert.match(m[1]!, /^(?:\/|#|https?:\/\/)/u, `${where}: a link to ${m[1]}`);
    }
  }
  // "javascript:" as text is harmless; as a link it is caught above by the href check.
  assert.doesNotMatch(html, /<script/iu, `${where}: script`);
}

test('the story list shows each story with its size, independent sources and last update, latest or biggest', async () => {
  const html = await page('/');
  assertInert(html, 'list');
  assert.match(html, /<h1>Latest stories<\/h1>/u);
  assert.match(html, /\d+ articles? · \d+ independent sources? · (updated \d{4}-\d\d-\d\d|undated)/u);
  const first = (await store.latestStories({ limit: 1 }))[0]!;
  assert.ok(html.indexOf(`/stories/${first.id}`) > 0);
  const biggest = await page('/?sort=biggest');
  const top = (await store.biggestStories({ limit: 1 }))[0]!;
  assert.ok(biggest.indexOf(`/stories/${top.id}`) < biggest.indexOf('</ol>'));
  assert.match(biggest, /aria-current="page">Biggest/u);
  await page('/?limit=0', 400);
});

test('the story page shows the brief, and every citation links to the page of the article it cites', async () => {
  const top = (await store.biggestStories({ limit: 1 }))[0]!;
  const html = await page(`/stories/${top.id}`);
  assertInert(html, 'story');
  for (const heading of ['Summary', 'Figures across sources', 'Quotes', 'Timeline', 'People, places and organisations', 'Sources', 'References']) {
    assert.ok(html.includes(`<h2>${heading}</h2>`), `the story page has ${heading}`);
  }
  const brief = (await store.getBrief(top.id))!;
  const byN = new Map(brief.citations.map((c) => [c.n, c.articleId]));
  const cites = [...html.matchAll(/<sup><a href="\/articles\/([^"]+)"[^>]*>\[(\d+)\]<\/a><\/sup>/gu)];
  assert.ok(cites.length >= brief.summary.length, 'each summary sentence is cited');
  for (const [, id, n] of cites) assert.equal(id, byN.get(Number(n)), `[${n}] leads to its reference's article`);
  assert.doesNotMatch(html, /href="#ref-/u, 'no citation is left pointing at the reference list');
  assert.match(html, /<div class="sources">[\s\S]*<\/div>\s*<h2>References<\/h2>/u, 'sources wrapped for the side-by-side layout');
  await page('/stories/story-0000000000000000', 404);
});

test('quote wordings have the words that differ from the first wording marked', () => {
  const [a, b] = markDifferences(['We regarded the offer as final, <b>she</b> said', 'we considered the offer final, <b>she</b> said']);
  assert.equal(a, 'We <mark class="diff">regarded</mark> the offer <mark class="diff">as</mark> final, &lt;b&gt;she&lt;/b&gt; said');
  assert.equal(b, 'we <mark class="diff">considered</mark> the offer final, &lt;b&gt;she&lt;/b&gt; said');
  assert.deepEqual(markDifferences(['same words here', 'Same words, here']), ['same words here', 'Same words, here']);
});

test('search snippets mark matches and keep a page’s own « » as text', () => {
  assert.equal(snippetHtml('the «dam» <b>broke</b>'), 'the <mark>dam</mark> &lt;b&gt;broke&lt;/b&gt;');
  assert.equal(snippetHtml('a lone « quote'), 'a lone « quote');
});

test('the article page shows metadata and clean text, and what was removed and why behind a <details> toggle', async () => {
  const top = (await store.biggestStories({ limit: 1 }))[0]!;
  const [article] = await store.getArticles([top.articles[0]!]);
  const html = await page(`/articles/${article!.id}`);
  assertInert(html, 'article');
  assert.ok(html.includes(`<h1>${(article!.title ?? '').replace(/'/gu, '&#39;')}</h1>`) || article!.title === null);
  assert.match(html, /<details class="removed"><summary>Show what was removed \(\d+ parts?: [^)]+\)<\/summary>/u);
  for (const r of article!.removed) assert.ok(html.includes(`<span class="reason" title="`) && html.includes(`>${r.reason}</span>`), `reason ${r.reason} shown`);
  assert.ok(html.includes(`href="/stories/${top.id}"`), 'links back to its story');
  await page('/articles/0000000000000000', 404);
});

test('the search page finds stories and articles, and echoes the query escaped', async () => {
  const empty = await page('/search');
  assertInert(empty, 'search form');
  const html = await page('/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%20strike');
  assertInert(html, 'search results');
  assert.match(html, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; strike"/u);
  assert.match(html, /<h2>Stories<\/h2>/u);
  assert.match(html, /<mark>/u);
});

test('the stylesheet is served from its own route, cached under a versioned URL', async () => {
  const res = await app.request(STYLESHEET_PATH);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/css/u);
  assert.match(res.headers.get('cache-control') ?? '', /immutable/u);
  const css = await res.text();
  assert.ok(css.length < 12_000, `small: ${css.length} bytes`);
  assert.match(css, /@media \(max-width:600px\)/u, 'has rules for phones');
  assert.match(css, /\.sources\{columns:/u);
});

test('a hostile page is shown inert on every page: list, story, article, search', async () => {
  const [text, html] = hostile;
  assert.ok(text!.storyId, 'the hostile text page joined a story');
  const pages = {
    list: await page('/?limit=100'),
    story: await page(`/stories/${text!.storyId}`),
    textArticle: await page(`/articles/${text!.id}`),
    htmlArticle: await page(`/articles/${html!.id}`),
    search: await page('/search?q=Mallory'),
  };
  for (const [where, doc] of Object.entries(pages)) assertInert(doc, where);
  assert.ok(pages.textArticle.includes('Vessmark strike talks &lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt; resume'), 'the title is shown as text');
  assert.ok(pages.textArticle.includes('&lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;'), 'the img payload is shown as text');
  assert.ok(pages.textArticle.includes('[Read the offer](javascript:alert(1))'), 'a Markdown link stays text');
  assert.ok(pages.story.includes(`/articles/${text!.id}`), 'the story cites it');
  assert.ok(!/href="javascript/iu.test(pages.htmlArticle), 'no javascript: link from the HTML page');
  assert.ok(pages.htmlArticle.includes('Kessel Dam inquiry opens &lt;img src=x onerror=alert(1)&gt;'));
});
