/**
 * The shapes the HTTP API accepts and returns, as zod schemas: the request body is validated with them,
 * the OpenAPI document is written from them, and the tests parse every response with them.
 */
import { z } from 'zod';
import { Article, CopyGroup, CopyRelation, ExtractResult, Story } from '../records/index.ts';
import { Brief } from '../brief/types.ts';

/** Most stories or hits one list request returns; larger `limit`s are refused, not silently cut. */
export const MAX_LIST_LIMIT = 100;
export const DEFAULT_LIST_LIMIT = 20;

export const StorySort = z.enum(['latest', 'biggest']);
export type StorySort = z.infer<typeof StorySort>;

const intParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/u, `${name}: expected a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Query of GET /api/stories (and the story list page). */
export const StoriesQuery = z.object({
  sort: StorySort.default('latest'),
  limit: intParam('limit', 1, MAX_LIST_LIMIT).default(DEFAULT_LIST_LIMIT),
  offset: intParam('offset', 0, 1_000_000).default(0),
  q: z.string().trim().max(500, 'at most 500 characters').optional(),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'expected a search query').max(500, 'at most 500 characters'),
  limit: intParam('limit', 1, MAX_LIST_LIMIT).default(DEFAULT_LIST_LIMIT),
});

/**
 * Article ids (16 hex digits, the start of the content hash) and story ids ("story-" and one). Checked
 * loosely, by alphabet and length, so an id format change in a stage does not break the routes.
 */
export const RecordId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/u, 'expected an id of letters, digits, "-" and "_"');

export const SearchHitSchema = z.object({
  kind: z.enum(['article', 'story']),
  id: z.string(),
  title: z.string().nullable(),
  snippet: z.string().describe('Matched words are marked with « and »'),
  rank: z.number().describe('bm25: lower is better'),
});

/** One line of the story list. */
export const StoryListItem = z.object({
  id: z.string(),
  title: z.string().nullable(),
  articleCount: z.number().int().nonnegative(),
  independentSourceCount: z.number().int().nonnegative().describe('Copies and one wire’s articles count once'),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable().describe('Latest publication date among the members: the last update'),
  matches: z.array(SearchHitSchema).describe('With ?q=: the story title and member articles that matched, best first; else empty'),
});
export type StoryListItem = z.infer<typeof StoryListItem>;

export const StoriesResponse = z.object({
  sort: z.enum(['latest', 'biggest', 'relevance']),
  query: z.string().nullable(),
  limit: z.number().int(),
  offset: z.number().int(),
  stories: z.array(StoryListItem),
});
export type StoriesResponse = z.infer<typeof StoriesResponse>;

export const SearchResponse = z.object({ query: z.string(), hits: z.array(SearchHitSchema) });

export const StoryRef = z.object({ id: z.string(), title: z.string().nullable() });

export const StoryResponse = z.object({ story: Story, brief: Brief });

export const ArticleResponse = z.object({
  article: ExtractResult.describe('The clean article with every removed part and its reason, or the reason the page gave none'),
  copies: z.object({ group: CopyGroup.nullable(), relations: z.array(CopyRelation) }),
  story: StoryRef.nullable(),
  related: z
    .array(z.object({ id: z.string(), title: z.string().nullable(), outlet: z.string().nullable() }))
    .describe('The articles named in copies (its group members and relations), so a client can label them'),
});
export type ArticleResponse = z.infer<typeof ArticleResponse>;

export const SourceItem = z.object({
  name: z.string().nullable().describe('The wire, paper or outlet; null when no article of this unit names one'),
  articleCount: z.number().int().positive(),
  articleIds: z.array(z.string()),
});
export const SourcesResponse = z.object({ count: z.number().int().nonnegative(), sources: z.array(SourceItem) });

export const HealthResponse = z.object({
  ok: z.literal(true),
  counts: z.object({
    pages: z.number(),
    articles: z.number(),
    failures: z.number(),
    copyGroups: z.number(),
    relations: z.number(),
    stories: z.number(),
    briefs: z.number(),
  }),
});

/** POST /api/pages: one page as a JSONL line gives it. Unknown fields are refused so a typo is not silently ignored. */
export const PostPageBody = z
  .object({
    url: z.url({ protocol: /^https?$/u, error: 'expected an http(s) URL' }).nullable().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    fetchedAt: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time' }).nullable().optional(),
  })
  .strict()
  .refine((p) => p.text !== undefined || p.html !== undefined, { message: 'expected a "text" or an "html" field' });
export type PostPageBody = z.infer<typeof PostPageBody>;

export const PostPageResponse = z.object({
  known: z.boolean().describe('True when this content was stored already (status 200); false for a new page (201)'),
  id: z.string().describe('Article id: the start of the content hash'),
  hash: z.string(),
  result: ExtractResult,
  story: StoryRef.nullable(),
});
export type PostPageResponse = z.infer<typeof PostPageResponse>;

export { Article };
