/**
 * Dedup-stage benchmark, one case per process so peak RSS belongs to that case alone:
 *
 *   node --import tsx --expose-gc bench/dedup.ts --articles N [--window-days D --per-day K] [--impl ours|minhash-npm]
 *
 * Synthetic articles, generated on the fly from a seeded PRNG (so nothing is held but the index):
 * a vocabulary of 50,000 made-up words drawn with a Zipf-like law (s ≈ 1, as news text), bodies of
 * 80–400 words (mean ≈ 240) in 3–8 paragraphs. 10% of articles are copies of one of the previous
 * 1,000: a third exact (quote style and spacing changed), a third near (two words changed), a third
 * partial (the first paragraph as a teaser). Each article is added to a DedupIndex
 * (fingerprint + candidate lookup + exact confirmation + insert): "indexed+queried".
 * Only the add calls are timed (wall and CPU); generating the text is not.
 *
 * With --window-days, articles carry a time advancing by 1/K day each (K per day) and the index drops
 * partitions older than the window: the endless-stream case, with RSS printed at intervals.
 * Prints one JSON line (the last line of stdout).
 */
import { DedupIndex } from '../src/dedup/index.ts';
import { seededRng } from '../eval/lib.ts';
import { ZipfSampler } from './zipf.ts';

export interface DedupBenchResult {
  impl: string;
  articles: number;
  windowDays: number | null;
  seconds: number;
  articlesPerSecond: number;
  articlesPerCpuSecond: number;
  peakRssMb: number;
  baseRssMb: number;
  indexedArticles: number;
  copiesFound: number;
  copiesPlanted: number;
  /** Planted copies whose answer is their base article or another copy of it, over planted copies. */
  plantedRecall: number;
  /** The same by kind of edit (a teaser under 12 words is no copy by the stage's definition and stays missed). */
  plantedRecallByKind: Record<PlantKind, number>;
  /** Copies called for an original article, or pointing at an unrelated article. */
  falseCopies: number;
  candidatesPerArticle: number;
  rssTrace: { at: number; rssMb: number; indexed: number }[];
}


type PlantKind = 'exact' | 'near' | 'partial';
const VOCAB = 50_000;
const COPY_SHARE = 0.1;
const RECENT = 1000;

class Generator {
  private readonly rand = seededRng(42);
  private readonly words: string[];
  /** Cumulative Zipf weights for inverse-CDF sampling. */
  private readonly zipf: ZipfSampler;
  private readonly recent: { k: number; paragraphs: string[] }[] = [];
  private count = 0;
  planted = 0;
  /** The last article's base (its own number for an original) and its kind of edit (null for an original). */
  base = 0;
  kind: PlantKind | null = null;

  constructor() {
    const syll = ['ka', 'ro', 'mi', 'te', 'lu', 'san', 'dor', 'vel', 'qui', 'ne', 'bra', 'tos', 'el', 'par', 'gin', 'hu'];
    this.words = Array.from({ length: VOCAB }, (_, i) => {
      let w = '';
      let x = i + 1;
      while (x > 0) {
        w += syll[x % syll.length];
        x = Math.floor(x / syll.length);
      }
      return w;
    });
    this.zipf = new ZipfSampler(VOCAB, this.rand);
  }

  private word(): string {
    return this.words[this.zipf.next()]!;
  }

  next(): string[] {
    const k = this.count++;
    if (this.recent.length > 10 && this.rand() < COPY_SHARE) {
      this.planted++;
      const picked = this.recent[Math.floor(this.rand() * this.recent.length)]!;
      const base = picked.paragraphs;
      this.base = picked.k;
      const kind = this.rand();
      this.kind = kind < 1 / 3 ? 'exact' : kind < 2 / 3 ? 'near' : 'partial';
      if (kind < 1 / 3) return base.map((p) => p.replace(/ /g, () => (this.rand() < 0.05 ? '  ' : ' ')).replace(/^/, '“') + '”');
      if (kind < 2 / 3) {
        const out = [...base];
        for (let c = 0; c < 2; c++) {
          const pi = Math.floor(this.rand() * out.length);
          const toks = out[pi]!.split(' ');
          toks[Math.floor(this.rand() * toks.length)] = this.word();
          out[pi] = toks.join(' ');
        }
        return out;
      }
      return [base[0]!];
    }
    this.base = k;
    this.kind = null;
    const n = 80 + Math.floor(this.rand() * 321);
    const paras = 3 + Math.floor(this.rand() * 6);
    const out: string[] = [];
    let left = n;
    for (let p = 0; p < paras; p++) {
      const len = p === paras - 1 ? left : Math.max(5, Math.round(n / paras));
      const ws: string[] = [];
      for (let i = 0; i < len && left > 0; i++, left--) ws.push(this.word());
      if (ws.length) out.push(ws.join(' ') + '.');
    }
    this.recent.push({ k, paragraphs: out });
    if (this.recent.length > RECENT) this.recent.shift();
    return out;
  }
}

const mb = (b: number) => Math.round(b / 1024 / 1024);
const DAY_MS = 86_400_000;
const BATCH = 1000;

/** Runs one case and returns its figures. */
export async function benchDedup(n: number, impl: string, windowDays: number | null, perDay: number): Promise<DedupBenchResult> {
  const gen = new Generator();
  (globalThis as { gc?: () => void }).gc?.();
  const baseRss = process.memoryUsage.rss();
  let peak = baseRss;
  const trace: DedupBenchResult['rssTrace'] = [];
  const traceEvery = Math.max(BATCH, Math.floor(n / 20));
  let copies = 0;
  let candidates = 0;
  let wall = 0;
  let cpu = 0;
  let indexed = 0;

  // Each article's base (its own number for an original), to judge answers: 4 bytes an article.
  const baseOf = new Int32Array(n);
  const plantedBy: Record<PlantKind, number> = { exact: 0, near: 0, partial: 0 };
  const foundBy: Record<PlantKind, number> = { exact: 0, near: 0, partial: 0 };
  let falseCopies = 0;
  /** The ids the implementation answers "copy of" with (empty when it says original). */
  let add: (id: string, paragraphs: string[], time: number) => string[];
  if (impl === 'ours') {
    const index = new DedupIndex(windowDays ? { windowDays } : {});
    add = (id, paragraphs, time) => {
      const r = index.add({ id, paragraphs, published: null }, time);
      candidates += r.candidates;
      return r.copyOf ? [r.copyOf.id] : [];
    };
    setStats = () => index.stats().articles;
  } else if (impl === 'minhash-npm') {
    // The `minhash` package (duhaime): MinHash + banded LshIndex, 128 permutations by default.
    const lib: any = await import('minhash' as string).catch(() => null);
    if (!lib) {
      console.error('bench: the `minhash` npm package is not installed (npm i -D minhash) — skipping the comparison');
      process.exit(3);
    }
    const { Minhash, LshIndex } = lib.default ?? lib;
    const index = new LshIndex();
    let count = 0;
    add = (id, paragraphs) => {
      const m = new Minhash();
      const toks = paragraphs.join(' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      for (let i = 0; i + 5 <= toks.length; i++) m.update(toks.slice(i, i + 5).join(' '));
      // The package's query() throws on a band key it has never stored (minhash 0.0.9, lsh.js:29), so
      // the article is inserted first and itself dropped from the answer: the same work, in its order.
      index.insert(id, m);
      const hits: string[] = (index.query(m) as string[]).filter((h) => h !== id);
      count++;
      candidates += hits.length;
      return hits;
    };
    setStats = () => count;
  } else throw new Error(`unknown --impl ${impl} (ours | minhash-npm)`);

  for (let done = 0; done < n; ) {
    const batch: string[][] = [];
    const kinds: (PlantKind | null)[] = [];
    for (let i = 0; i < BATCH && done + i < n; i++) {
      batch.push(gen.next());
      baseOf[done + i] = gen.base;
      kinds.push(gen.kind);
    }
    const answers: string[][] = [];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < batch.length; i++) {
      const k = done + i;
      answers.push(add(`a${k}`, batch[i]!, windowDays ? Math.floor((k * DAY_MS) / perDay) : 0));
    }
    wall += performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
    for (let i = 0; i < batch.length; i++) {
      const ids = answers[i]!;
      const kind = kinds[i]!;
      if (ids.length > 0) copies++;
      const right = ids.some((id) => baseOf[Number(id.slice(1))] === baseOf[done + i]);
      if (kind) {
        plantedBy[kind]++;
        if (right) foundBy[kind]++;
      }
      if (ids.length > 0 && !right) falseCopies++;
    }
    done += batch.length;
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    if (done % traceEvery === 0 || done === n) {
      indexed = setStats();
      trace.push({ at: done, rssMb: mb(rss), indexed });
      console.error(`  ${done} articles  rss ${mb(rss)} MB  in index ${indexed}`);
    }
  }
  return {
    impl,
    articles: n,
    windowDays,
    seconds: Math.round(wall / 10) / 100,
    articlesPerSecond: Math.round(n / (wall / 1000)),
    articlesPerCpuSecond: Math.round(n / (cpu / 1000)),
    peakRssMb: mb(peak),
    baseRssMb: mb(baseRss),
    indexedArticles: indexed,
    copiesFound: copies,
    copiesPlanted: gen.planted,
    plantedRecall: Math.round(((foundBy.exact + foundBy.near + foundBy.partial) / Math.max(1, gen.planted)) * 10000) / 10000,
    plantedRecallByKind: {
      exact: Math.round((foundBy.exact / Math.max(1, plantedBy.exact)) * 10000) / 10000,
      near: Math.round((foundBy.near / Math.max(1, plantedBy.near)) * 10000) / 10000,
      partial: Math.round((foundBy.partial / Math.max(1, plantedBy.partial)) * 10000) / 10000,
    },
    falseCopies,
    candidatesPerArticle: Math.round((candidates / n) * 100) / 100,
    rssTrace: trace,
  };
}

let setStats: () => number = () => 0;

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const n = Number(arg('--articles'));
  const impl = arg('--impl') ?? 'ours';
  const windowDays = arg('--window-days') ? Number(arg('--window-days')) : null;
  const perDay = Number(arg('--per-day') ?? 50_000);
  if (!(n > 0)) {
    console.error('usage: bench/dedup.ts --articles N [--window-days D --per-day K] [--impl ours|minhash-npm]');
    process.exit(2);
  }
  console.log(JSON.stringify(await benchDedup(n, impl, windowDays, perDay)));
}
