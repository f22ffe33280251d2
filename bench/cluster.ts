/**
 * Cluster-stage benchmark, one case per process so peak RSS belongs to that case alone:
 *
 *   node --import tsx --expose-gc bench/cluster.ts --articles N [--per-day K] [--window-days D] [--workers W]
 *
 * A synthetic dated stream from a seeded PRNG, generated on the fly (nothing is held but the
 * clusterer): K articles per simulated day (default 20,000, so 1M articles span 50 days). Stories are
 * planted: each day K/8 new stories start and live 1–4 days, each with 2–3 people ("Firstname
 * Lastname" drawn from seeded lists of 60 first names and 80 surnames, so people recur across stories),
 * 1–2 places with a cue ("in Port Sanvel", "near Mount Velra", "Karo City"), one organisation ("Velra
 * Ministry", "the Rokai Council"), 12 topic words and 2 numbers of its own. An article picks a live story
 * (recent ones more often); its title is two topic words, a person's surname and a place reference among
 * background words; its body is 3–8 paragraphs of 1–3 sentences, each "The" + 8–20 words where one in
 * five is the story's (topic word 13%, "Firstname Lastname said" 3%, place 2%, organisation 1%, number
 * 1%) and the rest is drawn from a 50,000-word Zipf background vocabulary (s ≈ 1, as news text).
 * Articles arrive in date order, unit by unit, through StoryClusterer.add (features + candidate
 * retrieval + scoring + insert) or, with `--workers N`, through clusterStream (features on N worker
 * threads, the rest in order on this one: the same stories); stories leave the index after the window
 * (default 7 days) through onEvict, where B-cubed counts against the planted stories are taken and the
 * story dropped. Timed: the whole loop minus making the input and tracing memory (wall and CPU).
 * Prints one JSON line (the last line of stdout).
 */
import { StoryClusterer, clusterStream, type ClusterUnit, type StoryState } from '../src/cluster/index.ts';
import { seededRng } from '../eval/lib.ts';
import { ZipfSampler } from './zipf.ts';

export interface ClusterBenchResult {
  articles: number;
  perDay: number;
  windowDays: number;
  /** Feature worker threads (0: features on the clusterer's thread). */
  workers: number;
  seconds: number;
  articlesPerSecond: number;
  articlesPerCpuSecond: number;
  peakRssMb: number;
  baseRssMb: number;
  liveStoriesAtEnd: number;
  candidatesPerArticle: number;
  bcubed: { precision: number; recall: number; f1: number };
  /** RSS, and live heap after a full collection (untimed), at intervals: flat once the window is full if memory is bounded by it. */
  rssTrace: { at: number; rssMb: number; heapMb: number; live: number; vocab: number }[];
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
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/**
 * People are "Firstname Lastname" from these lists (common given names and surnames across languages,
 * hand-written for the bench): 60 × 80 = 4,800 distinct people, so unrelated stories do share a person
 * now and then, as in news.
 */
const FIRST = 'James Maria Anna John Elena David Sofia Peter Laura Michael Olga Thomas Sarah Daniel Irina Robert Emma Andrei Julia Paul Fatima Ahmed Yuki Carlos Lucia Marco Nadia Ivan Hannah Omar Grace Pedro Alice Viktor Chen Amira Jonas Leila Samuel Nina Lars Rosa Hugo Clara Felix Mina Tomas Eva Diego Ines Karl Lena Rafael Zofia Mark Helen Sergei Ana Pavel Marta'.split(' ');
const LAST = 'Kowalski Moreau Schneider Rossi Novak Petrov Lindqvist Haddad Tanaka Okafor Fischer Santos Jensen Kovacs Horvat Murphy Brennan Dubois Weber Costa Nilsson Ivanova Rahman Silva Meyer Larsen Bauer Marino Wright Keller Romero Hoffmann Garcia Sokolov Nakamura Mensah Walsh Berger Ferreira Dahl Kaplan Becker Lehmann Popescu Varga Mendes Ortiz Sato Hughes Kramer Andersen Morales Vogel Lopez Wagner Rinaldi Barros Hansen Klein Duarte Castillo Pereira Ward Fleming Holm Stein Abbott Carver Dunn Ellis Fox Gray Hale Irwin Judd Kemp Lowe Marsh'.split(' ');
/** Place-name cues: a made-up stem needs one to read as a place ("in Karvik", "Port Elden", "Mount Velra"). */
const PLACE_FORMS: ((stem: string) => string)[] = [(x) => `Port ${x}`, (x) => `Mount ${x}`, (x) => `${x} City`, (x) => `Lake ${x}`, (x) => `${x}`];
/** Organisation heads: "the Karvik Council", "Velra Ministry of Health". */
const ORG_FORMS: ((stem: string) => string)[] = [(x) => `${x} Ministry`, (x) => `the ${x} Council`, (x) => `${x} Holdings`, (x) => `the ${x} Workers Union`, (x) => `${x} University`];
const VERBS = ['said', 'told reporters', 'announced', 'confirmed', 'warned', 'added'];

interface Planted {
  id: number;
  people: string[];
  places: string[];
  /** Place phrases as they read inside a sentence: "in Karvik", "near Port Elden". */
  placeRefs: string[];
  orgs: string[];
  words: string[];
  numbers: string[];
  until: number;
}

class Stream {
  private readonly rand = seededRng(7);
  private readonly words: string[];
  private readonly zipf: ZipfSampler;
  private live: Planted[] = [];
  private nextStory = 0;
  private day = -1;
  readonly goldSize = new Map<number, number>();

  constructor(private readonly perDay: number) {
    this.words = Array.from({ length: VOCAB }, (_, i) => made(i + 1, 0));
    this.zipf = new ZipfSampler(VOCAB, this.rand);
  }

  private background(): string {
    return this.words[this.zipf.next()]!;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }

  private newDay(day: number): void {
    this.day = day;
    this.live = this.live.filter((s) => s.until >= day);
    const fresh = Math.max(1, Math.round(this.perDay / 8));
    for (let i = 0; i < fresh; i++) {
      const id = this.nextStory++;
      const people = Array.from({ length: 2 + Math.floor(this.rand() * 2) }, () => `${this.pick(FIRST)} ${this.pick(LAST)}`);
      const places = Array.from({ length: 1 + Math.floor(this.rand() * 2) }, (_, k) => this.pick(PLACE_FORMS)(cap(made(id * 3 + k, 101))));
      const placeRefs = places.map((p, k) => (k === 0 ? `in ${p}` : `near ${p}`));
      const orgs = [this.pick(ORG_FORMS)(cap(made(id, 4409)))];
      const words = Array.from({ length: 12 }, (_, k) => made(id * 12 + k, 977) + 'x');
      const numbers = [String(10 + Math.floor(this.rand() * 990)), String(1000 + Math.floor(this.rand() * 90_000))];
      this.live.push({ id, people, places, placeRefs, orgs, words, numbers, until: day + 1 + Math.floor(this.rand() * 4) });
    }
  }

  /** One sentence: "The" + 8–20 words, one in five the story's (a name, place, organisation or number among them). */
  private sentence(s: Planted): string {
    const len = 8 + Math.floor(this.rand() * 13);
    const ws = ['The'];
    for (let k = 0; k < len; k++) {
      const u = this.rand();
      if (u < 0.13) ws.push(this.pick(s.words));
      else if (u < 0.16) ws.push(this.pick(s.people), this.pick(VERBS));
      else if (u < 0.18) ws.push(this.pick(s.placeRefs));
      else if (u < 0.19) ws.push(this.pick(s.orgs));
      else if (u < 0.2) ws.push(this.pick(s.numbers));
      else ws.push(this.background());
    }
    return ws.join(' ') + '.';
  }

  next(i: number): { id: string; title: string; paragraphs: string[]; published: string; story: number } {
    const day = Math.floor(i / this.perDay);
    if (day !== this.day) this.newDay(day);
    // Recent stories more often: the square of a uniform draw leans towards the end of the list.
    const r = this.rand();
    const s = this.live[this.live.length - 1 - Math.floor(r * r * this.live.length)]!;
    this.goldSize.set(s.id, (this.goldSize.get(s.id) ?? 0) + 1);
    const who = this.pick(s.people);
    const title = [cap(this.pick(s.words)), this.background(), who.slice(who.indexOf(' ') + 1), this.background(), this.pick(s.words), this.pick(s.placeRefs)].join(' ');
    const paras = 3 + Math.floor(this.rand() * 6);
    const out: string[] = [];
    for (let p = 0; p < paras; p++) {
      const n = 1 + Math.floor(this.rand() * 3);
      const ss: string[] = [];
      for (let k = 0; k < n; k++) ss.push(this.sentence(s));
      out.push(ss.join(' '));
    }
    const published = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    return { id: `a${i}g${s.id}`, title, paragraphs: out, published, story: s.id };
  }
}

const mb = (b: number) => Math.round(b / 1024 / 1024);

/**
 * Runs one case and returns its figures. With `workers` > 0 units go through clusterStream (features on
 * that many worker threads, stories assigned in order on this one); with 0 through StoryClusterer.add
 * on this thread alone. Either way the clock runs over the whole loop minus the time spent making the
 * synthetic input and taking the memory trace, so the figure is what the stage sustains when input
 * is waiting for it. CPU time is the whole process's (worker threads included) minus that same time.
 */
export async function benchCluster(n: number, perDay: number, windowDays: number, workers = 0): Promise<ClusterBenchResult> {
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
  /** Milliseconds spent making input and tracing memory: not the stage's work. */
  let outside = 0;
  const BATCH = 1000;
  function* input(): Generator<ClusterUnit> {
    for (let done = 0; done < n; ) {
      const t0 = performance.now();
      if (done > 0) {
        const rss = process.memoryUsage.rss();
        if (rss > peak) peak = rss;
        if (done % traceEvery < BATCH) {
          // RSS alone follows V8's heap sizing (it grows into free memory); the live heap after a full
          // collection is what the clusterer holds.
          (globalThis as { gc?: () => void }).gc?.();
          const heap = process.memoryUsage().heapUsed;
          trace.push({ at: done, rssMb: mb(rss), heapMb: mb(heap), live: clusterer.liveStories, vocab: clusterer.vocabularySize });
          console.error(`  ${done} articles  rss ${mb(rss)} MB  heap after gc ${mb(heap)} MB  live stories ${clusterer.liveStories}  vocabulary ${clusterer.vocabularySize}`);
        }
      }
      const batch: ClusterUnit[] = [];
      for (let k = 0; k < BATCH && done + k < n; k++) {
        const a = stream.next(done + k);
        batch.push({ id: a.id, title: a.title, paragraphs: a.paragraphs, members: [{ id: a.id, published: a.published }] });
      }
      outside += performance.now() - t0;
      done += batch.length;
      yield* batch;
    }
  }
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  if (workers > 0) {
    for await (const _ of clusterStream(input(), clusterer, { workers })) void _;
  } else {
    for (const unit of input()) clusterer.add(unit);
  }
  const c = process.cpuUsage(c0);
  const wall = performance.now() - t0 - outside;
  const cpu = (c.user + c.system) / 1000 - outside;
  const rss = process.memoryUsage.rss();
  if (rss > peak) peak = rss;
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
    workers,
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
  console.log(JSON.stringify(await benchCluster(n, get('--per-day', 20_000), get('--window-days', 7), get('--workers', 0))));
}
