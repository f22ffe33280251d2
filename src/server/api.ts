/**
 * The JSON API under /api. Thin: parameters and bodies are parsed with the schemas in schemas.ts, the
 * service does the work, and failures are thrown as ApiError for the app's one error handler.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, parseOr400 } from './errors.ts';
import { OPENAPI_DOCUMENT } from './openapi.ts';
import { PostPageBody, RecordId, SearchQuery, StoriesQuery } from './schemas.ts';
import type { StoryService } from './service.ts';

export interface ApiOptions {
  /** Largest accepted POST body in bytes. */
  maxBodyBytes: number;
}

export function apiRoutes(service: StoryService, options: ApiOptions): Hono {
  const api = new Hono();
  /** A GET answer from the response cache, keyed by the parsed parameters (so ?limit=020 and ?limit=20 share one). */
  const cachedJson = async (c: Context, key: string, produce: () => Promise<unknown>) => {
    const r = await service.cache.get(`api ${key}`, async () => ({ body: JSON.stringify(await produce()), type: 'application/json', status: 200 }));
    return c.body(r.body, 200, { 'Content-Type': r.type });
  };

  api.get('/openapi.json', (c) => c.json(OPENAPI_DOCUMENT));

  api.get('/health', async (c) => c.json({ ok: true as const, counts: await service.store.counts() }));

  api.get('/stories', async (c) => {
    const q = parseOr400(StoriesQuery, c.req.query(), 'query');
    return cachedJson(c, JSON.stringify(['stories', q.sort, q.limit, q.offset, q.q ?? null]), () =>
      q.q ? service.searchStories(q.q, q.limit, q.offset) : service.stories(q.sort, q.limit, q.offset),
    );
  });

  api.get('/stories/:id', async (c) => {
    const id = parseOr400(RecordId, c.req.param('id'), 'story id');
    return cachedJson(c, `story ${id}`, () => service.story(id));
  });

  api.get('/articles/:id', async (c) => {
    const id = parseOr400(RecordId, c.req.param('id'), 'article id');
    return cachedJson(c, `article ${id}`, () => service.article(id));
  });

  api.get('/search', async (c) => {
    const q = parseOr400(SearchQuery, c.req.query(), 'query');
    return cachedJson(c, JSON.stringify(['search', q.q, q.limit]), async () => ({ query: q.q, hits: await service.search(q.q, q.limit) }));
  });

  api.get('/sources', async (c) =>
    cachedJson(c, 'sources', async () => {
      const { count, sources } = await service.sources();
      return { count, sources: sources.map((s) => ({ name: s.name, articleCount: s.articleIds.length, articleIds: s.articleIds })) };
    }),
  );

  api.post(
    '/pages',
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: () => {
        throw new ApiError('payload_too_large', `the body is over the limit of ${options.maxBodyBytes} bytes`);
      },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/iu.test(type)) throw new ApiError('unsupported_media_type', `expected Content-Type: application/json, got ${type === '' ? 'none' : JSON.stringify(type)}`);
      let json: unknown;
      try {
        json = await c.req.json();
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError('bad_json', `the body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
      const body = parseOr400(PostPageBody, json, 'body');
      const { response, created } = await service.postPage(body);
      return c.json(response, created ? 201 : 200);
    },
  );

  return api;
}
