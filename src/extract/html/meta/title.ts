/**
 * The headline as a reader sees it. Pages state their title several times: the <h1> on the page,
 * og:title and JSON-LD headline for sharing, and <title> for the browser tab, the last two usually
 * with the site's name fused on (" | Site", " - Site", "Site: …"). We take the h1 when another source
 * confirms it is the headline (a page may have a logo or section h1), otherwise the best meta title
 * with the site name removed.
 */

/** Separators between a headline and the site's name in <title> and og:title. */
const SEPARATOR_RE = /\s+[|–—\-·•»:~/]\s+|\s*\|\s*|\s+::\s+|:\s+/g;
/** A site-name segment is short; a longer segment is part of the headline. Tuned on WCXB dev titles. */
const MAX_SITE_SEGMENT_WORDS = 6;

const ASCII_RE = /^[\x00-\x7f]*$/;
const NON_ASCII_ALNUM_RE = /[^a-z0-9]+/g;

/** Letters and digits only, lower-case: for comparing names across spelling and spacing. */
export function squash(s: string): string {
  // Most strings are ASCII, where NFKD and mark removal change nothing and \p{L}\p{N} are [a-z0-9]
  // after lower-casing: the same result without the Unicode passes (squash runs on every short text
  // node of a page, for the title-echo check).
  if (ASCII_RE.test(s)) return s.toLowerCase().replace(NON_ASCII_ALNUM_RE, '');
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The registrable part of a host: "www.nytimes.com" → "nytimes". */
export function hostLabel(url: string | null): string | null {
  if (!url) return null;
  try {
    const parts = new URL(url).hostname.replace(/^www\d?\./, '').split('.');
    if (parts.length >= 3 && /^(co|com|org|net|ac|gov|edu)$/.test(parts[parts.length - 2]!)) return parts[parts.length - 3] ?? null;
    return parts.length >= 2 ? parts[parts.length - 2]! : parts[0] ?? null;
  } catch {
    return null;
  }
}

/** True when a title segment names the site (its name, its host, or an abbreviation of either). */
export function isSiteSegment(segment: string, siteNames: string[], host: string | null): boolean {
  const seg = squash(segment);
  if (seg === '' || segment.split(/\s+/).length > MAX_SITE_SEGMENT_WORDS) return false;
  for (const name of siteNames) {
    const n = squash(name);
    if (n.length >= 2 && (seg === n || seg === squash(name.replace(/^the\s+/i, '')) || (n.length >= 4 && (seg.includes(n) || n.includes(seg)) && seg.length >= 3))) return true;
  }
  if (host && host.length >= 3) {
    const h = squash(host);
    if (seg === h || seg.replace(/^the/, '') === h || (seg.length >= 4 && (h.includes(seg) || seg.includes(h)))) return true;
    // "NYT" for nytimes, "The Washington Post" for washingtonpost.
    if (seg.length >= 5 && h.length >= 5 && seg.replace(/^the/, '').startsWith(h.slice(0, 5))) return true;
  }
  return false;
}

interface Split {
  parts: string[];
  seps: string[];
}

function splitTitle(title: string): Split {
  const parts: string[] = [];
  const seps: string[] = [];
  let last = 0;
  for (const m of title.matchAll(SEPARATOR_RE)) {
    parts.push(title.slice(last, m.index));
    seps.push(m[0]);
    last = m.index + m[0].length;
  }
  parts.push(title.slice(last));
  return { parts, seps };
}

/**
 * Remove the site's name from either end of a title: "Headline | Site", "Headline - Section - Site",
 * "Site: Headline". Segments are only removed when they name the site; the headline's own colons
 * and dashes stay.
 *
 * @example stripSiteName('Rates rise again | The Daily Bugle', ['The Daily Bugle'], null) // 'Rates rise again'
 */
export function stripSiteName(title: string, siteNames: string[], host: string | null): string {
  let { parts, seps } = splitTitle(title);
  let changed = true;
  while (changed && parts.length > 1) {
    changed = false;
    if (isSiteSegment(parts[parts.length - 1]!, siteNames, host)) {
      parts = parts.slice(0, -1);
      seps = seps.slice(0, -1);
      changed = true;
    } else if (isSiteSegment(parts[0]!, siteNames, host)) {
      parts = parts.slice(1);
      seps = seps.slice(1);
      changed = true;
    }
  }
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) out += seps[i - 1]! + parts[i]!;
  return out.trim();
}

/**
 * The site suffix or prefix of a title, when the title and the headline share everything else:
 * "Headline | Site" with h1 "Headline" gives "Site". Used to learn the outlet when no meta names it.
 */
export function titleAffix(title: string, headline: string): string | null {
  const t = title.trim();
  const h = headline.trim();
  if (h.length < 3 || t === h) return null;
  if (t.startsWith(h)) {
    const rest = t.slice(h.length).replace(/^\s*[|–—\-·•»:~/]+\s*/, '').trim();
    return rest !== '' && rest.split(/\s+/).length <= MAX_SITE_SEGMENT_WORDS ? rest : null;
  }
  if (t.endsWith(h)) {
    const rest = t.slice(0, t.length - h.length).replace(/\s*[|–—\-·•»:~/]+\s*$/, '').trim();
    return rest !== '' && rest.split(/\s+/).length <= MAX_SITE_SEGMENT_WORDS ? rest : null;
  }
  return null;
}

/** Lower-case words and numbers of a text, accents folded: for overlap between titles. */
export function titleWords(s: string): Set<string> {
  return new Set(s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Words of the URL's slug, the last path segment that reads as words ("how-to-start-an-llc"). */
export function slugWords(url: string | null): Set<string> {
  if (!url) return new Set();
  let segs: string[];
  try {
    segs = new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return new Set();
  }
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = decodeURIComponentSafe(segs[i]!).replace(/\.[a-z0-9]{2,5}$/i, '');
    // A slug has at least two words joined by hyphens or underscores, one of them alphabetic.
    if (/[\p{L}].*[-_].*[\p{L}\p{N}]/u.test(seg)) return titleWords(seg.replace(/[-_+]/g, ' '));
  }
  return new Set();
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Share of `of`'s words found in `text`: 1 when all of them are. */
export function coverage(of: Set<string>, text: Set<string>): number {
  if (of.size === 0) return 0;
  let n = 0;
  for (const w of of) if (text.has(w)) n++;
  return n / of.size;
}

/** Dates printed next to a headline ("Dec 18 2025", "January 1, 2025", "2025-12-18"). */
const FUSED_DATE_RE =
  /(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}[/.]\d{1,2}[/.]\d{4})\b/gi;

/**
 * True when `extra`, the text a heading holds beyond the meta title, is furniture rather than words
 * of the headline: a date stamp, a "(host.com) 87" source-and-comment-count badge, punctuation, or one
 * label word before a colon ("Blog:").
 */
export function isHeadingFurniture(extra: string): boolean {
  const rest = extra
    .replace(FUSED_DATE_RE, ' ')
    .replace(/\(\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\s*\)(\s*\d+)?/gi, ' ')
    .replace(/[\s|–—:·•,.()[\]-]+/g, ' ')
    .trim();
  if (rest === '') return true;
  return /^\p{L}+$/u.test(rest) && /^\s*\p{L}+\s*:\s*$/u.test(extra);
}

/**
 * The words after a title's last " - ", " – ", " — " or " | " when they are a short tag rather
 * than a subtitle: "… | Opinion", "… - Part 1", "… – Strength Training". Null when there is none.
 */
export function shortTail(title: string): { head: string; tail: string } | null {
  const m = /^(.*\S)\s+[|–—-]\s+(\S.*)$/u.exec(title);
  if (!m) return null;
  const head = m[1]!;
  const tail = m[2]!;
  if (/\s[|–—-]\s/.test(tail)) return null;
  const headWords = head.split(/\s+/).length;
  const tailWords = tail.split(/\s+/).length;
  // A tail that opens in lower case continues the sentence ("… – and 5 trends to expect").
  if (!/^[\p{Lu}\p{N}]/u.test(tail)) return null;
  const maxTail = /\s\|\s\S[^|]*$/.test(title) ? MAX_PIPED_TAIL_WORDS : MAX_TAIL_WORDS;
  return headWords >= MIN_HEAD_WORDS_FOR_TAIL && tailWords <= maxTail ? { head, tail } : null;
}

/**
 * A tail of up to this many words after a dash or pipe is a tag ("Opinion", "Part 1", "Top 19
 * Companies"); longer tails are subtitles. On WCXB dev titles ending in a dash/pipe segment the gold
 * dropped tails of 1–3 words 8 times and kept one 0 times; at 4 words it dropped 2 and kept 1; from
 * 5 words it kept them (6 of 7).
 */
const MAX_TAIL_WORDS = 3;
/**
 * Pipes almost never sit inside a headline, so a piped tail may be a little longer ("| Python, SQL &
 * AI"): on WCXB dev the gold dropped piped tails of 1, 3 and 4 words and kept one of 6.
 */
const MAX_PIPED_TAIL_WORDS = 4;
/** The head must still read as a headline on its own; "Zero Waste - A Beginner's Guide" keeps its tail. */
const MIN_HEAD_WORDS_FOR_TAIL = 3;
