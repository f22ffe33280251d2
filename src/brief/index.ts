/**
 * The brief stage: Story + its Articles (+ the copy groups) → Brief, a pure function. The parts, in the
 * order a reader meets them: summary (summary/), quotes with their wording variants (quotes/), figures
 * aligned across sources (claims/), the timeline (timeline/), entities with roles (entities.ts), and the
 * sources with what each alone reports (sources.ts + summary/ exclusiveFacts). Every part counts sources
 * the same way (sources.ts): copies once, one wire's articles once.
 */
import type { Article, DedupResult, Story } from '../records/index.ts';
import type { Brief } from './types.ts';
import { storySources } from './sources.ts';
import { storyEntities } from './entities.ts';
import { extractEntities } from '../entities/index.ts';
import { extractQuotes, mergeQuotes } from './quotes/index.ts';
import { alignClaims, extractClaims } from './claims/index.ts';
import { DEFAULT_SUMMARY_WORDS, exclusiveFacts, summarise } from './summary/index.ts';
import { buildTimeline } from './timeline/index.ts';

export { Brief, BriefEntity, BriefSource, Citation, SummarySentence, TimelineEvent } from './types.ts';
export { storySources, sourceNames, type StorySources } from './sources.ts';
export { renderBriefMarkdown, renderBriefHtml, renderBriefsHtml, escapeHtml, safeHref, plural } from './render.ts';

export interface BriefOptions {
  /** Summary length in words (the last sentence may run over; see summary/budget.ts). */
  summaryWords: number;
  /** Exclusive facts listed per source. */
  exclusivePerSource: number;
}

/** Exclusive facts per source: enough to show what a source adds, few enough to read beside the others. */
export const DEFAULT_EXCLUSIVE_PER_SOURCE = 3;

export const DEFAULT_BRIEF_OPTIONS: BriefOptions = { summaryWords: DEFAULT_SUMMARY_WORDS, exclusivePerSource: DEFAULT_EXCLUSIVE_PER_SOURCE };

export interface BriefInput {
  story: Story;
  /** The story's member articles (others are ignored). */
  articles: readonly Article[];
  /** The dedup stage's copy groups over (at least) these articles. */
  copies: DedupResult;
}

/**
 * Write the brief of one story.
 *
 * @example
 *   const run = await runPipeline(pages);
 *   const brief = briefStory({ story: run.stories[0], articles: run.articles, copies: run.copies });
 *   brief.quotes[0].variants.length // 2: one remark in two wordings
 */
export function briefStory(input: BriefInput, options: BriefOptions = DEFAULT_BRIEF_OPTIONS): Brief {
  const { story, copies } = input;
  const members = new Set(story.articles);
  const articles = input.articles.filter((a) => members.has(a.id));
  const src = storySources(story, articles, copies);
  const dateString = (id: string) => src.dateOf(id)?.date ?? null;
  const parts = { articles, sourceOf: src.sourceOf, unitOf: src.unitOf, dateOf: dateString };

  // Entities once per article: quotes resolve speakers with them, claims read places, the entities part lists them.
  const entitiesById = new Map(articles.map((a) => [a.id, extractEntities({ title: a.title, paragraphs: a.paragraphs })]));
  const entitiesOf = (id: string) => entitiesById.get(id) ?? [];

  const summary = summarise(parts, { words: options.summaryWords });
  const exclusive = exclusiveFacts(parts, { perSource: options.exclusivePerSource });
  const quotes = mergeQuotes(articles.map((article) => ({ article, quotes: extractQuotes(article, entitiesOf(article.id)) })), copies);
  const claims = alignClaims(articles.flatMap((a) => extractClaims(a, dateString(a.id), entitiesOf(a.id))), src.sourceOf);
  const timeline = buildTimeline({ articles, dateOf: src.dateOf, sourceOf: src.sourceOf, unitOf: src.unitOf });
  const entities = storyEntities({ articles, sourceOf: src.sourceOf, entitiesOf });

  // Not re-validated here: every part builds its record from typed code, and tests parse whole briefs
  // with the schema; validation belongs at the edges (files, HTTP, the store).
  return {
    storyId: story.id,
    title: story.title,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    articleCount: articles.length,
    independentSourceCount: src.count,
    citations: src.citations,
    summary,
    quotes,
    claims,
    timeline,
    entities,
    sources: src.list.map((s) => ({ ...s, exclusive: exclusive.get(s.name) ?? [] })),
  };
}
