/**
 * Publication dates for undated articles, inferred from the story they sit in.
 *
 * News text dates its events relative to its own publication day: "said on Monday", "yesterday",
 * "talks would begin on Wednesday". A dated member fixes the days of the events it reports; an undated
 * member reporting the same events (its sentence shares content words with the dated one's) under
 * relative references constrains its own publication day. Every candidate day in a window around the
 * story's earliest dated member is tried; the one under which most references land on the day a dated
 * member puts the same event wins, ties to the smallest offset from the earliest dated member.
 *
 * Reading rules (general, not per page):
 *  - a past weekday ("on Monday") is the most recent such day on or before publication (wire style
 *    names the publication day itself);
 *  - an article that says "yesterday" outside quotations writes in the style where the publication day
 *    is "today" and the day before is "yesterday": its weekday names are then two or more days back;
 *  - a weekday after a future marker in its clause ("would begin … on Wednesday", "to be held … starting
 *    on Tuesday") is the next such day after publication;
 *  - quoted speech is skipped (a speaker's "yesterday" is the speaker's, not the article's);
 *  - dates printed by scrapers or site chrome never reach here: only article sentences are read.
 * Pure; no clock.
 */
import type { DateEvidence, DateInference } from '../records/index.ts';
import { dateOfDay, dayOf } from './clusterer.ts';
import { contentTerms, sentences } from './features.ts';

export interface DatedText {
  id: string;
  title: string | null;
  paragraphs: readonly string[];
  published: string | null;
}

export interface TemporalReference {
  phrase: string;
  kind: 'weekday' | 'yesterday' | 'today' | 'tomorrow';
  /** 0 = Sunday … 6 = Saturday, for weekday references. */
  weekday: number | null;
  future: boolean;
  sentence: string;
  terms: Set<string>;
}

/** Candidate publication days: from this many days before the earliest dated member … */
export const DAYS_BEFORE_EARLIEST = 3;
/** … to this many after (a follow-up within the clustering window). */
export const DAYS_AFTER_EARLIEST = 21;
/** Content words two sentences must share to count as reporting the same event (checked on the seeds: 2 keeps the Lavrov/Geneva talk anchors, drops "Aleppo"-only pairs). */
export const MIN_SHARED_TERMS = 2;
/** Shared words beyond this add no weight: one long sentence should not outvote several references. */
export const MAX_ANCHOR_WEIGHT = 5;
/**
 * A weekday name against a "yesterday"/"today" (or the reverse) counts half: two outlets naming the same
 * day the same way is the stronger sign. Set on the seeds: at full weight 004's "later yesterday"
 * (Lavrov's meeting) pairs with 003's "said Monday" (same minister, other event) and outvotes the
 * Wednesday talks both sides name.
 */
export const CROSS_KIND_WEIGHT = 0.5;

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const REF_RE = /\b(?:(last|next|this|on|since|from|until|by)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b|\b(later\s+yesterday|yesterday|last\s+night|today|tonight|tomorrow)\b/gi;
/** Words that make a clause's weekday a day ahead of publication. */
const FUTURE_RE = /\b(will|would|'ll|’ll|shall|due\s+to|to\s+be\s+held|expected\s+to|scheduled|planned|plans?\s+to|set\s+to|starting|begin|begins|coming|upcoming|until|next)\b/i;
/** Clause boundaries: the future marker must sit in the weekday's own clause. */
const CLAUSE_RE = /[,;:]|\b(?:after|before|when|while|but|as|since|and\s+(?:said|says))\b/gi;
const QUOTE_RE = /“[^”]*”|"[^"\n]*"|‘[^’]{12,}’/g;
const TIME_WORDS = new Set([...WEEKDAY_NAMES, 'morning', 'evening', 'afternoon', 'night', 'yesterday', 'today', 'tomorrow', 'week', 'later', 'earlier']);

/** The weekday (0 = Sunday) of a day number (days since 1970-01-01, a Thursday). */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

/**
 * The relative time references of an article outside quotations, and whether it writes
 * "yesterday" itself (which shifts how its weekday names read).
 *
 * @example
 *   temporalReferences({ id: 'x', title: null, published: null, paragraphs: ['Russia said on Monday it would talk on Wednesday.'] })
 *   // → refs: "on Monday" (past), "on Wednesday" (future); yesterdayStyle false
 */
export function temporalReferences(doc: DatedText): { refs: TemporalReference[]; yesterdayStyle: boolean } {
  const refs: TemporalReference[] = [];
  let yesterdayStyle = false;
  for (const p of doc.paragraphs) {
    const prose = p.replace(QUOTE_RE, (q) => ' '.repeat(q.length));
    for (const s of sentences(prose)) {
      let terms: Set<string> | null = null;
      for (const m of s.matchAll(REF_RE)) {
        terms ??= new Set(contentTerms(s).filter((t) => t.length >= 3 && !TIME_WORDS.has(t)));
        const phrase = m[0];
        if (m[3]) {
          const w = m[3].toLowerCase();
          if (w.endsWith('yesterday') || w === 'last night') {
            yesterdayStyle = true;
            refs.push({ phrase, kind: 'yesterday', weekday: null, future: false, sentence: s.trim(), terms });
          } else if (w === 'tomorrow') refs.push({ phrase, kind: 'tomorrow', weekday: null, future: true, sentence: s.trim(), terms });
          else refs.push({ phrase, kind: 'today', weekday: null, future: false, sentence: s.trim(), terms });
          continue;
        }
        const lead = (m[1] ?? '').toLowerCase();
        const weekday = WEEKDAY_NAMES.indexOf(m[2]!.toLowerCase());
        let clauseStart = 0;
        for (const c of s.slice(0, m.index).matchAll(CLAUSE_RE)) clauseStart = c.index! + c[0].length;
        const clause = s.slice(clauseStart, m.index);
        const future = lead === 'next' || (lead !== 'last' && lead !== 'since' && FUTURE_RE.test(clause));
        refs.push({ phrase, kind: 'weekday', weekday, future, sentence: s.trim(), terms });
      }
    }
  }
  return { refs, yesterdayStyle };
}

/** The day a reference points to when its article is published on `pub`. */
function resolve(ref: TemporalReference, pub: number, yesterdayStyle: boolean): number {
  if (ref.kind === 'yesterday') return pub - 1;
  if (ref.kind === 'today') return pub;
  if (ref.kind === 'tomorrow') return pub + 1;
  const w = ref.weekday!;
  if (ref.future) {
    const from = pub + (yesterdayStyle ? 2 : 1);
    return from + ((w - weekdayOf(from) + 7) % 7);
  }
  const until = pub - (yesterdayStyle ? 2 : 0);
  return until - ((weekdayOf(until) - w + 7) % 7);
}

interface Anchor {
  day: number;
  weekdayNamed: boolean;
  docId: string;
  phrase: string;
  terms: Set<string>;
}

function shared(a: Set<string>, b: Set<string>): string[] {
  const out: string[] = [];
  for (const t of a) if (b.has(t)) out.push(t);
  return out.sort();
}

/**
 * Infers a publication date for one undated article from the dated members of its story, or returns
 * null when no reference of it shares an event with a dated member.
 */
export function inferDate(doc: DatedText, dated: readonly DatedText[]): DateInference | null {
  const anchors: Anchor[] = [];
  let earliest: number | null = null;
  for (const d of dated) {
    const pub = dayOf(d.published);
    if (pub === null) continue;
    if (earliest === null || pub < earliest) earliest = pub;
    const { refs, yesterdayStyle } = temporalReferences(d);
    for (const r of refs) anchors.push({ day: resolve(r, pub, yesterdayStyle), weekdayNamed: r.kind === 'weekday', docId: d.id, phrase: r.phrase, terms: r.terms });
  }
  if (earliest === null || anchors.length === 0) return null;
  const { refs, yesterdayStyle } = temporalReferences(doc);
  // For each reference, the anchors it plausibly shares an event with (and how strongly).
  const links = refs.map((r) =>
    anchors
      .map((a) => ({ a, words: shared(r.terms, a.terms) }))
      .filter((x) => x.words.length >= MIN_SHARED_TERMS)
      .map((x) => ({ ...x, weight: Math.min(MAX_ANCHOR_WEIGHT, x.words.length) * (x.a.weekdayNamed === (r.kind === 'weekday') ? 1 : CROSS_KIND_WEIGHT) })),
  );
  const possible = links.reduce((s, l) => s + (l.length ? Math.max(...l.map((x) => x.weight)) : 0), 0);
  if (possible === 0) return null;

  // Candidate days, in preference order: the earliest dated day and after, nearest first; then before.
  const days: number[] = [];
  for (let d = 0; d <= DAYS_AFTER_EARLIEST; d++) days.push(earliest + d);
  for (let d = 1; d <= DAYS_BEFORE_EARLIEST; d++) days.push(earliest - d);
  let best: { day: number; score: number } | null = null;
  for (const day of days) {
    let score = 0;
    refs.forEach((r, i) => {
      const at = resolve(r, day, yesterdayStyle);
      let m = 0;
      for (const l of links[i]!) if (l.a.day === at && l.weight > m) m = l.weight;
      score += m;
    });
    if (score > 0 && (!best || score > best.score)) best = { day, score };
  }
  if (!best) return null;

  const evidence: (DateEvidence & { weight: number })[] = [];
  refs.forEach((r, i) => {
    const at = resolve(r, best!.day, yesterdayStyle);
    const match = links[i]!.filter((l) => l.a.day === at).sort((x, y) => y.weight - x.weight || (x.a.docId < y.a.docId ? -1 : 1))[0];
    evidence.push({
      phrase: r.phrase,
      sentence: r.sentence.length > 200 ? r.sentence.slice(0, 199) + '…' : r.sentence,
      resolved: dateOfDay(at),
      matchedArticle: match?.a.docId ?? null,
      matchedPhrase: match?.a.phrase ?? null,
      shared: match ? match.words.slice(0, 8) : [],
      weight: match?.weight ?? 0,
    });
  });
  evidence.sort((a, b) => b.weight - a.weight);
  return {
    id: doc.id,
    date: dateOfDay(best.day),
    confidence: Math.round((best.score / possible) * 1000) / 1000,
    evidence: evidence.slice(0, 10).map(({ weight: _w, ...e }) => e),
  };
}

/**
 * Dates for every undated member of one story, from its dated members (never from one another:
 * an inferred date is not evidence for the next inference). Sorted by article id.
 *
 * @example
 *   inferStoryDates([dated002, dated003, undated000]) // → [{ id: undated000.id, date: '2016-12-05', … }]
 */
export function inferStoryDates(docs: readonly DatedText[]): DateInference[] {
  const dated = docs.filter((d) => dayOf(d.published) !== null);
  if (dated.length === 0) return [];
  const out: DateInference[] = [];
  for (const d of docs) {
    if (dayOf(d.published) !== null) continue;
    const inf = inferDate(d, dated);
    if (inf) out.push(inf);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}
