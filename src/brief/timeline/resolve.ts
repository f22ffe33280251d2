/**
 * Dates for time expressions, resolved against the article's publication date with the direction its
 * clause gives. Rules:
 *  - a weekday points back to its latest occurrence on or before publication (the same day counts: a
 *    Monday article's "on Monday" is that Monday), forward to its first occurrence on or after it in
 *    a future clause ("Russia is expected to veto … on Monday" in a Monday article is that Monday);
 *    "last Monday" is strictly before, "next Monday" strictly after; an article that writes "yesterday"
 *    itself names the day before as "yesterday", so its past weekdays are two or more days back (the
 *    cluster stage's reading, kept so timeline dates agree with the dates it inferred);
 *  - a range's second weekday is the first such day on or after its first ("Tuesday evening or
 *    Wednesday morning");
 *  - a calendar date without a year takes the year that puts it on the tense's side of publication,
 *    with a week's slack (a past "December 6" in a December 5 article is a day late, not a year early);
 *  - "05.12.2016" is read day-first when the page says so (see `dayFirstOf`); a part above 12 settles it;
 *  - a month without a year is the latest such month on or before publication (forward in a future
 *    clause); "this week" is the week (Monday to Sunday) up to publication, or from it when future;
 *  - a period start ("since mid-November", "since 2012") is dated by its start, without an end: the event
 *    is the start (the assault began in mid-November), and the same start reported on different days
 *    stays one event; its phrase keeps the "since".
 * Pure; no clock.
 */
import type { Anchor, TimeExpression } from './expressions.ts';

export type Precision = 'day' | 'month' | 'year';

export interface Resolved {
  date: string;
  end: string | null;
  precision: Precision;
  /** True when the date depends on the publication date (relative expressions, years left out). */
  relative: boolean;
}

export interface ResolveContext {
  /** Publication date YYYY-MM-DD, or null when the article has none (only absolute expressions resolve). */
  base: string | null;
  /** The clause points forward (planned, expected, scheduled). */
  future: boolean;
  /** The article calls the day before publication "yesterday" (see the rules above). */
  yesterdayStyle: boolean;
  /** Numeric dates of this page are day-first (true), month-first (false), or the page does not say (null). */
  dayFirst: boolean | null;
}

/** Slack, in days, before a yearless calendar date is pushed to the neighbouring year against its tense. */
export const YEAR_SLACK_DAYS = 7;

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;
const toDay = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const fromDay = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

export function addDays(iso: string, n: number): string {
  return fromDay(toDay(iso) + n);
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return fromDay(toDay(iso)) === iso ? iso : null;
}

function monthShift(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + n;
  return `${y + Math.floor(m / 12)}-${pad((((m % 12) + 12) % 12) + 1)}`;
}

/** The day a weekday names, seen from `base`. */
export function resolveWeekday(weekday: number, base: string, direction: 'back' | 'forward', strict: boolean, yesterdayStyle: boolean): string {
  const b = toDay(base);
  if (direction === 'forward') {
    const from = b + (strict ? 1 : 0);
    return fromDay(from + ((weekday - weekdayOf(from) + 7) % 7));
  }
  const until = Math.min(b - (strict ? 1 : 0), yesterdayStyle ? b - 2 : b);
  return fromDay(until - ((weekdayOf(until) - weekday + 7) % 7));
}

/** Year for a yearless calendar date: on the tense's side of `base`, within YEAR_SLACK_DAYS. */
function yearFor(month: number, day: number, base: string, future: boolean): number | null {
  const by = Number(base.slice(0, 4));
  const b = toDay(base);
  const candidates = [by - 1, by, by + 1]
    .map((y) => ({ y, iso: validDate(y, month, day) }))
    .filter((c): c is { y: number; iso: string } => c.iso !== null);
  if (candidates.length === 0) return null;
  if (future) return candidates.find((c) => toDay(c.iso) >= b - YEAR_SLACK_DAYS)?.y ?? null;
  return [...candidates].reverse().find((c) => toDay(c.iso) <= b + YEAR_SLACK_DAYS)?.y ?? null;
}

/** Monday (ISO week start) of the week holding `iso`. */
const mondayOf = (iso: string) => fromDay(toDay(iso) - ((weekdayOf(toDay(iso)) + 6) % 7));

function resolveAnchor(a: Anchor, ctx: ResolveContext, strictFrom: string | null): Resolved | null {
  const { base } = ctx;
  const direction = ctx.future ? 'forward' : 'back';
  switch (a.kind) {
    case 'weekday': {
      if (strictFrom) {
        // second end of a range: first such day on or after the first end
        return { date: resolveWeekday(a.weekday, strictFrom, 'forward', false, false), end: null, precision: 'day', relative: true };
      }
      if (!base) return null;
      const dir = a.modifier === 1 ? 'forward' : a.modifier === -1 ? 'back' : direction;
      return { date: resolveWeekday(a.weekday, base, dir, a.modifier !== null && a.modifier !== 0, ctx.yesterdayStyle && dir === 'back'), end: null, precision: 'day', relative: true };
    }
    case 'relative':
      return base ? { date: addDays(base, a.days), end: null, precision: 'day', relative: true } : null;
    case 'period': {
      if (!base) return null;
      if (a.unit === 'year') return { date: String(Number(base.slice(0, 4)) + a.which), end: null, precision: 'year', relative: true };
      if (a.unit === 'month') return { date: monthShift(base, a.which), end: null, precision: 'month', relative: true };
      const monday = mondayOf(base);
      if (a.unit === 'weekend') {
        // "this weekend": the coming one in a future clause or before Saturday, else the one just past
        let sat = addDays(monday, 5 + 7 * a.which);
        if (a.which === 0 && !ctx.future && toDay(base) < toDay(sat)) sat = addDays(sat, -7);
        return { date: sat, end: addDays(sat, 1), precision: 'day', relative: true };
      }
      if (a.which !== 0) {
        const start = addDays(monday, 7 * a.which);
        return { date: start, end: addDays(start, 6), precision: 'day', relative: true };
      }
      const [start, end] = ctx.future ? [base, addDays(monday, 6)] : [monday, base];
      return { date: start, end: start === end ? null : end, precision: 'day', relative: true };
    }
    case 'ago': {
      if (!base) return null;
      if (a.unit === 'day') return { date: addDays(base, -a.n), end: null, precision: 'day', relative: true };
      if (a.unit === 'week') return { date: addDays(base, -7 * a.n), end: null, precision: 'day', relative: true };
      if (a.unit === 'month') return { date: monthShift(base, -a.n), end: null, precision: 'month', relative: true };
      return { date: String(Number(base.slice(0, 4)) - a.n), end: null, precision: 'year', relative: true };
    }
    case 'date': {
      let year = a.year;
      let relative = false;
      if (year === null) {
        const ref = strictFrom ?? base;
        if (!ref) return null;
        year = yearFor(a.month, a.day, ref, strictFrom !== null || ctx.future);
        relative = true;
        if (year === null) return null;
      }
      const iso = validDate(year, a.month, a.day);
      return iso ? { date: iso, end: null, precision: 'day', relative } : null;
    }
    case 'numeric': {
      const dayFirst = a.a > 12 ? true : a.b > 12 ? false : (ctx.dayFirst ?? a.dotted);
      const iso = dayFirst ? validDate(a.year, a.b, a.a) : validDate(a.year, a.a, a.b);
      return iso ? { date: iso, end: null, precision: 'day', relative: false } : null;
    }
    case 'month': {
      if (a.year !== null) return { date: `${a.year}-${pad(a.month)}`, end: null, precision: 'month', relative: false };
      if (!base) return null;
      const by = Number(base.slice(0, 4));
      const bm = Number(base.slice(5, 7));
      const year = ctx.future ? (a.month < bm ? by + 1 : by) : a.month > bm ? by - 1 : by;
      return { date: `${year}-${pad(a.month)}`, end: null, precision: 'month', relative: true };
    }
    case 'year':
      return { date: String(a.year), end: null, precision: 'year', relative: false };
  }
}

/**
 * The date (or range) an expression names, or null when it cannot be resolved (a relative expression
 * in an undated article, an impossible calendar date).
 *
 * @example resolveExpression(findExpressions('Talks would begin on Tuesday evening or Wednesday morning.')[0],
 *   { base: '2016-12-05', future: true, yesterdayStyle: false, dayFirst: false })
 *   // → { date: '2016-12-06', end: '2016-12-07', precision: 'day', relative: true }
 */
export function resolveExpression(e: TimeExpression, ctx: ResolveContext): Resolved | null {
  // "until Wednesday evening" and "next …" point forward whatever the verb; "since …" back
  const from = resolveAnchor(e.from, ctx, null);
  if (!from) return null;
  if (e.to) {
    const to = resolveAnchor(e.to, ctx, from.date.length === 10 ? from.date : null);
    if (!to || to.precision !== from.precision || to.date < from.date) return from;
    return to.date === from.date ? from : { ...from, end: to.date };
  }
  return from;
}

/**
 * Whether the numeric dates of a page read day-first: a date on the page whose first part exceeds 12
 * (day-first) or whose second does (month-first) settles it; otherwise a language other than English
 * (where day-first is the rule) says day-first; otherwise null, and each date follows its separator
 * (dotted "05.12.2016" day-first, the dot being the day-first convention; "12/05/2016" month-first).
 */
export function dayFirstOf(paragraphs: readonly string[], language: string | null): boolean | null {
  let votes = 0;
  for (const p of paragraphs) {
    for (const m of p.matchAll(/\b(\d{1,2})[./](\d{1,2})[./](?:\d{4}|\d{2})\b/g)) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a > 12 && b <= 12) votes++;
      else if (b > 12 && a <= 12) votes--;
    }
  }
  if (votes !== 0) return votes > 0;
  return language !== null && language !== 'en' ? true : null;
}
