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
 * Numeric dates chrono reads the American way: dot-separated dates ("05.12.2016") are day-first
 * everywhere they are used (German, Russian, Scandinavian and DW-style title suffixes). Slash dates
 * are read day-first only when the first number cannot be a month; otherwise month-first, the US
 * convention of most English-language news sites.
 */
function numericDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)/gu)) {
    const v = iso(Number(m[3]), Number(m[2]), Number(m[1]));
    if (v) found.push({ iso: v, text: m[0], index: m.index ?? 0 });
  }
  for (const m of text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/gu)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const v = a > 12 ? iso(Number(m[3]), b, a) : iso(Number(m[3]), a, b);
    if (v) found.push({ iso: v, text: m[0], index: m.index ?? 0 });
  }
  return found;
}

/**
 * Every explicit date (year, month and day all written) in a line, in reading order.
 *
 * @example findExplicitDates('… | DW | 05.12.2016')[0]?.iso // '2016-12-05'
 * @example findExplicitDates('Saturday / March 23.') // []
 */
export function findExplicitDates(text: string, language: string | null = null): FoundDate[] {
  const found = numericDates(text);
  const taken = (index: number, length: number) => found.some((f) => index < f.index + f.text.length && f.index < index + length);
  const parsers: ChronoParser[] = [chrono.en.strict];
  const local = language ? LOCALE_PARSERS[language] : undefined;
  if (local) parsers.push(local);
  for (const parser of parsers) {
    for (const r of parser.parse(text, REFERENCE)) {
      const s = r.start;
      if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) continue;
      if (taken(r.index, r.text.length)) continue;
      const v = iso(s.get('year') ?? 0, s.get('month') ?? 0, s.get('day') ?? 0);
      if (v) found.push({ iso: v, text: r.text, index: r.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * How strongly a header line's wording says "this is when it was published": 3 for "Published …",
 * 1 for "Updated …", 2 for a bare date or a title suffix.
 */
export function dateLabelWeight(line: string, dateIndex: number): number {
  const before = line.slice(Math.max(0, dateIndex - 40), dateIndex);
  for (const { pattern, weight } of DATE_LABEL_WEIGHTS) if (pattern.test(before)) return weight;
  return 2;
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
