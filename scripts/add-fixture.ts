/**
 * Drafts a golden case for one page: runs the page through the same pipeline as
 * `test/examples.test.ts` (ingest, template evidence over the text dumps in the page's folder, extract)
 * and writes `fixtures/examples/<stem>/{expected.txt, expected-meta.json}` from the current output.
 * The draft is what the extractor does today, not the truth: a human must correct it before it is
 * committed, then add the page's body floor to the test.
 *
 *   node --import tsx scripts/add-fixture.ts examples/<page>.txt [--force]
 *
 * Refuses to overwrite an existing fixture unless given --force. Exit codes: 0 written, 1 refused or
 * failed, 2 bad usage.
 */
import { existsSync, mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULT_INGEST_OPTIONS, readInputs } from '../src/ingest/index.ts';
import { runExtract } from '../src/pipeline/index.ts';
import { REPO_ROOT } from '../eval/lib.ts';
import type { ExpectedMeta } from '../eval/examples.ts';

const FIXTURES_DIR = join(REPO_ROOT, 'fixtures', 'examples');
const PAGE_FILE = /\.(txt|html?)$/i;

async function main(argv: string[]): Promise<number> {
  const force = argv.includes('--force');
  const files = argv.filter((a) => a !== '--force');
  if (files.length !== 1 || !PAGE_FILE.test(files[0]!)) {
    console.error('usage: node --import tsx scripts/add-fixture.ts <page.txt|page.html> [--force]');
    return 2;
  }
  const page = resolve(files[0]!);
  if (!existsSync(page)) {
    console.error(`no such file: ${page}`);
    return 1;
  }
  const stem = basename(page).replace(PAGE_FILE, '');
  const outDir = join(FIXTURES_DIR, stem);
  if (existsSync(outDir) && !force) {
    console.error(`${outDir} exists; pass --force to overwrite it`);
    return 1;
  }

  // Template evidence depends on the other dumps of the run, so the page is extracted together with
  // its folder's pages, as the examples test does; only its own result is kept.
  const folder = dirname(page);
  const siblings = readdirSync(folder)
    .filter((f) => PAGE_FILE.test(f))
    .sort()
    .map((f) => join(folder, f));
  const inputs = siblings.includes(page) ? siblings : [...siblings, page];
  const run = await runExtract(readInputs(inputs, { ...DEFAULT_INGEST_OPTIONS, onWarning: (m) => console.error(m) }));
  const result = run.results[inputs.indexOf(page)];
  if (!result) {
    console.error(`no result for ${page}`);
    return 1;
  }

  const meta: ExpectedMeta = result.ok
    ? {
        title: result.title,
        outlet: result.outlet,
        originalSource: result.originalSource,
        published: result.published,
        dateline: result.dateline,
        byline: result.byline,
        language: result.language,
        ok: true,
      }
    : {
        title: null,
        outlet: null,
        originalSource: null,
        published: null,
        dateline: null,
        byline: null,
        language: null,
        ok: false,
        errorCode: result.error.code,
      };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'expected.txt'), result.ok ? `${result.paragraphs.join('\n\n')}\n` : '');
  writeFileSync(join(outDir, 'expected-meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`wrote ${outDir}/{expected.txt, expected-meta.json}`);
  console.log(
    result.ok
      ? `${result.wordCount} words in ${result.paragraphs.length} paragraphs; ${result.removed.length} blocks removed. ` +
          'Correct both files by hand (the body is today\'s output, not the truth), then add a floor in test/examples.test.ts.'
      : `refused: ${result.error.code} (${result.error.message}). Check that this page really is not an article.`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
