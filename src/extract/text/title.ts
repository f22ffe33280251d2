/**
 * Headline detection in a text dump. The headline usually appears twice before the body: once as the
 * document title with a site suffix ("… | Middle East| … | DW | 05.12.2016") or fused with breadcrumbs
 * ("HomeNewsbox" + headline) or with a photo caption, and once clean. Matching those repeats gives
 * the clean headline; without a repeat, the last headline-shaped line before the body is taken.
 */
import type { Line } from './lines.ts';

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

const SUFFIX_SEPARATOR = /^\s*(?:\||–|—|-|:|·|•|»|\/\/)\s*/;
const SPLIT_SUFFIX = /\s+(?:\||–|—|·|•|»)\s+|\s*\|\s*|\s+-\s+/;

/** Bylines are never headlines: "By NILS ABERG Associated Press". */
const BYLINE = /^(?:by|von|par|por|di|door)\s+\p{Lu}/iu;

function headlineShaped(l: Line): boolean {
  return (
    l.words >= TITLE_MIN_WORDS &&
    !BYLINE.test(l.text) &&
    l.words <= TITLE_MAX_WORDS &&
    !/[.,;]$/.test(l.text) &&
    l.sentences <= 2 &&
    !l.listMarker
  );
}

/**
 * Finds the headline among the lines before the body (`bodyStart`, an index into `lines`);
 * `usable(i)` says whether a line may be considered (not a ticker, ad or other chrome).
 *
 * @example findTitle(lines, firstBodyIndex, (i) => reasons[i] === null)
 */
export function findTitle(lines: Line[], bodyStart: number, usable: (i: number) => boolean): TitleResult {
  const end = bodyStart < 0 ? Math.min(lines.length, TITLE_SCAN_LINES) : bodyStart;
  const idx: number[] = [];
  for (let i = 0; i < Math.min(end, TITLE_SCAN_FIRST); i++) idx.push(i);
  for (let i = Math.max(TITLE_SCAN_FIRST, end - TITLE_SCAN_LINES); i < end; i++) idx.push(i);

  // 1. A clean line repeated inside a longer one: crumbs + title, title + suffix.
  for (let k = idx.length - 1; k >= 0; k--) {
    const c = idx[k]!;
    const cl = lines[c]!;
    if (!usable(c) || !headlineShaped(cl) || cl.words < 3) continue;
    const variants: number[] = [];
    for (const d of idx) {
      if (d === c) continue;
      const dt = lines[d]!.text;
      if (dt.length <= cl.text.length) continue;
      if (dt.endsWith(cl.text) && dt.length - cl.text.length <= 80) variants.push(d);
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

  // 3. No repeat: the first line with a site suffix, or the last headline-shaped usable line.
  for (const c of idx.slice(0, TITLE_SCAN_FIRST)) {
    const parts = lines[c]!.text.split(SPLIT_SUFFIX);
    if (parts.length >= 2 && usable(c)) {
      const head = parts[0]!.trim();
      const rest = parts.slice(1);
      const headWords = head.split(' ').length;
      if (headWords >= 3 && headWords <= TITLE_MAX_WORDS && rest.every((p) => p.trim().split(' ').length <= SITE_SUFFIX_MAX_WORDS)) {
        return { title: head, index: null, variants: [c] };
      }
    }
  }
  for (let k = idx.length - 1; k >= 0; k--) {
    const c = idx[k]!;
    if (usable(c) && headlineShaped(lines[c]!) && lines[c]!.words >= 3) return { title: lines[c]!.text, index: c, variants: [] };
  }
  return { title: null, index: null, variants: [] };
}
