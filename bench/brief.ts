/**
 * Brief-stage benchmark: the time to write the brief of one story of N articles (issue 5's goal: a
 * 100-article story in under 500 ms), whole and by part.
 *
 *   node --import tsx --expose-gc bench/brief.ts [--articles 100] [--reps 5]
 *
 * The story: N real news articles from ECB+ (../shared/data/ecbplus-dev), taken topic by topic so the
 * story holds several related events (as a big developing story does), with a tenth of them planted as
 * copies of others under another outlet (copy groups and shared quotes exercise source counting) and
 * dates spread over a week; without ECB+, the bundled examples' articles, cycled with a counter. All
 * members are put into one Story record, so every part works over all N. Each figure is the least CPU
 * time of `--reps` runs after one warm-up run. Prints one JSON line.
 */
import { readInputs } from '../src/ingest/index.ts';
import { runPipeline } from '../src/pipeline/index.ts';
import { Article, type Story } from '../src/records/index.ts';
import { dedupArticles } from '../src/dedup/index.ts';
import { briefStory, storySources } from '../src/brief/index.ts';
import { summarise, exclusiveFacts } from '../src/brief/summary/index.ts';
import { extractQuotes, mergeQuotes } from '../src/brief/quotes/index.ts';
import { alignClaims, extractClaims } from '../src/brief/claims/index.ts';
import { buildTimeline } from '../src/brief/timeline/index.ts';
import { storyEntities } from '../src/brief/entities.ts';
import { ecbAvailable, loadEcb } from '../eval/cluster.ts';
import { REPO_ROOT, seededRng } from '../eval/lib.ts';
import { join } from 'node:path';

export interface BriefBenchResult {
  articles: number;
  corpus: string;
  /** Least CPU milliseconds of one whole briefStory() call. */
  briefMs: number;
  parts: Record<string, number>;
  peakRssMb: number;
  summarySentences: number;
  quotes: number;
  claimGroups: number;
  timelineEvents: number;
}

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function leastCpu(reps: number, run: () => unknown): number {
  run();
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = cpuMs();
    run();
    best = Math.min(best, cpuMs() - t0);
  }
  return Math.round(best * 10) / 10;
}

const OUTLETS = ['Daily Ledger', 'Harbour Times', 'The Courier', 'Metro Wire', 'Evening Post', 'Valley News', 'Global Desk', 'Northern Star'];
const WIRES = ['Reuters', 'AP', 'AFP', null, null, null];
/** Share of members planted as copies of an earlier member under another outlet. */
const COPY_SHARE = 0.1;

function toArticle(id: string, title: string | null, paragraphs: string[], i: number, rng: () => number): Article {
  const day = 1 + Math.floor(rng() * 7);
  return Article.parse({
    ok: true, id, source: `bench/${id}`, url: null, format: 'text', title, outlet: OUTLETS[i % OUTLETS.length], originalSource: WIRES[i % WIRES.length],
    originalSourceEvidence: null, published: `2026-03-0${day}`, publishedEvidence: null, dateline: null, byline: null, language: 'en',
    paragraphs, text: paragraphs.join('\n\n'), wordCount: paragraphs.join(' ').split(/\s+/u).length, removed: [], fetchedAt: null,
  });
}

async function corpus(n: number): Promise<{ articles: Article[]; name: string }> {
  const rng = seededRng(20261207);
  let base: { id: string; title: string | null; paragraphs: string[] }[];
  let name: string;
  if (ecbAvailable()) {
    base = loadEcb()
      .sort((a, b) => a.topic - b.topic || (a.article.id < b.article.id ? -1 : 1))
      .map((d) => ({ id: d.article.id, title: d.article.title, paragraphs: d.article.paragraphs }));
    name = 'ECB+ (topics in order)';
  } else {
    console.warn('bench/brief: ../shared/data/ecbplus-dev not found; using the bundled examples, cycled');
    const run = await runPipeline(readInputs([join(REPO_ROOT, 'examples')]));
    base = run.results.filter((r): r is Article => r.ok).map((a) => ({ id: a.id, title: a.title, paragraphs: a.paragraphs }));
    name = 'examples (cycled)';
  }
  const articles: Article[] = [];
  for (let i = 0; articles.length < n; i++) {
    if (i > 0 && rng() < COPY_SHARE) {
      const of = articles[Math.floor(rng() * articles.length)]!;
      articles.push(toArticle(`copy${i}`, of.title, [...of.paragraphs], i, rng));
      continue;
    }
    const b = base[i % base.length]!;
    articles.push(toArticle(`${b.id}#${i}`, b.title, b.paragraphs, i, rng));
  }
  return { articles, name };
}

const n = Number(arg('--articles', '100'));
const reps = Number(arg('--reps', '5'));
const { articles, name } = await corpus(n);
const copies = dedupArticles(articles);
const story: Story = {
  id: 'bench', title: articles[0]!.title, articles: articles.map((a) => a.id), firstSeen: null, lastSeen: null, entities: [], members: [], merges: [], dates: [],
};

let brief = briefStory({ story, articles, copies });
const briefMs = leastCpu(reps, () => (brief = briefStory({ story, articles, copies })));
const src = storySources(story, articles, copies);
const dateString = (id: string) => src.dateOf(id)?.date ?? null;
const parts = { articles, sourceOf: src.sourceOf, unitOf: src.unitOf, dateOf: dateString };
const partMs: Record<string, number> = {
  sources: leastCpu(reps, () => storySources(story, articles, copies)),
  summary: leastCpu(reps, () => summarise({ ...parts })),
  exclusive: leastCpu(reps, () => exclusiveFacts({ ...parts })),
  quotes: leastCpu(reps, () => mergeQuotes(articles.map((article) => ({ article, quotes: extractQuotes(article) })), copies)),
  claims: leastCpu(reps, () => alignClaims(articles.flatMap((a) => extractClaims(a, dateString(a.id))), src.sourceOf)),
  timeline: leastCpu(reps, () => buildTimeline({ articles, dateOf: src.dateOf, sourceOf: src.sourceOf, unitOf: src.unitOf })),
  entities: leastCpu(reps, () => storyEntities({ articles, sourceOf: src.sourceOf })),
};

const result: BriefBenchResult = {
  articles: n,
  corpus: name,
  briefMs,
  parts: partMs,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  summarySentences: brief.summary.length,
  quotes: brief.quotes.length,
  claimGroups: brief.claims.length,
  timelineEvents: brief.timeline.length,
};
console.log(JSON.stringify(result));
