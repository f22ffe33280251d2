/**
 * The brief's timeline: the dated events of one story. Each sentence of each article is read for time
 * expressions (expressions.ts) outside quotations; each is resolved against the article's publication
 * date, given or inferred, in the direction its clause gives (tense.ts, resolve.ts); the same event
 * reported by several articles (same resolved date, shared content words) becomes one event with every
 * article and independent source (merge.ts); events are sorted by date.
 *
 * Pure; no clock.
 */
import type { Article } from '../../records/index.ts';
import type { TimelineEvent } from '../types.ts';
import { temporalReferences } from '../../cluster/dates.ts';
import { splitSentences } from '../claims/sentences.ts';
import { tokenize } from '../claims/numbers.ts';
import { findExpressions, mayHoldTime, type TimeExpression } from './expressions.ts';
import { dayFirstOf, resolveExpression, type Resolved } from './resolve.ts';
import { clauseTense, statesEvent, type Tense } from './tense.ts';
import { mergeEvents, type Mention } from './merge.ts';

export { findExpressions, type Anchor, type TimeExpression } from './expressions.ts';
export { resolveExpression, dayFirstOf, resolveWeekday, type Resolved, type ResolveContext } from './resolve.ts';
export { clauseTense, type Tense } from './tense.ts';
export { MIN_SHARED_TERMS, eventTerms } from './merge.ts';

export interface TimelineInput {
  /** The articles of one story. */
  articles: readonly Pick<Article, 'id' | 'title' | 'paragraphs' | 'language' | 'published'>[];
  /** Publication date used to resolve relative expressions: given, else inferred by the cluster stage. */
  dateOf: (articleId: string) => { date: string; inferred: boolean } | null;
  /** Independent source name (copies share one). */
  sourceOf: (articleId: string) => string;
  /** Canonical id of the article's copy group. */
  unitOf: (articleId: string) => string;
}

/**
 * Offsets of a paragraph that sit inside quotations: a speaker's "today" or "yesterday" is the
 * speaker's, and a quoted remark is not a dated event of the story. A paragraph whose opening quote
 * never closes runs the quotation to its end (the convention for a quote continued in the next
 * paragraph). Single quotes count only around 12+ characters (an apostrophe is the same mark).
 */
export function quotedSpans(paragraph: string): boolean[] {
  const masked = new Array<boolean>(paragraph.length).fill(false);
  let open: string | null = null;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i]!;
    if (open === null) {
      if (c === '“' || c === '„' || c === '«') open = c === '«' ? '»' : '”';
      else if (c === '"' && (i === 0 || /[\s(\[—–-]/.test(paragraph[i - 1]!))) open = '"';
      else if (c === '‘' && /^[^’]{12,}’/.test(paragraph.slice(i + 1))) open = '’';
      if (open !== null) masked[i] = true;
      continue;
    }
    masked[i] = true;
    if (c === open) open = null;
  }
  return masked;
}

/**
 * The tense an event gets against its report: wholly before the publication day it happened ("the
 * panel would examine the 2023 inspection report": the inspection is past), wholly after it is ahead
 * ("union members vote between April 24 and April 28"); on the day itself the clause decides.
 */
function tenseAgainst(r: Resolved, base: string, clause: Tense): Tense {
  const at = (iso: string) => base.slice(0, iso.length);
  const last = r.end ?? r.date;
  if (last < at(last)) return 'past';
  if (r.date > at(r.date)) return 'future';
  return clause === 'present' && r.precision !== 'day' ? 'past' : clause;
}

const QUOTE_MARKS = /["“„«‘]/;

/** Expressions that are spans of days ("this week", "at the weekend"): dropped when the sentence also names a day. */
const isSpan = (e: TimeExpression) => e.from.kind === 'period' && (e.from.unit === 'week' || e.from.unit === 'weekend');

/** Every dated mention of one article, in reading order. */
function articleMentions(article: TimelineInput['articles'][number], input: TimelineInput): Mention[] {
  const pub = input.dateOf(article.id);
  const base = pub?.date ?? null;
  // the cluster stage's reading of the article's style; only an article that says "yesterday" or "last night" can have it
  const yesterdayStyle =
    article.paragraphs.some((p) => /yesterday|last night/i.test(p)) &&
    temporalReferences({ id: article.id, title: article.title, paragraphs: article.paragraphs, published: base }).yesterdayStyle;
  const dayFirst = dayFirstOf(article.paragraphs, article.language);
  const out: Mention[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    let mask: boolean[] | null | undefined;
    let cursor = 0;
    splitSentences(paragraph).forEach((sentence, s) => {
      const offset = paragraph.indexOf(sentence, cursor);
      cursor = offset + sentence.length;
      if (!mayHoldTime(sentence)) return;
      if (mask === undefined) mask = QUOTE_MARKS.test(paragraph) ? quotedSpans(paragraph) : null;
      const m = mask;
      const toks = tokenize(sentence);
      const exprs = findExpressions(sentence, m ? (o) => m[offset + o] === true : () => false, toks);
      if (exprs.length === 0) return;
      const tokenAt = (start: number) => toks.findIndex((t) => t.start === start);
      const found: { e: TimeExpression; r: Resolved; tense: Tense }[] = [];
      for (const e of exprs) {
        const at = tokenAt(e.start);
        const now = e.from.kind === 'relative' || (e.from.kind === 'period' && e.from.which === 0);
        if (now) {
          const after = toks.findIndex((t) => t.start >= e.end);
          if (!statesEvent(toks, at, after < 0 ? toks.length : after)) continue;
        }
        let tense = clauseTense(toks, at, e.lead);
        // "tomorrow" is ahead whatever the verb; "later yesterday" keeps its clause ("was due to meet …")
        if (e.from.kind === 'relative' && e.from.days > 0) tense = 'future';
        const r = resolveExpression(e, { base, future: tense === 'future', yesterdayStyle, dayFirst });
        if (!r) continue;
        found.push({ e, r, tense: base ? tenseAgainst(r, base, tense) : tense });
      }
      const namesDay = found.some((f) => f.r.precision === 'day' && !isSpan(f.e));
      const seen = new Set<string>();
      for (const { e, r, tense } of found) {
        if (namesDay && isSpan(e)) continue;
        const key = `${r.date}/${r.end ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          articleId: article.id,
          unit: input.unitOf(article.id),
          source: input.sourceOf(article.id),
          base,
          baseInferred: pub?.inferred ?? false,
          paragraph: p,
          sentenceIndex: s,
          text: sentence,
          phrase: e.phrase,
          date: r.date,
          end: r.end,
          precision: r.precision,
          relative: r.relative,
          vague: e.vague,
          since: e.since,
          tense,
        });
      }
    });
  });
  return out;
}

/**
 * The timeline of one story: dated events, each with every article and independent source reporting
 * it, sorted by date (then range end, then first report).
 *
 * @example
 *   buildTimeline({ articles, dateOf: src.dateOf, sourceOf: src.sourceOf, unitOf: src.unitOf })
 *   // → [{ date: '2016-12-05', end: null, phrase: 'on Monday', tense: 'past', sources: ['Reuters', 'DW', …] }, …]
 */
export function buildTimeline(input: TimelineInput): TimelineEvent[] {
  const mentions = input.articles.flatMap((a) => articleMentions(a, input));
  return mergeEvents(mentions, input.dateOf);
}
