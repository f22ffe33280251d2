/** The word budget, shared by the summary and its baselines so that they are compared at equal length. */

export const DEFAULT_SUMMARY_WORDS = 120;
/** The last sentence may overshoot the word budget by at most this share of it (an editor's "about 120 words"). */
export const BUDGET_OVERSHOOT = 0.25;

/**
 * Takes `ranked` candidates in order until `words` is reached, skipping one that would overshoot the
 * budget by more than BUDGET_OVERSHOOT or that `accept` (given what is already taken) refuses.
 */
export function packToBudget<T extends { words: number }>(
  ranked: Iterable<T>,
  words: number,
  accept: (s: T, taken: readonly T[]) => boolean = () => true,
): T[] {
  const out: T[] = [];
  let total = 0;
  for (const s of ranked) {
    if (total >= words) break;
    if (total > 0 && total + s.words > words * (1 + BUDGET_OVERSHOOT)) continue;
    if (!accept(s, out)) continue;
    out.push(s);
    total += s.words;
  }
  return out;
}
