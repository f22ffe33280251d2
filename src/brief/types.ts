/**
 * The Brief record: what the brief stage (Story + Articles → Brief) hands to the CLI, the store, the HTTP
 * API and the web page. Zod schemas, as in src/records, so a brief read back from a file or sent over HTTP
 * is validated by the definition that documents it (`storyweave schema brief` prints its JSON Schema).
 *
 * Sources: every `sources` list names independent sources as the dedup stage counts them (a copy group
 * counts once; articles of one wire or paper are one source), so "two outlets ran the same New York Times
 * article" shows as one source.
 */
import { z } from 'zod';
import { Quote } from './quotes/types.ts';
import { ClaimGroup } from './claims/types.ts';

/** One sentence of the summary, with every article and independent source that states it. */
export const SummarySentence = z.object({
  text: z.string().describe('The sentence, verbatim from its article (whitespace normalised)'),
  articleId: z.string().describe('The article the wording comes from'),
  paragraph: z.number().int().nonnegative().describe('0-based paragraph of that article'),
  articleIds: z
    .array(z.string())
    .min(1)
    .describe('Every article stating this fact (the same sentence, or one that says the same thing): articleId first'),
  sources: z.array(z.string()).min(1).describe('Independent sources behind it; copies count once'),
  singleSource: z.boolean().describe('True when a single independent source reports it'),
});
export type SummarySentence = z.infer<typeof SummarySentence>;

/** One dated event of the story. */
export const TimelineEvent = z.object({
  date: z.string().describe('YYYY-MM-DD (YYYY-MM or YYYY at coarser precision); for a range, its first day'),
  end: z.string().nullable().describe('Last day of a range ("Tuesday evening or Wednesday morning"), null for a single day'),
  precision: z.enum(['day', 'month', 'year']),
  uncertain: z
    .boolean()
    .describe('True when the date is a range, rests on an inferred publication date, or comes from a vague expression'),
  tense: z.enum(['past', 'present', 'future']).describe('future = planned or expected when it was reported'),
  text: z.string().describe('The sentence stating the event, verbatim from its first article'),
  phrase: z.string().describe('The time expression as written ("on Monday", "05.12.2016", "later yesterday")'),
  articleIds: z.array(z.string()).min(1),
  sources: z.array(z.string()).min(1).describe('Independent sources reporting the event; copies count once'),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** A person, place or organisation of the story, spelling variants merged. */
export const BriefEntity = z.object({
  name: z.string().describe('Display form, e.g. "Sergei Lavrov"'),
  key: z.string().describe('Matching key shared by its spelling variants'),
  kind: z.enum(['person', 'place', 'organization']),
  variants: z.array(z.string()).describe('Surface forms seen across the articles'),
  roles: z.array(z.string()).describe('Roles the articles give a person ("Russian Foreign Minister"), most cited first'),
  mentions: z.number().int().nonnegative().describe('Mentions across all articles'),
  bySource: z.array(z.object({ source: z.string(), mentions: z.number().int().positive() })).describe('Mentions per independent source'),
});
export type BriefEntity = z.infer<typeof BriefEntity>;

/** One independent source of the story and what it alone reports. */
export const BriefSource = z.object({
  name: z.string().describe('The wire, paper or outlet whose reporting this is'),
  articles: z
    .array(
      z.object({
        id: z.string(),
        outlet: z.string().nullable().describe('The site that published this copy'),
        copyOf: z.string().nullable().describe('Canonical article id when this is a copy of another member, else null'),
      }),
    )
    .min(1),
  firstSeen: z.string().nullable().describe('Earliest publication date (given or inferred) of its articles'),
  exclusive: z
    .array(z.object({ text: z.string(), articleId: z.string() }))
    .describe('Facts only this source reports: its sentences no other independent source states, most important first'),
});
export type BriefSource = z.infer<typeof BriefSource>;

/** A numbered reference the Markdown and HTML forms cite as [n]. */
export const Citation = z.object({
  n: z.number().int().positive(),
  articleId: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  source: z.string().describe('Independent source name'),
  location: z.string().describe('Where the page came from: its URL or file path'),
  published: z.string().nullable().describe('Publication date, given or inferred (YYYY-MM-DD)'),
  inferred: z.boolean().describe('True when `published` was inferred by the cluster stage'),
});
export type Citation = z.infer<typeof Citation>;

/** The brief of one story. */
export const Brief = z.object({
  storyId: z.string(),
  title: z.string().nullable(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  articleCount: z.number().int().nonnegative(),
  independentSourceCount: z.number().int().nonnegative(),
  citations: z.array(Citation).describe('One per member article, numbered by publication date then id'),
  summary: z.array(SummarySentence).describe('Most important first, no fact said twice'),
  quotes: z.array(Quote),
  claims: z.array(ClaimGroup).describe('Figures aligned across sources: agree, disagree, evolving, single'),
  timeline: z.array(TimelineEvent).describe('Sorted by date'),
  entities: z.array(BriefEntity).describe('Most mentioned first'),
  sources: z.array(BriefSource),
});
export type Brief = z.infer<typeof Brief>;
