/**
 * The HTML extractor alone on WCXB dev (metadata and body, no text-level signals): word F1 of
 * `extractHtmlDraft(...).paragraphs` against the gold main content, with per-page detail for the worst.
 *   node --import tsx eval/wcxb-body.ts [--limit N] [--worst K] [--show ID] [--compare] [--save F] [--diff F]
 * `--save F` writes per-page F1 to F; `--diff F` lists the pages whose F1 moved against such a file
 * (what a rule change won and lost, page by page).
 * `--compare` also runs Mozilla Readability (eval/readability.ts) page by page, interleaved with ours,
 * so both speeds are measured under the same machine load.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { extractHtmlDraft } from '../src/extract/html/index.ts';
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
