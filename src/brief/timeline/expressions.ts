/**
 * Time expressions of a sentence, found on its tokens and read into anchors that the resolver turns
 * into dates: weekdays with their leads and parts of the day ("on Monday", "Tuesday evening or
 * Wednesday morning", "in the early hours of Monday", "Mittwochabend"), days relative to the report
 * ("yesterday", "later yesterday", "tonight"), weeks, weekends, months and years relative to it
 * ("last week", "next month"), "two years ago", calendar dates ("December 5", "5 December 2016",
 * "05.12.2016", "2016-12-05", "April 24-28", "between April 24 and April 28"), months ("in October",
 * "since mid-November", "March 2011") and years ("in 1986", "since 2012", "a 2023 inspection").
 *
 * Written here rather than taken from chrono-node: chrono reads "April 24" in a December article as
 * next April whatever the tense, loses "mid-", reads "on Monday" forward, and has no German weekday
 * compounds; the grammar we need is small enough to own, and owning it keeps the year, tense and
 * day-first decisions in one place.
 *
 * Not read as events: ages and measures ("34", "48-hour", "six-year-old" never match), clock times, and
 * years inside names ("Euro 2016": a year right after a capitalised word that is not a lead).
 */
import { tokenize, type Token } from '../claims/numbers.ts';
import {
  AGO_UNITS, COUNT_WORDS, DAY_PARTS, MONTH_PARTS, MONTHS, PERIOD_LEADS, PERIOD_UNITS, RELATIVE_DAYS, SINCE_LEADS, WEEKDAYS, YEAR_ARTICLES, YEAR_LEADS,
} from './tables.ts';

/** What a time expression names, before it is resolved against a publication date. */
export type Anchor =
  | { kind: 'weekday'; weekday: number; modifier: -1 | 0 | 1 | null; night: boolean }
  | { kind: 'relative'; days: number }
  | { kind: 'period'; unit: 'week' | 'weekend' | 'month' | 'year'; which: -1 | 0 | 1 }
  | { kind: 'ago'; n: number; unit: 'day' | 'week' | 'month' | 'year' }
  | { kind: 'date'; year: number | null; month: number; day: number }
  | { kind: 'numeric'; a: number; b: number; year: number; dotted: boolean }
  | { kind: 'month'; year: number | null; month: number; part: 'early' | 'mid' | 'late' | null }
  | { kind: 'year'; year: number };

export interface TimeExpression {
  /** Character offsets in the sentence. */
  start: number;
  end: number;
  /** The expression as written, e.g. "on Tuesday evening or Wednesday morning". */
  phrase: string;
  /** Token index of the first token of the expression (its lead word included). */
  at: number;
  from: Anchor;
  /** Second end of a range ("… or Wednesday morning", "… and April 28"), else null. */
  to: Anchor | null;
  /** The lead word in lower case ("on", "since", "until", "last", …), or null. */
  lead: string | null;
  /** A period start ("since mid-November"): the event runs from the anchor to the report. */
  since: boolean;
  /** Approximate by its wording: "mid-November", "this week", "two years ago", "later yesterday". */
  vague: boolean;
}

/**
 * Words (two letters or more) a sentence needs besides its time expression to state an event: a table
 * row or a bare date line has none. 2 keeps a subheading such as "Warnungen seit 2023 bekannt"; set on
 * the WCXB dev bodies, where the rows of data tables were the only sentences under it.
 */
export const MIN_WORDS_AROUND = 2;

const isCap = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;
const yearOf = (t: Token | undefined): number | null => {
  if (!t || !/^\d{4}$/.test(t.text)) return null;
  const y = Number(t.text);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
};
const dayNum = (t: Token | undefined): number | null => {
  if (!t) return null;
  const m = t.text.match(/^(\d{1,2})(?:st|nd|rd|th)?$/);
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
};
/** A month token: known name, capitalised ("may" and "march" are words too), abbreviations with or without a dot. */
function monthOf(t: Token | undefined): number | null {
  if (!t || !isCap(t)) return null;
  return MONTHS.get(t.low) ?? null;
}

/** A weekday token, possibly fused with a part of the day ("Mittwochabend") or German "-s" ("montags" is habitual: refused). */
function weekdayOf(t: Token | undefined): { weekday: number; part: string | null } | null {
  if (!t || !isCap(t)) return null;
  const low = t.low.replace(/'s$/, ''); // "Wednesday's vote"
  const w = WEEKDAYS.get(low);
  if (w !== undefined) return { weekday: w, part: null };
  for (const [name, n] of WEEKDAYS) {
    if (low.length > name.length && low.startsWith(name) && DAY_PARTS.has(low.slice(name.length))) return { weekday: n, part: low.slice(name.length) };
  }
  return null;
}

interface Parsed {
  from: Anchor;
  to: Anchor | null;
  /** Token index after the expression. */
  next: number;
  vague?: boolean;
}

/** Tokens that join two ends of a range. */
const RANGE_JOINS = new Set(['or', 'and', 'to', 'through', 'until', 'till', '-', '–', '—', 'oder', 'und', 'bis']);

/** "Monday", "Monday evening", "early hours of Monday", "night of Monday", "Nacht zum Montag" at token i. */
function parseWeekdayAt(toks: readonly Token[], i: number): { anchor: Anchor; next: number } | null {
  let k = i;
  let night = false;
  // "(the) early hours of", "(the) night of", "Nacht zum"
  if (toks[k]?.low === 'the') k++;
  if ((toks[k]?.low === 'early' || toks[k]?.low === 'small') && toks[k + 1]?.low === 'hours' && toks[k + 2]?.low === 'of') {
    k += 3;
  } else if (DAY_PARTS.has(toks[k]?.low ?? '') && (toks[k + 1]?.low === 'of' || toks[k + 1]?.low === 'zum')) {
    night = toks[k]!.low === 'night' || toks[k]!.low === 'nacht';
    k += 2;
  } else if (k !== i) {
    return null;
  }
  const w = weekdayOf(toks[k]);
  if (!w) return null;
  k++;
  if (!w.part && DAY_PARTS.has(toks[k]?.low ?? '')) k++;
  return { anchor: { kind: 'weekday', weekday: w.weekday, modifier: null, night }, next: k };
}

function parseWeekday(toks: readonly Token[], i: number): Parsed | null {
  let k = i;
  let modifier: -1 | 0 | 1 | null = null;
  const lead = PERIOD_LEADS.get(toks[k]?.low ?? '');
  if (lead !== undefined && weekdayOf(toks[k + 1])) {
    modifier = lead;
    k++;
  }
  const first = parseWeekdayAt(toks, k);
  if (!first) return null;
  // "Wednesday, April 15, 2026", "Monday (Dec. 5)": the calendar date says it all
  {
    let j = first.next;
    if (toks[j]?.text === ',' || toks[j]?.text === '(') j++;
    const date = parseCalendar(toks, j) ?? parseNumeric(toks, j);
    if (date) return { ...date, next: toks[date.next]?.text === ')' ? date.next + 1 : date.next };
  }
  if (first.anchor.kind === 'weekday') first.anchor.modifier = modifier;
  k = first.next;
  // a range: "Tuesday evening or Wednesday morning", "Monday and Tuesday", "from Monday to Wednesday"
  let j = k;
  if (toks[j]?.text === ',') j++;
  if (RANGE_JOINS.has(toks[j]?.low ?? '')) {
    let m = j + 1;
    if (toks[m]?.low === 'on' || toks[m]?.low === 'am') m++;
    const second = parseWeekdayAt(toks, m);
    if (second) return { from: first.anchor, to: second.anchor, next: second.next };
  }
  return { from: first.anchor, to: null, next: k };
}

function parseRelativeDay(toks: readonly Token[], i: number): Parsed | null {
  let k = i;
  let vague = false;
  if (toks[k]?.low === 'later' || toks[k]?.low === 'earlier') {
    vague = true;
    k++;
  }
  const t = toks[k];
  if (!t) return null;
  // "Morgen" capitalised is the German noun (morning); English words are checked case-free
  if (t.low === 'morgen' && isCap(t)) return null;
  const days = RELATIVE_DAYS.get(t.low);
  if (days !== undefined) {
    k++;
    if (DAY_PARTS.has(toks[k]?.low ?? '')) k++;
    return { from: { kind: 'relative', days }, to: null, next: k, vague };
  }
  if (t.low === 'last' && (toks[k + 1]?.low === 'night' || toks[k + 1]?.low === 'evening')) {
    return { from: { kind: 'relative', days: -1 }, to: null, next: k + 2, vague };
  }
  // "this morning", "this evening": the publication day
  if (t.low === 'this' && DAY_PARTS.has(toks[k + 1]?.low ?? '') && toks[k + 1]!.low !== 'night') {
    return { from: { kind: 'relative', days: 0 }, to: null, next: k + 2, vague };
  }
  return null;
}

function parsePeriod(toks: readonly Token[], i: number): Parsed | null {
  let k = i;
  let vague = true;
  // "over the weekend", "at the weekend": the one the clause's tense points to
  if ((toks[k]?.low === 'over' || toks[k]?.low === 'at') && toks[k + 1]?.low === 'the' && toks[k + 2]?.low === 'weekend') {
    return { from: { kind: 'period', unit: 'weekend', which: 0 }, to: null, next: k + 3, vague };
  }
  if ((toks[k]?.low === 'earlier' || toks[k]?.low === 'later') && toks[k + 1]?.low === 'this') k++;
  const which = PERIOD_LEADS.get(toks[k]?.low ?? '');
  const unit = PERIOD_UNITS.get(toks[k + 1]?.low ?? '');
  if (which === undefined || !unit) return null;
  // "in the next year", "over the last week": a rolling span, not a calendar one
  if (toks[k - 1]?.low === 'the') return null;
  // "last year", "last month" name one calendar year or month exactly; a week is a span, read as a range
  if (unit === 'year' || unit === 'month') vague = false;
  return { from: { kind: 'period', unit, which }, to: null, next: k + 2, vague };
}

function parseAgo(toks: readonly Token[], i: number): Parsed | null {
  // "two years ago" / "vor zwei Jahren"
  if (toks[i]?.low === 'vor') {
    const n = COUNT_WORDS.get(toks[i + 1]?.low ?? '') ?? (/^\d{1,2}$/.test(toks[i + 1]?.text ?? '') ? Number(toks[i + 1]!.text) : null);
    const unit = AGO_UNITS.get(toks[i + 2]?.low ?? '');
    if (n !== null && unit) return { from: { kind: 'ago', n, unit }, to: null, next: i + 3, vague: unit !== 'day' };
    return null;
  }
  const n = COUNT_WORDS.get(toks[i]?.low ?? '') ?? (/^\d{1,2}$/.test(toks[i]?.text ?? '') ? Number(toks[i]!.text) : null);
  const unit = AGO_UNITS.get(toks[i + 1]?.low ?? '');
  if (n === null || !unit || toks[i + 2]?.low !== 'ago') return null;
  return { from: { kind: 'ago', n, unit }, to: null, next: i + 3, vague: unit !== 'day' };
}

/** "December 5(, 2016)", "Dec. 5", "5 December 2016", "5. Dezember", "5th of December", with "-28"/"and April 28" ranges. */
function parseCalendar(toks: readonly Token[], i: number): Parsed | null {
  let k = i;
  let month: number | null = null;
  let day: number | null = null;
  const m0 = monthOf(toks[k]);
  if (m0 !== null) {
    let j = k + 1;
    if (toks[j]?.text === '.') j++;
    const d = dayNum(toks[j]);
    if (d !== null && !/^\d{3,}$/.test(toks[j]!.text)) {
      month = m0;
      day = d;
      k = j + 1;
    }
  } else {
    const d = dayNum(toks[k]);
    if (d !== null) {
      let j = k + 1;
      if (toks[j]?.text === '.') j++;
      if (toks[j]?.low === 'of') j++;
      const m = monthOf(toks[j]);
      if (m !== null) {
        month = m;
        day = d;
        k = j + 1;
      }
    }
  }
  if (month === null || day === null) return null;
  if (toks[k]?.text === '.' && (toks[k - 1]?.low.length ?? 0) <= 4 && MONTHS.has(toks[k - 1]?.low ?? '') && toks[k - 1]!.low !== 'may' && toks[k - 1]!.low !== 'june' && toks[k - 1]!.low !== 'july') k++; // "Dec.", not a sentence's full stop
  let year: number | null = null;
  {
    let j = k;
    if (toks[j]?.text === ',') j++;
    const y = yearOf(toks[j]);
    if (y !== null) {
      year = y;
      k = j + 1;
    }
  }
  const from: Anchor = { kind: 'date', year, month, day };
  // "April 24-28", "24-28 April" is not read (rare in news); "between April 24 and April 28", "April 24 to 28"
  if (RANGE_JOINS.has(toks[k]?.low ?? '')) {
    const second = parseCalendar(toks, k + 1);
    if (second && second.from.kind === 'date') {
      const to = { ...second.from, year: second.from.year ?? year };
      return { from: year === null && to.year !== null ? { ...from, year: to.year } : from, to, next: second.next };
    }
    const d2 = dayNum(toks[k + 1]);
    if (d2 !== null && d2 > day && toks[k + 2]?.low !== 'p.m' && toks[k + 2]?.low !== 'a.m') {
      let next = k + 2;
      let y2 = year;
      const y = yearOf(toks[next]?.text === ',' ? toks[next + 1] : toks[next]);
      if (y !== null) {
        y2 = y;
        next += toks[next]?.text === ',' ? 2 : 1;
      }
      return { from: { ...from, year: year ?? y2 }, to: { kind: 'date', year: y2, month, day: d2 }, next };
    }
  }
  return { from, to: null, next: k };
}

/** "05.12.2016", "12/05/2016", "05.12.16", "2016-12-05". */
function parseNumeric(toks: readonly Token[], i: number): Parsed | null {
  const t = toks[i];
  if (!t) return null;
  const dotted = t.text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/);
  if (dotted) {
    const y = Number(dotted[3]!.length === 2 ? `20${dotted[3]}` : dotted[3]);
    return { from: { kind: 'numeric', a: Number(dotted[1]), b: Number(dotted[2]), year: y, dotted: true }, to: null, next: i + 1 };
  }
  if (/^\d{1,2}$/.test(t.text) && toks[i + 1]?.text === '/' && /^\d{1,2}$/.test(toks[i + 2]?.text ?? '') && toks[i + 3]?.text === '/' && /^(\d{4}|\d{2})$/.test(toks[i + 4]?.text ?? '')) {
    const yt = toks[i + 4]!.text;
    return { from: { kind: 'numeric', a: Number(t.text), b: Number(toks[i + 2]!.text), year: Number(yt.length === 2 ? `20${yt}` : yt), dotted: false }, to: null, next: i + 5 };
  }
  const y = yearOf(t);
  if (y !== null && toks[i + 1]?.text === '-' && /^\d{2}$/.test(toks[i + 2]?.text ?? '') && toks[i + 3]?.text === '-' && /^\d{2}$/.test(toks[i + 4]?.text ?? '')) {
    const month = Number(toks[i + 2]!.text);
    const day = Number(toks[i + 4]!.text);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { from: { kind: 'date', year: y, month, day }, to: null, next: i + 5 };
  }
  return null;
}

/** "in October", "mid-November", "early December", "Mitte November", "March 2011". */
function parseMonth(toks: readonly Token[], i: number): Parsed | null {
  let k = i;
  let part: 'early' | 'mid' | 'late' | null = null;
  const t = toks[k];
  if (!t) return null;
  const hy = t.low.match(/^(early|mid|late)[-‐‑](\p{L}+)$/u);
  let month: number | null = null;
  if (hy) {
    const m = MONTHS.get(hy[2]!);
    if (m === undefined || !/^\p{Lu}/u.test(t.text.slice(hy[1]!.length + 1))) return null;
    part = MONTH_PARTS.get(hy[1]!)!.part;
    month = m;
    k++;
  } else {
    const p = MONTH_PARTS.get(t.low);
    if (p && monthOf(toks[k + 1]) !== null) {
      part = p.part;
      k++;
    }
    month = monthOf(toks[k]);
    if (month === null) return null;
    // "May" after a capitalised word is a surname ("Theresa May"); a bare "May"/"March" opening a sentence is too risky
    if ((toks[k]!.low === 'may' || toks[k]!.low === 'march') && (isCap(toks[k - 1]) || k === 0)) return null;
    k++;
  }
  let year: number | null = null;
  const y = yearOf(toks[k]?.text === ',' ? toks[k + 1] : toks[k]);
  if (y !== null) {
    year = y;
    k += toks[k]?.text === ',' ? 2 : 1;
  }
  return { from: { kind: 'month', year, month, part }, to: null, next: k, vague: part !== null };
}

/** A year: after a lead word ("in 1986", "im Jahr 2023") or an article before a lower-case noun ("a 2023 inspection"). */
function parseYear(toks: readonly Token[], i: number): Parsed | null {
  const y = yearOf(toks[i]);
  if (y === null) return null;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  // a figure, not a year: "2016 people", "2,016" is one token already
  // "the 1990s", "2016-17": a decade or a season, not a year
  if (next && next.start === toks[i]!.end && (next.word || next.text === '-' || next.text === '–' || next.text === '/')) return null;
  if (next && /^(people|persons|troops|soldiers|homes|houses|km|kilometres|kilometers|miles|metres|meters|euros|dollars|crowns|tonnes|tons)$/.test(next.low)) return null;
  if (prev && YEAR_LEADS.has(prev.low)) {
    // "from 2015 to 2021", "between 2015 and 2021", "2015-2021"
    const y2 = RANGE_JOINS.has(toks[i + 1]?.low ?? '') ? yearOf(toks[i + 2]) : null;
    if (y2 !== null && y2 > y) return { from: { kind: 'year', year: y }, to: { kind: 'year', year: y2 }, next: i + 3 };
    return { from: { kind: 'year', year: y }, to: null, next: i + 1 };
  }
  if (prev && YEAR_ARTICLES.has(prev.low) && next && /^\p{Ll}/u.test(next.text)) return { from: { kind: 'year', year: y }, to: null, next: i + 1 };
  return null;
}

/**
 * A capitalised word that makes the weekday after it part of a name ("Black Friday", "Super Tuesday",
 * "Easter Sunday"): any but a lead or opener ("On", "By", "Until", "Early", "The").
 */
function isNameWord(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  if (!t || !isCap(t) || LEADS.has(t.low) || OPENERS.has(t.low) || RANGE_JOINS.has(t.low)) return false;
  return !['and', 'or', 'but', 'since', 'until', 'till', 'by', 'before', 'after', 'every', 'each', 'next', 'last', 'this'].includes(t.low);
}

/**
 * Cheap pre-check: a sentence without any of these cannot hold a time expression (most sentences of an
 * article), so it is never tokenised. Broad on purpose ("mar" also opens "market"); the grammar decides.
 */
const TRIGGER_RE =
  /(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un|[Tt]o|[Yy]ester)day|[Tt]o(?:night|morrow)|[Ll]ast night|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\b|[Ww]eek|[Mm]onth|[Yy]ear|\bago\b|\d{4}|\d[./]\d|[Mm]ontag|[Dd]ienstag|[Mm]ittwoch|[Dd]onnerstag|[Ff]reitag|[Ss]amstag|[Ss]onn(?:tag|abend)|gestern|heute|morgen|[Ww]oche|[Mm]onat|[Jj]ahr|\bvor\b/;

/** Whether a sentence may hold a time expression (see TRIGGER_RE). */
export const mayHoldTime = (sentence: string) => TRIGGER_RE.test(sentence);

const PARSERS = [parseNumeric, parseCalendar, parseWeekday, parseRelativeDay, parsePeriod, parseAgo, parseMonth, parseYear];

/** Words that can open an expression (besides digits, weekdays, months and "mid-November" forms). */
const OPENERS: ReadonlySet<string> = new Set([
  ...RELATIVE_DAYS.keys(), ...PERIOD_LEADS.keys(), ...COUNT_WORDS.keys(), ...MONTH_PARTS.keys(),
  'the', 'later', 'earlier', 'early', 'small', 'night', 'nacht', 'morning', 'evening', 'afternoon', 'over', 'at', 'vor',
]);

/** Whether an expression may start at this token: most tokens are ordinary words and are passed by at once. */
function mayStart(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  if (OPENERS.has(t.low)) return true;
  if (!isCap(t)) return t.low.includes('-') && MONTH_PARTS.has(t.low.split(/[-‐‑]/)[0]!);
  return MONTHS.has(t.low) || weekdayOf(t) !== null || t.low.includes('-');
}

/** Lead words kept in the phrase and read for direction. */
const LEADS = new Set([
  'on', 'since', 'from', 'until', 'till', 'by', 'before', 'after', 'in', 'during', 'between', 'early', 'late', 'mid',
  'am', 'seit', 'bis', 'ab', 'im', 'vom', 'zum', 'an', 'anfang', 'mitte', 'ende',
]);

/**
 * Every time expression of a sentence, left to right, not overlapping. `mask` blanks spans that are
 * not read (quotations): a token starting inside a masked span is skipped.
 *
 * @example findExpressions('Talks would begin in Geneva on Tuesday evening or Wednesday morning.')
 *   // → [{ phrase: 'on Tuesday evening or Wednesday morning', from: weekday 2, to: weekday 3, lead: 'on', … }]
 */
export function findExpressions(sentence: string, masked: (offset: number) => boolean = () => false, toks: readonly Token[] = tokenize(sentence)): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!mayStart(toks[i]!) || masked(toks[i]!.start)) continue;
    let parsed: Parsed | null = null;
    for (const p of PARSERS) {
      parsed = p(toks, i);
      if (parsed) break;
    }
    if (!parsed) continue;
    const last = toks[parsed.next - 1]!;
    if (masked(last.start)) continue;
    // lead words: "since", "on", "until", "in the early hours of" is part of the anchor already
    let at = i;
    let lead: string | null = null;
    const prev = toks[i - 1];
    // "in"/"im" lead months and years ("in October"), not weekdays ("sworn in Friday")
    const inLead = prev?.low === 'in' || prev?.low === 'im';
    if (prev && LEADS.has(prev.low) && !masked(prev.start) && !(inLead && parsed.from.kind === 'weekday')) {
      at = i - 1;
      lead = prev.low;
      if ((lead === 'in' || lead === 'im') && SINCE_LEADS.has(toks[i - 2]?.low ?? '')) {
        at = i - 2;
        lead = toks[i - 2]!.low;
      }
    }
    const leadTok = toks[i]!.low;
    if (PERIOD_LEADS.has(leadTok) && parsed.from.kind === 'weekday') lead = leadTok;
    // "im Jahr 2023", "of 1987": the year's own lead
    if (parsed.from.kind === 'year' && lead === null && prev && YEAR_LEADS.has(prev.low)) {
      at = i - 1;
      lead = prev.low;
      if (lead === 'jahr' && (toks[i - 2]?.low === 'im' || toks[i - 2]?.low === 'seit')) {
        at = i - 2;
        lead = toks[i - 2]!.low;
      }
    }
    const words = toks.filter((t, k) => (k < at || k >= parsed!.next) && /\p{L}{2}/u.test(t.text)).length;
    const skip =
      // a weekday right after a capitalised word that is not a lead is part of a name ("Black Friday")
      (parsed.from.kind === 'weekday' && at === i && !!prev && isNameWord(toks, i - 1)) ||
      // "every Monday", "each Friday": a habit, not an event
      (parsed.from.kind === 'weekday' && (prev?.low === 'every' || prev?.low === 'each')) ||
      // "on a Sunday", "a sunny Friday morning": any such day, not a date
      (parsed.from.kind === 'weekday' && (prev?.low === 'a' || prev?.low === 'an' || toks[i - 2]?.low === 'a' || toks[i - 2]?.low === 'an')) ||
      // a table row or a bare date line ("8/1/2016 +8.9%"): an event needs words around its date
      words < MIN_WORDS_AROUND;
    if (skip) {
      i = parsed.next - 1;
      continue;
    }
    const start = toks[at]!.start;
    const end = last.end;
    out.push({
      start,
      end,
      phrase: sentence.slice(start, end),
      at,
      from: parsed.from,
      to: parsed.to,
      lead,
      since: lead !== null && SINCE_LEADS.has(lead),
      vague: parsed.vague ?? false,
    });
    i = parsed.next - 1;
  }
  return out;
}
