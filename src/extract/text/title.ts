/**
 * Headline detection in a text dump. The headline usually appears twice before the body: once as the
 * document title with a site suffix or prefix ("… | Middle East| … | DW | 05.12.2016", "Site - …")
 * or fused with breadcrumbs ("HomeNewsbox" + headline) or with a photo caption, and once clean (the
 * page's own heading). Matching those repeats gives the clean headline; without a repeat, the
 * document title on the first line (its site part cut off) is the best evidence, and only when there
 * is none the last headline-shaped line before the body is taken.
 */
import { sentenceCount, type Line } from './lines.ts';

export interface TitleResult {
  title: string | null;
  /** Index (into the lines array) of the line that is the clean headline, if one line is. */
  index: number | null;
  /** Indices of lines that carry the headline fused with other text (crumbs, site suffix, caption). */
  variants: number[];
}

/** Only this many lines before the body are searched: titles sit just above it. */
const TITLE_SCAN_LINES = 40;
/** The first few lines of a dump are searched too: scrapers put `document.title` there. */
const TITLE_SCAN_FIRST = 3;
/** Headline length bounds in words (shorter is a label, longer is prose). */
const TITLE_MIN_WORDS = 2;
const TITLE_MAX_WORDS = 30;
/** A site suffix after " | " or " - " is at most this many words per segment. */
const SITE_SUFFIX_MAX_WORDS = 12;
/**
 * A heading that shares this share of its words with the document title (both ways) is the same
 * headline worded for the page ("How To Start A Vegetable Garden: A Step-by-Step Guide" under the
 * title "How To Start A Vegetable Garden: Step-by-Step Guide"). Tuned on the 793 WCXB dumps (title exact):
 * 0.8 → 0.663, 0.7 → 0.671, 0.5 → 0.704, 0.4 → 0.715, 0.35 → 0.719, 0.3 → 0.721, 0.2 → 0.713; the
 * middle of the plateau is taken, since lower values start to take section headings.
 */
const SAME_HEADLINE_OVERLAP = 0.35;
/**
 * The page's heading may open the body run (a short line inside it): an exact repeat of the document
 * title is looked for this many lines into the body too.
 */
const TITLE_BODY_LOOKAHEAD = 3;

const SUFFIX_SEPARATOR = /^\s*(?:\||–|—|-|:|·|•|»|\/\/)\s*/;
const SUFFIX_BEFORE = /\s(?:\||–|—|-|·|•|»|::)\s*$/;
const SPLIT_SUFFIX = /\s+(?:\||–|—|·|•|»|::)\s+|\s*\|\s*|\s+-\s+/;
/** Bylines are never headlines: "By NILS ABERG Associated Press". */
const BYLINE = /^(?:by|von|par|por|di|door)\s+\p{Lu}/iu;

function headlineShaped(l: Line): boolean {
  return (
    l.words >= TITLE_MIN_WORDS &&
    l.words <= TITLE_MAX_WORDS &&
    !BYLINE.test(l.text) &&
    !/[.,;:]$/.test(l.text) &&
    sentenceCount(l) <= 2 &&
    !l.listMarker
  );
}

/** Compare form: lower case, letters and digits only, single spaces. */
function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function wordsOf(text: string): number {
  return text.split(' ').filter(Boolean).length;
}

/**
 * The headline part of a document title: the longest segment between site separators when every
 * other segment is short enough to be a site, section or date ("Site - Headline", "Headline | Site |
 * 05.12.2016"). Null when the line has no separator.
 */
function titleCore(text: string, host: string | null): string | null {
  const parts = text.split(SPLIT_SUFFIX).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  let best = -1;
  for (let i = 0; i < parts.length; i++) {
    if (isSiteName(parts[i]!, host)) continue;
    if (best < 0 || wordsOf(parts[i]!) > wordsOf(parts[best]!)) best = i;
  }
  if (best < 0) return null;
  const head = parts[best]!;
  const headWords = wordsOf(head);
  if (headWords < 3 || headWords > TITLE_MAX_WORDS) return null;
  for (let i = 0; i < parts.length; i++) if (i !== best && wordsOf(parts[i]!) > SITE_SUFFIX_MAX_WORDS) return null;
  return head;
}

/** The page's host without "www." and the public suffix's last label, squashed: "bluelinebikelab". */
export function hostName(url: string | null): string | null {
  if (!url) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url);
  if (!m) return null;
  const labels = m[1]!.toLowerCase().replace(/^www\d?\./, '').split('.');
  // The registrable name: the label before the suffix ("example" in news.example.co.uk is close enough).
  const name = labels.length >= 3 && labels[labels.length - 2]!.length <= 3 ? labels[labels.length - 3]! : labels[Math.max(0, labels.length - 2)]!;
  return name.replace(/[^a-z0-9]/g, '');
}

/** Shortest site name compared with the host: shorter ones match by chance. */
const MIN_SITE_NAME_CHARS = 3;

/** Whether a title segment names the site: its letters are the host's name, or hold it, or it holds them. */
function isSiteName(segment: string, host: string | null): boolean {
  if (!host || host.length < MIN_SITE_NAME_CHARS) return false;
  const squashed = segment.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (squashed.length < MIN_SITE_NAME_CHARS) return false;
  return squashed === host || (squashed.length <= host.length + 4 && squashed.includes(host)) || (host.includes(squashed) && squashed.length >= host.length / 2);
}

/** Share of `a`'s distinct words that `b` holds. */
function overlap(a: string, b: string): number {
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return wa.size ? shared / wa.size : 0;
}

/**
 * Finds the headline among the lines before the body (`bodyStart`, an index into `lines`);
 * `usable(i)` says whether a line may be considered (not a ticker, ad or other chrome); `url` tells
 * the site's name apart from the headline in a document title.
 *
 * @example findTitle(lines, firstBodyIndex, (i) => reasons[i] === null)
 */
export function findTitle(lines: Line[], bodyStart: number, usable: (i: number) => boolean, url: string | null = null): TitleResult {
  const host = hostName(url);
  const end = bodyStart < 0 ? Math.min(lines.length, TITLE_SCAN_LINES) : bodyStart;
  const idx: number[] = [];
  for (let i = 0; i < Math.min(end, TITLE_SCAN_FIRST); i++) idx.push(i);
  for (let i = Math.max(TITLE_SCAN_FIRST, end - TITLE_SCAN_LINES); i < end; i++) idx.push(i);

  // 1. A clean line repeated inside a longer one: crumbs + title, title + suffix.
  for (let k = idx.length - 1; k >= 0; k--) {
    const c = idx[k]!;
    const cl = lines[c]!;
    if (!usable(c) || !headlineShaped(cl) || cl.words < 3 || isSiteName(cl.text, host)) continue;
    const variants: number[] = [];
    for (const d of idx) {
      if (d === c) continue;
      const dt = lines[d]!.text;
      if (dt.length <= cl.text.length) continue;
      if (dt.endsWith(cl.text) && dt.length - cl.text.length <= 80) {
        // "Headline | Site" holding the site's own line is not a repeat of the headline.
        if (SUFFIX_BEFORE.test(dt.slice(0, dt.length - cl.text.length)) && key(titleCore(dt, host) ?? '') !== key(cl.text)) continue;
        variants.push(d);
      }
      else if (dt.startsWith(cl.text) && SUFFIX_SEPARATOR.test(dt.slice(cl.text.length))) variants.push(d);
    }
    if (variants.length) return { title: cl.text, index: c, variants };
  }

  // 2. A headline fused with a caption that recurs as its own line: "<headline> <caption>".
  for (const d of idx) {
    const dl = lines[d]!;
    if (!usable(d) && d >= TITLE_SCAN_FIRST) continue;
    for (let e = 0; e < Math.min(lines.length, end + 2); e++) {
      if (e === d) continue;
      const et = lines[e]!.text;
      if (lines[e]!.words < 4 || et.length >= dl.text.length) continue;
      if (dl.text.endsWith(' ' + et)) {
        const head = dl.text.slice(0, dl.text.length - et.length).trim();
        const words = head.split(' ').length;
        if (words >= TITLE_MIN_WORDS && words <= TITLE_MAX_WORDS) return { title: head, index: null, variants: [d] };
      }
    }
  }

  // 3. The document title on one of the first lines: its headline part, repeated as a heading further
  //    down (exactly, or worded a little differently), else the headline part itself.
  const first = idx.slice(0, TITLE_SCAN_FIRST).find((c) => usable(c) && lines[c]!.words >= TITLE_MIN_WORDS);
  if (first !== undefined) {
    const fl = lines[first]!;
    const core = titleCore(fl.text, host);
    const forms = [key(fl.text), ...(core ? [key(core)] : [])];
    const ahead: number[] = [];
    for (let i = end; i < Math.min(lines.length, end + TITLE_BODY_LOOKAHEAD); i++) ahead.push(i);
    let best: { c: number; score: number } | null = null;
    for (const c of [...ahead.reverse(), ...idx.slice().reverse()]) {
      if (c === first || !usable(c) || !headlineShaped(lines[c]!)) continue;
      const ck = key(lines[c]!.text);
      if (forms.includes(ck)) {
        best = { c, score: 2 };
        if (c < end) break;
        continue;
      }
      if (c >= end) continue;
      for (const f of forms) {
        const score = Math.min(overlap(ck, f), overlap(f, ck));
        if (score >= SAME_HEADLINE_OVERLAP && (!best || score > best.score)) best = { c, score };
      }
    }
    if (best) return { title: lines[best.c]!.text, index: best.c, variants: [first] };
    if (core) return { title: core, index: null, variants: [first] };
    if (first === idx[0] && fl.words >= 3 && fl.words <= TITLE_MAX_WORDS && sentenceCount(fl) <= 2 && !fl.listMarker) {
      return { title: fl.text, index: first, variants: [] };
    }
  }

  // 4. No document title: the last headline-shaped usable line.
  for (let k = idx.length - 1; k >= 0; k--) {
    const c = idx[k]!;
    if (usable(c) && headlineShaped(lines[c]!) && lines[c]!.words >= 3) return { title: lines[c]!.text, index: c, variants: [] };
  }
  return { title: null, index: null, variants: [] };
}

/**
 * Letters in upper case only, several words of them: a headline set in capitals (CSS,
 * html-to-text), not an acronym ("NASA") standing alone.
 */
function shouted(text: string): boolean {
  let upper = 0;
  for (const ch of text) {
    if (ch.toLowerCase() !== ch) upper++;
    else if (ch.toUpperCase() !== ch) return false;
  }
  return upper >= MIN_SHOUTED_LETTERS && text.trim().includes(' ');
}
const MIN_SHOUTED_LETTERS = 8;

/**
 * A headline found in capitals, in the case the page prints it elsewhere: sites set headings in
 * capitals with CSS (which innerText follows) and html-to-text capitalises every heading, while the
 * same words often stand in their own case in the document title, a breadcrumb or a share line. The
 * words stay as found; only their case comes from the other place. Null-safe; a title never printed
 * in another case comes back as it is.
 *
 * @example restoreCase('THE BEST CRM SOFTWARE', 'Home > The best CRM software\n…') // 'The best CRM software'
 */
export function restoreCase(title: string | null, content: string): string | null {
  if (title === null || !shouted(title)) return title;
  const lower = content.toLowerCase();
  const needle = title.toLowerCase();
  // Lower-casing keeps lengths for all but a few characters (İ): then offsets differ and nothing is taken.
  if (lower.length !== content.length || needle.length !== title.length) return title;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    const found = content.slice(at, at + title.length);
    if (!shouted(found) && found.toUpperCase() === title.toUpperCase()) return found;
  }
  return title;
}
