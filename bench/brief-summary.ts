/**
 * Summary benchmark: CPU time of summarise() (and of exclusiveFacts() on the same input, which reuses
 * its analysis, and of the LexRank baseline for comparison) on one story of N articles. The brief's
 * goal is a 100-article story in under 500 ms for the whole brief, so the summary should take a small
 * part of that.
 *
 *   node --import tsx bench/brief-summary.ts [--articles 100,400] [--reps 5]
 *
 * The story: N ECB+ documents (../shared/data/ecbplus-dev) taken subtopic by subtopic in file order,
 * so it holds several related events as a big developing story does, with every tenth planted as a
 * verbatim copy of the one before under the same source (copy groups exercised) and the rest each its
 * own source. Without ECB+, a synthetic story from a seeded Zipf vocabulary (30 sentences of 12–30
 * words an article, a fifth of each sentence drawn from 40 story words). Each figure is the least CPU
 * time of `--reps` runs, each on a fresh input object (nothing cached), after one warm-up.
 * Prints one line per size and a JSON line last.
 */
import { summarise, exclusiveFacts, lexRank, type SummaryInput } from '../src/brief/summary/index.ts';
import { ecbSummaryDataAvailable, loadEcbArticles } from '../eval/summary.ts';
import { seededRng } from '../eval/lib.ts';
import { ZipfSampler } from './zipf.ts';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

type BenchArticle = SummaryInput['articles'][number];

function ecbArticles(n: number): BenchArticle[] {
  const all = loadEcbArticles();
  return Array.from({ length: n }, (_, i) => {
    const d = all[i % all.length]!;
    return { id: `${d.id}#${i}`, title: d.title, paragraphs: d.paragraphs, language: 'en' };
  });
}

function syntheticArticles(n: number): BenchArticle[] {
  const rng = seededRng(20261207);
  const zipf = new ZipfSampler(30_000, rng);
  const word = (r: number) => `w${r.toString(36)}`;
  const story = Array.from({ length: 40 }, (_, i) => `story${i}`);
  return Array.from({ length: n }, (_, a) => {
    const paragraphs: string[] = [];
    for (let p = 0; p < 15; p++) {
      const sentences: string[] = [];
      for (let s = 0; s < 2; s++) {
        const len = 12 + Math.floor(rng() * 19);
        const words = Array.from({ length: len }, () => (rng() < 0.2 ? story[Math.floor(rng() * story.length)]! : word(zipf.next())));
        sentences.push(`The ${words.join(' ')}.`);
      }
      paragraphs.push(sentences.join(' '));
    }
    return { id: `a${a}`, title: null, paragraphs, language: 'en' };
  });
}

function input(articles: BenchArticle[]): SummaryInput {
  // Every tenth article is a copy of the one before it: same unit, same source.
  const unit = new Map(articles.map((a, i) => [a.id, i % 10 === 9 ? articles[i - 1]!.id : a.id]));
  const copies = articles.map((a, i) => (i % 10 === 9 ? { ...a, paragraphs: articles[i - 1]!.paragraphs } : a));
  return { articles: copies, sourceOf: (id) => `source:${unit.get(id)}`, unitOf: (id) => unit.get(id)!, dateOf: () => null };
}

function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const sizes = arg('--articles', '100,400').split(',').map(Number);
const reps = Number(arg('--reps', '5'));
const corpus = ecbSummaryDataAvailable() ? 'ecbplus' : 'synthetic';
const results: { articles: number; sentences: number; summariseMs: number; exclusiveMs: number; lexRankMs: number }[] = [];
for (const n of sizes) {
  const articles = corpus === 'ecbplus' ? ecbArticles(n) : syntheticArticles(n);
  summarise(input(articles));
  let summariseMs = Infinity;
  let exclusiveMs = Infinity;
  let lexRankMs = Infinity;
  for (let r = 0; r < reps; r++) {
    const story = input(articles);
    summariseMs = Math.min(summariseMs, cpuMs(() => summarise(story)));
    exclusiveMs = Math.min(exclusiveMs, cpuMs(() => exclusiveFacts(story)));
    lexRankMs = Math.min(lexRankMs, cpuMs(() => lexRank(input(articles))));
  }
  const sentences = articles.reduce((s, a) => s + a.paragraphs.length, 0);
  results.push({ articles: n, sentences, summariseMs, exclusiveMs, lexRankMs });
  console.log(
    `${corpus}: ${n} articles (${sentences} paragraphs): summarise ${summariseMs.toFixed(1)} ms CPU, then exclusiveFacts ${exclusiveMs.toFixed(1)} ms; LexRank ${lexRankMs.toFixed(1)} ms`,
  );
}
console.log(JSON.stringify({ corpus, reps, results }));
