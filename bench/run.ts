/**
 * `npm run bench`: throughput and memory of each stage at growing sizes, one child process per case
 * (so each peak RSS is that case's own), single-threaded except the cluster stream's feature workers,
 * with the goals each figure is held against.
 *
 *   npm run bench -- [--sizes 1000,5000,10000] [--baseline-pages 1000] [--brief-sizes 25,100,400] [--store-sizes 10000,100000] [--api-seconds 60]
 *
 * The goals are judged on the largest size (10,000 pages by default, the headline figure); each case
 * warms up before it is timed (bench/extract.ts).
 *
 * Wall-clock pages/s depends on what else the machine runs; pages per CPU-second is the per-core
 * figure the extract and dedup goals are stated in (the cluster goal is per machine). No timing is asserted anywhere in the tests.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { defaultFeatureWorkers } from '../src/cluster/index.ts';
import { childScript } from './child.ts';
import type { BenchFormat, BenchResult } from './extract.ts';
import type { DedupBenchResult } from './dedup.ts';
import type { ClusterBenchResult } from './cluster.ts';
import type { BriefBenchResult } from './brief.ts';
import type { StoreBenchResult } from './store.ts';

const child = (script: string) => childScript(import.meta.url, script);

/** Goals from the project brief, per core (pages per CPU-second of one single-threaded process). */
const GOAL_TEXT_PAGES_PER_SECOND = 2000;
const GOAL_HTML_PAGES_PER_SECOND = 200;

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function runCase(script: string, format: BenchFormat, pages: number): BenchResult {
  const res = spawnSync(process.execPath, [...child(script).execArgv, '--expose-gc', child(script).path, '--format', format, '--pages', String(pages)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (res.status !== 0) throw new Error(`bench case ${format} × ${pages} failed with exit ${res.status}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as BenchResult;
}

function row(r: BenchResult): string {
  return [
    r.format.padEnd(12),
    String(r.pages).padStart(6),
    r.seconds.toFixed(1).padStart(8),
    String(r.pagesPerSecond).padStart(8),
    String(r.pagesPerCpuSecond).padStart(9),
    r.mbPerCpuSecond.toFixed(1).padStart(6),
    r.meanPageKb.toFixed(1).padStart(7),
    String(r.peakRssMb).padStart(8),
    String(r.baseRssMb).padStart(8),
    `${r.articles}/${r.pages}`.padStart(12),
  ].join('  ');
}

const HEAD = ['stage/format'.padEnd(12), 'pages'.padStart(6), 'seconds'.padStart(8), 'pages/s'.padStart(8), 'pages/cpu'.padStart(9), 'MB/cpu'.padStart(6), 'page KB'.padStart(7), 'peak MB'.padStart(8), 'base MB'.padStart(8), 'articles'.padStart(12)].join('  ');

const sizes = arg('--sizes', '1000,5000,10000').split(',').map(Number);
const baselinePages = Number(arg('--baseline-pages', '1000'));

console.log('# Extract (bench/extract.ts): bytes → decode → template evidence → extract, single-threaded');
const results: BenchResult[] = [];
const printedPool = new Set<string>();
console.log(HEAD);
for (const format of ['text', 'html'] as const) {
  for (const n of sizes) {
    const r = runCase('extract.ts', format, n);
    results.push(r);
    console.log(row(r));
    printedPool.add(`${format}: ${r.pool}`);
  }
}
const readability = runCase('extract.ts', 'readability', baselinePages);
console.log(row(readability));
const oursSame = results.find((r) => r.format === 'html' && r.pages === baselinePages) ?? runCase('extract.ts', 'html', baselinePages);
if (!results.includes(oursSame)) console.log(row(oursSame));

console.log('\nPages: ' + [...printedPool].join('; ') + '; each copy gets a counter appended so ids differ.');
console.log('pages/cpu = pages per CPU-second of the process (user + system); MB/cpu = input megabytes per CPU-second; page KB = mean input page size; peak MB = peak RSS of the case; base MB = RSS with the page pool loaded, before the run.');

const headline = Math.max(...sizes);
const slowest = (format: 'text' | 'html') => results.find((r) => r.format === format && r.pages === headline)!.pagesPerCpuSecond;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const textWorst = slowest('text');
const htmlWorst = slowest('html');
const ratio = oursSame.pagesPerCpuSecond / readability.pagesPerCpuSecond;
console.log(`\n# Goals (at ${headline} pages, per CPU-second)`);
console.log(`text dumps  >= ${GOAL_TEXT_PAGES_PER_SECOND} pages/s: ${textWorst} — ${verdict(textWorst >= GOAL_TEXT_PAGES_PER_SECOND)}`);
console.log(`HTML        >= ${GOAL_HTML_PAGES_PER_SECOND} pages/s: ${htmlWorst} — ${verdict(htmlWorst >= GOAL_HTML_PAGES_PER_SECOND)}`);
console.log(
  `faster than Readability 0.6.0 + linkedom 0.18.14 on the same ${baselinePages} HTML pages: ` +
    `${oursSame.pagesPerCpuSecond} vs ${readability.pagesPerCpuSecond} pages/s, ratio ${ratio.toFixed(2)}× — ${verdict(ratio > 1)}`,
);

// Dedup (bench/dedup.ts): synthetic articles added one by one to a DedupIndex (fingerprint + candidates + exact confirmation + insert).
const GOAL_DEDUP_ARTICLES_PER_SECOND = 10_000;
const GOAL_DEDUP_1M_RSS_MB = 2048;

function runDedup(extra: string[]): DedupBenchResult | null {
  const res = spawnSync(process.execPath, [...child('dedup.ts').execArgv, '--expose-gc', child('dedup.ts').path, ...extra], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 22,
  });
  if (res.status === 3) return null; // an optional comparison library is not installed (said on stderr)
  if (res.status !== 0) throw new Error(`dedup bench ${extra.join(' ')} failed with exit ${res.status}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as DedupBenchResult;
}

const dedupSizes = arg('--dedup-sizes', '10000,100000,1000000').split(',').map(Number);
console.log('\n# Dedup (bench/dedup.ts): seeded Zipf-vocabulary articles of 80–400 words, 10% planted copies, indexed+queried one at a time');
console.log(['impl'.padEnd(12), 'articles'.padStart(8), 'seconds'.padStart(8), 'art/s'.padStart(8), 'art/cpu'.padStart(8), 'peak MB'.padStart(8), 'cand/art'.padStart(8), 'copies found/planted'.padStart(21)].join('  '));
const dedupRow = (r: DedupBenchResult) =>
  console.log(
    [r.impl.padEnd(12), String(r.articles).padStart(8), r.seconds.toFixed(1).padStart(8), String(r.articlesPerSecond).padStart(8), String(r.articlesPerCpuSecond).padStart(8), String(r.peakRssMb).padStart(8), String(r.candidatesPerArticle).padStart(8), `${r.copiesFound}/${r.copiesPlanted}`.padStart(21)].join('  '),
  );
const dedupResults: DedupBenchResult[] = [];
for (const n of dedupSizes) {
  const r = runDedup(['--articles', String(n)])!;
  dedupResults.push(r);
  dedupRow(r);
}
const npm = runDedup(['--articles', String(Math.min(...dedupSizes)), '--impl', 'minhash-npm']);
if (npm) dedupRow(npm);
const streamN = Number(arg('--dedup-stream', '2000000'));
const stream = runDedup(['--articles', String(streamN), '--window-days', '2', '--per-day', '100000']);
if (stream) {
  dedupRow(stream);
  console.log(`endless stream, 2-day window at 100k articles/day — RSS by articles seen: ${stream.rssTrace.map((t) => `${t.at / 1000}k:${t.rssMb}MB`).join(' ')}`);
}
const dedupWorst = Math.min(...dedupResults.map((r) => r.articlesPerCpuSecond));
const million = dedupResults.find((r) => r.articles >= 1_000_000);
console.log('\n# Dedup goals');
console.log(`>= ${GOAL_DEDUP_ARTICLES_PER_SECOND} articles/s per CPU-second (slowest size): ${dedupWorst} — ${verdict(dedupWorst >= GOAL_DEDUP_ARTICLES_PER_SECOND)}`);
if (million) console.log(`1M articles under ${GOAL_DEDUP_1M_RSS_MB} MB RSS: ${million.peakRssMb} MB — ${verdict(million.peakRssMb < GOAL_DEDUP_1M_RSS_MB)}`);

// Cluster (bench/cluster.ts): a synthetic dated stream with planted stories, added one unit at a time to a StoryClusterer with a 7-day window.
// The goal is throughput on this machine: the stream runs with feature workers on the spare cores
// (clusterStream, the same stories as one thread); the one-thread figure is printed beside it.
const GOAL_CLUSTER_ARTICLES_PER_SECOND = 2000;

function runCluster(extra: string[]): ClusterBenchResult {
  const res = spawnSync(process.execPath, [...child('cluster.ts').execArgv, '--expose-gc', child('cluster.ts').path, ...extra], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 22,
  });
  if (res.status !== 0) throw new Error(`cluster bench ${extra.join(' ')} failed with exit ${res.status}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as ClusterBenchResult;
}

const clusterSizes = arg('--cluster-sizes', '10000,100000,1000000').split(',').map(Number);
/** One-thread runs only up to this size: the 1M case would double the bench's longest part for a per-core figure the smaller sizes already give. */
const CLUSTER_SERIAL_MAX = 100_000;
const featureWorkers = defaultFeatureWorkers();
console.log(`\n# Cluster (bench/cluster.ts): 20k articles/simulated day, planted stories (6 names + 15 words each, 1–4 days), Zipf background, 7-day window; ${featureWorkers} feature worker thread(s) on ${availableParallelism()} cores`);
console.log(['articles'.padStart(8), 'workers'.padStart(7), 'seconds'.padStart(8), 'art/s'.padStart(8), 'art/cpu'.padStart(8), 'peak MB'.padStart(8), 'live'.padStart(7), 'cand/art'.padStart(8), 'B3 F1'.padStart(6)].join('  '));
const clusterResults: ClusterBenchResult[] = [];
for (const n of clusterSizes) {
  const cases = featureWorkers > 0 && n <= CLUSTER_SERIAL_MAX ? [featureWorkers, 0] : [featureWorkers];
  for (const workers of cases) {
    const r = runCluster(['--articles', String(n), '--workers', String(workers)]);
    clusterResults.push(r);
    console.log(
      [String(r.articles).padStart(8), String(r.workers).padStart(7), r.seconds.toFixed(1).padStart(8), String(r.articlesPerSecond).padStart(8), String(r.articlesPerCpuSecond).padStart(8), String(r.peakRssMb).padStart(8), String(r.liveStoriesAtEnd).padStart(7), String(r.candidatesPerArticle).padStart(8), r.bcubed.f1.toFixed(3).padStart(6)].join('  '),
    );
    console.log(`  RSS by articles seen: ${r.rssTrace.map((t) => `${t.at / 1000}k:${t.rssMb}MB`).join(' ')}`);
  }
}
const streamed = clusterResults.filter((r) => r.workers === featureWorkers);
const clusterWorst = Math.min(...streamed.map((r) => r.articlesPerSecond));
console.log('\n# Cluster goals');
console.log(`>= ${GOAL_CLUSTER_ARTICLES_PER_SECOND} articles/s on this machine (wall, ${featureWorkers} feature worker(s), slowest size): ${clusterWorst} — ${verdict(clusterWorst >= GOAL_CLUSTER_ARTICLES_PER_SECOND)}`);
const oneThread = clusterResults.filter((r) => r.workers === 0);
if (oneThread.length && featureWorkers > 0) console.log(`  one thread, for comparison: ${oneThread.map((r) => `${r.articles / 1000}k ${r.articlesPerSecond}/s`).join(', ')}`);

// Brief (bench/brief.ts): one story of N real ECB+ articles (a tenth planted copies), briefed whole and by part.
const GOAL_BRIEF_100_MS = 500;

const runBrief = (n: number) => runJson<BriefBenchResult>('brief.ts', ['--articles', String(n)]);

const briefSizes = arg('--brief-sizes', '25,100,400').split(',').map(Number);
console.log('\n# Brief (bench/brief.ts): one story of N articles, least CPU ms of 5 runs after a warm-up');
console.log(['articles'.padStart(8), 'brief ms'.padStart(9), 'peak MB'.padStart(8), '  by part (ms)'].join('  '));
const briefResults = briefSizes.map(runBrief);
for (const r of briefResults) {
  console.log([String(r.articles).padStart(8), r.briefMs.toFixed(0).padStart(9), String(r.peakRssMb).padStart(8), '  ' + Object.entries(r.parts).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')].join('  '));
}
const hundred = briefResults.find((r) => r.articles === 100);
console.log('\n# Brief goals');
if (hundred) console.log(`100-article story under ${GOAL_BRIEF_100_MS} ms: ${hundred.briefMs.toFixed(0)} ms — ${verdict(hundred.briefMs < GOAL_BRIEF_100_MS)}`);
else console.log('100-article story: not measured (add 100 to --brief-sizes)');

// Store (bench/store.ts): generated pages ingested into a fresh SQLite file, then the same input again.
function runJson<T>(script: string, extra: string[]): T {
  const res = spawnSync(process.execPath, [...child(script).execArgv, '--expose-gc', child(script).path, ...extra], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 22,
  });
  if (res.status !== 0) throw new Error(`${script} ${extra.join(' ')} failed with exit ${res.status}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as T;
}

const storeSizes = arg('--store-sizes', '10000,100000').split(',').map(Number);
console.log('\n# Store (bench/store.ts): generated text pages ingested into a fresh SQLite file (extract, dedup, cluster, one transaction per page)');
console.log(['pages'.padStart(8), 'seconds'.padStart(8), 'pages/s'.padStart(8), 'pg/cpu'.padStart(8), 'peak MB'.padStart(8), 'DB MB'.padStart(7), 'rerun s'.padStart(8), 'search ms'.padStart(9)].join('  '));
for (const n of storeSizes) {
  const r = runJson<StoreBenchResult>('store.ts', ['--pages', String(n)]);
  console.log(
    [String(r.pages).padStart(8), r.seconds.toFixed(1).padStart(8), String(r.pagesPerSecond).padStart(8), String(r.pagesPerCpuSecond).padStart(8), String(r.peakRssMb).padStart(8), String(r.dbMb).padStart(7), (r.rerun?.seconds.toFixed(1) ?? '–').padStart(8), String(r.searchMs ?? '–').padStart(9)].join('  '),
  );
}

// API (bench/api.ts): 200 keep-alive clients on loopback against a server child over the examples.
const apiSeconds = arg('--api-seconds', '60');
const api = runJson<{ requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; requestsPerServerCpuSecond: number; serverRssMb: number }>('api.ts', ['--seconds', apiSeconds, '--clients', '200']);
console.log(`\n# API (bench/api.ts): 200 concurrent clients for ${apiSeconds} s on loopback`);
console.log(`${api.requestsPerSecond} requests/s, p50 ${api.p50Ms} ms, p99 ${api.p99Ms} ms, ${api.errors} errors; ${api.requestsPerServerCpuSecond} requests per server CPU-second; server RSS ${api.serverRssMb} MB — errors = 0: ${verdict(api.errors === 0)}`);
