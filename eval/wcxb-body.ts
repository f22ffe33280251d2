/**
 * The HTML extractor alone on WCXB dev (metadata and body, no text-level signals): word F1 of
 * `extractHtmlDraft(...).paragraphs` against the gold main content, with per-page detail for the worst.
 *   node --import tsx eval/wcxb-body.ts [--limit N] [--worst K] [--show ID] [--compare] [--save F] [--diff F]
 * `--timing` measures, page by page and interleaved, the CPU time (process.cpuUsage, less disturbed by
 * other processes than wall time) of the parse, the metadata reader, the body extractor, the whole
 * `extract()` (signals included) and Readability + linkedom, and prints ms/page and pages/s for each.
 * `--save F` writes per-page F1 to F; `--diff F` lists the pages whose F1 moved against such a file
 * (what a rule change won and lost, page by page).
 * `--compare` also runs Mozilla Readability (eval/readability.ts) page by page, interleaved with ours,
 * so both speeds are measured under the same machine load.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { extractHtmlDraft } from '../src/extract/html/index.ts';
import { parseHtml } from '../src/extract/html/dom.ts';
import { readHtmlMeta } from '../src/extract/html/meta/index.ts';
import { extractBody } from '../src/extract/html/body/index.ts';
import { extract } from '../src/extract/index.ts';
import { loadWcxb, mean, wordF1 } from './lib.ts';
import { readabilityText } from './readability.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const limit = Number(opt('--limit') ?? Infinity);
const worst = Number(opt('--worst') ?? 0);
const show = opt('--show');

const compare = args.includes('--compare');

if (args.includes('--timing')) {
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const sums = { parse: 0, meta: 0, body: 0, extract: 0, readability: 0 };
  const timed = loadWcxb(limit);
  // One warm-up pass so that every figure is of JIT-compiled code.
  for (const p of timed.slice(0, 20)) {
    extract({ source: p.id, url: p.url || null, format: 'html', content: p.html, fetchedAt: null, encoding: 'utf-8', bytes: p.html.length });
    readabilityText(p.html);
  }
  for (const p of timed) {
    let t = cpu();
    const doc = parseHtml(p.html);
    sums.parse += cpu() - t;
    t = cpu();
    const meta = readHtmlMeta(doc, p.url || null);
    sums.meta += cpu() - t;
    t = cpu();
    extractBody(doc, meta.title);
    sums.body += cpu() - t;
    t = cpu();
    extract({ source: p.id, url: p.url || null, format: 'html', content: p.html, fetchedAt: null, encoding: 'utf-8', bytes: p.html.length });
    sums.extract += cpu() - t;
    t = cpu();
    readabilityText(p.html);
    sums.readability += cpu() - t;
  }
  const n = Math.max(1, timed.length);
  const rows = Object.entries(sums).map(([k, v]) => `${k.padEnd(12)} ${(v / n).toFixed(2).padStart(6)} ms/page  ${Math.round((1000 * n) / v).toString().padStart(5)} pages/s`);
  console.log(`CPU time over ${timed.length} pages\n${rows.join('\n')}\nextract / readability = ${(sums.extract / sums.readability).toFixed(2)}`);
  process.exit(0);
}

const pages = loadWcxb(limit).filter((p) => !show || p.id === show);
let ours = 0;
let theirs = 0;
const theirF1: number[] = [];
const results = pages.map((p) => {
  const t0 = performance.now();
  const body = extractHtmlDraft({ source: p.id, url: p.url || null, format: 'html', content: p.html, fetchedAt: null, encoding: 'utf-8', bytes: p.html.length });
  const t1 = performance.now();
  ours += t1 - t0;
  if (compare) {
    const text = readabilityText(p.html);
    theirs += performance.now() - t1;
    theirF1.push(wordF1(text, p.gold.mainContent).f1);
  }
  return { page: p, body };
});
const ms = ours / Math.max(1, pages.length);
if (compare) {
  console.log(JSON.stringify({ readability: { f1: +mean(theirF1).toFixed(4), msPerPage: +(theirs / Math.max(1, pages.length)).toFixed(2) } }));
}
const scores = results.map(({ page, body }) => ({ id: page.id, ...wordF1(body.paragraphs.join('\n\n'), page.gold.mainContent) }));
console.log(
  JSON.stringify({
    pages: pages.length,
    f1: +mean(scores.map((s) => s.f1)).toFixed(4),
    precision: +mean(scores.map((s) => s.precision)).toFixed(4),
    recall: +mean(scores.map((s) => s.recall)).toFixed(4),
    msPerPage: +ms.toFixed(2),
  }),
);
const save = opt('--save');
if (save) writeFileSync(save, JSON.stringify(Object.fromEntries(scores.map((s) => [s.id, +s.f1.toFixed(4)]))));
const diff = opt('--diff');
if (diff) {
  const before = JSON.parse(readFileSync(diff, 'utf8')) as Record<string, number>;
  const moved = scores.map((s) => ({ id: s.id, d: s.f1 - (before[s.id] ?? 0), f1: s.f1 })).filter((m) => Math.abs(m.d) >= 0.001);
  moved.sort((a, b) => a.d - b.d);
  console.log(`moved ${moved.length}: sum of gains ${moved.filter((m) => m.d > 0).reduce((a, m) => a + m.d, 0).toFixed(3)}, losses ${moved.filter((m) => m.d < 0).reduce((a, m) => a + m.d, 0).toFixed(3)}`);
  for (const m of moved) console.log(`  ${m.id} ${m.d >= 0 ? '+' : ''}${m.d.toFixed(3)} → ${m.f1.toFixed(3)}`);
}
for (const s of [...scores].sort((a, b) => a.f1 - b.f1).slice(0, worst)) {
  console.log(`${s.id} f1=${s.f1.toFixed(3)} p=${s.precision.toFixed(3)} r=${s.recall.toFixed(3)}`);
}
if (show) {
  const r = results[0];
  if (r) {
    console.log('--- KEPT');
    for (const p of r.body.paragraphs) console.log(`  | ${p.slice(0, 160)}`);
    console.log('--- REMOVED');
    for (const x of r.body.removed) console.log(`  ${x.reason.padEnd(11)} ${x.text.slice(0, 140)}`);
    console.log('--- HEADER', r.body.headerLines);
    console.log('--- GOLD');
    for (const p of r.page.gold.mainContent.split('\n\n')) console.log(`  | ${p.slice(0, 160)}`);
  }
}
