/**
 * One event per thing that happened: mentions of the same event by several articles (same resolved
 * date or range, and sentences sharing content words) are merged; copies add their article ids but
 * not a new source. The event's wording is its first report's: the earliest article (given dates
 * before inferred ones on the same day, the canonical of a copy group before its copies).
 */
import { stemmer } from 'stemmer';
import type { TimelineEvent } from '../types.ts';
import { contentTerms, numbersOf } from '../../cluster/features.ts';
import { DAY_PARTS, MONTHS, WEEKDAYS } from './tables.ts';
import type { Precision } from './resolve.ts';
import type { Tense } from './tense.ts';

/** One dated mention: a time expression of one sentence of one article, resolved. */
export interface Mention {
  articleId: string;
  unit: string;
  source: string;
  base: string | null;
  baseInferred: boolean;
  paragraph: number;
  sentenceIndex: number;
  text: string;
  phrase: string;
  date: string;
  end: string | null;
  precision: Precision;
  /** The date rests on the publication date. */
  relative: boolean;
  vague: boolean;
  since: boolean;
  tense: Tense;
}

/**
 * Content words two sentences must share to report the same event. 2, as the cluster stage's date
 * inference uses; checked on the seeds and examples (fixtures/brief/timeline): it joins the four
 * outlets' Monday announcement and the two tolls of Monday's shelling, and keeps apart the same day's
 * other events, which share at most the story's name words ("Aleppo", "rebel").
 */
export const MIN_SHARED_TERMS = 2;

const TIME_WORDS = new Set(['later', 'earlier', 'week', 'weekend', 'month', 'year', 'ago', 'yesterday', 'today', 'tonight', 'tomorrow', 'hours', 'early', 'mid', 'late']);

/**
 * Stems of the content words of a sentence, without its time words ("Monday", "evening", "December"),
 * and its numbers of two or more digits (tolls, years: "1964" and "Arven" join a German and an English
 * report of the dam's failure) except those of the time expression itself.
 */
export function eventTerms(text: string, phrase = ''): Set<string> {
  const out = new Set<string>();
  const own = new Set(numbersOf(phrase));
  for (const n of numbersOf(text)) if (!own.has(n)) out.add(n);
  for (const t of contentTerms(text)) {
    if (t.length < 3 || TIME_WORDS.has(t) || WEEKDAYS.has(t) || MONTHS.has(t) || DAY_PARTS.has(t)) continue;
    out.add(/^[a-z]+$/.test(t) ? stemmer(t) : t);
  }
  return out;
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

interface Cluster {
  members: (Mention & { terms: Set<string>; order: number })[];
  articles: Set<string>;
  /** Position of its first member in report order. */
  order: number;
}

/**
 * Merges mentions into timeline events, sorted by date, then range end, then first report.
 *
 * Within one date (or range), the pairs of mentions from different articles are joined best first
 * (shared words weighted by rarity in the story), as long as the two groups hold no article in common
 * (a sentence sharing only the story's common words with an event cannot take the place of the
 * article's own report of it), share MIN_SHARED_TERMS words on average, and are both planned or both
 * reported as happened (the forecast of rain and the rain are two events).
 *
 * @example mergeEvents([reuters, dw, nyt, nytCopy], dateOf) // one event: 4 articleIds, 3 sources
 */
export function mergeEvents(mentions: readonly Mention[], dateOf: (id: string) => { date: string; inferred: boolean } | null): TimelineEvent[] {
  const rank = (m: Mention) => {
    const d = dateOf(m.articleId);
    return `${d?.date ?? '9999'}|${d?.inferred ? 1 : 0}|${m.unit === m.articleId ? 0 : 1}|${m.articleId}`;
  };
  const ordered = mentions
    .map((m, i) => ({ m, i, r: rank(m) }))
    .sort((x, y) => (x.r < y.r ? -1 : x.r > y.r ? 1 : x.i - y.i))
    .map((x, order) => ({ ...x.m, terms: eventTerms(x.m.text, x.m.phrase), order }));

  const byKey = new Map<string, typeof ordered>();
  for (const m of ordered) {
    const key = `${m.date}|${m.end ?? ''}|${m.precision}`;
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
  }
  // rarer words weigh more in choosing which reports to join first ("earthen", "reservoir" over "dam", "river")
  const df = new Map<string, number>();
  const texts = new Map<string, Set<string>>();
  for (const m of ordered) texts.set(m.text, m.terms);
  for (const terms of texts.values()) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + texts.size / (df.get(t) ?? 1));

  const clusters: Cluster[] = [];
  for (const group of byKey.values()) {
    const of: Cluster[] = group.map((m) => ({ members: [m], articles: new Set([m.articleId]), order: m.order }));
    const index = new Map(group.map((m, i) => [m, i]));
    const shared: number[][] = group.map(() => []);
    const pairs: { a: number; b: number; score: number }[] = [];
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        let n = 0;
        let score = 0;
        for (const t of group[a]!.terms) {
          if (group[b]!.terms.has(t)) {
            n++;
            score += idf(t);
          }
        }
        shared[a]![b] = n;
        shared[b]![a] = n;
        const sameTense = (group[a]!.tense === 'future') === (group[b]!.tense === 'future');
        if (n >= MIN_SHARED_TERMS && sameTense && group[a]!.articleId !== group[b]!.articleId) pairs.push({ a, b, score });
      }
    }
    pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
    for (const { a, b } of pairs) {
      const ca = of[a]!;
      const cb = of[b]!;
      if (ca === cb || [...cb.articles].some((id) => ca.articles.has(id))) continue;
      // average link: the two groups must share enough words on average, so one bridging sentence
      // does not chain two different events together
      let sum = 0;
      for (const x of ca.members) for (const y of cb.members) sum += shared[index.get(x)!]![index.get(y)!]!;
      if (sum / (ca.members.length * cb.members.length) < MIN_SHARED_TERMS) continue;
      ca.members.push(...cb.members);
      for (const id of cb.articles) ca.articles.add(id);
      ca.order = Math.min(ca.order, cb.order);
      for (const m of cb.members) of[index.get(m)!] = ca;
    }
    for (const c of new Set(of)) {
      c.members.sort((x, y) => x.order - y.order);
      clusters.push(c);
    }
  }

  const events = clusters.map((c) => {
    const first = c.members[0]!;
    const articleIds = [...new Set(c.members.map((x) => x.articleId))];
    const sources = [...new Set(c.members.map((x) => x.source))];
    const uncertain = first.end !== null || c.members.every((x) => x.vague || (x.relative && x.baseInferred));
    const event: TimelineEvent = {
      date: first.date,
      end: first.end,
      precision: first.precision,
      uncertain,
      tense: first.tense,
      text: first.text,
      phrase: first.phrase,
      articleIds,
      sources,
    };
    return { event, order: c.order };
  });
  events.sort((x, y) => {
    const a = x.event;
    const b = y.event;
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    const ae = a.end ?? '';
    const be = b.end ?? '';
    if (ae !== be) return ae < be ? -1 : 1;
    return x.order - y.order;
  });
  return events.map((e) => e.event);
}
