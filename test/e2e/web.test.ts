/**
 * The web page in a real browser (Debian's chromium through playwright-core): the server on port 0 over a
 * memory store filled from examples/ plus two hostile pages posted through the API. Opens the story list,
 * a story page and article pages, follows every citation to the article it cites, takes screenshots, and
 * checks inside the browser that nothing from the hostile pages ran: no dialog, `window.__pwned` unset, no
 * element carrying a handler, no script element.
 *
 * Skips loudly when /usr/bin/chromium is absent (.ci/run installs it with apt-get). Set
 * STORYWEAVE_UPDATE_SCREENSHOT=1 to rewrite docs/screenshot-story.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve, type RunningServer } from '../../src/server/index.ts';
import { ArticleResponse, PostPageResponse, StoriesResponse, StoryResponse } from '../../src/server/schemas.ts';
import { exampleStore, FIXED_NOW, HOSTILE_HTML_PAGE, HOSTILE_TEXT_PAGE } from '../../src/server/testing.ts';
import type { Store } from '../../src/store/index.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Every wait in the browser is bounded: a hung page fails the test instead of hanging CI. */
const WAIT_MS = 20_000;
const LAUNCH_MS = 60_000;

async function api<T>(server: RunningServer, path: string, parse: (v: unknown) => T): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(WAIT_MS) });
  assert.equal(res.status, 200, path);
  return parse(await res.json());
}

/** In-page evidence that a hostile payload ran or could run. */
async function inertness(page: Page): Promise<{ pwned: unknown; handlers: number; scripts: number; jsLinks: number; frames: number }> {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
    scripts: document.querySelectorAll('script').length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/iu.test(a.getAttribute('href') ?? '')).length,
    frames: document.querySelectorAll('iframe, object, embed, svg, img').length,
  }));
}

test('the web page in chromium: story list, story page, article pages, citations, and hostile pages inert', { timeout: 240_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    console.warn(`SKIPPED browser test: ${CHROMIUM} not found (apt-get install -y chromium)`);
    t.skip(`${CHROMIUM} not found: skipped`);
    return;
  }
  const shots = await mkdtemp(join(tmpdir(), 'storyweave-e2e-'));
  let store: Store | null = null;
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  try {
    store = await exampleStore();
    server = await serve({ store, port: 0, service: { now: FIXED_NOW } });
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/u);
    const hostileIds: string[] = [];
    for (const body of [HOSTILE_TEXT_PAGE, HOSTILE_HTML_PAGE]) {
      const res: Response = await fetch(`${server.url}/api/pages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(WAIT_MS) });
      assert.equal(res.status, 201);
      hostileIds.push(PostPageResponse.parse(await res.json()).id);
    }

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: LAUNCH_MS });
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.setDefaultNavigationTimeout(WAIT_MS);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));

    // The story list.
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const titles = await page.locator('ol.stories a.title').allTextContents();
    const list = await api(server, '/api/stories', (v) => StoriesResponse.parse(v));
    assert.deepEqual(titles, list.stories.map((s) => s.title ?? 'Untitled story'), 'the list shows the API’s stories in order');
    const maxWidth = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
    assert.notEqual(maxWidth, 'none', 'the stylesheet loaded under the CSP');
    await page.screenshot({ path: join(shots, 'list.png'), fullPage: true });

    // A story page, reached by clicking its link: the biggest story without a hostile article, for the README.
    let chosen: { id: string; title: string | null } | null = null;
    for (const s of (await api(server, '/api/stories?sort=biggest', (v) => StoriesResponse.parse(v))).stories) {
      const { story } = await api(server, `/api/stories/${s.id}`, (v) => StoryResponse.parse(v));
      if (!story.articles.some((id) => hostileIds.includes(id))) {
        chosen = s;
        break;
      }
    }
    assert.ok(chosen);
    await Promise.all([page.waitForURL(`**/stories/${chosen.id}`), page.locator(`a.title[href="/stories/${chosen.id}"]`).click()]);
    assert.equal(await page.locator('h1').first().textContent(), chosen.title);
    const { brief } = await api(server, `/api/stories/${chosen.id}`, (v) => StoryResponse.parse(v));
    const storyShot = join(shots, 'story.png');
    await page.screenshot({ path: storyShot, fullPage: true });
    if (process.env.STORYWEAVE_UPDATE_SCREENSHOT === '1') {
      await mkdir('docs', { recursive: true });
      await page.setViewportSize({ width: 1000, height: 1400 });
      await page.screenshot({ path: storyShot, fullPage: false });
      await copyFile(storyShot, join('docs', 'screenshot-story.png'));
      await page.setViewportSize({ width: 1200, height: 900 });
    }

    // Every citation leads to the page of the article its reference names.
    const cites = await page.locator('sup a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', n: Number((a.textContent ?? '').replace(/\D/gu, '')) })));
    assert.ok(cites.length >= brief.summary.length, `citations on the page: ${cites.length}`);
    const byN = new Map(brief.citations.map((c) => [c.n, c]));
    for (const c of cites) assert.equal(c.href, `/articles/${byN.get(c.n)?.articleId}`, `citation [${c.n}]`);
    const visited = new Set<string>();
    for (const c of cites) {
      if (visited.has(c.href)) continue;
      visited.add(c.href);
      const cited = byN.get(c.n)!;
      await page.goto(`${server.url}${c.href}`, { waitUntil: 'load' });
      const view: ArticleResponse = await api(server, `/api/articles/${cited.articleId}`, (v) => ArticleResponse.parse(v));
      assert.equal(await page.locator('h1').first().textContent(), view.article.ok ? (view.article.title ?? 'Untitled article') : 'No article', `[${c.n}] opens “${cited.title}”`);
      assert.equal(view.article.ok && view.article.title, cited.title, `[${c.n}] is the article the reference names`);
    }
    assert.equal(visited.size, brief.citations.length, 'every cited article was opened');

    // Following a citation by clicking it, and the removed-parts toggle (no script: <details>).
    await page.goto(`${server.url}/stories/${chosen.id}`, { waitUntil: 'load' });
    const first = page.locator('ol.summary sup a').first();
    const href = await first.getAttribute('href');
    await Promise.all([page.waitForURL(`**${href}`), first.click()]);
    const removedList = page.locator('details.removed ol.removed');
    assert.equal(await removedList.isVisible(), false, 'removed parts start hidden');
    await page.locator('details.removed summary').click();
    await removedList.waitFor({ state: 'visible' });
    assert.ok((await page.locator('ol.removed li').count()) > 0);
    await page.screenshot({ path: join(shots, 'article.png'), fullPage: true });

    // The hostile pages: shown as text, nothing ran.
    for (const id of hostileIds) {
      await page.goto(`${server.url}/articles/${id}`, { waitUntil: 'load' });
      await page.locator('details.removed summary').click();
      const state = await inertness(page);
      assert.deepEqual(state, { pwned: undefined, handlers: 0, scripts: 0, jsLinks: 0, frames: 0 }, `article ${id} is inert`);
      await page.screenshot({ path: join(shots, `hostile-${id}.png`), fullPage: true });
    }
    assert.match((await page.locator('h1').first().textContent()) ?? '', /<img src=x onerror=alert\(1\)>/u, 'the HTML page’s title shows its markup as text');
    const hostileStory = (await api(server, `/api/articles/${hostileIds[0]}`, (v) => ArticleResponse.parse(v))).story;
    assert.ok(hostileStory);
    for (const path of [`/stories/${hostileStory.id}`, '/?limit=100', '/search?q=Mallory', `/search?q=${encodeURIComponent('"><script>window.__pwned=1</script>')}`]) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      assert.deepEqual(await inertness(page), { pwned: undefined, handlers: 0, scripts: 0, jsLinks: 0, frames: 0 }, `${path} is inert`);
    }
    assert.match(await page.locator('input[type=search]').inputValue(), /<script>/u, 'the query is echoed as text');

    // On a phone: the story page fits the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/stories/${chosen.id}`, { waitUntil: 'load' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (overflow ${overflow}px)`);
    await page.screenshot({ path: join(shots, 'story-phone.png'), fullPage: true });

    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(pageErrors, [], 'no script error on any page');
    console.log(`browser screenshots in ${shots}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close();
    await store?.close();
  }
});
