/**
 * The CLI's thin shell around the pipeline: parse, read, run, store, print. Data goes to stdout, logs
 * and the summary to stderr (except `start`, whose overview is its output). Exit codes: 0 success, even
 * with skipped pages; 1 when no page yielded an article or on an internal error; 2 usage errors.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { DEFAULT_EXTRACT_OPTIONS } from '../extract/index.ts';
import { readInputs, watchInputs, type IngestOptions } from '../ingest/index.ts';
import { runExtract, runPipeline, type ExtractRun, type PipelineRun, type RunProgress } from '../pipeline/index.ts';
import { DedupResult, ExtractResult, Story, type ExtractFailure } from '../records/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { ingestInto, reprocess, type IngestProgress, type IngestSummary } from '../pipeline/ingest.ts';
import { currentBrief, refreshBriefs, writeBriefs } from '../pipeline/briefs.ts';
import { serve } from '../server/index.ts';
import { parseArgs, type CliCommand } from './args.ts';
import { formatBriefs, formatCopies, formatIngestSummary, formatOverview, formatStories, formatStoryList, formatSummary, ResultWriter, runDocumentChunks } from './format.ts';
import { Brief } from '../brief/index.ts';

export interface CliIO {
  stdout: { write(chunk: string): unknown; once?(event: 'drain' | 'close', listener: () => void): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin?: Readable;
  /** Ends long-running commands (serve, ingest --watch, start's server): main.ts aborts it on SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The record each `storyweave schema <record>` documents. */
const SCHEMAS = { article: ExtractResult, copies: DedupResult, story: Story, brief: Brief } as const;

/** Without a TTY, one progress line per this many pages: a few lines for a 10,000-page run. */
const PROGRESS_LOG_EVERY = 1000;

/**
 * Runs one CLI invocation and returns its exit code; never exits the process itself.
 *
 * @example
 *   const code = await runCli(['extract', 'pages/', '--no-store'], { stdout: process.stdout, stderr: process.stderr });
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const command = parseArgs(argv);
  try {
    switch (command.kind) {
      case 'info':
        io.stdout.write(command.text);
        return EXIT_OK;
      case 'usage-error':
        io.stderr.write(command.message + '\n');
        return EXIT_USAGE;
      case 'schema':
        io.stdout.write(JSON.stringify(z.toJSONSchema(SCHEMAS[command.record]), null, 2) + '\n');
        return EXIT_OK;
      case 'extract':
      case 'dedup':
      case 'cluster':
      case 'brief':
      case 'run':
        return await runPages(command, io);
      case 'ingest':
        return await runIngest(command, io);
      case 'reprocess':
        return await runReprocess(command, io);
      case 'serve':
        return await runServe(command, io);
      case 'start':
        return await runStart(command, io);
    }
  } catch (err) {
    io.stderr.write(`storyweave: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

async function runPages(command: Extract<CliCommand, { kind: 'extract' | 'dedup' | 'cluster' | 'brief' | 'run' }>, io: CliIO): Promise<number> {
  const log = (line: string) => io.stderr.write(line + '\n');
  const progress = progressReporter(io.stderr, log);
  let run: ExtractRun | PipelineRun;
  // `extract` writes each result as it is finished and keeps only the failures, for the summary: its
  // memory stays one template window whatever the size of the run.
  const failures: ExtractFailure[] = [];
  const writer = command.kind === 'extract' ? new ResultWriter(command.format) : null;
  try {
    const items = readInputs(command.inputs, ingestOptions(command, io, log));
    // A page of N bytes decodes to at most N characters, so one limit serves both stages.
    const options = { extract: { ...DEFAULT_EXTRACT_OPTIONS, maxChars: command.maxBytes }, onProgress: progress.update };
    // `extract` stops after its stage; the other commands run every stage.
    run = writer
      ? await runExtract(items, {
          ...options,
          keepResults: false,
          onResult: async (r) => {
            if (!r.ok) failures.push(r);
            const chunk = writer.item(r);
            if (chunk) await writeOut(io.stdout, chunk);
          },
        })
      : await runPipeline(items, options);
  } finally {
    progress.stop();
  }

  const summary = formatSummary(run.summary, writer ? failures : run.results);
  if (command.kind === 'extract') io.stdout.write(writer?.end() ?? '');
  else if (isPipelineRun(run)) {
    if (command.kind === 'run') for (const chunk of runDocumentChunks(run, command.format)) await writeOut(io.stdout, chunk);
    else io.stdout.write(pipelineOutput(run, command));
  }
  io.stderr.write(summary);
  if (run.summary.articles === 0) {
    log(run.summary.pages === 0 ? 'storyweave: no pages found in the inputs' : 'storyweave: no page yielded an article');
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}

/** What dedup, cluster and brief print for their run (`run` streams its document: runDocumentChunks). */
function pipelineOutput(run: PipelineRun, command: Extract<CliCommand, { kind: 'dedup' | 'cluster' | 'brief' }>): string {
  switch (command.kind) {
    case 'dedup':
      return formatCopies(run, command.format);
    case 'cluster':
      return formatStories(run, command.format);
    case 'brief':
      return formatBriefs(run, command.format);
  }
}

/** Writes to stdout and, when the stream asks the writer to wait (a slow pipe), waits for it to drain. */
async function writeOut(out: CliIO['stdout'], chunk: string): Promise<void> {
  if (out.write(chunk) !== false || !out.once) return;
  const once = out.once.bind(out);
  await new Promise<void>((resolve) => {
    once('drain', resolve);
    // A closed pipe never drains; its error is the stream's to report.
    once('close', resolve);
  });
}

/** The reading options of a page command, from its flags. */
function ingestOptions(command: { maxBytes: number; allowPrivate?: boolean }, io: CliIO, log: (line: string) => void): IngestOptions {
  return { maxBytes: command.maxBytes, allowPrivate: command.allowPrivate ?? false, stdin: io.stdin, onWarning: log, signal: io.signal };
}

async function openDb(path: string): Promise<Store> {
  return openStore({ kind: 'sqlite', path });
}

/**
 * Pages into the store, stories and briefs updated batch by batch. With --watch, polls until the signal
 * fires; the summary then covers everything read.
 */
async function ingestPages(
  store: Store,
  inputs: readonly string[],
  command: { maxBytes: number; allowPrivate?: boolean; watch?: boolean; intervalMs?: number },
  io: CliIO,
): Promise<IngestSummary> {
  const log = (line: string) => io.stderr.write(line + '\n');
  const options = ingestOptions(command, io, log);
  const items = command.watch
    ? watchInputs([...inputs], { ...options, intervalMs: command.intervalMs!, signal: io.signal ?? new AbortController().signal })
    : readInputs([...inputs], options);
  const progress = ingestProgressReporter(io.stderr, log);
  try {
    const summary = await ingestInto(store, items, {
      extract: { ...DEFAULT_EXTRACT_OPTIONS, maxChars: command.maxBytes },
      onProgress: progress.update,
      onStoriesChanged: async (ids) => {
        await writeBriefs(store, ids);
      },
    });
    // A run killed between a stage write and its briefs leaves stale briefs; this brings them level.
    const refreshed = await refreshBriefs(store);
    if (refreshed > 0) log(`brought ${refreshed} stale or missing briefs up to date`);
    return summary;
  } finally {
    progress.stop();
  }
}

async function runIngest(command: Extract<CliCommand, { kind: 'ingest' }>, io: CliIO): Promise<number> {
  const store = await openDb(command.db);
  try {
    const summary = await ingestPages(store, command.inputs, command, io);
    io.stdout.write(formatIngestSummary(summary, command.db, await store.counts()));
    return summary.pages > 0 && summary.stored + summary.known === 0 ? EXIT_FAILURE : EXIT_OK;
  } finally {
    await store.close();
  }
}

async function runReprocess(command: Extract<CliCommand, { kind: 'reprocess' }>, io: CliIO): Promise<number> {
  const log = (line: string) => io.stderr.write(line + '\n');
  const store = await openDb(command.db);
  const progress = ingestProgressReporter(io.stderr, log);
  try {
    const summary = await reprocess(store, { extract: DEFAULT_EXTRACT_OPTIONS, onProgress: progress.update });
    progress.stop();
    const refreshed = await refreshBriefs(store);
    log(`rewrote ${refreshed} briefs`);
    io.stdout.write(formatIngestSummary(summary, command.db, await store.counts()));
    return EXIT_OK;
  } finally {
    progress.stop();
    await store.close();
  }
}

/** Serves until the signal fires (Ctrl-C through main.ts), then closes the server. */
async function serveUntilStopped(store: Store, host: string, port: number, io: CliIO): Promise<void> {
  const server = await serve({ store, host, port, logError: (message, cause) => io.stderr.write(`${message}: ${cause instanceof Error ? cause.message : String(cause)}\n`) });
  io.stdout.write(`Storyweave is serving ${server.url}/ (the API at ${server.url}/api, its OpenAPI document at ${server.url}/api/openapi.json); Ctrl-C stops it.\n`);
  if (io.signal && !io.signal.aborted) await once(io.signal, 'abort');
  await server.close();
}

async function runServe(command: Extract<CliCommand, { kind: 'serve' }>, io: CliIO): Promise<number> {
  const store = await openDb(command.db);
  try {
    await serveUntilStopped(store, command.host, command.port, io);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

/** The main job: the bundled examples into the store, the stories printed, then the web page served. */
async function runStart(command: Extract<CliCommand, { kind: 'start' }>, io: CliIO): Promise<number> {
  const log = (line: string) => io.stderr.write(line + '\n');
  if (!existsSync(command.examplesDir)) {
    log(`storyweave: the examples folder ${command.examplesDir} does not exist`);
    return EXIT_FAILURE;
  }
  // The bundled examples are found by absolute path; sources read better relative to where you stand.
  const rel = relative(process.cwd(), command.examplesDir);
  const input = rel.startsWith('..') || isAbsolute(rel) ? command.examplesDir : rel || '.';
  const store = await openDb(command.db);
  try {
    const summary = await ingestPages(store, [input], { maxBytes: command.maxBytes }, io);
    const articles = [];
    for await (const r of store.results()) articles.push(r.result);
    const stories = await store.biggestStories({ limit: 50 });
    const briefs = [];
    for (const story of stories) briefs.push(await currentBrief(store, story));
    io.stdout.write(formatOverview(articles) + '\n' + formatStoryList(briefs) + '\n' + formatIngestSummary(summary, command.db, await store.counts()));
    if (command.serve) await serveUntilStopped(store, command.host, command.port, io);
    return summary.articles + summary.known > 0 ? EXIT_OK : EXIT_FAILURE;
  } finally {
    await store.close();
  }
}

function isPipelineRun(run: ExtractRun | PipelineRun): run is PipelineRun {
  return 'copies' in run;
}

/** A bar on a terminal; plain lines every PROGRESS_LOG_EVERY pages when stderr is a file or a pipe. */
function progressReporter(stderr: CliIO['stderr'], log: (line: string) => void): { update: (p: RunProgress) => void; stop: () => void } {
  if (stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: stderr as NodeJS.WritableStream, format: 'extract [{bar}] {value}/{total} pages | {source}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        if (!started) {
          bar.start(p.total, 0, { source: '' });
          started = true;
        }
        bar.setTotal(p.total);
        bar.update(p.done, { source: p.source.length > 40 ? '…' + p.source.slice(-39) : p.source });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  return {
    update: (p) => {
      if (p.done % PROGRESS_LOG_EVERY === 0) log(`extracted ${p.done}${p.reading ? '' : `/${p.total}`} pages`);
    },
    stop: () => {},
  };
}

/** Ingest progress: a live line on a terminal (pages, pages/s, errors), plain log lines otherwise. */
function ingestProgressReporter(stderr: CliIO['stderr'], log: (line: string) => void): { update: (p: IngestProgress) => void; stop: () => void } {
  if (stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: stderr as NodeJS.WritableStream, format: '{phase} | {value} pages | {rate} pages/s | {stored} new, {known} known | {errors} errors | {source}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        const payload = { phase: p.phase, rate: p.pagesPerSecond.toFixed(0), stored: p.stored, known: p.known, errors: p.errors, source: p.source ? (p.source.length > 40 ? '…' + p.source.slice(-39) : p.source) : '' };
        if (!started) {
          bar.start(0, 0, payload);
          started = true;
        }
        bar.update(p.pages, payload);
      },
      stop: () => {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let next = PROGRESS_LOG_EVERY;
  return {
    update: (p) => {
      if (p.pages >= next || p.phase === 'done') {
        log(`${p.phase}: ${p.pages} pages read, ${p.stored} new, ${p.known} known, ${p.errors} errors, ${p.pagesPerSecond.toFixed(0)} pages/s`);
        next = p.pages + PROGRESS_LOG_EVERY;
      }
    },
    stop: () => {},
  };
}
