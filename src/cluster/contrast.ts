/**
 * Contrast features: what tells two events of one genre apart. Two earthquakes, two shootings or two
 * award nights share every genre word, so text similarity alone joins them; what differs is who the
 * story is about, where it happened and the year it names. These features read the entity vector by
 * kind (keys are namespaced "p:" person, "l:" place, "o:" organisation by `layerEntities`) and the
 * numbers vector's years:
 *
 * - people: cosine over person entities only (a shared person is strong evidence of one event);
 * - personConflict / placeConflict: each side's most weighted person (place) is absent from the other
 *   side — the subjects differ;
 * - yearConflict: both sides name years and none is shared (the 2008 heist is not the 2013 heist).
 *
 * Pure functions over weighted maps, so the online clusterer (unit against a centroid) and the batch
 * refinement (unit against unit, or against a centroid minus the unit) compute the same thing.
 */

/** What a side needs for the contrast features, computed once per vector. */
export interface ContrastSummary {
  topPerson: string | null;
  topPlace: string | null;
  /** L2 norm of the person entries. */
  personNorm: number;
  /** Year numbers named ("2013"). */
  years: string[];
}

export interface ContrastFeatures {
  people: number;
  personConflict: number;
  placeConflict: number;
  yearConflict: number;
}

/** Years a news text names as numbers: 1900–2099, four digits. */
export function isYear(n: string): boolean {
  return n.length === 4 && (n.startsWith('19') || n.startsWith('20')) && /^\d{4}$/.test(n);
}

const isPerson = (k: string) => k.charCodeAt(0) === 112 && k.charCodeAt(1) === 58; // "p:"
const isPlace = (k: string) => k.charCodeAt(0) === 108 && k.charCodeAt(1) === 58; // "l:"

/**
 * Summary of an entity vector and a number set. `minus` (same keys space) is subtracted first: a
 * centroid with one of its own units taken out.
 */
export function summarise(ents: ReadonlyMap<string, number>, nums: Iterable<string> | ReadonlyMap<string, number>, minus?: { ents: ReadonlyMap<string, number>; nums: ReadonlyMap<string, number> }): ContrastSummary {
  let topPerson: string | null = null;
  let topPersonW = 0;
  let topPlace: string | null = null;
  let topPlaceW = 0;
  let personSq = 0;
  for (const [k, v0] of ents) {
    const v = minus ? v0 - (minus.ents.get(k) ?? 0) : v0;
    if (v <= 1e-9) continue;
    if (isPerson(k)) {
      personSq += v * v;
      if (v > topPersonW || (v === topPersonW && topPerson !== null && k < topPerson)) {
        topPersonW = v;
        topPerson = k;
      }
    } else if (isPlace(k)) {
      if (v > topPlaceW || (v === topPlaceW && topPlace !== null && k < topPlace)) {
        topPlaceW = v;
        topPlace = k;
      }
    }
  }
  const years: string[] = [];
  if (nums instanceof Map) {
    for (const [n, v] of nums as ReadonlyMap<string, number>) if (isYear(n) && v - (minus?.nums.get(n) ?? 0) > 1e-9) years.push(n);
  } else {
    for (const n of nums as Iterable<string>) if (isYear(n)) years.push(n);
  }
  return { topPerson, topPlace, personNorm: Math.sqrt(personSq), years };
}

/**
 * The contrast features of side `a` (entities `aEnts`, summary `aSum`) against side `b`. `bMinus`,
 * when given, is subtracted from b's weights (b is a centroid that contains a).
 */
export function contrast(
  aEnts: ReadonlyMap<string, number>,
  aSum: ContrastSummary,
  bEnts: ReadonlyMap<string, number>,
  bSum: ContrastSummary,
  bMinus?: ReadonlyMap<string, number>,
): ContrastFeatures {
  const bw = (k: string) => {
    const v = (bEnts.get(k) ?? 0) - (bMinus?.get(k) ?? 0);
    return v > 1e-9 ? v : 0;
  };
  let dot = 0;
  if (aSum.personNorm > 0 && bSum.personNorm > 0) for (const [k, v] of aEnts) if (isPerson(k)) dot += v * bw(k);
  const people = aSum.personNorm > 0 && bSum.personNorm > 0 ? dot / (aSum.personNorm * bSum.personNorm) : 0;
  const conflict = (a: string | null, b: string | null) => (a !== null && b !== null && a !== b && bw(a) === 0 && !((aEnts.get(b) ?? 0) > 1e-9) ? 1 : 0);
  let yearConflict = 0;
  if (aSum.years.length && bSum.years.length) yearConflict = aSum.years.some((y) => bSum.years.includes(y)) ? 0 : 1;
  return { people, personConflict: conflict(aSum.topPerson, bSum.topPerson), placeConflict: conflict(aSum.topPlace, bSum.topPlace), yearConflict };
}
