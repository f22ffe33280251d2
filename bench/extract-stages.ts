/**
 * Extract-stage CPU per page, split by stage, in one process over the WCXB dev pages (HTML, and the
 * same pages rendered to text dumps as eval/wcxb-text.ts does), plus an output-identity check for
 * optimisation work:
 *
 *   node --import tsx bench/extract-stages.ts [--reps 4] [--sets text,html,extra] [--dump DIR] [--compare DIR]
 *
 * Stages: template index (text only), format draft (extractTextDraft / extractHtmlDraft), text-level
 * signals (applySignals on ready drafts), and the whole extract(). Each figure is the minimum over
 * `--reps` passes of process CPU time (user + system): the machine is shared, and the least disturbed
 * pass is the closest to the code's own cost. `--dump DIR` writes every extract() result as JSON
 * (text.json, html.json); `--compare DIR` reports the pages whose result differs from such a dump, so
 * a speed change can be shown to leave the output alone. The `extra` set is the seeds and the bundled
 * examples (text dumps with their own template evidence, HTML pages alone), timed and dumped the same
 * way (extra.json); `--sets` picks the sets to run. Profile a stage with `node --cpu-prof`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawPage } from '../src/records/index.ts';
import { buildTemplateIndex, extract, type TemplateEvidence } from '../src/extract/index.ts';
import { extractTextDraft } from '../src/extract/text/index.ts';
import { extractHtmlDraft } from '../src/extract/html/index.ts';
import { applySignals } from '../src/extract/signals/index.ts';
import { REPO_ROOT, SEEDS_DIR, loadWcxb, wcxbAvailable } from '../eval/lib.ts';
import { loadWcxbText } from '../eval/wcxb-text.ts';

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** Least CPU time of `reps` runs of `run`. */
function minCpu(reps: number, run: () => void): number {
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = cpuMs();
    run();
    best = Math.min(best, cpuMs() - t);
  }
  return best;
}

if (!wcxbAvailable()) {
  console.warn('bench/extract-stages: ../shared/data/wcxb-dev-articles not found; nothing to measure');
  process.exit(0);
}

const reps = Number(arg('--reps') ?? 4);
const dumpDir = arg('--dump');
const compareDir = arg('--compare');
const wanted = new Set((arg('--sets') ?? 'text,html,extra').split(','));

/** A file of a local corpus as a RawPage (no ingest: the files are plain UTF-8). */
function localPage(dir: string, file: string): RawPage {
  const content = readFileSync(join(dir, file), 'utf8').replace(/\r\n?/g, '\n');
  const format = /\.html?$/.test(file) ? 'html' : 'text';
  return { source: file, url: null, format, content, fetchedAt: null, encoding: 'utf-8', bytes: content.length };
}

/** Seeds and examples, each corpus with template evidence over its own text dumps, as a run over it would have. */
function extraSet(): { pages: RawPage[]; templates: Array<TemplateEvidence | null> } {
  const pages: RawPage[] = [];
  const templates: Array<TemplateEvidence | null> = [];
  for (const dir of [SEEDS_DIR, join(REPO_ROOT, 'examples')]) {
    if (!existsSync(dir)) {
      console.warn(`bench/extract-stages: ${dir} not found; left out of the extra set`);
      continue;
    }
    const corpus = readdirSync(dir)
      .filter((f) => /\.(txt|html?)$/.test(f))
      .sort()
      .map((f) => localPage(dir, f));
    const template = buildTemplateIndex(corpus.filter((p) => p.format === 'text'));
    for (const p of corpus) {
      pages.push(p);
      templates.push(p.format === 'text' ? template : null);
    }
  }
  return { pages, templates };
}

const sets: Array<{ name: 'text' | 'html' | 'extra'; pages: RawPage[]; templates: Array<TemplateEvidence | null> }> = [];
if (wanted.has('text')) {
  const pages = loadWcxbText().map((p) => p.page);
  const template = buildTemplateIndex(pages);
  sets.push({ name: 'text', pages, templates: pages.map(() => template) });
}
if (wanted.has('html')) {
  const pages: RawPage[] = loadWcxb().map((p) => ({
    source: `wcxb/${p.id}`,
    url: p.url || null,
    format: 'html',
    content: p.html,
    fetchedAt: null,
    encoding: 'utf-8',
    bytes: p.html.length,
  }));
  sets.push({ name: 'html', pages, templates: pages.map(() => null) });
}
if (wanted.has('extra')) sets.push({ name: 'extra', ...extraSet() });

for (const { name, pages, templates } of sets) {
  const template = templates.find((t) => t !== null) ?? null;
  const draftOf = (p: RawPage, i: number) => (p.format === 'html' ? extractHtmlDraft(p) : extractTextDraft(p, templates[i]!));
  const drafts = pages.map(draftOf);
  const per = (ms: number) => (ms / pages.length).toFixed(3);
  const tTemplate = template ? minCpu(reps, () => buildTemplateIndex(pages.filter((p) => p.format === 'text'))) : 0;
  const tDraft = minCpu(reps, () => pages.forEach(draftOf));
  const tSignals = minCpu(reps, () => pages.forEach((p, i) => applySignals(drafts[i]!, p)));
  const tExtract = minCpu(reps, () => pages.forEach((p, i) => extract(p, templates[i]!)));
  console.log(
    `${name.padEnd(4)}  template ${per(tTemplate)}  draft ${per(tDraft)}  signals ${per(tSignals)}  extract ${per(tExtract)}  ` +
      `ms/page CPU (min of ${reps} passes over ${pages.length} pages)`,
  );

  if (dumpDir || compareDir) {
    const results = pages.map((p, i) => extract(p, templates[i]!));
    if (dumpDir) {
      mkdirSync(dumpDir, { recursive: true });
      writeFileSync(join(dumpDir, `${name}.json`), JSON.stringify(results));
    }
    const file = compareDir ? join(compareDir, `${name}.json`) : null;
    if (file && existsSync(file)) {
      const before = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
      const differing = results.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[i])).map((r) => r.source);
      console.log(`${name.padEnd(4)}  ${differing.length} of ${results.length} results differ from ${file}${differing.length ? `: ${differing.slice(0, 10).join(', ')}` : ''}`);
    } else if (file) console.warn(`${file} not found: nothing to compare`);
  }
}
