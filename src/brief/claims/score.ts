/**
 * Scoring aligned claims against hand-made gold: disagreement recall and precision (the issue's
 * figures) and, for every gold group whatever its label, whether the predicted group carrying it has
 * the gold label.
 */
import { singular } from './tables.ts';
import type { ClaimGroup } from './types.ts';

/** One gold group: what is counted, the label, and each value with the articles that state it. */
export interface GoldClaimGroup {
  label: ClaimGroup['label'];
  /** Words the predicted `counts` must contain, e.g. "people killed". */
  counts: string;
  values: { value: number; articleIds: string[] }[];
  note?: string;
}

export interface ClaimScore {
  disagreementRecall: number;
  disagreementPrecision: number;
  /** Gold groups of any label found with the right label. */
  labelAccuracy: number;
  goldDisagreements: number;
  predictedDisagreements: number;
  /** Per gold group: the label predicted for it, or null when no predicted group carries it. */
  matches: { gold: GoldClaimGroup; predicted: ClaimGroup['label'] | null }[];
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean).map(singular);

/** Whether a predicted group carries a gold group: its counted words, and every gold value stated by (at least) the gold articles. */
export function carries(p: ClaimGroup, g: GoldClaimGroup): boolean {
  const have = new Set(words(p.counts));
  if (!words(g.counts).every((w) => have.has(w))) return false;
  // A gold value may be stated at several times (one entry per time in the prediction): pool its articles.
  return g.values.every((gv) => {
    const entries = p.values.filter((pv) => (pv.value.value ?? pv.value.low) === gv.value);
    return entries.length > 0 && gv.articleIds.every((id) => entries.some((pv) => pv.articleIds.includes(id)));
  });
}

/**
 * Scores predicted groups against gold. A predicted `disagree` group is correct when it carries a gold
 * `disagree` group; precision is 1 when nothing is predicted.
 *
 * @example scoreClaims(gold, alignClaims(claims, sourceOf)).disagreementRecall // 1
 */
export function scoreClaims(gold: readonly GoldClaimGroup[], predicted: readonly ClaimGroup[]): ClaimScore {
  const goldDis = gold.filter((g) => g.label === 'disagree');
  const predDis = predicted.filter((p) => p.label === 'disagree');
  const found = goldDis.filter((g) => predDis.some((p) => carries(p, g))).length;
  const correct = predDis.filter((p) => goldDis.some((g) => carries(p, g))).length;
  const matches = gold.map((g) => {
    const carriers = predicted.filter((p) => carries(p, g));
    const same = carriers.find((p) => p.label === g.label);
    return { gold: g, predicted: (same ?? carriers[0])?.label ?? null };
  });
  return {
    disagreementRecall: goldDis.length ? found / goldDis.length : 1,
    disagreementPrecision: predDis.length ? correct / predDis.length : 1,
    labelAccuracy: gold.length ? matches.filter((m) => m.predicted === m.gold.label).length / gold.length : 1,
    goldDisagreements: goldDis.length,
    predictedDisagreements: predDis.length,
    matches,
  };
}
