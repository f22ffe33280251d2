/**
 * The CLI's thin shell around the pipeline: parse, read, run, store, print. Data goes to stdout, logs
 * and the summary to stderr (except `start`, whose overview is its output). Exit codes: 0 success, even
 * with skipped pages; 1 when no page yielded an article or on an internal error; 2 usage errors.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { DEFAULT_EXTRACT_OPTIONS } from '../extract/index.ts';
import { readInputs } from '../ingest/index.ts';
import { runExtract, runPipeline, type ExtractRun, type PipelineRun, type RunProgress } from '../pipeline/index.ts';
import { DedupResult, ExtractResult, Story } from '../records/index.ts';
import { openStore } from '../store/index.ts';
import { parseArgs, type CliCommand } from './args.ts';
import { formatBriefs, formatCopies, formatOverview, formatResults, formatRunDocument, formatStories, formatSummary } from './format.ts';
import { Brief } from '../brief/index.ts';

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin?: Readable;
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
      case 'start':
      case 'dedup':
      case 'cluster':
      case 'brief':
      case 'run':
        return await runPages(command, io);
    }
  } catch (err) {
    io.stderr.write(`storyweave: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

async function runPages(command: Extract<CliCommand, { kind: 'extract' | 'start' | 'dedup' | 'cluster' | 'brief' | 'run' }>, io: CliIO): Promise<number> {
  const log = (line: string) => io.stderr.write(line + '\n');
  // The bundled examples are found by absolute path; sources read better relative to where you stand.
  const examples = command.kind === 'start' ? relative(process.cwd(), command.examplesDir) : '';
  const inputs = command.kind !== 'start' ? command.inputs : [examples.startsWith('..') || isAbsolute(examples) ? command.examplesDir : examples || '.'];
  if (command.kind === 'start' && !existsSync(command.examplesDir)) {
    log(`storyweave: the examples folder ${command.examplesDir} does not exist`);
    return EXIT_FAILURE;
  }
  // Opened before the run, so a store that cannot be opened fails before minutes of work.
  const store = command.storeDir ? await openStore({ kind: 'folder', dir: command.storeDir }, { onWarning: log }) : null;

  const progress = progressReporter(io.stderr, log);
  let run: ExtractRun | PipelineRun;
  try {
    const items = readInputs(inputs, { maxBytes: command.maxBytes, stdin: io.stdin, onWarning: log });
    // A page of N bytes decodes to at most N characters, so one limit serves both stages.
    const options = { extract: { ...DEFAULT_EXTRACT_OPTIONS, maxChars: command.maxBytes }, onProgress: progress.update };
    // `extract` stops after its stage; the other commands run every stage that exists.
    run = command.kind === 'extract' ? await runExtract(items, options) : await runPipeline(items, options);
  } finally {
    progress.stop();
  }

  if (store) {
    await store.put(run.results);
    log(`saved ${run.results.length} results into ${command.storeDir} (${await store.count({ ok: true })} articles stored in all)`);
    await store.close();
  }

  const summary = formatSummary(run.summary, run.results);
  if (!isPipelineRun(run)) {
    io.stdout.write(formatResults(run.results, command.kind === 'extract' ? command.format : 'jsonl'));
    io.stderr.write(summary);
  } else if (command.kind === 'start') {
    io.stdout.write(formatOverview(run.results) + '\n' + formatCopies(run, 'md') + '\n' + formatStories(run, 'md') + '\n' + summary);
  } else if (command.kind === 'dedup') {
    io.stdout.write(formatCopies(run, command.format));
    io.stderr.write(summary);
  } else if (command.kind === 'cluster') {
    io.stdout.write(formatStories(run, command.format));
    io.stderr.write(summary);
  } else if (command.kind === 'brief') {
    io.stdout.write(formatBriefs(run, command.format));
    io.stderr.write(summary);
  } else {
    io.stdout.write(formatRunDocument(run, command.kind === 'run' ? command.format : 'json'));
    io.stderr.write(summary);
  }
  if (run.summary.articles === 0) {
    log(run.summary.pages === 0 ? 'storyweave: no pages found in the inputs' : 'storyweave: no page yielded an article');
    return EXIT_FAILURE;
  }
  return EXIT_OK;
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
