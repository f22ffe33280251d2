/**
 * Time references in a sentence ("on Monday", "yesterday", "since mid-November", "in October",
 * "in 1987", "December 5") resolved against the article's date. Rules, kept simple on purpose:
 * a weekday points back to its latest occurrence on or before the article date (the same day counts:
 * a Monday article's "on Monday" is that Monday), forward to the next one when the sentence speaks of
 * the future (the nearest tense word before it: will, due, expected, next); a month without a year is the latest such month on or
 * before the article's month (forward in a future sentence); "mid-" is the 15th, "early" the 1st,
 * "late" the 25th. A cumulative phrase ("since mid-November") sets the period's start, not its date.
 */
import { FUTURE_MARKERS, MONTHS, WEEKDAYS } from './tables.ts';
import type { Token } from './numbers.ts';

export interface TimeRef {
  /** Token index where the reference starts. */
  at: number;
  /** 'point': the figure holds on that day/month/year; 'since': the start of a cumulative period. */
  kind: 'point' | 'since';
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when the article has no date to resolve against. */
  date: string | null;
  phrase: string;
}

const PART_DAY: ReadonlyMap<string, number> = new Map([['early', 1], ['mid', 15], ['late', 25]]);
const pad = (n: number) => String(n).padStart(2, '0');

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** How far back from a time reference a tense marker is looked for. */
const TENSE_WINDOW = 8;
const PAST_MARKERS = new Set(['said', 'says', 'told', 'was', 'were', 'had', 'has', 'have', 'flew', 'met', 'held', 'came', 'went', 'began', 'saw']);

/**
 * Whether the reference at token i points forward: the nearest tense marker before it decides
 * ("said on Monday it would …" is past for Monday; "talks would begin on Tuesday" is future); without
 * one, past, since news reports mostly what happened.
 */
export function isFuture(toks: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - TENSE_WINDOW; k--) {
    const w = toks[k]!.low;
    if (FUTURE_MARKERS.has(w)) return true;
    if (PAST_MARKERS.has(w) || (/ed$/.test(w) && w.length > 4 && toks[k - 1]?.low !== 'be')) return false;
  }
  return false;
}

function resolveWeekday(day: number, base: string, future: boolean): string {
  const cur = new Date(`${base}T00:00:00Z`).getUTCDay();
  if (future) return addDays(base, ((day - cur + 7) % 7) || 7);
  return addDays(base, -((cur - day + 7) % 7));
}

function resolveMonth(month: number, year: number | null, base: string | null, future: boolean): string | null {
  if (year !== null) return `${year}-${pad(month)}`;
  if (!base) return null;
  const by = Number(base.slice(0, 4));
  const bm = Number(base.slice(5, 7));
  if (future) return `${month < bm ? by + 1 : by}-${pad(month)}`;
  return `${month > bm ? by - 1 : by}-${pad(month)}`;
}

/**
 * Every time reference in a tokenised sentence, resolved against `base` (the article's date, or null).
 *
 * @example timeRefs(tokenize('Eight people were killed on Monday.'), '2016-12-05')
 *   // → [{ kind: 'point', date: '2016-12-05', phrase: 'on Monday', … }]
 */
export function timeRefs(toks: readonly Token[], base: string | null): TimeRef[] {
  const out: TimeRef[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1]?.low;
    const since = prev === 'since';
    const at = since ? i - 1 : i;
    if (t.low === 'yesterday') {
      out.push({ at: i, kind: 'point', date: base ? addDays(base, -1) : null, phrase: t.text });
    } else if (t.low === 'today' || t.low === 'tonight') {
      out.push({ at: i, kind: 'point', date: base, phrase: t.text });
    } else if (t.low === 'tomorrow') {
      out.push({ at: i, kind: 'point', date: base ? addDays(base, 1) : null, phrase: t.text });
    } else if (WEEKDAYS.has(t.low)) {
      const date = base ? resolveWeekday(WEEKDAYS.get(t.low)!, base, !since && isFuture(toks, i)) : null;
      out.push({ at, kind: since ? 'since' : 'point', date, phrase: `${since ? 'since ' : ''}${t.text}` });
    } else {
      // "mid-November", "early December", "November 2016", "in October"
      let part: number | null = null;
      let name = t.low;
      const hy = t.low.match(/^(early|mid|late)[-‐‑](\p{L}+)$/u);
      if (hy) {
        part = PART_DAY.get(hy[1]!)!;
        name = hy[2]!;
      } else if (PART_DAY.has(t.low) && MONTHS.has(toks[i + 1]?.low ?? '')) {
        continue; // read at the month token, with the part taken from here
      }
      if (MONTHS.has(name) && (name.length > 3 || /^\p{Lu}/u.test(t.text)) && (name !== 'may' || /^\p{Lu}/u.test(t.text))) {
        if (part === null && PART_DAY.has(prev ?? '')) part = PART_DAY.get(prev!)!;
        const dayAfter = /^\d{1,2}$/.test(toks[i + 1]?.text ?? '');
        const dayBefore = /^\d{1,2}$/.test(toks[i - 1]?.text ?? '');
        const yearTok = toks.slice(i + 1, i + 4).find((x) => /^\d{4}$/.test(x.text));
        const year = yearTok ? Number(yearTok.text) : null;
        const startAt = part !== null && !hy ? i - 1 : i;
        const sinceHere = toks[startAt - 1]?.low === 'since' || toks[startAt - 2]?.low === 'since' && toks[startAt - 1]?.low === 'in';
        let date = resolveMonth(MONTHS.get(name)!, year, base, !sinceHere && isFuture(toks, i));
        const day = dayAfter ? Number(toks[i + 1]!.text) : dayBefore ? Number(toks[i - 1]!.text) : part;
        if (date && day !== null && day >= 1 && day <= 31) date = `${date}-${pad(day)}`;
        out.push({ at: sinceHere ? startAt - 1 : startAt, kind: sinceHere ? 'since' : 'point', date, phrase: t.text });
      } else if (/^\d{4}$/.test(t.text) && (prev === 'in' || prev === 'since' || prev === 'by' || prev === 'until') && !MONTHS.has(toks[i - 1]?.low ?? '')) {
        const y = Number(t.text);
        if (y >= 1800 && y <= 2100) out.push({ at: i - 1, kind: prev === 'since' ? 'since' : 'point', date: t.text, phrase: `${prev} ${t.text}` });
      }
    }
  }
  return out;
}
