/**
 * Extract-stage CPU per page, split by stage, in one process over the WCXB dev pages (HTML, and the
 * same pages rendered to text dumps as eval/wcxb-text.ts does), plus an output-identity check for
 * optimisation work:
 *
 *   node --import tsx bench/extract-stages.ts [--reps 4] [--dump DIR] [--compare DIR]
 *
 * Stages: template index (text only), format draft (extractTextDraft / extractHtmlDraft), text-level
 * signals (applySignals on ready drafts), and the whole extract(). Each figure is the minimum over
 * `--reps` passes of process CPU time (user + system): the machine is shared, and the least disturbed
 * pass is the closest to the code's own cost. `--dump DIR` writes every extract() result as JSON
 * (text.json, html.json); `--compare DIR` reports the pages whose result differs from such a dump, so
 * a speed change can be shown to leave the output alone. Profile a stage with `node --cpu-prof`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawPage } from '../src/records/index.ts';
import { buildTemplateIndex, extract, type TemplateEvidence } from '../src/extract/index.ts';
import { extractTextDraft } from '../src/extract/text/index.ts';
import { extractHtmlDraft } from '../src/extract/html/index.ts';
import { applySignals } from '../src/extract/signals/index.ts';
import { loadWcxb, wcxbAvailable } from '../eval/lib.ts';
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

const textPages = loadWcxbText().map((p) => p.page);
const htmlPages: RawPage[] = loadWcxb().map((p) => ({
  source: `wcxb/${p.id}`,
  url: p.url || null,
  format: 'html',
  content: p.html,
  fetchedAt: null,
  encoding: 'utf-8',
  bytes: p.html.length,
}));
const textTemplate = buildTemplateIndex(textPages);

const sets: Array<{ name: 'text' | 'html'; pages: RawPage[]; template: TemplateEvidence | null }> = [
  { name: 'text', pages: textPages, template: textTemplate },
  { name: 'html', pages: htmlPages, template: null },
];

for (const { name, pages, template } of sets) {
  const draftOf = (p: RawPage) => (p.format === 'html' ? extractHtmlDraft(p) : extractTextDraft(p, template));
  const drafts = pages.map(draftOf);
  const per = (ms: number) => (ms / pages.length).toFixed(3);
  const tTemplate = name === 'text' ? minCpu(reps, () => buildTemplateIndex(pages)) : 0;
  const tDraft = minCpu(reps, () => pages.forEach(draftOf));
  const tSignals = minCpu(reps, () => pages.forEach((p, i) => applySignals(drafts[i]!, p)));
  const tExtract = minCpu(reps, () => pages.forEach((p) => extract(p, template)));
  console.log(
    `${name.padEnd(4)}  template ${per(tTemplate)}  draft ${per(tDraft)}  signals ${per(tSignals)}  extract ${per(tExtract)}  ` +
      `ms/page CPU (min of ${reps} passes over ${pages.length} pages)`,
  );

  if (dumpDir || compareDir) {
    const results = pages.map((p) => extract(p, template));
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
