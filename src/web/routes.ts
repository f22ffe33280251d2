/**
 * The web pages' routes. Thin: each parses its parameters with the API's schemas, asks the service, and
 * renders; errors are thrown as ApiError and answered by the app's one error handler (as an HTML page).
 */
import { Hono, type Context } from 'hono';
import { parseOr400 } from '../server/errors.ts';
import { RecordId, SearchQuery, StoriesQuery } from '../server/schemas.ts';
import type { StoryService } from '../server/service.ts';
import { STYLESHEET, STYLESHEET_PATH } from './layout.ts';
import { articlePage, searchPage, storyListPage, storyPage } from './pages.ts';

/** Browsers may keep the stylesheet for a year: its URL changes whenever its content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function webRoutes(service: StoryService): Hono {
  const web = new Hono();
  const cachedHtml = async (c: Context, key: string, produce: () => Promise<string>) => {
    const r = await service.cache.get(`web ${key}`, async () => ({ body: await produce(), type: 'text/html; charset=UTF-8', status: 200 }));
    return c.body(r.body, 200, { 'Content-Type': r.type });
  };

  web.get(STYLESHEET_PATH, (c) => {
    c.header('Cache-Control', IMMUTABLE);
    return c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  web.get('/', async (c) => {
    const q = parseOr400(StoriesQuery, c.req.query(), 'query');
    return cachedHtml(c, JSON.stringify(['list', q.sort, q.limit, q.offset, q.q ?? null]), async () =>
      storyListPage(q.q ? await service.searchStories(q.q, q.limit, q.offset) : await service.stories(q.sort, q.limit, q.offset)),
    );
  });

  web.get('/stories/:id', async (c) => {
    const id = parseOr400(RecordId, c.req.param('id'), 'story id');
    return cachedHtml(c, `story ${id}`, async () => {
      const { story, brief } = await service.story(id);
      return storyPage(story, brief);
    });
  });

  web.get('/articles/:id', async (c) => {
    const id = parseOr400(RecordId, c.req.param('id'), 'article id');
    return cachedHtml(c, `article ${id}`, async () => articlePage(await service.article(id)));
  });

  web.get('/search', async (c) => {
    const raw = c.req.query('q')?.trim() ?? '';
    if (raw === '') return c.html(searchPage('', null, []));
    const q = parseOr400(SearchQuery, c.req.query(), 'query');
    const [stories, hits] = await Promise.all([service.searchStories(q.q, q.limit, 0), service.search(q.q, q.limit)]);
    return c.html(searchPage(q.q, stories, hits));
  });

  return web;
}
