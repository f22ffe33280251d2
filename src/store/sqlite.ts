/**
 * The embedded store: one SQLite file (better-sqlite3), WAL journal, foreign keys on, FTS5 search.
 * The memory kind is the same code on ':memory:' — one implementation of the SQL, so the shared suite
 * tests it twice over (a file that is closed and reopened, and a connection that lives in memory).
 *
 * better-sqlite3 is synchronous; the methods are async only to satisfy the Store interface. Every
 * write that must be atomic is one better-sqlite3 transaction, and nothing is awaited inside one.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { CopyGroup, CopyRelation, ExtractResult, PageFormat, Story } from '../records/index.ts';
import type { Article, DedupResult } from '../records/index.ts';
import { Brief } from '../brief/types.ts';
import { migrate } from './schema.ts';
import {
  StoreError,
  type ArticleCopies,
  type ListOptions,
  type PageInput,
  type PutPageResult,
  type SearchHit,
  type SearchOptions,
  type StageWrite,
  type Store,
  type StoreCounts,
  type StoredPage,
  type StoredResult,
} from './types.ts';

/**
 * Brotli quality for page bodies. Measured on 1,000 generated 1.7 KB text pages (the bench corpus):
 * quality 5 stores 44% of the bytes at 0.15 ms a page, gzip -6 46% at 0.08 ms, brotli 1 50% at 0.11
 * ms; 6 and above gain nothing more there. Pages are written once and read rarely (reprocess, the
 * article view), so the size of a store holding every page ever seen is what counts.
 */
export const BROTLI_QUALITY = 5;

/**
 * Database page size. Result rows (an article's JSON) run 1.5–3 KB, so with SQLite's default 4 KB
 * pages most pages held one row and much free space. On 1,000 bench pages (1.7 MB of text) the file
 * was 6.3 MB with 4 KB pages, 5.4 MB with 8 KB and 5.6 MB with 16 KB (stories then waste space).
 */
export const PAGE_SIZE = 8192;

/** A second writer (another ingest, the server) waits this long for the lock before failing. */
export const BUSY_TIMEOUT_MS = 5000;

/** Rows read per query by the iterators: bounds memory and lets writes happen between chunks. */
const CHUNK_ROWS = 500;
/** Host parameters per IN (...) list, well under SQLite's limit of 32,766. */
const IN_CHUNK = 500;
const DEFAULT_SEARCH_LIMIT = 20;
/** Words of context around a match in search snippets. */
const SNIPPET_TOKENS = 16;

export function contentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

const PageRow = z.object({
  seq: z.number().int(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  source: z.string(),
  url: z.string().nullable(),
  format: PageFormat,
  encoding: z.string(),
  bytes: z.number().int().nonnegative(),
  fetched_at: z.string().nullable(),
  first_seen: z.string(),
  last_seen: z.string(),
  compression: z.enum(['br', 'gzip', 'none']),
  body: z.instanceof(Buffer),
  raw: z.instanceof(Buffer).nullable(),
  raw_charset: z.string().nullable(),
});
const HitRow = z.object({ id: z.string(), title: z.string().nullable(), snippet: z.string(), rank: z.number() });

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private closed = false;
  private readonly s;

  constructor(
    readonly kind: 'sqlite' | 'memory',
    private readonly path: string,
  ) {
    this.db = new Database(path);
    try {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // WAL: readers (the server) never block the ingest writer; NORMAL sync is crash-safe in WAL mode
      // (a kill loses no committed transaction; a power cut may lose the last few, never corrupt).
      // Takes effect on a new file only (before its first table), so it is set on every open.
      this.db.pragma(`page_size = ${PAGE_SIZE}`);
      if (kind === 'sqlite') {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
      this.db.pragma('foreign_keys = ON');
      migrate(this.db, kind === 'memory' ? 'the memory store' : path);
    } catch (err) {
      this.db.close();
      throw err;
    }
    const p = (sql: string) => this.db.prepare(sql);
    this.s = {
      pageByHash: p('SELECT seq, last_seen FROM pages WHERE hash = ?'),
      touchPage: p('UPDATE pages SET last_seen = max(last_seen, ?) WHERE hash = ?'),
      insertPage: p(
        `INSERT INTO pages (hash, source, url, format, encoding, bytes, fetched_at, first_seen, last_seen, compression, body, raw, raw_charset)
         VALUES (@hash, @source, @url, @format, @encoding, @bytes, @fetchedAt, @seen, @seen, 'br', @body, @raw, @rawCharset)`,
      ),
      insertResult: p('INSERT INTO results (page_seq, id, ok, original_source, json) VALUES (?, ?, ?, ?, ?)'),
      deleteResult: p('DELETE FROM results WHERE page_seq = ?'),
      getPage: p('SELECT * FROM pages WHERE hash = ?'),
      pagesAfter: p('SELECT * FROM pages WHERE seq > ? ORDER BY seq LIMIT ?'),
      resultById: p('SELECT json FROM results WHERE id = ?'),
      resultsAfter: p('SELECT r.page_seq AS seq, p.hash AS hash, r.json AS json FROM results r JOIN pages p ON p.seq = r.page_seq WHERE r.page_seq > ? ORDER BY r.page_seq LIMIT ?'),
      resultsAfterOk: p(
        'SELECT r.page_seq AS seq, p.hash AS hash, r.json AS json FROM results r JOIN pages p ON p.seq = r.page_seq WHERE r.page_seq > ? AND r.ok = ? ORDER BY r.page_seq LIMIT ?',
      ),
      cursor: p(`SELECT value FROM meta WHERE key = 'stages_cursor'`),
      setCursor: p(`UPDATE meta SET value = ? WHERE key = 'stages_cursor'`),
      dropGroupOf: p('DELETE FROM copy_groups WHERE canonical = (SELECT canonical FROM copy_members WHERE article_id = ?)'),
      dropGroup: p('DELETE FROM copy_groups WHERE canonical = ?'),
      insertGroup: p('INSERT INTO copy_groups (canonical, json) VALUES (?, ?)'),
      insertMember: p('INSERT INTO copy_members (article_id, canonical) VALUES (?, ?)'),
      putRelation: p('INSERT OR REPLACE INTO relations (a, b, json) VALUES (?, ?, ?)'),
      dropStoryOf: p('DELETE FROM stories WHERE id = (SELECT story_id FROM story_articles WHERE article_id = ?)'),
      dropStory: p('DELETE FROM stories WHERE id = ?'),
      insertStory: p('INSERT INTO stories (id, title, last_seen, article_count, json) VALUES (?, ?, ?, ?, ?)'),
      insertStoryArticle: p('INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)'),
      groups: p('SELECT json FROM copy_groups ORDER BY canonical'),
      allRelations: p('SELECT json FROM relations ORDER BY a, b'),
      sources: p('SELECT id, original_source FROM results WHERE ok = 1'),
      groupOf: p('SELECT g.json FROM copy_members m JOIN copy_groups g ON g.canonical = m.canonical WHERE m.article_id = ?'),
      relationsOf: p('SELECT json FROM relations WHERE a = ? UNION ALL SELECT json FROM relations WHERE b = ?'),
      story: p('SELECT json FROM stories WHERE id = ?'),
      storyOf: p('SELECT s.json FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?'),
      latest: p('SELECT json FROM stories ORDER BY last_seen DESC, id LIMIT ? OFFSET ?'),
      biggest: p('SELECT json FROM stories ORDER BY article_count DESC, last_seen DESC, id LIMIT ? OFFSET ?'),
      putBrief: p('INSERT OR REPLACE INTO briefs (story_id, json) VALUES (?, ?)'),
      brief: p('SELECT json FROM briefs WHERE story_id = ?'),
      searchArticles: p(
        `SELECT r.id AS id, json_extract(r.json, '$.title') AS title,
                snippet(article_fts, -1, '«', '»', '…', ${SNIPPET_TOKENS}) AS snippet, bm25(article_fts, 3.0, 1.0) AS rank
         FROM article_fts JOIN results r ON r.page_seq = article_fts.rowid
         WHERE article_fts MATCH ? ORDER BY rank LIMIT ?`,
      ),
      searchStories: p(
        `SELECT s.id AS id, s.title AS title, snippet(story_fts, 0, '«', '»', '…', ${SNIPPET_TOKENS}) AS snippet, bm25(story_fts) AS rank
         FROM story_fts JOIN stories s ON s.rowid = story_fts.rowid
         WHERE story_fts MATCH ? ORDER BY rank LIMIT ?`,
      ),
      counts: p(
        `SELECT (SELECT count(*) FROM pages) AS pages,
                (SELECT count(*) FROM results WHERE ok = 1) AS articles,
                (SELECT count(*) FROM results WHERE ok = 0) AS failures,
                (SELECT count(*) FROM copy_groups) AS copyGroups,
                (SELECT count(*) FROM relations) AS relations,
                (SELECT count(*) FROM stories) AS stories,
                (SELECT count(*) FROM briefs) AS briefs`,
      ),
    };
  }

  /** The underlying connection, for tests and maintenance (integrity checks); not part of Store. */
  database(): Database.Database {
    this.assertOpen();
    return this.db;
  }

  async putPage(input: PageInput): Promise<PutPageResult> {
    return (await this.putPages([input]))[0]!;
  }

  async putPages(inputs: readonly PageInput[]): Promise<PutPageResult[]> {
    this.assertOpen();
    const prepared = inputs.map((input) => {
      const result = parseInput(ExtractResult, input.result, 'extract result');
      return { input, result, hash: contentHash(input.page.content) };
    });
    return this.db.transaction((): PutPageResult[] =>
      prepared.map(({ input, result, hash }) => {
        const existing = this.s.pageByHash.get(hash) as { seq: number } | undefined;
        if (existing) {
          this.s.touchPage.run(input.seenAt, hash);
          return { hash, seq: existing.seq, known: true };
        }
        const page = input.page;
        const utf8 = Buffer.from(page.content, 'utf8');
        const body = brotliCompressSync(utf8, { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } });
        // Raw bytes equal to the content's UTF-8 are the body itself: stored once (raw = body, marked by NULL).
        const rawBytes = input.raw?.bytes;
        const raw = rawBytes && !rawBytes.equals(utf8) ? brotliCompressSync(rawBytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }) : null;
        const info = this.s.insertPage.run({
          hash,
          source: page.source,
          url: page.url,
          format: page.format,
          encoding: page.encoding,
          bytes: page.bytes,
          fetchedAt: page.fetchedAt,
          seen: input.seenAt,
          body,
          raw,
          rawCharset: input.raw ? input.raw.charset : null,
        });
        const seq = Number(info.lastInsertRowid);
        this.insertResult(seq, result);
        return { hash, seq, known: false };
      }),
    ).immediate();
  }

  async seePage(hash: string, seenAt: string): Promise<boolean> {
    this.assertOpen();
    return this.s.touchPage.run(seenAt, hash).changes > 0;
  }

  async getPage(hash: string): Promise<StoredPage | null> {
    this.assertOpen();
    const row = this.s.getPage.get(hash);
    return row === undefined ? null : this.pageFromRow(row);
  }

  async *pages(options: { afterSeq?: number } = {}): AsyncIterable<StoredPage> {
    let after = options.afterSeq ?? 0;
    for (;;) {
      this.assertOpen();
      const rows = this.s.pagesAfter.all(after, CHUNK_ROWS);
      for (const row of rows) {
        const page = this.pageFromRow(row);
        after = page.seq;
        yield page;
      }
      if (rows.length < CHUNK_ROWS) return;
    }
  }

  async replaceResults(results: readonly { hash: string; result: ExtractResult }[]): Promise<void> {
    this.assertOpen();
    const parsed = results.map((r) => ({ hash: r.hash, result: parseInput(ExtractResult, r.result, 'extract result') }));
    this.db.transaction(() => {
      for (const { hash, result } of parsed) {
        const page = this.s.pageByHash.get(hash) as { seq: number } | undefined;
        if (!page) throw new StoreError('bad_input', `no stored page has hash ${hash}: reprocess replaces results of stored pages only`);
        this.s.deleteResult.run(page.seq);
        this.insertResult(page.seq, result);
      }
    }).immediate();
  }

  async getResult(id: string): Promise<ExtractResult | null> {
    this.assertOpen();
    const row = this.s.resultById.get(id) as { json: string } | undefined;
    return row ? resultFromJson(row.json, id) : null;
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    this.assertOpen();
    const byId = new Map<string, Article>();
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      const rows = this.db.prepare(`SELECT id, json FROM results WHERE ok = 1 AND id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as { id: string; json: string }[];
      for (const row of rows) {
        const result = resultFromJson(row.json, row.id);
        if (!result.ok) throw new StoreError('bad_row', `results ${row.id}: marked ok but holds a failure`);
        byId.set(row.id, result);
      }
    }
    return ids.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
  }

  async *results(options: { afterSeq?: number; ok?: boolean } = {}): AsyncIterable<StoredResult> {
    let after = options.afterSeq ?? 0;
    for (;;) {
      this.assertOpen();
      const rows = (options.ok === undefined ? this.s.resultsAfter.all(after, CHUNK_ROWS) : this.s.resultsAfterOk.all(after, options.ok ? 1 : 0, CHUNK_ROWS)) as {
        seq: number;
        hash: string;
        json: string;
      }[];
      for (const row of rows) {
        after = row.seq;
        yield { seq: row.seq, hash: row.hash, result: resultFromJson(row.json, `page ${row.seq}`) };
      }
      if (rows.length < CHUNK_ROWS) return;
    }
  }

  async writeStages(write: StageWrite): Promise<void> {
    this.assertOpen();
    const groups = (write.copies?.groups ?? []).map((g) => parseInput(CopyGroup, g, 'copy group'));
    const relations = (write.copies?.relations ?? []).map((r) => parseInput(CopyRelation, r, 'copy relation'));
    const stories = (write.stories ?? []).map((s) => parseInput(Story, s, 'story'));
    if (!Number.isInteger(write.cursor) || write.cursor < 0) throw new StoreError('bad_input', `the stages cursor must be a page seq (an integer >= 0), got ${write.cursor}`);
    this.db.transaction(() => {
      for (const id of write.copies?.articles ?? []) this.s.dropGroupOf.run(id);
      for (const g of groups) {
        for (const m of g.members) this.s.dropGroupOf.run(m.id);
        this.s.dropGroup.run(g.canonical);
        this.s.insertGroup.run(g.canonical, JSON.stringify(g));
        for (const m of g.members) this.s.insertMember.run(m.id, g.canonical);
      }
      for (const r of relations) this.s.putRelation.run(r.a, r.b, JSON.stringify(r));
      for (const story of stories) {
        for (const id of story.articles) this.s.dropStoryOf.run(id);
        this.s.dropStory.run(story.id);
        this.s.insertStory.run(story.id, story.title, story.lastSeen, story.articles.length, JSON.stringify(story));
        for (const id of story.articles) this.s.insertStoryArticle.run(id, story.id);
      }
      this.s.setCursor.run(String(write.cursor));
    }).immediate();
  }

  async resetStages(): Promise<void> {
    this.assertOpen();
    this.db.transaction(() => {
      this.db.exec('DELETE FROM briefs; DELETE FROM story_articles; DELETE FROM stories; DELETE FROM copy_members; DELETE FROM copy_groups; DELETE FROM relations;');
      this.s.setCursor.run('0');
    }).immediate();
  }

  async stagesCursor(): Promise<number> {
    this.assertOpen();
    const row = this.s.cursor.get() as { value: string } | undefined;
    const n = Number(row?.value);
    if (!Number.isInteger(n) || n < 0) throw new StoreError('bad_row', `meta.stages_cursor: expected an integer >= 0, found ${JSON.stringify(row?.value)}`);
    return n;
  }

  async copies(): Promise<DedupResult> {
    this.assertOpen();
    const groups = (this.s.groups.all() as { json: string }[]).map((r) => parseRow(CopyGroup, r.json, 'copy_groups', 'a group'));
    const relations = (this.s.allRelations.all() as { json: string }[]).map((r) => parseRow(CopyRelation, r.json, 'relations', 'a relation'));
    const originalSourceById: Record<string, string | null> = {};
    for (const row of this.s.sources.all() as { id: string; original_source: string | null }[]) originalSourceById[row.id] = row.original_source;
    for (const g of groups) for (const m of g.members) originalSourceById[m.id] = g.originalSource;
    return { groups, relations, originalSourceById };
  }

  async copiesOf(articleId: string): Promise<ArticleCopies> {
    this.assertOpen();
    const row = this.s.groupOf.get(articleId) as { json: string } | undefined;
    const relations = (this.s.relationsOf.all(articleId, articleId) as { json: string }[]).map((r) => parseRow(CopyRelation, r.json, 'relations', articleId));
    relations.sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
    return { group: row ? parseRow(CopyGroup, row.json, 'copy_groups', articleId) : null, relations };
  }

  async getStory(id: string): Promise<Story | null> {
    this.assertOpen();
    const row = this.s.story.get(id) as { json: string } | undefined;
    return row ? parseRow(Story, row.json, 'stories', id) : null;
  }

  async storyOf(articleId: string): Promise<Story | null> {
    this.assertOpen();
    const row = this.s.storyOf.get(articleId) as { json: string } | undefined;
    return row ? parseRow(Story, row.json, 'stories', `story of ${articleId}`) : null;
  }

  async latestStories(options: ListOptions = {}): Promise<Story[]> {
    return this.storyList(this.s.latest, options);
  }

  async biggestStories(options: ListOptions = {}): Promise<Story[]> {
    return this.storyList(this.s.biggest, options);
  }

  async putBrief(brief: Brief): Promise<void> {
    this.assertOpen();
    const valid = parseInput(Brief, brief, 'brief');
    try {
      this.s.putBrief.run(valid.storyId, JSON.stringify(valid));
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('bad_input', `no stored story has id ${valid.storyId}: a brief needs its story`);
      throw err;
    }
  }

  async getBrief(storyId: string): Promise<Brief | null> {
    this.assertOpen();
    const row = this.s.brief.get(storyId) as { json: string } | undefined;
    return row ? parseRow(Brief, row.json, 'briefs', storyId) : null;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    this.assertOpen();
    const match = ftsQuery(query);
    if (match === null) return [];
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const kinds = options.kinds ?? ['story', 'article'];
    const hits: SearchHit[] = [];
    const read = (rows: unknown[], kind: SearchHit['kind'], table: string) => {
      for (const row of rows) hits.push({ kind, ...parseRow(HitRow, row, table, 'a search hit') });
    };
    if (kinds.includes('story')) read(this.s.searchStories.all(match, limit), 'story', 'story_fts');
    if (kinds.includes('article')) read(this.s.searchArticles.all(match, limit), 'article', 'article_fts');
    // bm25 scores of the two tables are on similar scales (both weight term rarity by length); a story
    // title match ranks with an article's, and a tie goes to the story, the bigger unit.
    hits.sort((a, b) => a.rank - b.rank || (a.kind === b.kind ? (a.id < b.id ? -1 : 1) : a.kind === 'story' ? -1 : 1));
    return hits.slice(0, limit);
  }

  async counts(): Promise<StoreCounts> {
    this.assertOpen();
    return this.s.counts.get() as StoreCounts;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private insertResult(seq: number, result: ExtractResult): void {
    this.s.insertResult.run(seq, result.id, result.ok ? 1 : 0, result.ok ? result.originalSource : null, resultToJson(result));
  }

  private storyList(stmt: Database.Statement, options: ListOptions): Story[] {
    this.assertOpen();
    const rows = stmt.all(options.limit ?? -1, options.offset ?? 0) as { json: string }[];
    return rows.map((r) => parseRow(Story, r.json, 'stories', 'a listed story'));
  }

  private pageFromRow(raw: unknown): StoredPage {
    const row = parseRow(PageRow, raw, 'pages', 'a page');
    let content: string;
    let original: StoredPage['raw'];
    try {
      const bytes = row.compression === 'br' ? brotliDecompressSync(row.body) : row.compression === 'gzip' ? gunzipSync(row.body) : row.body;
      content = bytes.toString('utf8');
      // Raw bytes are stored only when they differ from the body's UTF-8; otherwise (and for pages that
      // came as text: JSONL, the HTTP API) the body's own bytes are the page as it was read.
      original = row.raw ? { bytes: brotliDecompressSync(row.raw), charset: row.raw_charset } : { bytes, charset: row.raw_charset };
    } catch (err) {
      throw new StoreError('bad_row', `pages ${row.hash}: the ${row.compression} body does not decompress (${err instanceof Error ? err.message : String(err)})`);
    }
    if (contentHash(content) !== row.hash) throw new StoreError('bad_row', `pages ${row.hash}: the stored body does not match its content hash`);
    return {
      hash: row.hash,
      seq: row.seq,
      source: row.source,
      url: row.url,
      format: row.format,
      encoding: row.encoding,
      bytes: row.bytes,
      fetchedAt: row.fetched_at,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      content,
      raw: original,
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('closed', `the ${this.kind} store${this.kind === 'sqlite' ? ` ${this.path}` : ''} is closed`);
  }
}

/**
 * A result as stored: an article's text is left out when it is its paragraphs joined by a blank line
 * (as the Article schema defines it), a third of the row on news pages; resultFromJson restores it.
 */
function resultToJson(result: ExtractResult): string {
  if (result.ok && result.text === result.paragraphs.join('\n\n')) return JSON.stringify({ ...result, text: undefined });
  return JSON.stringify(result);
}

function resultFromJson(json: string, key: string): ExtractResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoreError('bad_row', `results ${key}: the stored JSON does not parse`);
  }
  const v = value as { ok?: unknown; text?: unknown; paragraphs?: unknown };
  if (v && v.ok === true && v.text === undefined && Array.isArray(v.paragraphs)) v.text = v.paragraphs.join('\n\n');
  return parseRow(ExtractResult, value, 'results', key);
}

/** Validates a row read back; JSON columns are parsed first. Throws a bad_row StoreError naming the row. */
function parseRow<T extends z.ZodTypeAny>(schema: T, raw: unknown, table: string, key: string): z.infer<T> {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new StoreError('bad_row', `${table} ${key}: the stored JSON does not parse`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoreError('bad_row', `${table} ${key}: the stored row is not what the schema expects (${issues(parsed.error)})`);
  return parsed.data;
}

function parseInput<T extends z.ZodTypeAny>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoreError('bad_input', `not a valid ${what}: ${issues(parsed.error)}`);
  return parsed.data;
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
    .join('; ');
}

/**
 * A user's words as an FTS5 query: every word must match (implicit AND), each quoted so that FTS5
 * operators and punctuation in the input cannot make a syntax error; a trailing * on a word keeps
 * its prefix search. Null when the query has no word.
 */
export function ftsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*\*?/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const prefix = w.endsWith('*');
      const word = (prefix ? w.slice(0, -1) : w).replace(/"/g, '');
      return `"${word}"${prefix ? ' *' : ''}`;
    })
    .join(' ');
}
