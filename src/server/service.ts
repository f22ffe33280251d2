/**
 * What the API and the web pages read and write, over a Store: the one place that knows how a story
 * list line, a brief, an article view and the sources list are put together from stored records. The
 * routes stay thin and the JSON and HTML forms cannot drift apart.
 *
 * Two things the Store interface does not offer are made here:
 *   - briefs on demand: a story rewritten by ingest loses its brief (it is out of date), so a missing
 *     brief is computed from the stored story, articles and copy groups and stored back;
 *   - the sources list: independent sources over every stored article, cached until the stages
 *     cursor moves (it needs every article's attribution, so it is not recomputed per request).
 */
import type { Brief } from '../brief/index.ts';
import { currentBrief } from '../pipeline/briefs.ts';
import { independentSources } from '../dedup/index.ts';
import { pageId, DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../extract/index.ts';
import { normaliseText } from '../ingest/index.ts';
import { ingestInto } from '../pipeline/ingest.ts';
import type { Article, RawPage, Story } from '../records/index.ts';
import type { IngestItem } from '../ingest/index.ts';
import { contentHash, type SearchHit, type Store } from '../store/index.ts';
import { ApiError } from './errors.ts';
import { ResponseCache } from './cache.ts';
import type { ArticleResponse, PostPageBody, PostPageResponse, StoriesResponse, StoryListItem, StorySort } from './schemas.ts';

export interface ServiceOptions {
  extract: ExtractOptions;
  /** The clock for first/last seen times of posted pages (injected in tests). */
  now: () => Date;
}

export const DEFAULT_SERVICE_OPTIONS: ServiceOptions = { extract: DEFAULT_EXTRACT_OPTIONS, now: () => new Date() };

/**
 * Search hits read to find the stories of a query: article hits are mapped to their stories, so more
 * hits than stories shown are needed; 5 per story kept the top stories stable on examples/ queries.
 */
export const SEARCH_HITS_PER_STORY = 5;
/** Most search hits read for one story search, whatever the page asked: deep pages of a search are cut here. */
export const MAX_SEARCH_HITS = 1000;

export class StoryService {
  /** One writer at a time: posted pages are ingested one after another, in arrival order. */
  private writing: Promise<unknown> = Promise.resolve();
  private sourcesCache: { cursor: number; value: ReturnType<typeof independentSources> } | null = null;
  /** Rendered GET responses of the API and the pages, until the stories change. */
  readonly cache: ResponseCache;

  constructor(
    readonly store: Store,
    private readonly options: ServiceOptions = DEFAULT_SERVICE_OPTIONS,
  ) {
    this.cache = new ResponseCache(() => store.stagesCursor());
  }

  async stories(sort: StorySort, limit: number, offset: number): Promise<StoriesResponse> {
    const list = sort === 'biggest' ? await this.store.biggestStories({ limit, offset }) : await this.store.latestStories({ limit, offset });
    const stories = await Promise.all(list.map((s) => this.listItem(s, [])));
    return { sort, query: null, limit, offset, stories };
  }

  /** Stories matching a query: those whose title matches, and those of matching articles, best hit first. */
  async searchStories(query: string, limit: number, offset: number): Promise<StoriesResponse> {
    const hits = await this.store.search(query, { limit: Math.min(MAX_SEARCH_HITS, (limit + offset) * SEARCH_HITS_PER_STORY) });
    const order: string[] = [];
    const matches = new Map<string, SearchHit[]>();
    const stories = new Map<string, Story>();
    for (const hit of hits) {
      const story = hit.kind === 'story' ? await this.store.getStory(hit.id) : await this.store.storyOf(hit.id);
      if (!story) continue;
      if (!matches.has(story.id)) {
        order.push(story.id);
        matches.set(story.id, []);
        stories.set(story.id, story);
      }
      matches.get(story.id)!.push(hit);
    }
    const page = order.slice(offset, offset + limit);
    const items = await Promise.all(page.map((id) => this.listItem(stories.get(id)!, matches.get(id)!)));
    return { sort: 'relevance', query, limit, offset, stories: items };
  }

  search(query: string, limit: number): Promise<SearchHit[]> {
    return this.store.search(query, { limit });
  }

  async story(id: string): Promise<{ story: Story; brief: Brief }> {
    const story = await this.store.getStory(id);
    if (!story) throw new ApiError('not_found', `no story has id ${id}`);
    return { story, brief: await this.briefOf(story) };
  }

  async article(id: string): Promise<ArticleResponse> {
    const article = await this.store.getResult(id);
    if (!article) throw new ApiError('not_found', `no article has id ${id}`);
    const [copies, story] = await Promise.all([this.store.copiesOf(id), this.store.storyOf(id)]);
    const ids = new Set([...(copies.group?.members.map((m) => m.id) ?? []), ...copies.relations.flatMap((r) => [r.a, r.b])]);
    ids.delete(id);
    const related = (await this.store.getArticles([...ids].sort())).map((a) => ({ id: a.id, title: a.title, outlet: a.outlet }));
    return { article, copies, story: story ? { id: story.id, title: story.title } : null, related };
  }

  /** Independent sources over every stored article: copies and one wire's articles count once. */
  async sources(): Promise<ReturnType<typeof independentSources>> {
    const cursor = await this.store.stagesCursor();
    if (this.sourcesCache?.cursor === cursor) return this.sourcesCache.value;
    const articles: Article[] = [];
    for await (const r of this.store.results({ ok: true })) if (r.result.ok) articles.push(r.result);
    const value = independentSources(articles, await this.store.copies());
    this.sourcesCache = { cursor, value };
    return value;
  }

  /**
   * Ingests one posted page: extract → store → copy groups and stories, then the brief of its story.
   * A page whose content is stored already is only marked as seen (`known`). Posts are taken one at a
   * time, in arrival order, through one long-lived ingest session (see IngestSession).
   */
  postPage(body: PostPageBody): Promise<{ response: PostPageResponse; created: boolean }> {
    const run = this.writing.then(() => this.ingestOne(body)).finally(() => this.cache.clear());
    this.writing = run.catch(() => undefined);
    return run;
  }

  /** Ends the ingest session (its final flush included); the store stays open. */
  async close(): Promise<void> {
    await this.writing;
    await this.session?.close();
    this.session = null;
  }

  private session: IngestSession | null = null;

  private async ingestOne(body: PostPageBody): Promise<{ response: PostPageResponse; created: boolean }> {
    const format = body.html !== undefined ? 'html' : 'text';
    const content = normaliseText(body.html ?? body.text ?? '');
    if (content.trim() === '') throw new ApiError('empty_page', `the ${format} field is empty`);
    const id = pageId({ content });
    const hash = contentHash(content);
    const url = body.url ?? null;
    const page: RawPage = { source: url ?? `api:${id}`, url, format, content, fetchedAt: body.fetchedAt ?? null, encoding: 'utf-8', bytes: Buffer.byteLength(content) };

    const known = await this.store.seePage(hash, this.options.now().toISOString());
    if (!known) {
      if (!this.session?.alive) this.session = new IngestSession(this.store, this.options);
      await this.session.add(page, hash);
    }
    const result = await this.store.getResult(id);
    if (!result) throw new Error(`page ${hash} was ingested but no result is stored under ${id}`);
    const story = result.ok ? await this.store.storyOf(id) : null;
    // The posted page's story gets its brief now; other stories the batch changed get theirs when read.
    if (story && !known) await this.briefOf(story);
    return { response: { known, id, hash, result, story: story ? { id: story.id, title: story.title } : null }, created: !known };
  }

  /** The stored brief, or one computed now and stored when the story changed since (or never had one). */
  briefOf(story: Story): Promise<Brief> {
    return currentBrief(this.store, story);
  }

  private async listItem(story: Story, matches: SearchHit[]): Promise<StoryListItem> {
    const brief = await this.briefOf(story);
    return {
      id: story.id,
      title: story.title,
      articleCount: story.articles.length,
      independentSourceCount: brief.independentSourceCount,
      firstSeen: story.firstSeen,
      lastSeen: story.lastSeen,
      matches,
    };
  }
}

/**
 * How long the ingest session waits for more pages before it stores and stages what it has: a posted
 * page is answered about this much later than its extraction ends, and an idle server wakes this often.
 */
export const SESSION_FLUSH_MS = 30;

/**
 * One `ingestInto` run kept open over a queue of posted pages, so the story stages' memory (dedup index,
 * clusterer) is rebuilt from the store once, on the first post, instead of replaying every stored
 * article for each post. ingestInto reports no per-page completion, so the session watches the store
 * calls it makes: a page is done when the stage write after its `putPages` has committed (or when
 * ingestInto finds it stored already). If the run fails, every waiting page fails with it and the next
 * post starts a new session, which replays the store as ingestInto does after a crash.
 */
class IngestSession {
  private readonly queue: IngestItem[] = [];
  private wake: (() => void) | null = null;
  private ended = false;
  alive = true;
  private readonly waiters = new Map<string, { resolve: () => void; reject: (err: unknown) => void }>();
  /** Hashes stored since the last stage write. */
  private stored: string[] = [];
  private readonly running: Promise<void>;

  constructor(store: Store, options: ServiceOptions) {
    const watched = new Proxy(store, {
      get: (target, prop) => {
        if (prop === 'putPages') {
          return async (inputs: Parameters<Store['putPages']>[0]) => {
            const puts = await target.putPages(inputs);
            for (const p of puts) this.stored.push(p.hash);
            return puts;
          };
        }
        if (prop === 'writeStages') {
          return async (write: Parameters<Store['writeStages']>[0]) => {
            await target.writeStages(write);
            for (const hash of this.stored.splice(0)) this.settle(hash, null);
          };
        }
        if (prop === 'seePage') {
          return async (hash: string, seenAt: string) => {
            const seen = await target.seePage(hash, seenAt);
            if (seen) this.settle(hash, null);
            return seen;
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    this.running = ingestInto(watched, this.items(), { extract: options.extract, now: options.now, flushAfterMs: SESSION_FLUSH_MS }).then(
      () => this.fail(new Error('the ingest session ended')),
      (err: unknown) => this.fail(err),
    );
  }

  add(page: RawPage, hash: string): Promise<void> {
    if (!this.alive) return Promise.reject(new Error('the ingest session has ended'));
    return new Promise<void>((resolve, reject) => {
      this.waiters.set(hash, { resolve, reject });
      this.queue.push({ ok: true, page });
      this.wake?.();
    });
  }

  async close(): Promise<void> {
    this.ended = true;
    this.wake?.();
    await this.running;
  }

  private async *items(): AsyncGenerator<IngestItem> {
    for (;;) {
      while (this.queue.length > 0) yield this.queue.shift()!;
      if (this.ended) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }

  private settle(hash: string, err: unknown): void {
    const w = this.waiters.get(hash);
    if (!w) return;
    this.waiters.delete(hash);
    if (err === null) w.resolve();
    else w.reject(err);
  }

  private fail(err: unknown): void {
    this.alive = false;
    for (const hash of [...this.waiters.keys()]) this.settle(hash, err);
  }
}
