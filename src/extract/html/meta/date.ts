/**
 * Dates as written: "2025-09-04T23:30:00-05:00" is the 4th, because that is the calendar date the
 * newsroom printed; converting to UTC would move late-evening stories to the next day. Only Unix
 * timestamps, which carry no local date, are read in UTC.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/**
 * Plausible publication years. The web's news archive starts in the mid-1990s; the upper bound keeps
 * out template placeholders ("9999-12-31") without reading the clock.
 */
const MIN_YEAR = 1995;
const MAX_YEAR = 2099;

function iso(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MDY_RE = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DMY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i');

/**
 * Read a date value into ISO YYYY-MM-DD as written, or null. Accepts ISO 8601 (with any time and
 * offset), "2024/03/17", "20240317", Unix seconds/milliseconds and English month-name dates
 * ("March 17, 2024", "17 Mar 2024", "Tue, 17 Mar 2024 10:00:00 GMT").
 *
 * @example parseDateValue('2025-09-04T23:30:00-05:00') // '2025-09-04'
 */
export function parseDateValue(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(v);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(v);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{10}|\d{13})$/.exec(v);
  if (m) {
    const ms = m[1]!.length === 13 ? Number(m[1]) : Number(m[1]) * 1000;
    const d = new Date(ms);
    return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return parseTextDate(v);
}

/**
 * Dates inside free text ("Updated on March 3, 2024", "Published: 2025.12.17", "15/12/2025"). Numeric
 * day/month orders are ambiguous: they follow `dayFirst` (from the page's language: US English is
 * month-first, even when dotted, as on WCXB dev); when the language is unknown a dotted date is read
 * day-first (its usual convention) and a slashed one only when one number exceeds 12. Dashed dates
 * ("02-12-2025") follow the language too: on WCXB dev English pages they were day-first once and
 * month-first once, so no separator-specific rule.
 */
export function parseTextDate(text: string, dayFirst: boolean | null = null): string | null {
  let m = MDY_RE.exec(text);
  if (m) return iso(Number(m[3]), MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, Number(m[2]));
  m = DMY_RE.exec(text);
  if (m) return iso(Number(m[3]), MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, Number(m[1]));
  m = /(?<![\d.])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /(?<![\d.])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d])/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    if (a > 12 && b <= 12) return iso(y, b, a);
    if (b > 12 && a <= 12) return iso(y, a, b);
    if (a === b) return iso(y, a, b);
    const first = m[2] === '.' && dayFirst === null ? true : dayFirst;
    if (first === null) return null;
    return first ? iso(y, b, a) : iso(y, a, b);
  }
  return null;
}

/** A date in the URL path: /2024/03/17/, /2024-03-17-, /20240317/. */
export function urlDate(url: string | null): { value: string; evidence: string } | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=[/_.-]|$)/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(path);
  if (!m) {
    // "/2023/october/03/"
    const named = /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(\d{1,2})(?=\/|$)/i.exec(path);
    const month = named ? MONTHS[named[2]!.toLowerCase()] : undefined;
    if (!named || !month) return null;
    const v = iso(Number(named[1]), month, Number(named[3]));
    return v ? { value: v, evidence: named[0] } : null;
  }
  const value = iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return value ? { value, evidence: m[0] } : null;
}
