/**
 * The tense of a time expression's clause: whether the event was planned or expected when reported
 * (future), is going on (present), or happened (past). The nearest marker before the expression
 * decides ("said on Monday it would …" is past for Monday; "talks would begin in Geneva on Tuesday" is
 * future), as in the claims stage; the expression's own lead overrides ("until Wednesday evening" is
 * forward, "since mid-November" back). Without a marker: past, since news reports what happened.
 */
import type { Token } from '../claims/numbers.ts';
import { BACKWARD_LEADS, FORWARD_LEADS, FUTURE_WORDS, PAST_WORDS, PRESENT_WORDS } from './tables.ts';

export type Tense = 'past' | 'present' | 'future';

/**
 * How far back (tokens) a tense marker is looked for. Set on the seeds and examples: the farthest
 * marker needed is 13 tokens back ("would ask parliament to summon the head of the national dams
 * agency this week"); the nearest marker wins, so a longer window only matters when none is closer.
 */
export const TENSE_WINDOW = 14;

/** Tokens that end a clause for the look-back: a marker beyond them speaks of another clause. */
const CLAUSE_ENDS = new Set([';', ':', '—', '–', '(', ')']);

/** The marker nearest before token `at` within the clause, or null when there is none. */
function markerBefore(toks: readonly Token[], at: number): Tense | null {
  for (let k = at - 1; k >= 0 && k >= at - TENSE_WINDOW; k--) {
    const t = toks[k]!;
    if (CLAUSE_ENDS.has(t.text)) break;
    if (!t.word) continue;
    const marker = markerAt(toks, k);
    if (marker) return marker;
  }
  return null;
}

function markerAt(toks: readonly Token[], k: number): Tense | null {
  const w = toks[k]!.low;
  if (w === 'set' && toks[k + 1]?.low === 'to') return 'future';
  if (w === 'be' && toks[k - 1]?.low === 'to') return 'future'; // "talks to be held"
  if (FUTURE_WORDS.has(w)) return 'future';
  if ((w === 'is' || w === 'are') && /ing$/.test(toks[k + 1]?.low ?? '')) return 'future'; // "is meeting on Friday"
  // a participle after "be" is a passive whose auxiliary, further back, decides ("will be held", "to be signed")
  const passive = toks[k - 1]?.low === 'be' || toks[k - 1]?.low === 'being';
  if (!passive && (PAST_WORDS.has(w) || (/ed$/.test(w) && w.length > 4))) return 'past';
  if (PRESENT_WORDS.has(w)) return 'present';
  return null;
}

/**
 * The clause's tense for an expression starting at token `at` with lead word `lead`.
 *
 * @example clauseTense(tokenize('Lavrov said talks would begin on Tuesday.'), 5, 'on') // → 'future'
 */
export function clauseTense(toks: readonly Token[], at: number, lead: string | null): Tense {
  if (lead && FORWARD_LEADS.has(lead)) return 'future';
  if (lead && BACKWARD_LEADS.has(lead)) return 'past';
  return markerBefore(toks, at) ?? 'past';
}

/**
 * Whether the clause around a day or span named relative to the report ("today", "yesterday",
 * "tomorrow", "this year") says something happened or is planned: a past verb or a planning word
 * before it, or after it up to the clause's end ("Today, the court ruled …"). Without one the
 * expression is a generic "now" ("Even today, countless people …", "what works today might not work
 * tomorrow") and no event of the story.
 */
export function statesEvent(toks: readonly Token[], at: number, next: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - TENSE_WINDOW; k--) {
    if (CLAUSE_ENDS.has(toks[k]!.text)) break;
    if (toks[k]!.word && strongMarkerAt(toks, k)) return true;
  }
  for (let k = next; k < toks.length && k < next + TENSE_WINDOW; k++) {
    const t = toks[k]!;
    if (CLAUSE_ENDS.has(t.text) || t.text === '.') break;
    if (t.word && strongMarkerAt(toks, k)) return true;
  }
  return false;
}

/** Future words that plan ("will", "due", "scheduled"), not bare verbs an imperative also uses ("start your trial today"). */
const PLANNING = new Set(['will', 'would', 'shall', "'ll", 'due', 'expected', 'scheduled', 'planned', 'plans', 'wird', 'werden', 'soll', 'sollen', 'geplant']);
/** Past words that state what happened; "has"/"have" also make a plain present ("edX has 260 partners"). */
const WEAK_PAST = new Set(['has', 'have', 'been']);

/** A marker that makes "today" an event: a plan, or a past verb that is not a present passive ("is considered"). */
function strongMarkerAt(toks: readonly Token[], k: number): boolean {
  const w = toks[k]!.low;
  if (PLANNING.has(w)) return true;
  if (WEAK_PAST.has(w)) return false;
  const prev = toks[k - 1]?.low ?? '';
  if (/ed$/.test(w) && ['is', 'are', 'am', 'be', 'being', 'been', 'get', 'gets'].includes(prev)) return false;
  return markerAt(toks, k) === 'past';
}
