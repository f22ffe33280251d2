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

interface Node {
  /** Mentions with the same sentence, date and tense: copies of one report, joined before anything else. */
  members: (Mention & { order: number })[];
  terms: Set<string>;
  articles: Set<string>;
  future: boolean;
}

interface Cluster {
  nodes: number[];
  articles: Set<string>;
  order: number;
}

/**
 * Merges mentions into timeline events, sorted by date, then range end, then first report.
 *
 * Within one date (or range), identical sentences (copies) are one report; pairs of reports are then
 * joined best first (shared words weighted by rarity in the story), as long as the two groups hold no
 * article in common (a sentence sharing only the story's common words with an event cannot take the
 * place of the article's own report of it), share MIN_SHARED_TERMS words on average (one bridging
 * sentence does not chain two events), and are both planned or both reported as happened (the
 * forecast of rain and the rain are two events).
 *
 * @example mergeEvents([reuters, dw, nyt, nytCopy], dateOf) // one event: 4 articleIds, 3 sources
 */
export function mergeEvents(mentions: readonly Mention[], dateOf: (id: string) => { date: string; inferred: boolean } | null): TimelineEvent[] {
  const dates = new Map<string, { date: string; inferred: boolean } | null>();
  const rank = (m: Mention) => {
    if (!dates.has(m.articleId)) dates.set(m.articleId, dateOf(m.articleId));
    const d = dates.get(m.articleId);
    return `${d?.date ?? '9999'}|${d?.inferred ? 1 : 0}|${m.unit === m.articleId ? 0 : 1}|${m.articleId}`;
  };
  const ordered = mentions
    .map((m, i) => ({ m, i, r: rank(m) }))
    .sort((x, y) => (x.r < y.r ? -1 : x.r > y.r ? 1 : x.i - y.i))
    .map((x, order) => ({ ...x.m, order }));

  const termsOf = new Map<string, Set<string>>();
  const byKey = new Map<string, Map<string, Node>>();
  for (const m of ordered) {
    const key = `${m.date}|${m.end ?? ''}|${m.precision}`;
    const future = m.tense === 'future';
    const nodes = byKey.get(key) ?? new Map<string, Node>();
    byKey.set(key, nodes);
    const nodeKey = `${future ? 1 : 0}|${m.text}`;
    let node = nodes.get(nodeKey);
    if (!node) {
      let terms = termsOf.get(`${m.phrase}|${m.text}`);
      if (!terms) {
        terms = eventTerms(m.text, m.phrase);
        termsOf.set(`${m.phrase}|${m.text}`, terms);
      }
      node = { members: [], terms, articles: new Set(), future };
      nodes.set(nodeKey, node);
    }
    node.members.push(m);
    node.articles.add(m.articleId);
  }
  // rarer words weigh more in choosing which reports to join first ("earthen", "reservoir" over "dam", "river")
  const df = new Map<string, number>();
  for (const terms of termsOf.values()) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + termsOf.size / (df.get(t) ?? 1));

  const events: { nodes: Node[]; order: number }[] = [];
  for (const byText of byKey.values()) {
    const nodes = [...byText.values()];
    const of: Cluster[] = nodes.map((n, i) => ({ nodes: [i], articles: new Set(n.articles), order: n.members[0]!.order }));
    const shared: number[][] = nodes.map(() => []);
    const pairs: { a: number; b: number; score: number }[] = [];
    for (let a = 0; a < nodes.length; a++) {
      for (let b = a + 1; b < nodes.length; b++) {
        let n = 0;
        let score = 0;
        for (const t of nodes[a]!.terms) {
          if (nodes[b]!.terms.has(t)) {
            n++;
            score += idf(t);
          }
        }
        shared[a]![b] = n;
        shared[b]![a] = n;
        if (n >= MIN_SHARED_TERMS && nodes[a]!.future === nodes[b]!.future) pairs.push({ a, b, score });
      }
    }
    pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
    for (const { a, b } of pairs) {
      const ca = of[a]!;
      const cb = of[b]!;
      if (ca === cb || [...cb.articles].some((id) => ca.articles.has(id))) continue;
      let sum = 0;
      for (const x of ca.nodes) for (const y of cb.nodes) sum += shared[x]![y]!;
      if (sum / (ca.nodes.length * cb.nodes.length) < MIN_SHARED_TERMS) continue;
      ca.nodes.push(...cb.nodes);
      for (const id of cb.articles) ca.articles.add(id);
      ca.order = Math.min(ca.order, cb.order);
      for (const i of cb.nodes) of[i] = ca;
    }
    for (const c of new Set(of)) events.push({ nodes: c.nodes.map((i) => nodes[i]!), order: c.order });
  }

  const out = events.map((c) => {
    const members = c.nodes.flatMap((n) => n.members).sort((x, y) => x.order - y.order);
    const first = members[0]!;
    const articleIds = [...new Set(members.map((x) => x.articleId))];
    const sources = [...new Set(members.map((x) => x.source))];
    const uncertain = first.end !== null || members.every((x) => x.vague || (x.relative && x.baseInferred));
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
  out.sort((x, y) => {
    const a = x.event;
    const b = y.event;
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    const ae = a.end ?? '';
    const be = b.end ?? '';
    if (ae !== be) return ae < be ? -1 : 1;
    return x.order - y.order;
  });
  return out.map((e) => e.event);
}
