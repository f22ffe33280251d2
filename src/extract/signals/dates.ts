/**
 * Explicit calendar dates in metadata lines. Only dates that spell out a year, a month and a day are
 * read; relative dates ("on Monday", "yesterday") and year-less scraper dates ("Saturday / March 23.")
 * give nothing, so the reference date chrono-node needs never decides an answer.
 */
import * as chrono from 'chrono-node';
import { DATE_LABEL_WEIGHTS } from './tables.ts';

export interface FoundDate {
  /** ISO YYYY-MM-DD. */
  iso: string;
  /** The verbatim date text. */
  text: string;
  /** Offset of `text` in the line. */
  index: number;
}

/**
 * Years outside this window are not publication dates of pages we see (historic dates in captions,
 * typos). The web news era starts in the mid-1990s; the upper bound leaves room for years to come.
 */
const MIN_YEAR = 1995;
const MAX_YEAR = 2100;

/**
 * chrono only fills components it did not find from this reference; every result we accept has year,
 * month and day certain, so the value never leaks into an answer. Fixed for determinism (no clock).
 */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** A cheap necessary condition for an explicit date: a year from MIN_YEAR to MAX_YEAR as four digits. */
const MAY_HOLD_YEAR = /(?:19|20)\d\d|2100/u;

/**
 * The first letters of chrono's English time units (second, minute, hour, day, week, month, quarter,
 * year, with their abbreviations "s", "mo", "qtr", "yr" …; a test reads them from chrono's table).
 */
export const TIME_UNIT_INITIALS = 'smhdwqy';
/**
 * What a line needs for chrono's strict English parser to read a date with year, month and day all
 * certain and the year written out (as `findExplicitDates` accepts): a month name (every form the
 * parser knows starts with one of these three letters), digits joined by a date separator ("2024-05-03",
 * "5/3/2024", "2024 05 03"), or a four-digit number before a time unit (a relative "within 2000 days",
 * whose computed date chrono marks certain). On the WCXB text dumps 1,000 of the 1,285 lines that
 * gave the parser nothing lacked the first two and a four-digit number before any word (headings such
 * as "Trends for 2025", copyright lines), and no line it read a date from does; of the 889 lines a
 * pass still parsed, 156 ("© 2025 Example Inc.", "Top 10 Apps for 2025 in Detail") held such a
 * number only before a word that is no time unit. A lacking line skips the parser, the costliest step
 * of the signals.
 */
const EN_DATE_SHAPE = new RegExp(String.raw`jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d[-./\s]\d|(?:19|20)\d\d(?:\.\d+)?\s{0,3}[${TIME_UNIT_INITIALS}]`, 'iu');

type ChronoParser = { parse: (text: string, ref?: Date) => chrono.ParsedResult[] };

/** chrono parsers by ISO 639-1 code, used after English when the page's language is known. */
const LOCALE_PARSERS: Record<string, ChronoParser> = {
  de: chrono.de.strict,
  fr: chrono.fr.strict,
  es: chrono.es.strict,
  it: chrono.it.strict,
  pt: chrono.pt.strict,
  nl: chrono.nl.strict,
  ru: chrono.ru.strict,
  uk: chrono.uk.strict,
  sv: chrono.sv.strict,
  fi: chrono.fi.strict,
  ja: chrono.ja.strict,
  zh: chrono.zh.hans.strict,
  vi: chrono.vi.strict,
  id: chrono.id.strict,
};

function iso(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Numeric dates, which chrono reads the American way. Dot-separated dates ("05.12.2016") are day-first
 * everywhere they are used (German, Russian, Scandinavian and DW-style title suffixes). Slash and dash
 * dates are read only when the order is unambiguous (one number above 12, or both equal); "03/10/2023"
 * is blocked rather than guessed: on WCXB dev the month-first reading was wrong for such a page, and
 * two-digit years ("09/11/25") are blocked for the same reason.
 */
function numericDates(text: string): { found: FoundDate[]; blocked: Array<[number, number]> } {
  const found: FoundDate[] = [];
  const blocked: Array<[number, number]> = [];
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)/gu)) {
    const v = iso(Number(m[3]), Number(m[2]), Number(m[1]));
    if (v) found.push({ iso: v, text: m[0], index: m.index ?? 0 });
  }
  for (const m of text.matchAll(/(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/gu)) {
    const index = m.index ?? 0;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = m[4] ?? '';
    const v = year.length !== 4 ? null : a > 12 ? iso(Number(year), b, a) : b > 12 || a === b ? iso(Number(year), a, b) : null;
    if (v) found.push({ iso: v, text: m[0], index });
    else blocked.push([index, index + m[0].length]);
  }
  return { found, blocked };
}

/**
 * False when a line cannot hold an explicit date (it writes no year from MIN_YEAR to MAX_YEAR), so
 * `findExplicitDates` would find none: a cheap test to run before anything costlier on the line.
 */
export function mayHoldDate(line: string): boolean {
  return MAY_HOLD_YEAR.test(line);
}

/**
 * Every explicit date (year, month and day all written) in a line, in reading order.
 *
 * @example findExplicitDates('… | DW | 05.12.2016')[0]?.iso // '2016-12-05'
 * @example findExplicitDates('Saturday / March 23.') // []
 */
export function findExplicitDates(line: string, language: string | null = null): FoundDate[] {
  // Every date accepted below writes a four-digit year in range (chrono's are checked for 19xx/20xx,
  // numeric ones for MIN_YEAR..MAX_YEAR); a line with none skips the parsers, chrono above all.
  if (!mayHoldDate(line)) return [];
  // Scraped text fuses a year onto the next word ("December 20, 2024September 26"); chrono then reads
  // neither. A ";" is inserted, so offsets past it shift by one character per fusion.
  const text = line.replace(/(?<!\d)((?:19|20)\d{2})(?=\p{L})/gu, '$1;');
  const { found, blocked } = numericDates(text);
  const taken = (index: number, length: number) =>
    found.some((f) => index < f.index + f.text.length && f.index < index + length) ||
    blocked.some(([start, end]) => index < end && start < index + length);
  const parsers: ChronoParser[] = EN_DATE_SHAPE.test(text) ? [chrono.en.strict] : [];
  const local = language ? LOCALE_PARSERS[language] : undefined;
  if (local) parsers.push(local);
  for (const parser of parsers) {
    for (const r of parser.parse(text, REFERENCE)) {
      const s = r.start;
      if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) continue;
      // Relative dates ("6 hours ago", "2 days ago") come back with every component "certain",
      // computed from the reference; an explicit date writes its year out.
      if (!/(?<!\d)(?:19|20)\d{2}(?!\d)/u.test(r.text)) continue;
      if (taken(r.index, r.text.length)) continue;
      const v = iso(s.get('year') ?? 0, s.get('month') ?? 0, s.get('day') ?? 0);
      if (v) found.push({ iso: v, text: r.text, index: r.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The weight of a date with no label before it (a bare date or a title suffix). */
const UNLABELLED_DATE_WEIGHT = 2;
/** The highest weight `dateLabelWeight` gives: a date of this weight is outranked by none. */
export const MAX_DATE_LABEL_WEIGHT = Math.max(UNLABELLED_DATE_WEIGHT, ...DATE_LABEL_WEIGHTS.map((l) => l.weight));

/**
 * How strongly a header line's wording says "this is when it was published": 3 for "Published …",
 * 1 for "Updated …", 2 for a bare date or a title suffix.
 */
export function dateLabelWeight(line: string, dateIndex: number): number {
  return labelWeight(line.slice(Math.max(0, dateIndex - 40), dateIndex)) ?? UNLABELLED_DATE_WEIGHT;
}

const labelAlternation = (labels: string[]) => labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** The label patterns, global for matchAll (which clones a global pattern, so sharing is safe). */
const GLOBAL_LABEL_WEIGHTS = DATE_LABEL_WEIGHTS.map(({ labels, weight }) => ({
  pattern: new RegExp(String.raw`(?<!\p{L})(?:${labelAlternation(labels)})\b`, 'giu'),
  weight,
}));
/** For each weight asked about, its higher-weight labels as one pattern (null when there are none). */
const LABELS_ABOVE = new Map<number, RegExp | null>();

/**
 * False when no date in `line` can have a `dateLabelWeight` above `weight` (at least the unlabelled
 * weight, which only a label can then exceed). The labels of a higher weight are looked for as plain text in any case, without the
 * label patterns' edge conditions: a label matched in a piece of the line is such text in the line.
 */
export function mayOutweigh(line: string, weight: number): boolean {
  let pattern = LABELS_ABOVE.get(weight);
  if (pattern === undefined) {
    const above = DATE_LABEL_WEIGHTS.filter((l) => l.weight > weight).flatMap((l) => l.labels);
    pattern = above.length === 0 ? null : new RegExp(labelAlternation(above), 'iu');
    LABELS_ABOVE.set(weight, pattern);
  }
  return pattern !== null && pattern.test(line);
}

/** The weight of the date label in a text, or null when it holds none. */
export function labelWeight(text: string): number | null {
  // The last label before the date counts: "April 26, 2024 Updated on: October 28, 2024".
  let best: { at: number; weight: number } | null = null;
  for (const { pattern, weight } of GLOBAL_LABEL_WEIGHTS) {
    for (const m of text.matchAll(pattern)) {
      if (!best || (m.index ?? 0) > best.at) best = { at: m.index ?? 0, weight };
    }
  }
  return best?.weight ?? null;
}

/** Weekday names in the languages the date parsers read: a date line showing one is often "today". */
export function hasWeekday(text: string): boolean {
  return /\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b|\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b/iu.test(text);
}

/** A date in the page URL path: /2016/12/05/ or /2016-12-05-slug. */
export function dateFromUrl(url: string | null): FoundDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=[/_.-]|$)/u.exec(path);
  if (!m) return null;
  const v = iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return v ? { iso: v, text: m[0].replace(/^[/_-]/, ''), index: m.index } : null;
}

/**
 * Words on a header line besides the date, its weekday, time, time zone and labels. A date line
 * ("Published Monday 5 December 2016, 14:03 GMT") has none or a name or two; a header sentence that
 * happens to hold a date ("Effective beginning …", an event headline) has more.
 */
export function wordsBesideDate(line: string, date: FoundDate): number {
  const rest = (line.slice(0, date.index) + ' ' + line.slice(date.index + date.text.length))
    .replace(/\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\b\.?/giu, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?/giu, ' ')
    .replace(/\b(?:GMT|UTC|[ECMP][SD]?T|CES?T|BST|IST|AEST|AEDT)\b/gu, ' ')
    .replace(/\b(?:published|posted|updated|last|first|on|at|date|am|um|le|el|il|de|by)\b/giu, ' ');
  return rest.match(/\p{L}[\p{L}'’.-]*/gu)?.length ?? 0;
}

/** True when the date stands as its own pipe- or bullet-separated segment of a title or header line. */
export function isDateSegment(line: string, date: FoundDate): boolean {
  const before = line.slice(0, date.index).trimEnd();
  const after = line.slice(date.index + date.text.length).trimStart();
  const sep = /[|•·]$/u;
  return (before === '' || sep.test(before)) && (after === '' || /^[|•·]/u.test(after)) && (before !== '' || after !== '');
}
