/**
 * The web pages' routes. Thin: each parses its parameters with the API's schemas, asks the service, and
 * renders; errors are thrown as ApiError and answered by the app's one error handler (as an HTML page).
 */
import { Hono } from 'hono';
import { parseOr400 } from '../server/errors.ts';
import { RecordId, SearchQuery, StoriesQuery } from '../server/schemas.ts';
import type { StoryService } from '../server/service.ts';
import { STYLESHEET, STYLESHEET_PATH } from './layout.ts';
import { articlePage, searchPage, storyListPage, storyPage } from './pages.ts';

/** Browsers may keep the stylesheet for a year: its URL changes whenever its content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function webRoutes(service: StoryService): Hono {
  const web = new Hono();

  web.get(STYLESHEET_PATH, (c) => {
    c.header('Cache-Control', IMMUTABLE);
    return c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  web.get('/', async (c) => {
    const q = parseOr400(StoriesQuery, c.req.query(), 'query');
    const list = q.q ? await service.searchStories(q.q, q.limit, q.offset) : await service.stories(q.sort, q.limit, q.offset);
    return c.html(storyListPage(list));
  });

  web.get('/stories/:id', async (c) => {
    const id = parseOr400(RecordId, c.req.param('id'), 'story id');
    const { story, brief } = await service.story(id);
    return c.html(storyPage(story, brief));
  });

  web.get('/articles/:id', async (c) => {
    const id = parseOr400(RecordId, c.req.param('id'), 'article id');
    return c.html(articlePage(await service.article(id)));
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
