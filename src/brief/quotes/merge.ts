/**
 * The same remark across a story's articles, merged: raw quotes are linked when their content words
 * overlap enough for their speakers (same entity key, or an unknown speaker with a higher bar), linked
 * quotes form one Quote (union-find, so input order does not matter), each article's pieces of the
 * remark are joined in reading order, and wordings that differ only in case and punctuation are one
 * variant. Copies count once: each variant lists the independent sources of its articles.
 */
import type { Article, DedupResult } from '../../records/index.ts';
import { dedupArticles } from '../../dedup/index.ts';
import { sourceNames } from '../sources.ts';
import { STOP_WORDS } from './tables.ts';
import { QUOTE_PART_JOINER, type Quote, type QuoteSpeaker, type QuoteVariant, type RawQuote } from './types.ts';

/**
 * Two quotes of the same speaker are one remark when at least this share of the shorter one's content
 * words occur in the other. 0.6: the edited/translated Lavrov wordings on the seeds share 0.86 (one
 * outlet's half of a split remark against the other's whole shares 1.0); two different remarks of one
 * speaker on the seeds and examples share at most 0.25.
 */
export const SAME_SPEAKER_OVERLAP = 0.6;
/** With a speaker unknown on one side, the bar is higher: only the wording ties the two together. */
export const UNKNOWN_SPEAKER_OVERLAP = 0.8;
/**
 * Two different named speakers are one remark only for a near-identical wording of some length (one
 * outlet misattributed it); otherwise the same words from two people are two quotes.
 */
export const CONFLICT_OVERLAP = 0.9;
export const CONFLICT_MIN_WORDS = 8;
/** Quotes with fewer content words than this must match word for word ("unacceptable"). */
export const SHORT_QUOTE_WORDS = 3;
/** A difference shows at most this many words per side. */
export const MAX_DIFF_WORDS = 12;

interface Item {
  q: RawQuote;
  article: number;
  words: string[];
  display: string[];
  content: Set<string>;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower case, diacritics and apostrophe styles folded: the form in which wordings are compared. */
export function foldWord(w: string): string {
  // Most words are ASCII: the Unicode normalisation dominated the merge's profile.
  if (ASCII_RE.test(w)) return w.toLowerCase();
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, "'").toLowerCase();
}

const ASCII_RE = /^[\x00-\x7f]*$/;

/** Word tokens of a text (display form). */
export function wordsOf(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

function contentSet(words: string[]): Set<string> {
  const content = new Set(words.filter((w) => !STOP_WORDS.has(w)));
  return content.size >= SHORT_QUOTE_WORDS ? content : new Set(words);
}

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let n = 0;
  for (const w of small) if (big.has(w)) n++;
  return n / small.size;
}

function sameRemark(a: Item, b: Item): boolean {
  const ka = a.q.speaker.key;
  const kb = b.q.speaker.key;
  const short = Math.min(a.content.size, b.content.size) < SHORT_QUOTE_WORDS;
  if (short) return ka === kb && a.words.join(' ') === b.words.join(' ');
  const o = overlap(a.content, b.content);
  if (ka && kb) {
    if (ka === kb) return o >= SAME_SPEAKER_OVERLAP;
    return o >= CONFLICT_OVERLAP && Math.min(a.content.size, b.content.size) >= CONFLICT_MIN_WORDS;
  }
  return o >= UNKNOWN_SPEAKER_OVERLAP;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** The runs where two word sequences differ, inside the stretch both quote (LCS alignment). */
export function wordDifferences(a: string[], b: string[]): { a: string; b: string }[] {
  const fa = a.map(foldWord);
  const fb = b.map(foldWord);
  const n = fa.length;
  const m = fb.length;
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = fa[i] === fb[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const runs: { a: string; b: string }[] = [];
  let i = 0;
  let j = 0;
  let ra: string[] = [];
  let rb: string[] = [];
  let matched = false;
  const flush = () => {
    // Runs before the first shared word are a different extent of the remark, not a different wording.
    if ((ra.length || rb.length) && matched) runs.push({ a: clip(ra), b: clip(rb) });
    ra = [];
    rb = [];
  };
  while (i < n && j < m) {
    if (fa[i] === fb[j]) {
      flush();
      matched = true;
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) ra.push(a[i++]!);
    else rb.push(b[j++]!);
  }
  // Whatever is left after the last shared word is extent too; dropped with the leading run.
  return runs;
}

function clip(words: string[]): string {
  return words.length > MAX_DIFF_WORDS ? `${words.slice(0, MAX_DIFF_WORDS).join(' ')} …` : words.join(' ');
}

function formatDiff(d: { a: string; b: string }): string {
  return `${d.a ? `"${d.a}"` : '(nothing)'} vs ${d.b ? `"${d.b}"` : '(nothing)'}`;
}

function chooseSpeaker(items: Item[], sourceOf: (id: string) => string): QuoteSpeaker {
  const byKey = new Map<string, { sources: Set<string>; names: Map<string, number>; first: number; description: string | null }>();
  items.forEach((it, n) => {
    const k = it.q.speaker.key;
    if (!k) return;
    const cur = byKey.get(k) ?? { sources: new Set<string>(), names: new Map<string, number>(), first: n, description: null };
    cur.sources.add(sourceOf(it.q.articleId));
    const name = it.q.speaker.name ?? k;
    cur.names.set(name, (cur.names.get(name) ?? 0) + 1);
    cur.description ??= it.q.speaker.description;
    byKey.set(k, cur);
  });
  const best = [...byKey.entries()].sort((x, y) => y[1].sources.size - x[1].sources.size || x[1].first - y[1].first)[0];
  if (best) {
    const name = [...best[1].names.entries()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length)[0]![0];
    return { name, key: best[0], description: best[1].description };
  }
  const described = items.find((it) => it.q.speaker.description);
  return { name: null, key: null, description: described?.q.speaker.description ?? null };
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
}

/**
 * Merges the quotes of a story's articles into one Quote per remark, with one variant per wording.
 * `copies` is the dedup result over the same articles (computed when absent); it decides which
 * articles are one source. Variants are ordered by independent sources, most first; quotes likewise,
 * then by where they first appear in the input order.
 *
 * @example
 *   const per = articles.map((article) => ({ article, quotes: extractQuotes(article) }));
 *   mergeQuotes(per, dedupArticles(articles))[0].variants.map((v) => v.sources)
 *   // → [['Reuters', 'DW'], ['The New York Times']]
 */
export function mergeQuotes(perArticle: { article: Article; quotes: RawQuote[] }[], copies?: DedupResult): Quote[] {
  const articles = perArticle.map((x) => x.article);
  const dedup = copies ?? dedupArticles(articles);
  const sourceName = sourceNames(articles, dedup);
  const sourceOf = (id: string) => sourceName.get(id) ?? id;

  const items: Item[] = [];
  perArticle.forEach(({ quotes }, article) => {
    for (const q of quotes) {
      const display = wordsOf(q.text);
      const words = display.map(foldWord);
      items.push({ q, article, words, display, content: contentSet(words) });
    }
  });

  // Candidates through an inverted index over content words: quotes sharing no word never meet.
  const parent = items.map((_, i) => i);
  const index = new Map<string, number[]>();
  items.forEach((it, i) => {
    const seen = new Set<number>();
    for (const w of it.content) {
      for (const j of index.get(w) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        if (sameRemark(it, items[j]!)) parent[find(parent, i)] = find(parent, j);
      }
    }
    for (const w of it.content) {
      const list = index.get(w);
      if (list) list.push(i);
      else index.set(w, [i]);
    }
  });

  const clusters = new Map<number, Item[]>();
  items.forEach((it, i) => {
    const root = find(parent, i);
    const list = clusters.get(root);
    if (list) list.push(it);
    else clusters.set(root, [it]);
  });

  const quotes: { quote: Quote; first: number; sources: number }[] = [];
  for (const members of clusters.values()) {
    // One article's pieces of the remark, in reading order: its variant.
    const byArticle = new Map<number, Item[]>();
    for (const it of members) byArticle.set(it.article, [...(byArticle.get(it.article) ?? []), it]);
    const variants = new Map<string, QuoteVariant & { first: number; words: string[] }>();
    for (const [article, its] of [...byArticle.entries()].sort((x, y) => x[0] - y[0])) {
      its.sort((x, y) => x.q.paragraph - y.q.paragraph || x.q.offset - y.q.offset);
      const parts: string[] = [];
      const seen = new Set<string>();
      for (const it of its) {
        for (const part of it.q.parts) {
          const k = wordsOf(part).map(foldWord).join(' ');
          if (seen.has(k)) continue;
          seen.add(k);
          parts.push(part);
        }
      }
      const words = parts.flatMap(wordsOf);
      const key = words.map(foldWord).join(' ');
      const id = its[0]!.q.articleId;
      const cur = variants.get(key);
      if (cur) {
        cur.articleIds.push(id);
        if (!cur.sources.includes(sourceOf(id))) cur.sources.push(sourceOf(id));
      } else {
        variants.set(key, { text: parts.join(QUOTE_PART_JOINER), parts, articleIds: [id], sources: [sourceOf(id)], first: article, words });
      }
    }
    const ordered = [...variants.values()].sort((x, y) => y.sources.length - x.sources.length || x.first - y.first);
    const differences: string[] = [];
    for (let v = 1; v < ordered.length; v++) {
      const prefix = ordered.length > 2 ? `variant ${v + 1}: ` : '';
      for (const d of wordDifferences(ordered[0]!.words, ordered[v]!.words)) {
        const line = prefix + formatDiff(d);
        if (!differences.includes(line)) differences.push(line);
      }
    }
    const firstItem = [...members].sort((x, y) => x.article - y.article || x.q.paragraph - y.q.paragraph)[0]!;
    const lead = byArticle.get(ordered[0]!.first)![0]!;
    const allSources = new Set(ordered.flatMap((v) => v.sources));
    quotes.push({
      quote: {
        speaker: chooseSpeaker(members, sourceOf),
        verb: mostCommon(members.map((m) => m.q.verb)),
        variants: ordered.map(({ text, parts, articleIds, sources }) => ({ text, parts, articleIds, sources })),
        differences,
        context: lead.q.context,
      },
      first: firstItem.article * 1e6 + firstItem.q.paragraph,
      sources: allSources.size,
    });
  }
  quotes.sort((x, y) => y.sources - x.sources || x.first - y.first);
  return quotes.map((x) => x.quote);
}
