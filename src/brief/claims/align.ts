/**
 * alignClaims: comparable figures across sources, labelled. Two claims are about the same thing when
 * they count the same noun head with the same event verb and unit (their `key`), cover the same
 * period (same "since" month, or both point figures), and nothing they name conflicts: causes equal
 * or one unknown, place sets overlapping or one empty, noun modifiers overlapping or one empty, dates
 * within ALIGN_WINDOW_DAYS. Within a group, figures at the same time that say the same number (within
 * the qualifier's tolerance) are one value; the label then reads:
 *
 * - `disagree`: at one time, two values from different independent sources that cannot both hold
 *   ("eight" vs "seven"; vague amounts such as "tens of thousands" never contradict a figure);
 * - `evolving`: otherwise, the value changes between times (9 → 14 → 23 dead);
 * - `agree`: otherwise, with two or more independent sources;
 * - `single`: one independent source only (copies count once).
 */
import type { Claim, ClaimGroup, NumberMention } from './types.ts';

/**
 * Claims further apart than this are different developments, not one figure evolving (the 1987 toll
 * of an earlier dam failure is not the 2025 toll). Set from the example stories, whose figures move
 * over 3–4 days; a month leaves room for slow stories without reaching back years.
 */
export const ALIGN_WINDOW_DAYS = 31;
/** "About 15,000" agrees with anything within 10 % of 15,000: the usual reading of a rounded figure. */
export const ABOUT_TOLERANCE = 0.1;

const DAY_MS = 86_400_000;

function dayNumber(when: string): number {
  const [y, m, d] = when.split('-');
  return Date.UTC(Number(y), Number(m ?? 1) - 1, Number(d ?? 1)) / DAY_MS;
}

/** The interval a figure allows; vague amounts give null (they contradict nothing). */
export function interval(v: NumberMention): [number, number] | null {
  if (v.qualifier === 'several') return null;
  if (v.qualifier === 'range') return [v.low ?? 0, v.high ?? Infinity];
  const x = v.value ?? 0;
  switch (v.qualifier) {
    case 'about':
      return [x * (1 - ABOUT_TOLERANCE), x * (1 + ABOUT_TOLERANCE)];
    case 'more-than':
    case 'at-least':
      return [x, Infinity];
    case 'less-than':
    case 'up-to':
      return [0, x];
    default:
      return [x, x];
  }
}

/** Whether two figures can both be true. */
export function compatible(a: NumberMention, b: NumberMention): boolean {
  const x = interval(a);
  const y = interval(b);
  if (!x || !y) return true;
  return x[0] <= y[1] && y[0] <= x[1];
}

/** Whether two figures say the same number ("about 15,000" and "15,000"; "more than 300" twice; "at least nine" and "nine"). */
export function sameValue(a: NumberMention, b: NumberMention): boolean {
  if (a.unit !== b.unit) return false;
  if (a.qualifier === 'several' || b.qualifier === 'several' || a.qualifier === 'range' || b.qualifier === 'range') {
    return a.low === b.low && a.high === b.high && a.value === b.value;
  }
  const x = a.value ?? 0;
  const y = b.value ?? 0;
  if (a.qualifier === 'about' || b.qualifier === 'about') return Math.abs(x - y) <= ABOUT_TOLERANCE * Math.max(x, y);
  return x === y;
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return !a.length || !b.length || a.some((x) => b.includes(x));
}

function fits(c: Claim, members: readonly Claim[]): boolean {
  return members.every(
    (m) =>
      (!c.cause || !m.cause || c.cause === m.cause) &&
      intersects(c.places, m.places) &&
      intersects(c.modifiers, m.modifiers) &&
      (!c.when || !m.when || Math.abs(dayNumber(c.when) - dayNumber(m.when)) <= ALIGN_WINDOW_DAYS),
  );
}

const byClaim = (a: Claim, b: Claim) =>
  (a.when ?? '') < (b.when ?? '') ? -1 : (a.when ?? '') > (b.when ?? '') ? 1 : a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.id < b.id ? -1 : 1;

const LABEL_ORDER: Record<ClaimGroup['label'], number> = { disagree: 0, evolving: 1, agree: 2, single: 3 };

/**
 * Groups comparable claims across articles and labels each group. `sourcesOf` names the independent
 * source of an article (copies of one story map to one name, so they count once).
 *
 * @example
 *   const groups = alignClaims(claims, (id) => sourceName.get(id)!);
 *   groups.filter((g) => g.label === 'disagree') // eight (NYT) vs seven (Reuters) killed by rebel shelling
 */
export function alignClaims(claims: readonly Claim[], sourcesOf: (articleId: string) => string): ClaimGroup[] {
  const buckets = new Map<string, Claim[][]>();
  const sorted = [...claims].sort(byClaim);
  for (const c of sorted) {
    const bucket = c.alignable
      ? `${c.key}|${c.since?.slice(0, 7) ?? ''}`
      : `solo|${c.key}|${c.since ?? ''}|${c.value.raw.toLowerCase()}|${c.evidence.replace(/\s+/g, ' ').toLowerCase()}`;
    const groups = buckets.get(bucket) ?? [];
    buckets.set(bucket, groups);
    const g = c.alignable ? groups.find((members) => fits(c, members)) : groups[0];
    if (g) g.push(c);
    else groups.push([c]);
  }
  const out: ClaimGroup[] = [];
  for (const groups of buckets.values()) for (const members of groups) out.push(toGroup(members, sourcesOf));
  const nSources = (g: ClaimGroup) => new Set(g.values.flatMap((v) => v.sources)).size;
  return out.sort(
    (a, b) => LABEL_ORDER[a.label] - LABEL_ORDER[b.label] || nSources(b) - nSources(a) || (a.counts < b.counts ? -1 : a.counts > b.counts ? 1 : 0),
  );
}

function toGroup(members: readonly Claim[], sourcesOf: (articleId: string) => string): ClaimGroup {
  const values: ClaimGroup['values'] = [];
  for (const c of members) {
    const source = sourcesOf(c.articleId);
    let v = values.find((x) => x.when === c.when && sameValue(x.value, c.value));
    if (!v) {
      v = { value: c.value, when: c.when, articleIds: [], sources: [], evidence: [] };
      values.push(v);
    }
    if (!v.articleIds.includes(c.articleId)) v.articleIds.push(c.articleId);
    if (!v.sources.includes(source)) v.sources.push(source);
    if (!v.evidence.includes(c.evidence)) v.evidence.push(c.evidence);
  }
  for (const v of values) {
    v.articleIds.sort();
    v.sources.sort();
  }
  const sources = new Set(values.flatMap((v) => v.sources));
  let label: ClaimGroup['label'] = 'single';
  if (sources.size >= 2) {
    label = 'agree';
    const disagree = values.some((a, i) =>
      values.some((b, j) => j > i && a.when === b.when && !compatible(a.value, b.value) && new Set([...a.sources, ...b.sources]).size >= 2),
    );
    if (disagree) label = 'disagree';
    else if (values.some((a, i) => values.some((b, j) => j > i && a.when !== b.when && !sameValue(a.value, b.value)))) label = 'evolving';
  }
  const wheres = new Map<string, number>();
  for (const c of members) if (c.where) wheres.set(c.where, (wheres.get(c.where) ?? 0) + 1);
  const where = [...wheres].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  return { label, counts: members[0]!.counts, where, values };
}
