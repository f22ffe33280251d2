/**
 * Command-line parsing as a pure function: argv in, a typed command record out. No process exit, no
 * output: help text and usage errors come back as records, and `run.ts` decides what to print and
 * which exit code to use.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_BYTES } from '../ingest/index.ts';
import { DEFAULT_STORE_DIR } from '../store/index.ts';

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

/** The examples bundled with the package, found from this file so `start` works from any directory. */
export const BUNDLED_EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

export type CliCommand =
  | { kind: 'extract'; inputs: string[]; format: OutputFormat; maxBytes: number; storeDir: string | null }
  | { kind: 'start'; examplesDir: string; maxBytes: number; storeDir: string | null }
  | { kind: 'dedup'; inputs: string[]; format: DedupFormat; maxBytes: number; storeDir: string | null }
  | { kind: 'run'; inputs: string[]; format: RunFormat; maxBytes: number; storeDir: string | null }
  | { kind: 'cluster'; inputs: string[]; format: ClusterFormat; maxBytes: number; storeDir: string | null }
  | { kind: 'brief'; inputs: string[]; format: BriefFormat; maxBytes: number; storeDir: string | null }
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

function storeOption(): Option {
  return new Option('--store <dir>', 'folder of the embedded store the results are saved into').default(DEFAULT_STORE_DIR);
}

function maxBytesOption(): Option {
  return new Option('--max-bytes <n>', 'refuse pages over this many bytes as too_large').argParser(positiveInt).default(DEFAULT_MAX_BYTES);
}

/**
 * Parses the arguments after `storyweave` (process.argv.slice(2)).
 *
 * @example
 *   parseArgs(['extract', 'pages/', '--format', 'md', '--no-store'])
 *   // → { kind: 'extract', inputs: ['pages/'], format: 'md', maxBytes: 20971520, storeDir: null }
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

  // The commands that read pages differ only in name, description and output formats.
  type InputsKind = 'extract' | 'dedup' | 'cluster' | 'brief' | 'run';
  const inputsCommand = <F extends string>(kind: InputsKind, description: string, formats: readonly F[], defaultFormat: F) =>
    program
      .command(kind)
      .description(description)
      .argument('<inputs...>', 'files, folders (walked recursively), .jsonl files, or - for stdin')
      .addOption(new Option('--format <format>', 'output format').choices(formats).default(defaultFormat))
      .addOption(maxBytesOption())
      .addOption(storeOption())
      .option('--no-store', 'do not save the results')
      .action((inputs: string[], opts: { format: F; maxBytes: number; store: string | false }) => {
        command = { kind, inputs, format: opts.format, maxBytes: opts.maxBytes, storeDir: opts.store || null } as CliCommand;
      });

  inputsCommand('extract', 'extract articles from files, folders, .jsonl, .gz or - (stdin); data to stdout, log to stderr', OUTPUT_FORMATS, 'jsonl');
  program
    .command('start')
    .description('extract the bundled examples, save them into the store and print an overview')
    .addOption(new Option('--examples <dir>', 'folder of pages to run on').default(BUNDLED_EXAMPLES_DIR))
    .addOption(maxBytesOption())
    .addOption(storeOption())
    .option('--no-store', 'do not save the results')
    .action((opts: { examples: string; maxBytes: number; store: string | false }) => {
      command = { kind: 'start', examplesDir: opts.examples, maxBytes: opts.maxBytes, storeDir: opts.store || null };
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
