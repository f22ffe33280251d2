/**
 * The orchestrator: the stages in the order they run, on one screen. Each stage is a pure function
 * from its own folder; this file only sequences them and keeps every input accounted for.
 *
 *   1. ingest      (src/ingest)   bytes → RawPage, or a named refusal     — done by the caller's items
 *   2. template    (src/extract)  cross-page evidence of site chrome in text dumps
 *   3. extract     (src/extract)  RawPage → Article, or ExtractFailure
 *   4. dedup       (src/dedup)    Article[] → copy relations, copy groups, propagated sources
 *   5. cluster     (src/cluster)  Article[] + copy groups → Story[], with inferred dates
 *   (later: brief)
 *
 * Every input item yields exactly one result, in input order: ingest refusals become ExtractFailure
 * records, so a run's results can be counted, stored and reported as one list.
 */
import { createHash } from 'node:crypto';
import { buildTemplateIndex, extract, pageId, DEFAULT_EXTRACT_OPTIONS, type ExtractOptions, type TemplateIndex } from '../extract/index.ts';
import type { ErrorCode, ExtractFailure, ExtractResult, PageError, RawPage } from '../records/index.ts';
import type { IngestItem } from '../ingest/index.ts';
import { dedupArticles, independentSources, type IndependentSource } from '../dedup/index.ts';
import { clusterArticles } from '../cluster/index.ts';
import { briefStory, type Brief } from '../brief/index.ts';
import type { Article, DedupResult, Story } from '../records/index.ts';

export interface RunProgress {
  /** Results finished so far. */
  done: number;
  /** Items read so far; final once `reading` is false. */
  total: number;
  /** False once the input is exhausted, so `total` no longer grows. */
  reading: boolean;
  /** The source of the result just finished. */
  source: string;
}

export interface RunOptions {
  extract: ExtractOptions;
  onProgress?: (progress: RunProgress) => void;
  /** The extract function; replaceable so tests can show that a throwing extractor stops nothing. */
  extractor?: typeof extract;
  /**
   * Receives every result in input order, as soon as it and all results before it are finished; the
   * run waits for a returned promise, so a caller writing to a slow pipe holds the run back instead of
   * buffering without bound. With `keepResults` off, a result may share memory with its page (its
   * strings are substrings of the page): a caller that keeps results past the call copies what it keeps.
   */
  onResult?: (result: ExtractResult) => void | Promise<void>;
  /**
   * Keep every result in `ExtractRun.results` (the default). A caller that consumes `onResult` turns this
   * off, and the run then holds at most one template window of pages and results at a time.
   */
  keepResults?: boolean;
  /** Text dumps per template window; TEMPLATE_WINDOW_PAGES unless set (tests use small windows). */
  templateWindow?: number;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = { extract: DEFAULT_EXTRACT_OPTIONS };

/**
 * Text dumps held for one template window. Whether a line is site chrome is decided from the pages
 * around it, so dumps wait until a window is full (or the input ends); each later window starts from the
 * verdicts of the earlier ones. Holding every page of a run instead cost about 130 KB of heap per WCXB
 * text dump with its result (1.5 GB of RSS at 10,000 pages), which puts node's default 4 GB heap at
 * about 30,000 dumps. 5,000 dumps (about 230 MB of page text at WCXB render sizes) is 25 times the
 * store's ingest batch, where template evidence already stops changing on examples/ and the synthetic
 * bench (DEFAULT_BATCH_PAGES in ./ingest.ts), and more than the 793 pages of the WCXB text eval, which
 * therefore still sees its whole run as one window.
 */
export const TEMPLATE_WINDOW_PAGES = 5000;

export interface RunSummary {
  pages: number;
  articles: number;
  skipped: number;
  /** Skipped results by error code; codes with no page are absent. */
  byCode: Partial<Record<ErrorCode, number>>;
}

export interface ExtractRun {
  /** One per input item, in input order; empty when the run was asked not to keep results. */
  results: ExtractResult[];
  summary: RunSummary;
}

/**
 * Runs ingest items through template evidence and extraction.
 *
 * HTML pages and ingest refusals are finished as they arrive (template evidence only informs the
 * text-dump extractor); text dumps wait for their template window. Results are handed to `onResult`
 * in input order, so a result that follows a waiting text dump waits with it: the window closes early
 * when that many items wait, which bounds the memory of a run of any length and mix.
 *
 * @example
 *   const run = await runExtract(readInputs(['pages/'], { maxBytes: 20e6 }), DEFAULT_RUN_OPTIONS);
 *   console.log(run.summary.articles, 'of', run.summary.pages);
 */
export async function runExtract(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, options: RunOptions = DEFAULT_RUN_OPTIONS): Promise<ExtractRun> {
  const keep = options.keepResults ?? true;
  const window = Math.max(1, options.templateWindow ?? TEMPLATE_WINDOW_PAGES);
  const results: ExtractResult[] = [];
  const byCode: Partial<Record<ErrorCode, number>> = {};
  let articles = 0;
  // Finished results not yet handed on, because an earlier one is still waiting; keyed by input slot.
  const ready = new Map<number, ExtractResult>();
  let nextOut = 0;
  let waiting: { slot: number; page: RawPage }[] = [];
  let template: TemplateIndex | null = null;
  let done = 0;
  let total = 0;

  const finish = async (slot: number, result: ExtractResult, reading: boolean) => {
    // Only a result that outlives this call is copied off its page: one kept for `results`, or one that
    // waits in `ready` behind an earlier slot. One handed straight on to a caller that keeps nothing goes
    // as it is and is freed with its page (the copy was about 5% of a text-dump run's CPU, with its garbage).
    const kept = keep || slot !== nextOut ? detach(result) : result;
    if (kept.ok) articles++;
    else byCode[kept.error.code] = (byCode[kept.error.code] ?? 0) + 1;
    done++;
    options.onProgress?.({ done, total, reading, source: kept.source });
    ready.set(slot, kept);
    for (let r = ready.get(nextOut); r !== undefined; r = ready.get(nextOut)) {
      ready.delete(nextOut++);
      if (keep) results.push(r);
      await options.onResult?.(r);
    }
  };

  // Template evidence over the waiting dumps (with the earlier windows' verdicts), then their results.
  const flush = async (reading: boolean) => {
    const batch = waiting;
    waiting = [];
    template = buildTemplateIndex(batch.map((w) => w.page), undefined, template);
    for (const { slot, page } of batch) await finish(slot, extractOne(page, template, options), reading);
  };

  for await (const item of items) {
    const slot = total++;
    if (!item.ok) await finish(slot, ingestFailure(item.source, item.error), true);
    else if (item.page.format === 'html') await finish(slot, extractOne(item.page, null, options), true);
    else waiting.push({ slot, page: item.page });
    // Waiting dumps, or results held behind the first of them, fill the window.
    if (waiting.length >= window || (waiting.length > 0 && slot - waiting[0]!.slot >= window)) await flush(true);
  }
  if (waiting.length > 0) await flush(false);

  return { results, summary: { pages: total, articles, skipped: total - articles, byCode } };
}

/**
 * extract() that never stops the run: an extractor bug on one page becomes that page's
 * `internal_error` record (with the message, so a bug report says which input broke it) and the
 * other pages go on.
 */
function extractOne(page: RawPage, template: Parameters<typeof extract>[1], options: RunOptions): ExtractResult {
  try {
    return (options.extractor ?? extract)(page, template, options.extract);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { id: pageId(page), source: page.source, url: page.url, ok: false, error: { code: 'internal_error', message: `extractor failed: ${message}` } };
  }
}

/**
 * A copy of a result that shares no memory with its page. Extractors return substrings of the page
 * source, and V8 keeps a substring's whole parent string alive: 1,000 WCXB HTML results (33 MB as
 * JSON) retained 289 MB of heap until they were copied, 63 MB after. The copy keeps JSON's shape (no
 * undefined properties, undefined array slots as null), so results look as they would after a round
 * trip through storage. It replaced a JSON round trip: 0.045 against 0.21 ms per WCXB text-dump result;
 * the price is that strings keep their two-byte form where JSON.parse would narrow them (about 10% more
 * heap for the 793 text results held at once).
 */
function detach(result: ExtractResult): ExtractResult {
  return detachValue(result) as ExtractResult;
}

/**
 * V8 copies, rather than slices, substrings shorter than this (SlicedString::kMinLength), so a string
 * this short cannot hold a parent alive and is kept as it is (the reason codes of `removed`, mostly).
 */
const MIN_SLICED_STRING_LENGTH = 13;

function detachValue(value: unknown): unknown {
  if (typeof value === 'string') {
    // Concatenation then slice flattens into a fresh string; the slice points into that, not the page.
    return value.length < MIN_SLICED_STRING_LENGTH ? value : (' ' + value).slice(1);
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : detachValue(v)));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = detachValue(v);
  }
  return out;
}

/** An ingest refusal as a result record; its id is derived from the source, as there is no content. */
export function ingestFailure(source: string, error: PageError): ExtractFailure {
  return { id: createHash('sha256').update(source).digest('hex').slice(0, 16), source, url: null, ok: false, error };
}

/** Counts a run's results: articles, and skipped pages by error code. */
export function summarise(results: readonly ExtractResult[]): RunSummary {
  const byCode: Partial<Record<ErrorCode, number>> = {};
  let articles = 0;
  for (const r of results) {
    if (r.ok) articles++;
    else byCode[r.error.code] = (byCode[r.error.code] ?? 0) + 1;
  }
  return { pages: results.length, articles, skipped: results.length - articles, byCode };
}

/** Everything the stages that exist today produce for one run. */
export interface PipelineRun extends ExtractRun {
  copies: DedupResult;
  /** Independent sources among the run's articles: a copy group or a wire counts once. */
  sources: { count: number; sources: IndependentSource[] };
  stories: Story[];
  /** One brief per story, in the order of `stories`. */
  briefs: Brief[];
}

/** The stages after extract, over a run's results: failures have no body and take no part. */
export function storyStages(results: readonly ExtractResult[]): Pick<PipelineRun, 'copies' | 'sources' | 'stories' | 'briefs'> {
  const articles = results.filter((r): r is Article => r.ok);
  const copies = dedupArticles(articles);
  const stories = clusterArticles(articles, copies);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const briefs = stories.map((story) => briefStory({ story, articles: story.articles.map((id) => byId.get(id)!), copies }));
  return { copies, sources: independentSources(articles, copies), stories, briefs };
}

/**
 * All stages, in order: ingest items → template evidence → extract → dedup → cluster → brief.
 *
 * @example
 *   const run = await runPipeline(readInputs(['pages/']));
 *   console.log(run.copies.groups.length, 'copy groups;', run.stories.length, 'stories');
 */
export async function runPipeline(
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  options: RunOptions = DEFAULT_RUN_OPTIONS,
): Promise<PipelineRun> {
  const extracted = await runExtract(items, options);
  return { ...extracted, ...storyStages(extracted.results) };
}
