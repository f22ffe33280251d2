/**
 * The OpenAPI 3.1 document of /api, in one place. Body and response schemas are generated from the zod
 * schemas the routes validate with (schemas.ts, the records), so the document cannot drift from the
 * code; `API_ROUTES` lists every route, and a test checks it against the routes the app registers.
 */
import { z } from 'zod';
import { ErrorBody, API_ERROR_CODES, type ApiErrorCode } from './errors.ts';
import {
  ArticleResponse,
  DEFAULT_LIST_LIMIT,
  HealthResponse,
  MAX_LIST_LIMIT,
  PostPageBody,
  PostPageResponse,
  SearchResponse,
  SourcesResponse,
  StoriesResponse,
  StoryResponse,
} from './schemas.ts';

type Param = { name: string; in: 'query' | 'path'; required: boolean; description: string; schema: Record<string, unknown> };

interface RouteDoc {
  method: 'get' | 'post';
  /** OpenAPI form ({id}); the app registers the hono form (:id). */
  path: string;
  summary: string;
  params?: Param[];
  body?: string;
  /** Status → component schema name. */
  ok: Record<number, string>;
  errors: ApiErrorCode[];
}

const limit: Param = { name: 'limit', in: 'query', required: false, description: `How many (default ${DEFAULT_LIST_LIMIT})`, schema: { type: 'integer', minimum: 1, maximum: MAX_LIST_LIMIT } };
const id = (what: string): Param => ({ name: 'id', in: 'path', required: true, description: `The ${what} id`, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' } });

/** Every route under /api. */
export const API_ROUTES: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/stories',
    summary: 'Stories, latest or biggest first; with q, the stories whose title or member articles match, best first',
    params: [
      { name: 'sort', in: 'query', required: false, description: 'latest (last update first, the default) or biggest (most articles first)', schema: { type: 'string', enum: ['latest', 'biggest'] } },
      limit,
      { name: 'offset', in: 'query', required: false, description: 'Stories to skip (paging)', schema: { type: 'integer', minimum: 0 } },
      { name: 'q', in: 'query', required: false, description: 'Full-text query; a trailing * matches a word start', schema: { type: 'string', maxLength: 500 } },
    ],
    ok: { 200: 'StoriesResponse' },
    errors: ['invalid_input'],
  },
  { method: 'get', path: '/api/stories/{id}', summary: 'A story with its brief', params: [id('story')], ok: { 200: 'StoryResponse' }, errors: ['invalid_input', 'not_found'] },
  {
    method: 'get',
    path: '/api/articles/{id}',
    summary: 'An article: clean text, metadata, every removed part with its reason, its copies and its story (or why the page gave no article)',
    params: [id('article')],
    ok: { 200: 'ArticleResponse' },
    errors: ['invalid_input', 'not_found'],
  },
  {
    method: 'get',
    path: '/api/search',
    summary: 'Full-text search over story titles and article titles and text',
    params: [{ name: 'q', in: 'query', required: true, description: 'The query', schema: { type: 'string', minLength: 1, maxLength: 500 } }, limit],
    ok: { 200: 'SearchResponse' },
    errors: ['invalid_input'],
  },
  { method: 'get', path: '/api/sources', summary: 'Independent sources over every stored article (copies and one wire’s articles count once)', ok: { 200: 'SourcesResponse' }, errors: [] },
  {
    method: 'post',
    path: '/api/pages',
    summary: 'Ingest one page: extract, store, update copy groups, stories and briefs. 201 for a new page, 200 when its content is stored already',
    body: 'PostPageBody',
    ok: { 201: 'PostPageResponse', 200: 'PostPageResponse' },
    errors: ['bad_json', 'invalid_input', 'payload_too_large', 'unsupported_media_type', 'empty_page'],
  },
  { method: 'get', path: '/api/health', summary: 'Liveness and what the store holds', ok: { 200: 'HealthResponse' }, errors: [] },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', ok: { 200: 'OpenApiDocument' }, errors: [] },
];

const COMPONENTS: Record<string, z.ZodType> = {
  StoriesResponse,
  StoryResponse,
  ArticleResponse,
  SearchResponse,
  SourcesResponse,
  PostPageBody,
  PostPageResponse,
  HealthResponse,
  ErrorBody,
};

function componentSchema(schema: z.ZodType): Record<string, unknown> {
  // Bodies are documented as clients send them (input); responses as the server writes them (output).
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: schema === PostPageBody ? 'input' : 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function buildDocument(): Record<string, unknown> {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of API_ROUTES) {
    const responses: Record<string, unknown> = {};
    for (const [status, name] of Object.entries(r.ok)) {
      responses[status] = { description: status === '201' ? 'Created' : 'OK', content: { 'application/json': { schema: name === 'OpenApiDocument' ? { type: 'object' } : ref(name) } } };
    }
    for (const code of [...r.errors, 'internal_error' as const]) {
      const status = String(API_ERROR_CODES[code]);
      const prev = responses[status] as { description: string } | undefined;
      responses[status] = { description: prev ? `${prev.description}, ${code}` : code, content: { 'application/json': { schema: ref('ErrorBody') } } };
    }
    paths[r.path] = {
      ...paths[r.path],
      [r.method]: {
        summary: r.summary,
        operationId: `${r.method}${r.path.replace(/^\/api/u, '').replace(/[{}]/gu, '').replace(/[/.](\w)/gu, (_, c: string) => c.toUpperCase())}`,
        ...(r.params ? { parameters: r.params } : {}),
        ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(r.body) } } } } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Storyweave API',
      version: '1',
      description: 'Stories, briefs and clean articles from scraped news pages. Errors are JSON: {"error": {"code", "message"}} with the status the code implies.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, s]) => [name, componentSchema(s)])) },
  };
}

export const OPENAPI_DOCUMENT: Readonly<Record<string, unknown>> = buildDocument();
