/**
 * Extract-stage benchmark, one case per process so peak RSS belongs to that case alone:
 *
 *   node --import tsx --expose-gc bench/extract.ts --format text|html|readability --pages N
 *
 * Pages come from a pool that is cycled: the WCXB dev HTML pages (../shared/data/wcxb-dev-articles)
 * and, for text, whole-page dumps rendered from them with html-to-text (eval/wcxb-text.ts, the same
 * renderer the text eval uses); without WCXB, the examples/ pages. Each copy gets a counter appended
 * so every page has its own content id. Each page goes through the real path from bytes: decodeBytes
 * → runExtract (template evidence + extract) for ours; linkedom parse + Readability for the baseline.
 * Before the timed run, a warm-up run over WARMUP_PAGES pages (not counted) compiles the hot code and
 * fills the lazy tables, so even the smallest size measures steady throughput. Prints one JSON line: { format, pages, seconds, pagesPerSecond, pagesPerCpuSecond, peakRssMb, meanPageKb,
 * mbPerCpuSecond, baseRssMb, articles, pool }.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes, DEFAULT_MAX_BYTES, type IngestItem } from '../src/ingest/index.ts';
import { runExtract } from '../src/pipeline/index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../src/extract/index.ts';
import type { PageFormat } from '../src/records/index.ts';
import { REPO_ROOT, loadWcxb, wcxbAvailable } from '../eval/lib.ts';
import { loadWcxbText } from '../eval/wcxb-text.ts';

export type BenchFormat = PageFormat | 'readability';

export interface BenchResult {
  format: BenchFormat;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  /** Pages per second of this process's CPU time (user + system): a per-core figure that other load on the machine does not skew. */
  pagesPerCpuSecond: number;
  peakRssMb: number;
  /** Mean size of a page of the run, in KB of input bytes: pages per second only compare at like sizes. */
  meanPageKb: number;
  /** Input megabytes per CPU-second (bytes as read, before decoding). */
  mbPerCpuSecond: number;
  /** RSS after the page pool is loaded, before the run: the part of the peak that is not the run. */
  baseRssMb: number;
  articles: number;
  pool: string;
}

interface Pool {
  pages: Buffer[];
  description: string;
}

/** The page pool for one format, as bytes (so decoding is part of the measured path). */
export function loadPool(format: PageFormat): Pool {
  if (wcxbAvailable()) {
    const pages = format === 'html' ? loadWcxb().map((p) => Buffer.from(p.html)) : loadWcxbText().map((p) => Buffer.from(p.page.content));
    return { pages, description: `${pages.length} WCXB dev ${format === 'html' ? 'HTML pages' : 'pages rendered to text dumps with html-to-text'}, cycled` };
  }
  console.warn('bench: ../shared/data/wcxb-dev-articles not found; cycling the examples/ pages instead');
  const dir = join(REPO_ROOT, 'examples');
  const ext = format === 'html' ? /\.html?$/ : /\.txt$/;
  const pages = readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
  return { pages, description: `${pages.length} examples/ ${format} pages, cycled` };
}

/** The i-th page: a pool page with a counter appended, so ids differ between copies. */
function pageBytes(pool: Pool, format: PageFormat, i: number): Buffer {
  const base = pool.pages[i % pool.pages.length]!;
  const tag = format === 'html' ? `\n<!-- bench copy ${i} -->\n` : `\n\nbench copy ${i}\n`;
  return Buffer.concat([base, Buffer.from(tag)]);
}

async function* items(pool: Pool, format: PageFormat, n: number): AsyncGenerator<IngestItem> {
  for (let i = 0; i < n; i++) {
    const source = `bench/${format}/${i}`;
    const decoded = decodeBytes(pageBytes(pool, format, i), { format, maxBytes: DEFAULT_MAX_BYTES });
    if (!decoded.ok) yield { ok: false, source, error: decoded.error };
    else yield { ok: true, page: { source, url: null, format, content: decoded.text, ...(decoded.pieces && { pieces: decoded.pieces }), fetchedAt: null, encoding: decoded.encoding, bytes: decoded.text.length } };
  }
}

class RssPeak {
  peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 20);
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * Pages of the untimed warm-up run, so JIT compilation and one-off tables are not charged to the
 * timed pages. On the 1,000-page text case it moved the figure from 154–162 to 170–186 pages per
 * CPU-second (two runs each, loaded 2-core dev machine); 200 is a quarter of the WCXB pool.
 */
const WARMUP_PAGES = 200;

/** Runs one case and returns its figures. */
export async function benchExtract(format: BenchFormat, n: number): Promise<BenchResult> {
  const pool = loadPool(format === 'readability' ? 'html' : format);
  if (format !== 'readability') await runExtract(items(pool, format, Math.min(WARMUP_PAGES, n)));
  (globalThis as { gc?: () => void }).gc?.();
  const baseRss = process.memoryUsage.rss();
  const rss = new RssPeak();
  let articles = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (format === 'readability') {
    for (let i = 0; i < n; i++) {
      try {
        const { document } = parseHTML(pageBytes(pool, 'html', i).toString('utf8'));
        // Readability's typings want a lib.dom Document; linkedom's is structurally what it reads.
        if (new Readability(document as unknown as Document).parse()?.textContent) articles++;
      } catch {
        // A page Readability throws on counts as no article, as in eval/readability.ts.
      }
      // The timer cannot fire inside this synchronous loop, so sample here too.
      if (i % 10 === 0) rss.sample();
    }
  } else {
    // As `storyweave extract` runs: each result handed on as it is finished, none kept.
    const run = await runExtract(items(pool, format, n), {
      extract: DEFAULT_EXTRACT_OPTIONS,
      keepResults: false,
      onResult: (r) => {
        if (r.ok) articles++;
      },
      onProgress: (p) => {
        if (p.done % 10 === 0) rss.sample();
      },
    });
    if (run.summary.articles !== articles) throw new Error(`the run counted ${run.summary.articles} articles, its results ${articles}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  let bytes = 0;
  for (let i = 0; i < n; i++) bytes += pool.pages[i % pool.pages.length]!.length;
  return {
    format,
    pages: n,
    seconds: Math.round(seconds * 100) / 100,
    pagesPerSecond: Math.round(n / seconds),
    pagesPerCpuSecond: Math.round(n / cpuSeconds),
    peakRssMb: mb(rss.stop()),
    meanPageKb: Math.round(bytes / n / 102.4) / 10,
    mbPerCpuSecond: Math.round(bytes / 1e6 / cpuSeconds * 10) / 10,
    baseRssMb: mb(baseRss),
    articles,
    pool: pool.description,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (name: string) => args[args.indexOf(name) + 1];
  const format = arg('--format') as BenchFormat;
  const pages = Number(arg('--pages'));
  if (!['text', 'html', 'readability'].includes(format) || !(pages > 0)) {
    console.error('usage: bench/extract.ts --format text|html|readability --pages N');
    process.exit(2);
  }
  console.log(JSON.stringify(await benchExtract(format, pages)));
}
