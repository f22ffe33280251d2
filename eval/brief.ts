/**
 * Labelled stories for the brief's components: the five seeds and three fictional example stories (dam,
 * court, strike), each run through ingest → template → extract → dedup → cluster exactly as the pipeline does (the briefs it writes),
 * then scored against hand gold in fixtures/brief/: quote recall and speaker accuracy (quotes), and
 * disagreement recall and precision (claims and numbers).
 *
 *   node --import tsx eval/brief.ts
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/records/index.ts';
import { readInputs } from '../src/ingest/index.ts';
import { runPipeline } from '../src/pipeline/index.ts';
import { QuoteGold, scoreQuotes, type QuoteScore } from '../src/brief/quotes/index.ts';
import { scoreClaims, type ClaimScore, type GoldClaimGroup } from '../src/brief/claims/index.ts';
import { REPO_ROOT, SEEDS_DIR } from './lib.ts';
import { EXAMPLES_DIR, stemOf } from './examples.ts';

const FIXTURES = join(REPO_ROOT, 'fixtures', 'brief');

export interface LabelledStory {
  name: string;
  /** Label used by the gold files (seed number or example stem) → article. */
  articles: Map<string, Article>;
  labelOf: (articleId: string) => string;
  quotes: QuoteScore | null;
  claims: ClaimScore | null;
}

/** Runs the files of one story through the pipeline and scores the components that have gold for it. */
async function scoreStory(name: string, files: string[], label: (source: string) => string): Promise<LabelledStory> {
  const run = await runPipeline(readInputs(files));
  const ok = run.results.filter((r): r is Article => r.ok);
  const articles = new Map(ok.map((a) => [label(a.source), a]));
  const labels = new Map(ok.map((a) => [a.id, label(a.source)]));
  const labelOf = (id: string) => labels.get(id) ?? id;

  let quotes: QuoteScore | null = null;
  const quoteGold = join(FIXTURES, 'quotes', `${name}.json`);
  if (existsSync(quoteGold)) {
    const gold = QuoteGold.parse(JSON.parse(readFileSync(quoteGold, 'utf8')));
    // The quotes of the landed briefs (every story the files form), as a reader gets them.
    quotes = scoreQuotes(gold.quotes, run.briefs.flatMap((b) => b.quotes), labelOf);
  }

  let claims: ClaimScore | null = null;
  const claimGold = join(FIXTURES, 'claims', `${name}.json`);
  if (existsSync(claimGold)) {
    const raw = JSON.parse(readFileSync(claimGold, 'utf8')) as {
      groups: { label: GoldClaimGroup['label']; counts: string; values: { value: number; articles: string[] }[] }[];
    };
    const gold: GoldClaimGroup[] = raw.groups.map((g) => ({
      label: g.label,
      counts: g.counts,
      values: g.values.map((v) => ({ value: v.value, articleIds: v.articles.map((n) => articles.get(n)?.id ?? n) })),
    }));
    claims = scoreClaims(gold, run.briefs.flatMap((b) => b.claims));
  }
  return { name, articles, labelOf, quotes, claims };
}

export function briefEvalAvailable(): boolean {
  return existsSync(SEEDS_DIR);
}

/** The labelled stories: seeds (when ../shared/seeds exists) and the example dam, court and strike stories. */
export async function evalBrief(): Promise<LabelledStory[]> {
  const stories: LabelledStory[] = [];
  if (briefEvalAvailable()) {
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS_DIR, f));
    stories.push(await scoreStory('seeds', seeds, (source) => stemOf(source).slice(0, 3)));
  }
  for (const story of ['dam', 'court', 'strike']) {
    const files = readdirSync(EXAMPLES_DIR).filter((f) => f.startsWith(`${story}-`)).sort().map((f) => join(EXAMPLES_DIR, f));
    stories.push(await scoreStory(story, files, stemOf));
  }
  return stories;
}

/** The gated brief figures, pooled over the labelled stories (counts summed, not means of ratios). */
export function pooledBriefFigures(stories: readonly LabelledStory[]): {
  quoteRecall?: number;
  quoteSpeakerAccuracy?: number;
  disagreementRecall?: number;
  disagreementPrecision?: number;
} {
  let quoteGold = 0, quoteFound = 0, speakerRight = 0, disGold = 0, disFound = 0, disPredicted = 0, disRight = 0;
  for (const s of stories) {
    if (s.quotes) {
      quoteGold += s.quotes.gold;
      quoteFound += s.quotes.found;
      speakerRight += Math.round(s.quotes.speakerAccuracy * s.quotes.found);
    }
    if (s.claims) {
      disGold += s.claims.goldDisagreements;
      disPredicted += s.claims.predictedDisagreements;
      disFound += Math.round(s.claims.disagreementRecall * s.claims.goldDisagreements);
      disRight += Math.round(s.claims.disagreementPrecision * s.claims.predictedDisagreements);
    }
  }
  return {
    quoteRecall: quoteGold ? quoteFound / quoteGold : undefined,
    quoteSpeakerAccuracy: quoteFound ? speakerRight / quoteFound : undefined,
    disagreementRecall: disGold ? disFound / disGold : undefined,
    disagreementPrecision: disPredicted ? disRight / disPredicted : undefined,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const s of await evalBrief()) {
    console.log(s.name, JSON.stringify({ quotes: s.quotes && { recall: s.quotes.recall, speakerAccuracy: s.quotes.speakerAccuracy }, claims: s.claims && { recall: s.claims.disagreementRecall, precision: s.claims.disagreementPrecision } }));
  }
}
