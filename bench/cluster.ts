/**
 * Cluster-stage benchmark, one case per process so peak RSS belongs to that case alone:
 *
 *   node --import tsx --expose-gc bench/cluster.ts --articles N [--per-day K] [--window-days D]
 *
 * A synthetic dated stream from a seeded PRNG, generated on the fly (nothing is held but the
 * clusterer): K articles per simulated day (default 20,000, so 1M articles span 50 days). Stories are
 * planted: each day K/8 new stories start, each with 6 made-up capitalised names and 15 topic words
 * of its own, and live 1–4 days; an article picks a live story (recent ones more often), takes a
 * title of 3 story words and 3 background words, and a body of 120–360 words (3–8 paragraphs) where
 * one word in five is the story's (a name one time in three) and the rest is drawn from a 50,000-word
 * Zipf background vocabulary (s ≈ 1, as news text). Articles arrive in date order, unit by unit,
 * through StoryClusterer.add (features + candidate retrieval + scoring + insert); stories leave the
 * index after the window (default 7 days) through onEvict, where B-cubed counts against the planted
 * stories are taken and the story dropped. Only add() is timed (wall and CPU).
 * Prints one JSON line (the last line of stdout).
 */
import { StoryClusterer, type StoryState } from '../src/cluster/index.ts';

export interface ClusterBenchResult {
  articles: number;
  perDay: number;
  windowDays: number;
  seconds: number;
  articlesPerSecond: number;
  articlesPerCpuSecond: number;
  peakRssMb: number;
  baseRssMb: number;
  liveStoriesAtEnd: number;
  candidatesPerArticle: number;
  bcubed: { precision: number; recall: number; f1: number };
  rssTrace: { at: number; rssMb: number; live: number }[];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = 50_000;
const SYLL = ['ka', 'ro', 'mi', 'te', 'lu', 'san', 'dor', 'vel', 'qui', 'ne', 'bra', 'tos', 'el', 'par', 'gin', 'hu'];
function made(i: number, salt: number): string {
  let w = '';
  let x = i * 7919 + salt;
  do {
    w += SYLL[x % SYLL.length];
    x = Math.floor(x / SYLL.length);
  } while (x > 0);
  return w;
}

interface Planted {
  id: number;
  names: string[];
  words: string[];
  until: number;
}

class Stream {
  private readonly rand = rng(7);
  private readonly words: string[];
  private readonly cdf: Float64Array;
  private live: Planted[] = [];
  private nextStory = 0;
  private day = -1;
  readonly goldSize = new Map<number, number>();

  constructor(private readonly perDay: number) {
    this.words = Array.from({ length: VOCAB }, (_, i) => made(i + 1, 0));
    this.cdf = new Float64Array(VOCAB);
    let sum = 0;
    for (let i = 0; i < VOCAB; i++) this.cdf[i] = sum += 1 / (i + 1);
    for (let i = 0; i < VOCAB; i++) this.cdf[i]! /= sum;
  }

  private background(): string {
    const u = this.rand();
    let lo = 0;
    let hi = VOCAB - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }

  private newDay(day: number): void {
    this.day = day;
    this.live = this.live.filter((s) => s.until >= day);
    const fresh = Math.max(1, Math.round(this.perDay / 8));
    for (let i = 0; i < fresh; i++) {
      const id = this.nextStory++;
      const names = Array.from({ length: 6 }, (_, k) => {
        const n = made(id * 6 + k, 101);
        return n[0]!.toUpperCase() + n.slice(1);
      });
      const words = Array.from({ length: 15 }, (_, k) => made(id * 15 + k, 977) + 'x');
      this.live.push({ id, names, words, until: day + 1 + Math.floor(this.rand() * 4) });
    }
  }

  next(i: number): { id: string; title: string; paragraphs: string[]; published: string; story: number } {
    const day = Math.floor(i / this.perDay);
    if (day !== this.day) this.newDay(day);
    // Recent stories more often: the square of a uniform draw leans towards the end of the list.
    const r = this.rand();
    const s = this.live[this.live.length - 1 - Math.floor(r * r * this.live.length)]!;
    this.goldSize.set(s.id, (this.goldSize.get(s.id) ?? 0) + 1);
    const pick = <T>(xs: T[]) => xs[Math.floor(this.rand() * xs.length)]!;
    const title = [pick(s.words), pick(s.names), this.background(), pick(s.words), this.background(), this.background()].join(' ');
    const n = 120 + Math.floor(this.rand() * 241);
    const paras = 3 + Math.floor(this.rand() * 6);
    const out: string[] = [];
    let left = n;
    for (let p = 0; p < paras && left > 0; p++) {
      const len = p === paras - 1 ? left : Math.max(5, Math.round(n / paras));
      const ws: string[] = [];
      for (let k = 0; k < len && left > 0; k++, left--) {
        const u = this.rand();
        ws.push(u < 0.2 ? (u < 0.067 ? pick(s.names) : pick(s.words)) : this.background());
      }
      out.push(ws.join(' ') + '.');
    }
    const published = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    return { id: `a${i}g${s.id}`, title, paragraphs: out, published, story: s.id };
  }
}

const mb = (b: number) => Math.round(b / 1024 / 1024);

/** Runs one case and returns its figures. */
export function benchCluster(n: number, perDay: number, windowDays: number): ClusterBenchResult {
  const stream = new Stream(perDay);
  // B-cubed from per-story (gold, count) tallies taken at eviction, so no per-article map is held.
  let precisionSum = 0;
  const cells: number[] = []; // flat (gold, count) pairs
  const tally = (s: StoryState) => {
    const by = new Map<number, number>();
    let size = 0;
    for (const u of s.units) {
      for (const m of u.members) {
        const g = Number(m.id.slice(m.id.indexOf('g') + 1));
        by.set(g, (by.get(g) ?? 0) + 1);
        size++;
      }
    }
    for (const [g, c] of by) {
      precisionSum += (c * c) / size;
      cells.push(g, c);
    }
  };
  const clusterer = new StoryClusterer({ windowDays, onEvict: tally });
  (globalThis as { gc?: () => void }).gc?.();
  const baseRss = process.memoryUsage.rss();
  let peak = baseRss;
  const trace: ClusterBenchResult['rssTrace'] = [];
  const traceEvery = Math.max(1000, Math.floor(n / 20));
  let wall = 0;
  let cpu = 0;
  const BATCH = 1000;
  for (let done = 0; done < n; ) {
    const batch = [];
    for (let k = 0; k < BATCH && done + k < n; k++) batch.push(stream.next(done + k));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const a of batch) clusterer.add({ id: a.id, title: a.title, paragraphs: a.paragraphs, members: [{ id: a.id, published: a.published }] });
    const c = process.cpuUsage(c0);
    wall += performance.now() - t0;
    cpu += (c.user + c.system) / 1000;
    done += batch.length;
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    if (done % traceEvery < BATCH) {
      trace.push({ at: done, rssMb: mb(rss), live: clusterer.liveStories });
      console.error(`  ${done} articles  rss ${mb(rss)} MB  live stories ${clusterer.liveStories}`);
    }
  }
  const liveAtEnd = clusterer.liveStories;
  if (process.env.CLUSTER_BENCH_HEAP) {
    (globalThis as { gc?: () => void }).gc?.();
    const h = process.memoryUsage();
    console.error(`  after gc with ${liveAtEnd} live stories: heap used ${mb(h.heapUsed)} MB, rss ${mb(h.rss)} MB`);
  }
  for (const s of clusterer.stories()) tally(s);
  let recallSum = 0;
  for (let i = 0; i < cells.length; i += 2) recallSum += (cells[i + 1]! * cells[i + 1]!) / stream.goldSize.get(cells[i]!)!;
  const precision = precisionSum / n;
  const recall = recallSum / n;
  return {
    articles: n,
    perDay,
    windowDays,
    seconds: wall / 1000,
    articlesPerSecond: Math.round(n / (wall / 1000)),
    articlesPerCpuSecond: Math.round(n / (cpu / 1000)),
    peakRssMb: mb(peak),
    baseRssMb: mb(baseRss),
    liveStoriesAtEnd: liveAtEnd,
    candidatesPerArticle: Math.round((clusterer.scored / n) * 100) / 100,
    bcubed: { precision: round3(precision), recall: round3(recall), f1: round3((2 * precision * recall) / (precision + recall)) },
    rssTrace: trace,
  };
}
const round3 = (x: number) => Math.round(x * 1000) / 1000;

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const n = get('--articles', 10_000);
  console.log(JSON.stringify(benchCluster(n, get('--per-day', 20_000), get('--window-days', 7))));
}
