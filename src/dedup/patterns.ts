/**
 * How strongly an `originalSourceEvidence` snippet names who wrote the copy, as data. When the members
 * of one copy group name different sources, the one named by the strongest kind of evidence wins:
 * a wire dateline ("BEIRUT (Reuters) -") is the agency's own mark on its copy; a trailing credit
 * ("— Al Jazeera", "Source: AFP", "(dpa, Reuters)") is the republisher's statement; anything else
 * (a site name, a copyright line) is weaker.
 */
export interface EvidencePattern {
  name: string;
  pattern: RegExp;
  rank: number;
}

export const EVIDENCE_PATTERNS: readonly EvidencePattern[] = [
  // PLACE[/PLACE] (Agency) - …  — the wire dateline.
  { name: 'wire-dateline', pattern: /^\s*[\p{Lu}][\p{Lu}\p{M} .,'’/-]{1,60}\(\s*[^()]{2,40}\)\s*[-–—:]/u, rank: 3 },
  // — Agency / Source: Agency / Credit: … / (dpa, Reuters) / Agency contributed to this report.
  {
    name: 'credit',
    pattern: /^\s*(?:[-–—]\s*\S|\(\s*[^()]{2,60}\)\s*$|(?:source|credit|via|courtesy(?: of)?|originally published (?:by|in|at)|reporting by)\b)|\bcontributed to this report\b/iu,
    rank: 2,
  },
];

/** Rank of a snippet: 0 when absent or matching nothing in the table. */
export function evidenceRank(evidence: string | null): number {
  if (!evidence) return 0;
  let best = 1;
  for (const p of EVIDENCE_PATTERNS) if (p.rank > best && p.pattern.test(evidence)) best = p.rank;
  return best;
}

/** Attribution names compare without case, a leading "The" and punctuation ("The New York Times" = "New York Times"). */
export function sourceKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
