/**
 * Store benchmark (issue 6, acceptance 4): ingest N generated pages into a fresh SQLite file.
 *
 *   node --import tsx --expose-gc bench/store.ts [--pages 10000] [--batch 200] [--no-rerun]
 *
 * Pages come from the seeded corpus generator of the ingest tests (src/store/testing/corpus.ts):
 * whole-page text dumps of 3–6 paragraphs (≈ 2.5 KB) with outlet chrome, about 20 articles a story,
 * 15% wire copies, 4% pages repeated byte for byte, 2% link lists. They are generated as they are
 * ingested, so nothing but the pipeline's own state is held; generation is measured alone in a
 * separate pass and reported, not subtracted.
 *
 * Measured: the whole ingestInto run (hash check, extract, brotli, one transaction per page, dedup,
 * online clustering, one stage transaction per batch) in wall and CPU seconds, peak RSS, the file's
 * size (database + WAL after a checkpoint); then, unless --no-rerun, the same input again — every page
 * known, the cost being the replay of the stored articles on start; and a few FTS5 searches.
 * Prints one JSON line (the last line of stdout).
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_EXTRACT_OPTIONS } from '../src/extract/index.ts';
import type { IngestItem } from '../src/ingest/index.ts';
import { ingestInto, DEFAULT_BATCH_PAGES, type IngestSummary } from '../src/pipeline/ingest.ts';
import { openStore, type SqliteStore, type StoreCounts } from '../src/store/index.ts';
import { generateCorpus } from '../src/store/testing/corpus.ts';

export interface StoreBenchResult {
  pages: number;
  batchPages: number;
  seconds: number;
  cpuSeconds: number;
  pagesPerSecond: number;
  pagesPerCpuSecond: number;
  /** CPU seconds the generator alone takes for the same pages (included in cpuSeconds). */
  generateCpuSeconds: number;
  peakRssMb: number;
  dbMb: number;
  /** Input megabytes (UTF-8 page text) and the database's size relative to it. */
  inputMb: number;
  counts: StoreCounts;
  summary: Omit<IngestSummary, 'byCode'>;
  rerun: { seconds: number; cpuSeconds: number; replayed: number; known: number; peakRssMb: number } | null;
  /** Best of 5, per query, over a few two-word queries. */
  searchMs: number | null;
  /** RSS and CPU seconds so far at each tenth of the run: the shape of the cost as the store grows. */
  rssTrace: { pages: number; rssMb: number; cpuSeconds: number }[];
}

const SEED = 20261207;
const mb = (bytes: number) => Math.round(bytes / 1048576);

function* items(pages: number): Generator<IngestItem> {
  for (const p of generateCorpus({ pages, seed: SEED })) {
    yield { ok: true, page: { source: `bench/${p.name}`, url: null, format: 'text', content: p.content, fetchedAt: null, encoding: 'utf-8', bytes: Buffer.byteLength(p.content) } };
  }
}

export async function benchStore(pages: number, batchPages: number, rerun: boolean): Promise<StoreBenchResult> {
  // The generator alone, for scale.
  let inputBytes = 0;
  const g0 = process.cpuUsage();
  for (const item of items(pages)) if (item.ok) inputBytes += item.page.bytes;
  const g = process.cpuUsage(g0);
  const generateCpuSeconds = (g.user + g.system) / 1e6;
  (globalThis as { gc?: () => void }).gc?.();

  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-store-'));
  const path = join(dir, 'bench.db');
  try {
    let peak = process.memoryUsage.rss();
    let c0 = process.cpuUsage();
    const trace: StoreBenchResult['rssTrace'] = [];
    const every = Math.max(1000, Math.floor(pages / 10));
    let nextTrace = every;
    const onProgress = (p: { pages: number }) => {
      // Reading RSS costs a /proc read: sampled every 50 pages, well under a batch.
      if (p.pages % 50 !== 0) return;
      const rss = process.memoryUsage.rss();
      if (rss > peak) peak = rss;
      if (p.pages >= nextTrace) {
        nextTrace += every;
        const cpu = process.cpuUsage(c0);
        const cpuSeconds = round((cpu.user + cpu.system) / 1e6);
        trace.push({ pages: p.pages, rssMb: mb(rss), cpuSeconds });
        console.error(`  ${p.pages} pages  rss ${mb(rss)} MB  cpu ${cpuSeconds} s  (${Math.round(p.pages / cpuSeconds)} pages/CPU-s)`);
      }
    };
    let store = await openStore({ kind: 'sqlite', path });
    c0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await ingestInto(store, items(pages), { extract: DEFAULT_EXTRACT_OPTIONS, batchPages, onProgress });
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpuSeconds = (c.user + c.system) / 1e6;
    const counts = await store.counts();

    let searchMs: number | null = null;
    const queries = ['election council', 'flood authority', 'strike union', 'summit ministry'];
    const perQuery: number[] = [];
    for (const q of queries) {
      let best = Infinity;
      for (let r = 0; r < 5; r++) {
        const s0 = performance.now();
        await store.search(q, { limit: 20 });
        best = Math.min(best, performance.now() - s0);
      }
      perQuery.push(best);
    }
    searchMs = Math.round((perQuery.reduce((a, b) => a + b, 0) / perQuery.length) * 100) / 100;
    (store as SqliteStore).database().pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const size = statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

    let again: StoreBenchResult['rerun'] = null;
    if (rerun) {
      (globalThis as { gc?: () => void }).gc?.();
      let rerunPeak = process.memoryUsage.rss();
      store = await openStore({ kind: 'sqlite', path });
      const r0 = process.cpuUsage();
      const w0 = performance.now();
      const second = await ingestInto(store, items(pages), {
        extract: DEFAULT_EXTRACT_OPTIONS,
        batchPages,
        onProgress: (p) => {
          if (p.pages % 50 === 0) rerunPeak = Math.max(rerunPeak, process.memoryUsage.rss());
        },
      });
      const rc = process.cpuUsage(r0);
      again = {
        seconds: round((performance.now() - w0) / 1000),
        cpuSeconds: round((rc.user + rc.system) / 1e6),
        replayed: second.replayed,
        known: second.known,
        peakRssMb: mb(rerunPeak),
      };
      await store.close();
    }
    const { byCode: _byCode, ...rest } = summary;
    return {
      pages,
      batchPages,
      seconds: round(seconds),
      cpuSeconds: round(cpuSeconds),
      pagesPerSecond: Math.round(pages / seconds),
      pagesPerCpuSecond: Math.round(pages / cpuSeconds),
      generateCpuSeconds: round(generateCpuSeconds),
      peakRssMb: mb(peak),
      dbMb: Math.round((size / 1048576) * 10) / 10,
      inputMb: Math.round((inputBytes / 1048576) * 10) / 10,
      counts,
      summary: { ...rest, seconds: round(rest.seconds) },
      rerun: again,
      searchMs,
      rssTrace: trace,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const pages = Number(arg('--pages') ?? 10_000);
  const batch = Number(arg('--batch') ?? DEFAULT_BATCH_PAGES);
  if (!(pages > 0) || !(batch > 0)) {
    console.error('usage: bench/store.ts [--pages N] [--batch B] [--no-rerun]');
    process.exit(2);
  }
  console.log(JSON.stringify(await benchStore(pages, batch, !args.includes('--no-rerun'))));
}
