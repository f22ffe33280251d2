/**
 * Command-line parsing as a pure function: argv in, a typed command record out. No process exit, no
 * output: help text and usage errors come back as records, and `run.ts` decides what to print and
 * which exit code to use.
 */
import { join } from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_BYTES } from '../ingest/index.ts';
import { DEFAULT_WATCH_INTERVAL_MS } from '../ingest/index.ts';
import { PACKAGE_ROOT } from './root.ts';

export const OUTPUT_FORMATS = ['jsonl', 'json', 'md', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const DEDUP_FORMATS = ['json', 'jsonl', 'md'] as const;
export type DedupFormat = (typeof DEDUP_FORMATS)[number];
export const RUN_FORMATS = ['json', 'md'] as const;
/** The records whose JSON Schema `storyweave schema` prints. */
export const SCHEMA_RECORDS = ['article', 'copies', 'story', 'brief'] as const;
export type SchemaRecord = (typeof SCHEMA_RECORDS)[number];
export const CLUSTER_FORMATS = ['json', 'md'] as const;
export const BRIEF_FORMATS = ['json', 'md', 'html'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];
export type ClusterFormat = (typeof CLUSTER_FORMATS)[number];
export type RunFormat = (typeof RUN_FORMATS)[number];

/** The embedded store's file when --db is not given. */
export const DEFAULT_DB = 'storyweave.db';
export const DEFAULT_SERVE_HOST = '127.0.0.1';
export const DEFAULT_SERVE_PORT = 8080;

/** The examples bundled with the package, found from this file so `start` works from any directory. */
export const BUNDLED_EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');

/** What every page-reading command shares: where pages come from and the limits on reading them. */
export interface PageInputs {
  inputs: string[];
  maxBytes: number;
  /** Fetch URLs that resolve to private or loopback addresses (refused by default). */
  allowPrivate: boolean;
}

export type CliCommand =
  | ({ kind: 'extract'; format: OutputFormat } & PageInputs)
  | ({ kind: 'dedup'; format: DedupFormat } & PageInputs)
  | ({ kind: 'cluster'; format: ClusterFormat } & PageInputs)
  | ({ kind: 'brief'; format: BriefFormat } & PageInputs)
  | ({ kind: 'run'; format: RunFormat } & PageInputs)
  /** Store pages: extract → copies → stories → briefs, incrementally; --watch keeps polling. */
  | ({ kind: 'ingest'; db: string; watch: boolean; intervalMs: number } & PageInputs)
  | { kind: 'reprocess'; db: string }
  | { kind: 'serve'; db: string; host: string; port: number }
  /** The main job: ingest the bundled examples into the store, print the stories, then serve them (unless --no-serve). */
  | { kind: 'start'; examplesDir: string; db: string; maxBytes: number; serve: boolean; host: string; port: number }
  | { kind: 'schema'; record: SchemaRecord }
  /** --help, --version: text for stdout, exit 0. */
  | { kind: 'info'; text: string }
  /** Bad arguments: the message (and usage) for stderr, exit 2. */
  | { kind: 'usage-error'; message: string };

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number of bytes');
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free one)');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return Math.round(n * 1000);
}

function dbOption(): Option {
  return new Option('--db <file>', 'the embedded SQLite store').default(DEFAULT_DB);
}

function allowPrivateOption(): Option {
  return new Option('--allow-private', 'fetch URLs on loopback and private networks too (refused by default)').default(false);
}

function maxBytesOption(): Option {
  return new Option('--max-bytes <n>', 'refuse pages over this many bytes as too_large').argParser(positiveInt).default(DEFAULT_MAX_BYTES);
}

/**
 * Parses the arguments after `storyweave` (process.argv.slice(2)).
 *
 * @example
 *   parseArgs(['extract', 'pages/', '--format', 'md'])
 *   // → { kind: 'extract', inputs: ['pages/'], format: 'md', maxBytes: 20971520, allowPrivate: false }
 */
export function parseArgs(argv: readonly string[]): CliCommand {
  let command: CliCommand | null = null;
  let out = '';
  let err = '';
  const program = new Command()
    .name('storyweave')
    .description('Turns raw news pages (plain-text dumps and HTML) into clean, attributed articles.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) })
    .showHelpAfterError('(run storyweave --help for usage)');

  // The commands that read pages and print differ only in name, description and output formats.
  type PrintKind = 'extract' | 'dedup' | 'cluster' | 'brief' | 'run';
  const inputsCommand = <F extends string>(kind: PrintKind, description: string, formats: readonly F[], defaultFormat: F) =>
    program
      .command(kind)
      .description(description)
      .argument('<inputs...>', 'files, folders (walked recursively), .jsonl, .warc(.gz), feeds, http(s) URLs, or - for stdin')
      .addOption(new Option('--format <format>', 'output format').choices(formats).default(defaultFormat))
      .addOption(maxBytesOption())
      .addOption(allowPrivateOption())
      .action((inputs: string[], opts: { format: F; maxBytes: number; allowPrivate: boolean }) => {
        command = { kind, inputs, format: opts.format, maxBytes: opts.maxBytes, allowPrivate: opts.allowPrivate } as CliCommand;
      });

  inputsCommand('extract', 'extract articles from files, folders, .jsonl, .gz or - (stdin); data to stdout, log to stderr', OUTPUT_FORMATS, 'jsonl');
  program
    .command('start')
    .description('the main job: ingest the bundled examples into the embedded store, print the stories, and serve them on a web page')
    .addOption(new Option('--examples <dir>', 'folder of pages to ingest').default(BUNDLED_EXAMPLES_DIR))
    .addOption(dbOption())
    .addOption(maxBytesOption())
    .option('--no-serve', 'stop after printing the stories')
    .addOption(new Option('--host <host>', 'interface to listen on').default(DEFAULT_SERVE_HOST))
    .addOption(new Option('--port <port>', 'port to listen on (0 picks a free one)').argParser(port).default(DEFAULT_SERVE_PORT))
    .action((opts: { examples: string; db: string; maxBytes: number; serve: boolean; host: string; port: number }) => {
      command = { kind: 'start', examplesDir: opts.examples, db: opts.db, maxBytes: opts.maxBytes, serve: opts.serve, host: opts.host, port: opts.port };
    });

  inputsCommand(
    'dedup',
    'extract, then group copies (exact, near, partial) and report shared material and each article’s source after propagation',
    DEDUP_FORMATS,
    'json',
  );
  inputsCommand('cluster', 'extract, group copies, then cluster the articles into stories (with inferred dates for undated members)', CLUSTER_FORMATS, 'json');
  inputsCommand(
    'brief',
    'every stage, then one brief per story: summary with citations, quotes and their wordings, figures across sources, timeline, entities, sources',
    BRIEF_FORMATS,
    'md',
  );
  inputsCommand('run', 'every stage, one document: articles, copies, and stories with their briefs', RUN_FORMATS, 'json');

  program
    .command('ingest')
    .description('store pages in the embedded store and update copies, stories and briefs as they arrive (the same page twice is stored once)')
    .argument('<inputs...>', 'files, folders, .jsonl, .warc(.gz), RSS/Atom feeds (files or URLs), http(s) URLs, or - for stdin')
    .addOption(dbOption())
    .addOption(maxBytesOption())
    .addOption(allowPrivateOption())
    .option('--watch', 'keep polling the feeds and folders for new pages until interrupted', false)
    .addOption(new Option('--interval <seconds>', 'time between polls with --watch').argParser(seconds).default(DEFAULT_WATCH_INTERVAL_MS, String(DEFAULT_WATCH_INTERVAL_MS / 1000)))
    .action((inputs: string[], opts: { db: string; maxBytes: number; allowPrivate: boolean; watch: boolean; interval: number }) => {
      command = { kind: 'ingest', inputs, db: opts.db, maxBytes: opts.maxBytes, allowPrivate: opts.allowPrivate, watch: opts.watch, intervalMs: opts.interval };
    });

  program
    .command('reprocess')
    .description('re-extract every stored page with this version and rebuild copies, stories and briefs')
    .addOption(dbOption())
    .action((opts: { db: string }) => {
      command = { kind: 'reprocess', db: opts.db };
    });

  program
    .command('serve')
    .description('serve the HTTP API and the web page over the embedded store (loopback only unless --host says otherwise)')
    .addOption(dbOption())
    .addOption(new Option('--host <host>', 'interface to listen on').default(DEFAULT_SERVE_HOST))
    .addOption(new Option('--port <port>', 'port to listen on (0 picks a free one)').argParser(port).default(DEFAULT_SERVE_PORT))
    .action((opts: { db: string; host: string; port: number }) => {
      command = { kind: 'serve', db: opts.db, host: opts.host, port: opts.port };
    });

  program
    .command('schema')
    .description('print the JSON Schema of a record: article (Article | ExtractFailure), copies (DedupResult), story (Story) or brief (Brief)')
    .addArgument(new Argument('[record]', 'which record').choices(SCHEMA_RECORDS).default('article'))
    .action((record: SchemaRecord) => {
      command = { kind: 'schema', record };
    });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    if (e.exitCode === 0) return { kind: 'info', text: out };
    return { kind: 'usage-error', message: (err || e.message).trimEnd() };
  }
  return command ?? { kind: 'usage-error', message: `a command is needed\n\n${program.helpInformation()}`.trimEnd() };
}
