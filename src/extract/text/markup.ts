/**
 * Text dumps that carry their renderer's markup. Three kinds are common among scrapers' outputs:
 *
 *  - Markdown (Firecrawl, Jina Reader, crawl4ai, turndown, markdownify): links as `[text](url)`,
 *    images as `![alt](src)`, `#` headings, `**` emphasis, `>` quotes, `|` tables, `\` escapes,
 *    and block links that span lines (`[` alone, the content, then `](url)`);
 *  - link targets printed after the link text, `text [https://…]` (html-to-text's defaults, and
 *    renderers modelled on it), image sources the same way;
 *  - numbered link markers with the targets listed at the end (`lynx -dump`, links, elinks):
 *    `[12]text`, then "References" and "12. https://…", with form widgets as "(BUTTON)", "[ ]" and
 *    "____" fields.
 *
 * Each doubles the words of a menu line and puts URL fragments into the body. The page is read as
 * the innerText-like dump it stands for: link text stays, link targets and image embeds go (and are
 * reported as removed `markup`), heading and emphasis marks go, every line keeps its number. A
 * dump is taken as marked up only on evidence across the page (MIN_MARKUP_CONSTRUCTS), so a stray
 * bracket in an innerText dump is left alone.
 */
import type { Removed } from '../../records/index.ts';

export type DumpMarkup = 'markdown' | 'link-targets' | 'lynx';

/** A dump as the extractor reads it: the text with markup removed, and what went. */
export interface UnmarkedDump {
  content: string;
  markup: DumpMarkup | null;
  /** The link targets and image embeds removed, one entry per line that held any. */
  removed: Removed[];
  /** How many targets and embeds each line lost (by 0-based line); null for a plain dump. */
  linksPerLine: Uint16Array | null;
  /**
   * The share of each line's text that is link text (by 0-based line), as a page's link density:
   * exact for Markdown; for "text [url]" dumps, where a link's start is not marked, 1 for a short
   * line that ends in a target (a menu item), and for text-browser dumps, where its end is not, 1
   * for a short line that opens with a marker; 0 otherwise. Null for a plain dump.
   */
  linkShare: Float32Array | null;
}

/** A "text [url]" line (or "[12]text" line) of at most this many words that ends (opens) with its link is taken as one link. */
const LINK_ITEM_MAX_WORDS = 8;

/**
 * Links or link targets a page must hold to be read as marked up. A whole-page dump of either kind
 * holds dozens (every menu item is a link); an innerText dump may quote one or two.
 */
const MIN_MARKUP_CONSTRUCTS = 3;
/** How much of a removed line is reported. */
const MAX_REPORTED_CHARS = 300;

/**
 * A link destination: no white space, parentheses only balanced one level deep (Wikipedia-style
 * `…/Foo_(bar)`), optionally followed by a quoted title (`[a](/x "Posts by A")`).
 */
const DESTINATION = String.raw`((?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"]*"|'[^']*'))?`;
/** Link text: anything but an unescaped closing bracket, escaped characters included. */
const LINK_TEXT = String.raw`((?:\\.|[^\]\\])*)`;
const MD_IMAGE = new RegExp(String.raw`!\[${LINK_TEXT}\]\(${DESTINATION}\)`, 'g');
const MD_LINK = new RegExp(String.raw`\[${LINK_TEXT}\]\(${DESTINATION}\)`, 'g');
/** The close of a block link opened on an earlier line: `](https://…)` with no `[` before it on this line. */
const MD_ORPHAN_CLOSE = new RegExp(String.raw`\]\(${DESTINATION}\)`, 'g');
/** Sticky: a Markdown link or image closing at this point, for counting. */
const MD_LINK_AT = new RegExp(String.raw`\]\(${DESTINATION}\)`, 'y');
const MD_ATX_HEADING = /^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
/** Thematic breaks and setext underlines: `---`, `* * *`, `___`, `===`. */
const MD_RULE = /^\s{0,3}(?:(?:[-*_=]\s*){3,}|=+)$/;
const MD_FENCE = /^\s{0,3}(?:```|~~~)/;
const MD_QUOTE = /^\s{0,3}(?:>\s?)+/;
/**
 * A bullet list item's marker. innerText shows no bullets, and the chrome tables match whole lines
 * ("Home", "Share"), so "-   Home" must read "Home"; numbered items keep their numbers, as innerText does.
 */
const BULLET = /^\s*[-*+•]\s+(?=\S)/;
const MD_TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/**
 * Emphasis delimiters (`*`, `**`, `_`, `__`, up to three) that open or close a run of words: after a
 * space, punctuation or the line's start and before a word, or after a word and before a space,
 * punctuation or the line's end. Removed one by one, unpaired, so the cost stays linear in the line
 * (pairing them with a lazy pattern took seconds on a long line of unclosed `**`); an intraword `_`
 * (snake_case) or an escaped `\*` stays.
 */
const MD_EMPHASIS = /(?<![^\s\p{P}]|\\)(?:\*{1,3}|_{1,3})(?=[^\s*_])|(?<=[^\s*_\\])(?:\*{1,3}|_{1,3})(?![^\s\p{P}])/gu;
const MD_CODE = /`([^`]+)`/g;
const MD_ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~<"'=:])/g;
const MD_AUTOLINK = /<((?:https?|mailto|ftp):[^<>\s]*)>/g;
const MD_TRAILING_BREAK = /\\$/;
/**
 * What html-to-text and its kin print after a link's or image's text: `[https://…]`, `[/path]`,
 * `[#top]`. No "[" inside a target, so each try ends at the next bracket (a line of "[/[/[/…" took
 * 13 s at 200 KB when a try could run to the line's end).
 */
const BRACKET_TARGET_SOURCE = String.raw`\[(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/|#|\?|\.\.?\/)[^\s[\]]*\]`;
const BRACKET_TARGET = new RegExp(String.raw`[ \t]*${BRACKET_TARGET_SOURCE}`, 'g');
const BRACKET_TARGET_AT = new RegExp(BRACKET_TARGET_SOURCE, 'y');
const BRACKET_AT_END = new RegExp(String.raw`\S\s*${BRACKET_TARGET_SOURCE}\s*$`);
/** A line that is nothing but closing punctuation once its target is gone (a wrapped "…link\n[url]."). */
const ONLY_PUNCTUATION = /^[.,;:!?)\]»”’"']+$/;

/** A text browser's numbered link marker, `[12]` before the link text. */
const LYNX_MARKER = /\[\d{1,5}\]/g;
const LYNX_MARKER_AT = /\[\d{1,5}\]/y;
/** The list of targets a text browser prints at the end: "References", then "   12. https://…" (under "Visible links:" when some are hidden). */
const LYNX_REFERENCES = /\n[ \t]*References[ \t]*\n(?:[ \t]*\n){0,2}(?:[ \t]*Visible links:[ \t]*\n)?[ \t]*\d{1,5}\. \S/;
/** Form widgets as a text browser draws them: buttons, check boxes and radio buttons, text fields. */
const LYNX_WIDGET = /\((?:BUTTON|submit|RADIO|CHECKBOX)\)|\[[ X]\]|_{8,}/g;
/** Nested bullets of a text browser's lists ("  * ", "     + ", "        o ", "           # "). */
const LYNX_BULLET = /^\s{2,}[*+o#]\s+(?=\S)/;
/** An embedded frame, which a text browser shows as its address: "IFRAME: //www.example.com/ns.html". */
const LYNX_FRAME = /^\s*IFRAME:/;
/** A line (or list item) that opens with a link. */
const LYNX_OPENS_LINK = /^\s*(?:[*+o#]\s+)?\[\d{1,5}\]\S/;
/** A line of the list of targets, or one of its headings. */
const LYNX_REFERENCE_LINE = /^\s*(?:\d{1,5}\. \S+|Hidden links:|Visible links:|References)\s*$/;

/** Occurrences of a sticky pattern at the positions of `needle`, counted up to `max`. */
function countAt(content: string, needle: string, offset: number, pattern: RegExp, max: number): number {
  let n = 0;
  for (let i = content.indexOf(needle); i >= 0 && n < max; i = content.indexOf(needle, i + 1)) {
    pattern.lastIndex = i + offset;
    if (pattern.test(content)) n++;
  }
  return n;
}

/**
 * Which markup a dump carries, or null for a plain (innerText-like) dump. One `indexOf` scan per
 * kind: most dumps hold no "](" at all and few "[".
 */
export function detectMarkup(content: string): DumpMarkup | null {
  // A text browser's list of targets is the most specific sign (its pages may quote Markdown).
  if (content.includes('References') && LYNX_REFERENCES.test(content) && countAt(content, '[', 0, LYNX_MARKER_AT, MIN_MARKUP_CONSTRUCTS) >= MIN_MARKUP_CONSTRUCTS) return 'lynx';
  if (countAt(content, '](', 0, MD_LINK_AT, MIN_MARKUP_CONSTRUCTS) >= MIN_MARKUP_CONSTRUCTS) return 'markdown';
  if (countAt(content, '[', 0, BRACKET_TARGET_AT, MIN_MARKUP_CONSTRUCTS) >= MIN_MARKUP_CONSTRUCTS) return 'link-targets';
  return null;
}

function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

function clip(text: string): string {
  return text.length > MAX_REPORTED_CHARS ? `${text.slice(0, MAX_REPORTED_CHARS - 1)}…` : text;
}

/** Characters of link text on the line `unmarkMarkdownLine` last read. */
let linkedChars = 0;

/** One Markdown line as it reads rendered; what it dropped is pushed to `gone`, its link text counted in `linkedChars`. */
function unmarkMarkdownLine(line: string, gone: string[]): string {
  linkedChars = 0;
  if (MD_FENCE.test(line) || MD_RULE.test(line) || MD_TABLE_RULE.test(line)) return '';
  let s = line;
  const heading = MD_ATX_HEADING.exec(s);
  if (heading) s = heading[1] ?? '';
  s = s.replace(MD_QUOTE, '').replace(BULLET, '');
  if (s.includes('](')) {
    s = s.replace(MD_IMAGE, (m) => {
      gone.push(m);
      return '';
    });
    // Inner links first: a linked image leaves `[](href)`, a link around a bold word `[**x**](href)`.
    s = s.replace(MD_LINK, (_m, text: string, href: string) => {
      gone.push(href);
      linkedChars += text.trim().length;
      return text;
    });
    s = s.replace(MD_ORPHAN_CLOSE, (_m, href: string) => {
      gone.push(href);
      return '';
    });
  }
  // The opening bracket of a block link whose close is on a later line.
  const t = s.trim();
  if (t === '[' || (t.startsWith('[') && !t.includes(']'))) s = t.slice(1);
  if (s.includes('<')) s = s.replace(MD_AUTOLINK, '$1');
  if (s.includes('`')) s = s.replace(MD_CODE, '$1');
  if (s.includes('*') || s.includes('_')) s = s.replace(MD_EMPHASIS, '');
  if (s.includes('|')) {
    // Table rows: the cells as tab-separated text, as innerText reads a table (a " | " would read as
    // a ticker's separator).
    const cells = s.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
    if (cells !== s.trim()) s = cells.split(/(?<!\\)\|/).map((c) => c.trim()).join('\t');
  }
  s = s.replace(MD_TRAILING_BREAK, '');
  if (s.includes('\\')) s = s.replace(MD_ESCAPE, '$1');
  return s;
}

/**
 * The dump with its markup removed, line for line (line i of the result is line i of the input, so
 * line numbers stay those of the page). A plain dump comes back as it is.
 *
 * @example
 *   unmarkDump('[Home](/) [World](/world)\n# Title\n![x](a.jpg)\nText with [a link](https://a.b/c).').content
 *   // 'Home World\nTitle\n\nText with a link.'
 */
export function unmarkDump(content: string, markup: DumpMarkup | null = detectMarkup(content)): UnmarkedDump {
  if (markup === null) return { content, markup, removed: [], linksPerLine: null, linkShare: null };
  const lines = content.split('\n');
  const linksPerLine = new Uint16Array(lines.length);
  const linkShare = new Float32Array(lines.length);
  const removed: Removed[] = [];
  const gone: string[] = [];
  let lastText = -1;
  // A text browser's list of targets runs from its "References" line to the end.
  let references = lines.length;
  if (markup === 'lynx') {
    for (let i = lines.length - 1; i >= 0; i--) {
      const t = lines[i]!.trim();
      if (t === 'References') {
        references = i;
        break;
      }
      if (t !== '' && !LYNX_REFERENCE_LINE.test(lines[i]!)) break;
    }
  }
  // A text browser prints the page's <link> elements first, as "#[1]Feed [2]Comments Feed", up to
  // the first blank line.
  let linkHead = -1;
  if (markup === 'lynx' && lines[0]!.startsWith('#[')) {
    linkHead = 0;
    while (linkHead + 1 < lines.length && lines[linkHead + 1]!.trim() !== '') linkHead++;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let out: string;
    let oneLink = false;
    if (i >= references || i <= linkHead || (markup === 'lynx' && LYNX_FRAME.test(line))) {
      if (line.trim() !== '') removed.push({ text: clip(line.trim()), reason: 'markup', line: i + 1 });
      lines[i] = '';
      continue;
    }
    if (markup === 'markdown') out = unmarkMarkdownLine(line, gone);
    else if (markup === 'lynx') {
      // Where a link starts is marked, where it ends is not: a short line opening with a marker is one link.
      oneLink = LYNX_OPENS_LINK.test(line);
      out = line.replace(LYNX_BULLET, '').replace(LYNX_MARKER, (m) => {
        gone.push(m);
        return '';
      });
      out = out.replace(LYNX_WIDGET, (m) => {
        gone.push(m);
        return '';
      });
    } else {
      oneLink = BRACKET_AT_END.test(line);
      // html-to-text sets block quotes off with "> " as Markdown does, and draws <hr> as a rule of dashes.
      out = MD_RULE.test(line) ? '' : line.replace(MD_QUOTE, '').replace(BULLET, '').replace(BRACKET_TARGET, (m) => {
        gone.push(m.trim());
        return '';
      });
    }
    if (gone.length > 0) {
      linksPerLine[i] = Math.min(gone.length, 0xffff);
      removed.push({ text: clip(gone.join(' ')), reason: 'markup', line: i + 1 });
      gone.length = 0;
      // A wrapped "…the link\n[https://…]." leaves the full stop alone: it goes back to its sentence.
      const t = out.trim();
      if (t !== '' && ONLY_PUNCTUATION.test(t) && lastText >= 0) {
        lines[lastText] = lines[lastText]!.trimEnd() + t;
        out = '';
      }
    }
    lines[i] = out;
    const visible = out.trim().length;
    if (visible > 0) {
      lastText = i;
      if (markup === 'markdown') linkShare[i] = Math.min(1, linkedChars / visible);
      else if (oneLink && wordCount(out) <= LINK_ITEM_MAX_WORDS) linkShare[i] = 1;
    }
  }
  return { content: lines.join('\n'), markup, removed, linksPerLine, linkShare };
}
