/**
 * Sentence spans of a paragraph, verbatim (evidence must be quotable from the article). A full stop
 * ends a sentence when a capital, a digit or an opening quote follows, unless it closes an
 * abbreviation ("Mr.", "U.S.", "Sergey V. Lavrov").
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'rep', 'sen', 'gov', 'st', 'mt', 'no', 'vs', 'jr',
  'sr', 'inc', 'co', 'corp', 'ltd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m', 'etc', 'approx', 'fig', 'ft',
]);

const BOUNDARY_RE = /([.!?]+)(["”’')\]]*)(\s+)(?=["“‘'(\[]?[\p{Lu}\p{N}])/gu;

/**
 * Splits a paragraph into its sentences, each exactly as written (trimmed).
 *
 * @example splitSentences('Mr. Lavrov spoke. Talks begin on Tuesday.') // → ['Mr. Lavrov spoke.', 'Talks begin on Tuesday.']
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(BOUNDARY_RE)) {
    const end = m.index! + m[1]!.length + m[2]!.length;
    if (m[1] === '.' && !m[2]) {
      const before = paragraph.slice(start, m.index!).match(/(\S+)$/)?.[1] ?? '';
      const word = before.toLowerCase().replace(/^[("“‘']+/, '');
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before) || /^(?:\p{L}\.)+\p{L}$/u.test(before)) continue;
    }
    const s = paragraph.slice(start, end).trim();
    if (s) out.push(s);
    start = end + m[3]!.length;
  }
  const last = paragraph.slice(start).trim();
  if (last) out.push(last);
  return out;
}
