/**
 * The CLI: argument parsing as a pure function, the output formats, runCli in-process for exit codes
 * and streams, and one spawned end-to-end run over a temp folder of fictional pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, BUNDLED_EXAMPLES_DIR } from '../src/cli/args.ts';
import { articleMarkdown, articleText, formatCopies, formatOverview, formatResults, formatStories, formatSummary, runDocumentChunks } from '../src/cli/format.ts';
import { runCli, type CliIO } from '../src/cli/run.ts';
import { runPipeline, summarise } from '../src/pipeline/index.ts';
import { ExtractResult, type Article, type ExtractFailure } from '../src/records/index.ts';
import { DEFAULT_MAX_BYTES, readInputs } from '../src/ingest/index.ts';

const REPO = resolve(import.meta.dirname, '..');

test('parseArgs: extract with defaults and with every flag', () => {
  assert.deepEqual(parseArgs(['extract', 'pages/']), {
    kind: 'extract',
    inputs: ['pages/'],
    format: 'jsonl',
    maxBytes: DEFAULT_MAX_BYTES,
    allowPrivate: false,
  });
  assert.deepEqual(parseArgs(['extract', 'a.txt', '-', 'b/', 'https://example.org/x', '--format', 'md', '--max-bytes', '5000', '--allow-private']), {
    kind: 'extract',
    inputs: ['a.txt', '-', 'b/', 'https://example.org/x'],
    format: 'md',
    maxBytes: 5000,
    allowPrivate: true,
  });
});

test('parseArgs: start, schema, help and version', () => {
  assert.deepEqual(parseArgs(['start']), { kind: 'start', examplesDir: BUNDLED_EXAMPLES_DIR, db: 'storyweave.db', maxBytes: DEFAULT_MAX_BYTES, serve: true, host: '127.0.0.1', port: 8080 });
  assert.deepEqual(parseArgs(['start', '--no-serve', '--db', 'x.db', '--port', '0']), { kind: 'start', examplesDir: BUNDLED_EXAMPLES_DIR, db: 'x.db', maxBytes: DEFAULT_MAX_BYTES, serve: false, host: '127.0.0.1', port: 0 });
  assert.deepEqual(parseArgs(['ingest', 'feeds.xml', 'pages/', '--watch', '--interval', '30']), { kind: 'ingest', inputs: ['feeds.xml', 'pages/'], db: 'storyweave.db', maxBytes: DEFAULT_MAX_BYTES, allowPrivate: false, watch: true, intervalMs: 30000 });
  assert.deepEqual(parseArgs(['reprocess', '--db', 'a.db']), { kind: 'reprocess', db: 'a.db' });
  assert.deepEqual(parseArgs(['serve', '--port', '9000']), { kind: 'serve', db: 'storyweave.db', host: '127.0.0.1', port: 9000 });
  assert.equal(parseArgs(['serve', '--port', '70000']).kind, 'usage-error');
  assert.equal(BUNDLED_EXAMPLES_DIR, join(REPO, 'examples'));
  assert.deepEqual(parseArgs(['schema']), { kind: 'schema', record: 'article' });
  assert.deepEqual(parseArgs(['schema', 'story']), { kind: 'schema', record: 'story' });
  assert.deepEqual(parseArgs(['schema', 'brief']), { kind: 'schema', record: 'brief' });
  assert.equal(parseArgs(['schema', 'timeline']).kind, 'usage-error');
  assert.deepEqual(parseArgs(['brief', 'pages/', '--format', 'html']), { kind: 'brief', inputs: ['pages/'], format: 'html', maxBytes: DEFAULT_MAX_BYTES, allowPrivate: false });
  const help = parseArgs(['--help']);
  assert.ok(help.kind === 'info' && /extract/.test(help.text) && /start/.test(help.text) && /schema/.test(help.text));
  const extractHelp = parseArgs(['extract', '--help']);
  assert.ok(extractHelp.kind === 'info' && /--max-bytes/.test(extractHelp.text));
  assert.deepEqual(parseArgs(['--version']), { kind: 'info', text: '0.1.0\n' });
});

test('parseArgs: usage errors say what was expected', () => {
  const cases: [string[], RegExp][] = [
    [[], /Usage: storyweave/],
    [['extract'], /missing required argument 'inputs'/],
    [['extract', 'a', '--format', 'xml'], /Allowed choices are jsonl, json, md, text/],
    [['extract', 'a', '--max-bytes', '0'], /positive whole number/],
    [['extract', 'a', '--max-bytes', '1e99'], /positive whole number/],
    [['extract', 'a', '--frob'], /unknown option '--frob'/],
    [['bogus'], /unknown command 'bogus'/],
  ];
  for (const [argv, message] of cases) {
    const c = parseArgs(argv);
    assert.equal(c.kind, 'usage-error', argv.join(' '));
    assert.match((c as { message: string }).message, message);
  }
});

const article: Article = {
  id: '0123456789abcdef',
  source: 'pages/ferry.txt',
  url: null,
  ok: true,
  format: 'text',
  title: 'Harbour ferry adds night crossings',
  outlet: 'Harbour Post',
  originalSource: 'Reuters',
  originalSourceEvidence: '(Reuters) –',
  published: '2024-03-04',
  publishedEvidence: '4 March 2024',
  dateline: 'PORTLEVEN',
  byline: 'A. Writer',
  language: 'en',
  paragraphs: ['The ferry will run all night.', 'Workers welcomed it.'],
  text: 'The ferry will run all night.\n\nWorkers welcomed it.',
  wordCount: 9,
  removed: [
    { text: 'Home > Local', reason: 'breadcrumb', line: 2 },
    { text: 'Share this', reason: 'share' },
  ],
  fetchedAt: null,
};
const failures: ExtractFailure[] = [
  { id: 'aaaaaaaaaaaaaaaa', source: 'pages/logo.html', url: null, ok: false, error: { code: 'binary', message: 'the bytes are a PNG image, not a page' } },
  { id: 'bbbbbbbbbbbbbbbb', source: 'pages/index.txt', url: null, ok: false, error: { code: 'not_an_article', message: 'only 7 words' } },
];

test('output formats: jsonl and json carry every result, md and text the articles', () => {
  const results = [article, ...failures];
  const lines = formatResults(results, 'jsonl').trimEnd().split('\n');
  assert.equal(lines.length, 3);
  for (const line of lines) assert.ok(ExtractResult.safeParse(JSON.parse(line)).success);
  assert.deepEqual(JSON.parse(formatResults(results, 'json')), results);

  const md = formatResults(results, 'md');
  assert.match(md, /^# Harbour ferry adds night crossings\n/);
  assert.match(md, /- \*\*Original source:\*\* Reuters \(from “\(Reuters\) –”\)/);
  assert.match(md, /- \*\*Published:\*\* 2024-03-04 \(from “4 March 2024”\)/);
  assert.match(md, /The ferry will run all night\.\n\nWorkers welcomed it\./);
  assert.match(md, /## Removed \(2\)\n\n- \*breadcrumb\* \(line 2\): Home > Local\n- \*share\*: Share this/);
  assert.doesNotMatch(md, /logo\.html/);

  const text = formatResults(results, 'text');
  assert.equal(text, '=== Harbour ferry adds night crossings\npages/ferry.txt | Harbour Post | via Reuters | 2024-03-04 | 9 words\n\nThe ferry will run all night.\n\nWorkers welcomed it.\n');
});

test('results written one at a time are the formats of the whole list', () => {
  const second: Article = { ...article, id: 'cccccccccccccccc', source: 'pages/ferry2.txt', title: 'Second ferry', paragraphs: ['Line one "quoted"\nnext.'], text: 'Line one "quoted"\nnext.' };
  for (const results of [[], [failures[0]!], [article, ...failures, second], [failures[1]!, second, article]]) {
    // The whole-list forms, written out independently of ResultWriter.
    assert.equal(formatResults(results, 'json'), JSON.stringify(results, null, 2) + '\n');
    assert.equal(formatResults(results, 'jsonl'), results.map((r) => JSON.stringify(r) + '\n').join(''));
    const articles = results.filter((r): r is Article => r.ok);
    assert.equal(formatResults(results, 'md'), articles.map(articleMarkdown).join('\n---\n\n'));
    assert.equal(formatResults(results, 'text'), articles.map(articleText).join('\n'));
  }
});

test('the run document written in chunks is the JSON of the whole run', async () => {
  const run = await runPipeline(readInputs([BUNDLED_EXAMPLES_DIR]));
  assert.ok(run.stories.length > 1 && run.results.length > 15);
  const chunks = [...runDocumentChunks(run, 'json')];
  assert.ok(chunks.length > run.results.length + run.stories.length, 'one chunk per article and per story at least');
  const doc = { articles: run.results, copies: run.copies, independentSources: run.sources, stories: run.stories.map((s, i) => ({ ...s, brief: run.briefs[i] })), summary: run.summary };
  assert.equal(chunks.join(''), JSON.stringify(doc, null, 2) + '\n');
  const empty = { ...run, results: [], stories: [], briefs: [] };
  assert.equal([...runDocumentChunks(empty, 'json')].join(''), JSON.stringify({ ...doc, articles: [], stories: [] }, null, 2) + '\n');
  const md = [...runDocumentChunks(run, 'md')].join('');
  assert.equal(md, formatResults(run.results, 'md') + '\n---\n\n' + formatCopies(run, 'md') + '\n' + formatStories(run, 'md'));
});

test('a reader that closes the pipe early ends the run quietly, exit 0', () => {
  // The examples' JSONL (about 150 KB) is more than a pipe holds, so writes go on after head has gone.
  const cli = `"${process.execPath}" --import tsx src/cli/main.ts extract examples --format jsonl`;
  const res = spawnSync('bash', ['-c', `${cli} 2>"$ERR_FILE" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"; cat "$ERR_FILE"`], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ERR_FILE: join(mkdtempSync(join(tmpdir(), 'sw-pipe-')), 'err') },
  });
  const [status, ...stderr] = res.stdout.split('\n');
  assert.equal(status, '0', res.stdout);
  assert.doesNotMatch(stderr.join('\n'), /EPIPE|Error/);
});

test('summary line and overview table', () => {
  const results = [article, ...failures];
  assert.equal(
    formatSummary(summarise(results), results),
    '3 pages: 1 article, 2 skipped (1 binary, 1 not_an_article)\n' +
      '  skipped pages/logo.html: binary — the bytes are a PNG image, not a page\n' +
      '  skipped pages/index.txt: not_an_article — only 7 words\n',
  );
  assert.equal(formatSummary(summarise([article]), [article]), '1 page: 1 article\n');
  const table = formatOverview(results).split('\n');
  assert.match(table[0]!, /^Title\s+Outlet\s+Original source\s+Published\s+Words\s+Removed$/);
  assert.match(table[2]!, /^Harbour ferry adds night crossings\s+Harbour Post\s+Reuters\s+2024-03-04\s+9\s+2$/);
  assert.equal(table.length, 4); // head, rule, one article, final newline
});

function captureIO(): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    out: () => out,
    err: () => err,
  };
}

test('runCli in-process: schema, usage errors (2), no article at all (1)', async (t) => {
  const schemaIO = captureIO();
  assert.equal(await runCli(['schema'], schemaIO), 0);
  const schema = JSON.parse(schemaIO.out());
  assert.ok(Array.isArray(schema.oneOf ?? schema.anyOf), 'a union of Article and ExtractFailure');
  assert.match(schemaIO.out(), /"originalSourceEvidence"/);
  for (const [record, field] of [['copies', 'originalSourceById'], ['story', 'firstSeen']] as const) {
    const io = captureIO();
    assert.equal(await runCli(['schema', record], io), 0);
    assert.ok(field in JSON.parse(io.out()).properties, `${record} schema documents ${field}`);
  }

  const usage = captureIO();
  assert.equal(await runCli(['extract', '--format', 'pdf', 'x'], usage), 2);
  assert.equal(usage.out(), '');
  assert.match(usage.err(), /Allowed choices/);

  const dir = mkdtempSync(join(tmpdir(), 'sw-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'empty.txt'), '');
  const none = captureIO();
  assert.equal(await runCli(['extract', dir, ], none), 1);
  assert.match(none.err(), /1 page: 0 articles, 1 skipped \(1 empty\)/);
  assert.match(none.err(), /no page yielded an article/);
});

const STORY = [
  'Harbour ferry adds night crossings for shift workers',
  'The harbour ferry will run every forty minutes through the night from next month, the transport authority said, answering a long campaign by hospital and port staff who finish late.',
  'Until now the last boat left the north pier shortly after midnight, leaving workers to take a taxi or a ninety-minute bus ride around the bay.',
  'The authority expects about six hundred passengers a night at first. Two older boats will be refitted with better lighting and heated cabins before the service begins.',
  'Union representatives welcomed the plan but asked for a guarantee that the night crossings would survive the next budget review.',
];

test('end to end: the spawned CLI over a temp folder writes JSONL to stdout and the summary to stderr; ingest stores each page once', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-cli-e2e-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const pages = join(dir, 'pages');
  const db = join(dir, 'sw.db');
  const [title, ...body] = STORY;
  mkdirSync(pages);
  writeFileSync(join(pages, 'ferry.txt'), ['Harbour Post', 'Home > Local', title, '4 March 2024', '', ...body.flatMap((p) => [p, ''])].join('\n'));
  writeFileSync(
    join(pages, 'ferry.html'),
    `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
  );
  writeFileSync(join(pages, 'blank.txt'), '\n\n');
  writeFileSync(join(pages, 'photo.html'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));

  const res = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), 'extract', pages], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(res.status, 0, res.stderr);
  const results = res.stdout.trimEnd().split('\n').map((l) => ExtractResult.parse(JSON.parse(l)));
  assert.deepEqual(
    results.map((r) => [r.source.slice(pages.length + 1), r.ok ? 'article' : r.error.code]),
    [
      ['blank.txt', 'empty'],
      ['ferry.html', 'article'],
      ['ferry.txt', 'article'],
      ['photo.html', 'binary'],
    ],
  );
  assert.match(res.stderr, /4 pages: 2 articles, 2 skipped \(1 binary, 1 empty\)/);
  assert.match(res.stderr, /skipped .*photo\.html: binary — the bytes are a JPEG image/);

  const ingest = () => spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), 'ingest', pages, '--db', db], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  const first = ingest();
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /4 pages read .*: 2 new, 0 already stored, 2 articles/);
  assert.ok(existsSync(db));
  const again = ingest();
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /0 new, 2 already stored/);
});

test('parseArgs: dedup and run take inputs and their own formats', () => {
  assert.deepEqual(parseArgs(['dedup', 'a/', '--format', 'md']), {
    kind: 'dedup',
    inputs: ['a/'],
    format: 'md',
    maxBytes: DEFAULT_MAX_BYTES,
    allowPrivate: false,
  });
  const run = parseArgs(['run', 'a/', 'b.html']);
  assert.equal(run.kind, 'run');
  assert.ok(run.kind === 'run' && run.format === 'json' && run.inputs.length === 2);
  assert.equal(parseArgs(['run', 'a/', '--format', 'text']).kind, 'usage-error');
});

test('runCli dedup and run: a page and its republication with site chrome are one copy group, one source', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-cli-dedup-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [title, ...body] = STORY;
  writeFileSync(join(dir, 'post.txt'), ['Harbour Post', title, '', ...body.flatMap((p) => [p, '']), 'Reuters'].join('\n'));
  writeFileSync(
    join(dir, 'aggregator.html'),
    `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a><a href="/a">Latest</a></nav>` +
      `<article><h1>${title}</h1>${body.map((p) => `<p>${p.replace(/'/g, '’')}</p>`).join('')}</article>` +
      `<aside class="related"><h2>Related</h2><ul><li><a href="/x">Bridge closes for repairs</a></li></ul></aside></body></html>`,
  );
  const dedupIO = captureIO();
  assert.equal(await runCli(['dedup', dir, ], dedupIO), 0, dedupIO.err());
  const copies = JSON.parse(dedupIO.out());
  assert.equal(copies.groups.length, 1);
  assert.equal(copies.groups[0].members.length, 2);
  assert.equal(copies.independentSources.count, 1);
  // The aggregator names no source; as a copy of the Reuters-credited post it inherits it.
  assert.deepEqual(
    copies.articles.map((a: { originalSource: string | null }) => a.originalSource),
    ['Reuters', 'Reuters'],
  );

  const runIO = captureIO();
  assert.equal(await runCli(['run', dir, ], runIO), 0, runIO.err());
  const doc = JSON.parse(runIO.out());
  assert.equal(doc.articles.length, 2);
  assert.equal(doc.copies.groups.length, 1);
  assert.match(runIO.err(), /2 pages: 2 articles/);
});

test('parseArgs: cluster takes inputs and json or md', () => {
  const c = parseArgs(['cluster', 'pages/', '--format', 'md']);
  assert.ok(c.kind === 'cluster' && c.format === 'md' && c.inputs[0] === 'pages/');
  assert.equal(parseArgs(['cluster', 'pages/', '--format', 'jsonl']).kind, 'usage-error');
});
