/**
 * Scoring merged quotes against hand-made gold: which remarks were found (recall), whether their
 * speaker is right (speaker accuracy), whether each remark is one quote across the articles that carry
 * it (merge accuracy), and how many predicted quotes the gold accounts for (precision, meaningful only
 * when the gold lists every quote of its articles). Gold holds speakers and short prefixes, never
 * article text, so it can live in the repository for stories whose text cannot.
 */
import { z } from 'zod';
import { entityKey } from '../../entities/index.ts';
import { foldWord, wordsOf } from './merge.ts';
import type { Quote } from './types.ts';

export const GoldQuote = z.object({
  /** The speaker's name (a surname is enough: it is compared by entity key), or null for an unnamed speaker. */
  speaker: z.string().nullable(),
  /** For an unnamed speaker: words the predicted description must contain ("opposition official"). */
  description: z.string().optional(),
  /** The first few words of the remark (or of a later part of it): found inside a variant's text. */
  prefix: z.string().min(1),
  /** Labels of the articles that carry the remark (the story file's keys). */
  articles: z.array(z.string()).min(1),
  notes: z.string().optional(),
});
export type GoldQuote = z.infer<typeof GoldQuote>;

export const QuoteGold = z.object({
  story: z.string(),
  /** Label → the input file it names (a seed file prefix or an examples/ stem). */
  articles: z.record(z.string(), z.string()),
  /** True when `quotes` lists every direct quote of the articles, so precision means something. */
  complete: z.boolean(),
  quotes: z.array(GoldQuote).min(1),
  notes: z.string().optional(),
});
export type QuoteGold = z.infer<typeof QuoteGold>;

export interface QuoteScore {
  gold: number;
  found: number;
  recall: number;
  /** Among found remarks, share whose predicted speaker is right. */
  speakerAccuracy: number;
  /** Among found remarks, share carried by one predicted quote across all their gold articles. */
  mergeAccuracy: number;
  predicted: number;
  /** Predicted quotes that some gold remark accounts for, over all predicted quotes. */
  precision: number;
  misses: string[];
  wrongSpeakers: string[];
  splits: string[];
  unmatched: string[];
}

const norm = (s: string) => wordsOf(s).map(foldWord).join(' ');

/** Whether a predicted speaker is the gold one (by entity key, or an unnamed speaker with the gold description's words). */
export function speakerMatches(gold: GoldQuote, predicted: Quote['speaker']): boolean {
  if (gold.speaker) {
    const want = entityKey(gold.speaker, 'person');
    return predicted.key === want || (!!predicted.name && entityKey(predicted.name, 'person') === want);
  }
  if (predicted.key) return false;
  if (!gold.description) return true;
  const have = new Set(wordsOf(predicted.description ?? '').map(foldWord));
  return wordsOf(gold.description).every((w) => have.has(foldWord(w)));
}

/**
 * Scores predicted quotes against gold remarks. `labelOf` maps an article id to the gold's article label.
 *
 * @example scoreQuotes(gold.quotes, mergeQuotes(per), (id) => labelById.get(id)!).recall // 1
 */
export function scoreQuotes(gold: GoldQuote[], predicted: Quote[], labelOf: (articleId: string) => string = (id) => id): QuoteScore {
  let found = 0;
  let speakerRight = 0;
  let merged = 0;
  const misses: string[] = [];
  const wrongSpeakers: string[] = [];
  const splits: string[] = [];
  const used = new Set<number>();
  for (const g of gold) {
    const prefix = norm(g.prefix);
    const want = new Set(g.articles);
    // Each predicted quote carrying the prefix, with the gold articles it covers.
    const hits = predicted
      .map((q, i) => ({
        q,
        i,
        covered: new Set(
          q.variants.filter((v) => norm(v.text).includes(prefix)).flatMap((v) => v.articleIds.map(labelOf)).filter((l) => want.has(l)),
        ),
      }))
      .filter((h) => h.covered.size > 0)
      .sort((x, y) => y.covered.size - x.covered.size);
    const best = hits[0];
    if (!best) {
      misses.push(`${g.speaker ?? g.description ?? '?'}: ${g.prefix}`);
      continue;
    }
    found++;
    for (const h of hits) used.add(h.i);
    if (speakerMatches(g, best.q.speaker)) speakerRight++;
    else wrongSpeakers.push(`${g.prefix}: want ${g.speaker ?? g.description ?? 'unnamed'}, got ${best.q.speaker.name ?? best.q.speaker.description ?? 'none'}`);
    if (best.covered.size === want.size) merged++;
    else splits.push(`${g.prefix}: ${[...best.covered].sort().join(',')} of ${[...want].sort().join(',')}`);
  }
  const unmatched = predicted.filter((_, i) => !used.has(i)).map((q) => `${q.speaker.name ?? q.speaker.description ?? '?'}: ${q.variants[0]!.text.slice(0, 60)}`);
  return {
    gold: gold.length,
    found,
    recall: gold.length ? found / gold.length : 1,
    speakerAccuracy: found ? speakerRight / found : 0,
    mergeAccuracy: found ? merged / found : 0,
    predicted: predicted.length,
    precision: predicted.length ? used.size / predicted.length : 1,
    misses,
    wrongSpeakers,
    splits,
    unmatched,
  };
}
