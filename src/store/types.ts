/**
 * The store interface: what Storyweave keeps between runs. Every method is async so that a server
 * implementation (PostgreSQL) can satisfy the same interface as the embedded SQLite one; every
 * implementation passes the shared suite in `suite.ts`.
 *
 * What is kept: each page's decoded content (compressed, keyed by its content hash, so a page seen
 * twice is stored once and every stage can be re-run after an upgrade), the extract result of each
 * page, copy groups and relations, stories and briefs. Rows read back are validated with the record
 * schemas, and a row that fails them is an error naming the table and key, never silently skipped.
 */
import { z } from 'zod';
import type { Article, CopyGroup, CopyRelation, DedupResult, ExtractResult, PageFormat, RawPage, Story } from '../records/index.ts';
import type { Brief } from '../brief/types.ts';

/** A page as stored: its metadata and its decoded content (line endings normalised, no BOM). */
export interface StoredPage {
  /** sha256 (hex) of the content's UTF-8 bytes: the page's identity. */
  hash: string;
  /** Insertion order: the order every stage replays stored articles in. */
  seq: number;
  source: string;
  url: string | null;
  format: PageFormat;
  /** The encoding the original bytes were read as ("utf-8", "windows-1252", …). */
  encoding: string;
  /** Size of the original bytes as ingested. */
  bytes: number;
  fetchedAt: string | null;
  /** When this content was first and last offered to the store (ISO 8601). */
  firstSeen: string;
  lastSeen: string;
  content: string;
  /**
   * The bytes the content was decoded from and the charset the transport declared (files, fetches, WARC
   * records); the content's own UTF-8 bytes when those are what was read, or when the page arrived as
   * text (JSONL, the HTTP API).
   */
  raw: { bytes: Buffer; charset: string | null };
}

export type PageMeta = Omit<StoredPage, 'content' | 'raw'>;

/** What putPage is given: the page as ingest decoded it and its extract result. */
export interface PageInput {
  page: RawPage;
  /** The bytes the page was decoded from (see StoredPage.raw), kept so reprocess can decode them again. */
  raw?: { bytes: Buffer; charset: string | null } | null;
  result: ExtractResult;
  /** When the page was offered (ISO 8601): first seen for a new page, last seen for a known one. */
  seenAt: string;
}

export interface PutPageResult {
  hash: string;
  seq: number;
  /** True when these bytes were already stored: nothing was written but the last-seen time. */
  known: boolean;
}

/** A stored article (or failure) with the page order it replays in. */
export interface StoredResult {
  seq: number;
  hash: string;
  result: ExtractResult;
}

/**
 * One atomic update of the story stages: copy groups and stories are replaced by overlap (a written
 * group or story replaces every stored one sharing an article with it), relations are added, and the
 * cursor says which pages the stages now cover.
 */
export interface StageWrite {
  copies?: {
    /** Articles whose copy component was recomputed: every stored group holding one is dropped first. */
    articles: readonly string[];
    groups: readonly CopyGroup[];
    relations: readonly CopyRelation[];
  };
  /** Stories written whole; any stored story sharing an article with one of them is dropped. */
  stories?: readonly Story[];
  /** The highest page seq whose result the stages now reflect. */
  cursor: number;
}

export interface SearchOptions {
  /** Most hits returned (default 20). */
  limit?: number;
  /** Which records to search (default both). */
  kinds?: readonly SearchHit['kind'][];
}

/** One search hit; `snippet` marks the matched words with « and ». Lower rank is better (bm25). */
export type SearchHit =
  | { kind: 'article'; id: string; title: string | null; snippet: string; rank: number }
  | { kind: 'story'; id: string; title: string | null; snippet: string; rank: number };

export interface ListOptions {
  limit?: number;
  offset?: number;
}

export interface StoreCounts {
  pages: number;
  articles: number;
  failures: number;
  copyGroups: number;
  relations: number;
  stories: number;
  briefs: number;
}

/** The copy group an article is in, and every relation it has (copies and shared material). */
export interface ArticleCopies {
  group: CopyGroup | null;
  relations: CopyRelation[];
}

/**
 * The store. Implementations: `sqlite` (a file, the default) and `memory` (SQLite in memory).
 *
 * @example
 *   const store = await openStore({ kind: 'sqlite', path: 'storyweave.db' });
 *   const { known } = await store.putPage({ page, result, seenAt: new Date().toISOString() });
 *   for (const hit of await store.search('bridge collapse', { limit: 5 })) console.log(hit.kind, hit.snippet);
 *   await store.close();
 */
export interface Store {
  readonly kind: StoreKind;

  // Pages and extract results.
  /** Stores a page and its result in one transaction; the same content again only updates last seen. */
  putPage(input: PageInput): Promise<PutPageResult>;
  /** putPage for several pages in one transaction (all stored or none); results in input order. */
  putPages(inputs: readonly PageInput[]): Promise<PutPageResult[]>;
  /** Marks a hash as seen again; false (and nothing written) when it is not stored. */
  seePage(hash: string, seenAt: string): Promise<boolean>;
  getPage(hash: string): Promise<StoredPage | null>;
  /** Stored pages in seq order, read in chunks (safe to write to the store while iterating). */
  pages(options?: { afterSeq?: number }): AsyncIterable<StoredPage>;
  /** Replaces the results of stored pages (reprocess), in one transaction. */
  replaceResults(results: readonly { hash: string; result: ExtractResult }[]): Promise<void>;
  /** The result with this article id (an Article carries its removed parts), or null. */
  getResult(id: string): Promise<ExtractResult | null>;
  getArticles(ids: readonly string[]): Promise<Article[]>;
  /** Stored results in seq order, optionally only articles and only after a seq. */
  results(options?: { afterSeq?: number; ok?: boolean }): AsyncIterable<StoredResult>;

  // Story stages.
  /** Applies a StageWrite in one transaction. */
  writeStages(write: StageWrite): Promise<void>;
  /** Drops copy groups, relations, stories and briefs and sets the cursor to 0 (reprocess). */
  resetStages(): Promise<void>;
  /** The highest page seq the stored copies and stories reflect. */
  stagesCursor(): Promise<number>;
  /** Every copy group and relation, with each article's source after propagation. */
  copies(): Promise<DedupResult>;
  copiesOf(articleId: string): Promise<ArticleCopies>;
  getStory(id: string): Promise<Story | null>;
  /** The story an article is in. */
  storyOf(articleId: string): Promise<Story | null>;
  /** Most recently seen first (lastSeen, undated last), then by id. */
  latestStories(options?: ListOptions): Promise<Story[]>;
  /** Most articles first, then latest. */
  biggestStories(options?: ListOptions): Promise<Story[]>;

  // Briefs.
  putBrief(brief: Brief): Promise<void>;
  getBrief(storyId: string): Promise<Brief | null>;

  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  counts(): Promise<StoreCounts>;
  /** Idempotent; any other call after it rejects with a `closed` StoreError. */
  close(): Promise<void>;
}

export const STORE_KINDS = ['sqlite', 'memory'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export const DEFAULT_DB_PATH = './storyweave.db';

/** Which store to open; validated at the edge because it comes from flags and config files. */
export const StoreSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sqlite'), path: z.string().min(1).default(DEFAULT_DB_PATH) }),
  z.object({ kind: z.literal('memory') }),
]);
export type StoreSpec = z.input<typeof StoreSpec>;

export type StoreErrorCode = 'unknown_kind' | 'bad_spec' | 'bad_row' | 'closed' | 'newer_schema' | 'bad_input';

/** The one error type stores throw: a stable code plus a message saying what was expected. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
