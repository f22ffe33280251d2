/**
 * Incremental, crash-safe ingest into a Store: the pipeline for a tool that runs every day.
 *
 *   1. read      ingest items (src/ingest); refusals are counted, pages hashed by content
 *   2. skip      a page whose content hash is stored already is only marked as seen again
 *   3. extract   in batches: HTML pages alone, text dumps with template evidence from their batch
 *   4. store     each batch of pages with their extract results in one transaction: a page is whole or absent
 *   5. stages    each new article through the streaming dedup index and the online story clusterer;
 *                the changed copy groups and stories, with the stages cursor, in one transaction per batch
 *
 * Crash safety. Everything the stages hold in memory is a function of the stored articles in page
 * order: on start, the articles up to the stored cursor are replayed through the same code without
 * writing (the stored groups and stories already reflect them), then articles stored after the cursor
 * (a run killed between storing pages and writing their stages) are applied and written. So after a
 * `kill -9` at any moment, running the same command again stores every page exactly once and leaves
 * stories covering exactly the stored articles. One writer at a time: two ingests into one file would
 * interleave page order and their replays would differ.
 */
import { performance } from 'node:perf_hooks';
import { buildTemplateIndex, extract, pageId, DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../extract/index.ts';
import type { Article, CopyRelation, ErrorCode, ExtractResult, RawPage, Story } from '../records/index.ts';
import { decodeBytes, type IngestItem, type RawBytes } from '../ingest/index.ts';
import { buildGroups, DedupIndex, fingerprintBody, type Fingerprint } from '../dedup/index.ts';
import { isCopy } from '../dedup/compare.ts';
import { StoryClusterer, toStory, type ClusterArticle, type ClustererOptions, type StoryState } from '../cluster/index.ts';
import { contentHash, type Store, type StoredPage } from '../store/index.ts';

/**
 * Pages extracted and stored per batch before their stages are written. Text dumps take template
 * evidence from the other pages of their batch (site chrome repeated across pages), so a batch must
 * hold several pages of a site; 200 is where the evidence stops changing on examples/ and the
 * synthetic bench (one site per 20–50 pages), while a crash loses at most one batch of stage work.
 */
export const DEFAULT_BATCH_PAGES = 200;
/** A batch waiting this long for more input is processed anyway, so a slow feed still updates stories. */
export const DEFAULT_FLUSH_AFTER_MS = 2000;
/** Replayed articles between progress reports in the rebuild phase (about a second of replay). */
const REPLAY_PROGRESS_EVERY = 1000;

export interface IngestProgress {
  phase: 'rebuild' | 'ingest' | 'done';
  /** Input items read so far (pages and refusals). */
  pages: number;
  /** New pages stored; known = pages whose content was stored already. */
  stored: number;
  known: number;
  /** Refused inputs plus stored pages that yielded no article. */
  errors: number;
  /** Items read per wall-clock second since the start of the run. */
  pagesPerSecond: number;
  /** The source of the item just read, if any. */
  source: string | null;
  /** Stored articles replayed into memory so far (the rebuild phase on start can take a while on a big store). */
  replayed: number;
}

export interface IngestSummary {
  pages: number;
  stored: number;
  known: number;
  articles: number;
  /** Stored pages that are ExtractFailures (not_an_article, empty…). */
  failures: number;
  /** Inputs that gave no page (unreadable, binary, too large…): not stored, counted here by code. */
  refused: number;
  byCode: Partial<Record<ErrorCode, number>>;
  /** Stored articles replayed into memory on start, and those stored but not yet staged (after a crash). */
  replayed: number;
  caughtUp: number;
  storiesWritten: number;
  seconds: number;
}

export interface IngestIntoOptions {
  extract: ExtractOptions;
  /** The extract function; replaceable so tests can show that a throwing extractor stops nothing. */
  extractor?: typeof extract;
  batchPages?: number;
  flushAfterMs?: number;
  /** The clock for first/last seen times (injected in tests). */
  now?: () => Date;
  cluster?: ClustererOptions;
  onProgress?: (progress: IngestProgress) => void;
  /** Called after each stage write with the ids of the stories written (new or changed): the brief stage's hook. */
  onStoriesChanged?: (storyIds: string[]) => void | Promise<void>;
}

export const DEFAULT_INGEST_INTO_OPTIONS: IngestIntoOptions = { extract: DEFAULT_EXTRACT_OPTIONS };

/**
 * Ingests items into a store: new pages extracted and stored, known ones only marked as seen, copy
 * groups and stories updated batch by batch.
 *
 * @example
 *   const store = await openStore({ kind: 'sqlite', path: 'storyweave.db' });
 *   const summary = await ingestInto(store, readInputs(['pages/']), { extract: DEFAULT_EXTRACT_OPTIONS });
 *   console.log(summary.stored, 'new pages,', summary.known, 'already stored');
 */
export async function ingestInto(
  store: Store,
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  options: IngestIntoOptions = DEFAULT_INGEST_INTO_OPTIONS,
): Promise<IngestSummary> {
  const started = performance.now();
  const batchPages = options.batchPages ?? DEFAULT_BATCH_PAGES;
  const now = options.now ?? (() => new Date());
  const summary: IngestSummary = { pages: 0, stored: 0, known: 0, articles: 0, failures: 0, refused: 0, byCode: {}, replayed: 0, caughtUp: 0, storiesWritten: 0, seconds: 0 };
  const progress = (phase: IngestProgress['phase'], source: string | null) => {
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({
      phase,
      pages: summary.pages,
      stored: summary.stored,
      known: summary.known,
      errors: summary.refused + summary.failures,
      pagesPerSecond: seconds > 0 ? summary.pages / seconds : 0,
      source,
      replayed: summary.replayed,
    });
  };

  progress('rebuild', null);
  const stages = await StoryStages.rebuild(store, options, summary, () => progress('rebuild', null));

  let batch: { page: RawPage; hash: string; raw: RawBytes | null }[] = [];
  const inBatch = new Set<string>();
  const flush = async () => {
    if (batch.length === 0) return;
    const pages = batch;
    batch = [];
    inBatch.clear();
    const results = extractBatch(pages.map((p) => p.page), options);
    const seenAt = now().toISOString();
    // The batch's pages in one transaction: each page whole or absent, and one commit per batch.
    const puts = await store.putPages(pages.map((p, i) => ({ page: p.page, raw: p.raw, result: results[i]!, seenAt })));
    puts.forEach((put, i) => {
      if (put.known) {
        summary.known++;
        return;
      }
      const result = results[i]!;
      summary.stored++;
      countResult(summary, result);
      stages.noteSeq(put.seq);
      if (result.ok) stages.apply(result, put.seq);
    });
    progress('ingest', pages.at(-1)!.page.source);
    summary.storiesWritten += await stages.write(store, options);
  };

  for await (const item of withFlushTimer(items, options.flushAfterMs ?? DEFAULT_FLUSH_AFTER_MS)) {
    if (item === FLUSH) {
      await flush();
      continue;
    }
    summary.pages++;
    if (!item.ok) {
      summary.refused++;
      summary.byCode[item.error.code] = (summary.byCode[item.error.code] ?? 0) + 1;
      progress('ingest', item.source);
      continue;
    }
    const hash = contentHash(item.page.content);
    if (inBatch.has(hash) || (await store.seePage(hash, now().toISOString()))) summary.known++;
    else {
      inBatch.add(hash);
      batch.push({ page: item.page, hash, raw: item.raw ?? null });
      if (batch.length >= batchPages) await flush();
    }
    progress('ingest', item.page.source);
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  progress('done', null);
  return summary;
}

export interface ReprocessOptions extends Omit<IngestIntoOptions, 'now' | 'flushAfterMs'> {}

/**
 * Re-extracts every stored page with the current extractor (results replaced batch by batch, each
 * batch in one transaction), then rebuilds copy groups and stories from scratch. Killed midway, it is
 * simply run again: results already replaced are replaced once more, and the stages were reset first.
 *
 * @example
 *   const summary = await reprocess(store, { extract: DEFAULT_EXTRACT_OPTIONS });
 *   console.log(summary.articles, 'articles after reprocessing', summary.stored, 'pages');
 */
export async function reprocess(store: Store, options: ReprocessOptions = DEFAULT_INGEST_INTO_OPTIONS): Promise<IngestSummary> {
  const started = performance.now();
  const batchPages = options.batchPages ?? DEFAULT_BATCH_PAGES;
  const summary: IngestSummary = { pages: 0, stored: 0, known: 0, articles: 0, failures: 0, refused: 0, byCode: {}, replayed: 0, caughtUp: 0, storiesWritten: 0, seconds: 0 };
  const progress = (phase: IngestProgress['phase'], source: string | null) => {
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ phase, pages: summary.pages, stored: 0, known: 0, errors: summary.failures, pagesPerSecond: seconds > 0 ? summary.pages / seconds : 0, source, replayed: summary.replayed });
  };
  await store.resetStages();
  let batch: StoredPage[] = [];
  const redo = async () => {
    const results = extractBatch(batch.map(rawPageOf), options);
    await store.replaceResults(batch.map((p, i) => ({ hash: p.hash, result: results[i]! })));
    for (const r of results) countResult(summary, r);
    summary.pages += batch.length;
    progress('ingest', batch.at(-1)!.source);
    batch = [];
  };
  for await (const page of store.pages()) {
    batch.push(page);
    if (batch.length >= batchPages) await redo();
  }
  if (batch.length > 0) await redo();
  progress('rebuild', null);
  await StoryStages.rebuild(store, options, summary, () => progress('rebuild', null));
  summary.seconds = (performance.now() - started) / 1000;
  progress('done', null);
  return summary;
}

function countResult(summary: IngestSummary, result: ExtractResult): void {
  if (result.ok) summary.articles++;
  else {
    summary.failures++;
    summary.byCode[result.error.code] = (summary.byCode[result.error.code] ?? 0) + 1;
  }
}

/**
 * A stored page as the extractor reads it, decoded again from its raw bytes with the current decoder
 * (so a decoder fix reaches pages stored before it); the stored text when the bytes no longer decode.
 */
function rawPageOf(p: StoredPage): RawPage {
  const decoded = decodeBytes(p.raw.bytes, { format: p.format, maxBytes: Math.max(p.raw.bytes.length, 1), charset: p.raw.charset });
  const content = decoded.ok ? decoded.text : p.content;
  const encoding = decoded.ok ? decoded.encoding : p.encoding;
  const pieces = decoded.ok ? decoded.pieces : undefined;
  return { source: p.source, url: p.url, format: p.format, content, ...(pieces && { pieces }), fetchedAt: p.fetchedAt, encoding, bytes: p.bytes };
}

/** Extract results for a batch, in order: text dumps share the batch's template evidence. */
function extractBatch(pages: readonly RawPage[], options: Pick<IngestIntoOptions, 'extract' | 'extractor'>): ExtractResult[] {
  const texts = pages.filter((p) => p.format === 'text');
  const template = texts.length > 0 ? buildTemplateIndex(texts) : null;
  return pages.map((page) => {
    try {
      return (options.extractor ?? extract)(page, page.format === 'text' ? template : null, options.extract);
    } catch (err) {
      // An extractor bug on one page is that page's result, so the run goes on and the page is stored for reprocess.
      const message = err instanceof Error ? err.message : String(err);
      return { id: pageId(page), source: page.source, url: page.url, ok: false, error: { code: 'internal_error', message: `extractor failed: ${message}` } };
    }
  });
}

const FLUSH = Symbol('flush');

/**
 * The items, with FLUSH inserted whenever the next item takes longer than `ms` to arrive: a batch
 * waiting on a slow source is processed instead of held. The pending read is kept across the
 * timeout, so no item is lost or read twice.
 */
async function* withFlushTimer<T>(items: AsyncIterable<T> | Iterable<T>, ms: number): AsyncGenerator<T | typeof FLUSH> {
  if (Symbol.iterator in items) {
    yield* items as Iterable<T>;
    return;
  }
  const it = (items as AsyncIterable<T>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = it.next();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<typeof FLUSH>((resolve) => {
        timer = setTimeout(() => resolve(FLUSH), ms);
      });
      let r = await Promise.race([next, timeout]);
      clearTimeout(timer);
      if (r === FLUSH) {
        yield FLUSH;
        r = await next;
      }
      if (r.done) return;
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}

/**
 * The in-memory state of the story stages and what changed since the last write.
 *
 * Copies: every article goes through one DedupIndex; a copy of an earlier article joins that
 * article's cluster unit (and so its story) as a `copy` member, and its copy component (articles
 * linked by exact/near/partial relations) is regrouped with the batch dedup's buildGroups, so groups
 * and canonicals are chosen as the batch stage chooses them. Other articles go through the online
 * StoryClusterer as units of their own. Stories are written with toStory, dates inferred for undated
 * members from their dated ones.
 */
class StoryStages {
  private readonly dedup = new DedupIndex();
  private readonly clusterer: StoryClusterer;
  /** Article id → the cluster unit it is in (itself, or the unit of the article it copies). */
  private readonly unitOf = new Map<string, string>();
  private readonly storyOfUnit = new Map<string, StoryState>();
  /** Merges seen per story: when it grows, the absorbed units' story must be re-pointed. */
  private readonly mergesSeen = new Map<StoryState, number>();
  /** Copies that joined a unit after it was clustered, by unit id. */
  private readonly copiesOfUnit = new Map<string, { id: string; published: string | null }[]>();
  /** Copy relations by article, and copy components (union-find, the smallest id as root). */
  private readonly copyEdges = new Map<string, CopyRelation[]>();
  private readonly parent = new Map<string, string>();
  private readonly component = new Map<string, string[]>();

  private changedStories = new Set<StoryState>();
  private changedComponents = new Set<string>();
  private newRelations: CopyRelation[] = [];
  private cursor = 0;

  private constructor(options: Pick<IngestIntoOptions, 'cluster'>) {
    this.clusterer = new StoryClusterer({ ...options.cluster, onEvict: undefined });
  }

  /**
   * Replays the stored articles: those up to the cursor silently, those after it (stored by a run
   * that died before writing their stages) as new, written in batches.
   */
  static async rebuild(store: Store, options: IngestIntoOptions | ReprocessOptions, summary: IngestSummary, onReplay: () => void): Promise<StoryStages> {
    const stages = new StoryStages(options);
    const cursor = await store.stagesCursor();
    const batchPages = options.batchPages ?? DEFAULT_BATCH_PAGES;
    let pending = 0;
    let catchingUp = false;
    for await (const { seq, result } of store.results()) {
      stages.noteSeq(seq);
      if (seq <= cursor) {
        if (result.ok) {
          stages.apply(result, seq);
          if (++summary.replayed % REPLAY_PROGRESS_EVERY === 0) onReplay();
        }
        continue;
      }
      if (!catchingUp) {
        // What the silent replay changed is stored already: only articles after the cursor are news.
        stages.forgetChanges(cursor);
        catchingUp = true;
      }
      pending++;
      if (result.ok) {
        stages.apply(result, seq);
        summary.caughtUp++;
      }
      if (pending >= batchPages) {
        summary.storiesWritten += await stages.write(store, options);
        pending = 0;
      }
    }
    if (pending > 0) summary.storiesWritten += await stages.write(store, options);
    stages.forgetChanges(Math.max(cursor, stages.cursor));
    return stages;
  }

  noteSeq(seq: number): void {
    if (seq > this.cursor) this.cursor = seq;
  }

  apply(article: Article, seq: number): void {
    this.noteSeq(seq);
    const added = this.dedup.add(article);
    for (const r of added.relations) {
      this.newRelations.push(r);
      if (!isCopy(r.kind)) continue;
      for (const id of [r.a, r.b]) {
        const list = this.copyEdges.get(id);
        if (list) list.push(r);
        else this.copyEdges.set(id, [r]);
      }
      this.union(r.a, r.b);
      this.changedComponents.add(this.find(article.id));
    }
    const copyUnit = added.copyOf ? this.unitOf.get(added.copyOf.id) : undefined;
    if (copyUnit !== undefined) {
      this.unitOf.set(article.id, copyUnit);
      const extra = this.copiesOfUnit.get(copyUnit);
      const member = { id: article.id, published: article.published };
      if (extra) extra.push(member);
      else this.copiesOfUnit.set(copyUnit, [member]);
      this.changedStories.add(this.storyOfUnit.get(copyUnit)!);
      return;
    }
    const story = this.clusterer.add({ id: article.id, title: article.title, paragraphs: article.paragraphs, members: [{ id: article.id, published: article.published }] });
    this.unitOf.set(article.id, article.id);
    this.storyOfUnit.set(article.id, story);
    if ((this.mergesSeen.get(story) ?? 0) !== story.merges.length) {
      for (const u of story.units) this.storyOfUnit.set(u.id, story);
      this.mergesSeen.set(story, story.merges.length);
    }
    this.changedStories.add(story);
  }

  /** Writes what changed since the last write in one transaction; returns the number of stories written. */
  async write(store: Store, options: Pick<IngestIntoOptions, 'onStoriesChanged'>): Promise<number> {
    const components = new Map<string, string[]>();
    for (const id of this.changedComponents) {
      const root = this.find(id);
      components.set(root, this.component.get(root) ?? [root]);
    }
    const groupArticles: string[] = [];
    const groups = [];
    for (const members of components.values()) {
      const articles = await store.getArticles(members);
      const fps = new Map<string, Fingerprint>(articles.map((a) => [a.id, fingerprintBody(a.paragraphs, this.dedup.params)]));
      const relations = [...new Set(members.flatMap((id) => this.copyEdges.get(id) ?? []))];
      groups.push(...buildGroups(articles, fps, relations));
      groupArticles.push(...members);
    }
    const stories: Story[] = [];
    for (const state of this.changedStories) {
      if (!state.alive) continue;
      stories.push(await this.storyRecord(store, state));
    }
    await store.writeStages({ copies: { articles: groupArticles, groups, relations: this.newRelations }, stories, cursor: this.cursor });
    this.forgetChanges(this.cursor);
    if (stories.length > 0) await options.onStoriesChanged?.(stories.map((s) => s.id));
    return stories.length;
  }

  private forgetChanges(cursor: number): void {
    this.changedStories = new Set();
    this.changedComponents = new Set();
    this.newRelations = [];
    this.cursor = cursor;
  }

  /** The Story record of a state, with the copies that joined its units after they were clustered. */
  private async storyRecord(store: Store, state: StoryState): Promise<Story> {
    // A live story's centroid maps are accessors on its class, which a spread does not copy: named.
    const view: StoryState = {
      ...state,
      terms: state.terms,
      title: state.title,
      entities: state.entities,
      numbers: state.numbers,
      units: state.units.map((u) => {
        const extra = this.copiesOfUnit.get(u.id);
        return extra ? { ...u, members: [...u.members, ...extra] } : u;
      }),
    };
    // Dates are inferred only for undated members from dated ones: read the texts only then.
    const members = view.units.flatMap((u) => u.members);
    const dated = members.filter((m) => m.published).length;
    let texts: Map<string, ClusterArticle> | null = null;
    if (dated > 0 && dated < members.length) {
      texts = new Map((await store.getArticles(members.map((m) => m.id))).map((a) => [a.id, a]));
    }
    return toStory(view, this.clusterer, texts);
  }

  private find(id: string): string {
    let root = id;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression: point every id on the way straight at the root.
    for (let cur = id; cur !== root; ) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const [keep, gone] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent.set(gone, keep);
    this.parent.set(keep, keep);
    const merged = [...(this.component.get(keep) ?? [keep]), ...(this.component.get(gone) ?? [gone])];
    this.component.set(keep, merged);
    this.component.delete(gone);
  }
}
