/**
 * Word-level differences between the wordings of one quote, for highlighting: each wording is compared
 * with the first by a longest common subsequence of words (case and punctuation ignored, as the quote
 * stage ignores them when it groups wordings), and the words outside it are marked.
 */
import { escapeHtml } from '../brief/render.ts';

/** Quotes longer than this many words are shown unmarked: the LCS table grows with the product of lengths. */
export const MAX_DIFF_WORDS = 400;

const wordKey = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** For each word of `a`, whether it is in a longest common subsequence with `b`. */
function inLcs(a: readonly string[], b: readonly string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const kept = new Array<boolean>(n).fill(false);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      kept[i] = true;
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

/**
 * The wordings as escaped HTML, words that differ wrapped in `<mark class="diff">`: in each later
 * wording the words not shared with the first, in the first the words some later wording lacks.
 *
 * @example markDifferences(['we regarded it as final', 'we considered it final'])
 *   // ['we <mark class="diff">regarded</mark> it <mark class="diff">as</mark> final', 'we <mark class="diff">considered</mark> it final']
 */
export function markDifferences(texts: readonly string[]): string[] {
  const tokens = texts.map((t) => t.split(/(\s+)/u));
  const words = tokens.map((ts) => ts.filter((_, i) => i % 2 === 0));
  if (words.some((w) => w.length > MAX_DIFF_WORDS)) return texts.map(escapeHtml);
  const keys = words.map((ws) => ws.map(wordKey));
  const firstKept = new Array<boolean>(keys[0]!.length).fill(true);
  const marks = keys.map((k, v) => {
    if (v === 0) return firstKept;
    const kept = inLcs(k, keys[0]!);
    inLcs(keys[0]!, k).forEach((shared, i) => {
      if (!shared) firstKept[i] = false;
    });
    return kept;
  });
  return tokens.map((ts, v) =>
    ts
      .map((t, i) => {
        if (i % 2 === 1) return t;
        const w = i / 2;
        // A word that is only punctuation ("—") carries no difference worth a mark.
        return marks[v]![w] || keys[v]![w] === '' ? escapeHtml(t) : `<mark class="diff">${escapeHtml(t)}</mark>`;
      })
      .join(''),
  );
}
