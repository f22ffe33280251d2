/**
 * One read-only walk over the parsed page that gathers every place metadata can hide: <meta> tags,
 * JSON-LD scripts, microdata, <title>, headings, <time> elements, rel=author links and elements whose
 * class or id says "byline"/"author". The readers (title, date, byline, outlet) then choose among these
 * facts without walking the tree again. The tree is shared with the body extractor, so nothing here
 * mutates it.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import { textContent } from 'domutils';
import { classAndIdOf, dateJsonAttributes, isFrameworkJsonScript } from '../dom.ts';
import { squash } from './title.ts';
import { BYLINE_CONTAINER_RE, CHROME_TOKEN_RE, NEVER_NOISE_TAGS, NOISE_TOKEN_RE } from './patterns.ts';

export interface MetaTag {
  /** Lower-cased name, property, itemprop or http-equiv. */
  key: string;
  content: string;
}

// What the walk knows about the element it is in, as bits of one number: an object per element
// was a large share of the walk's garbage.
/** Inside a comment, related-articles, sidebar or footer block. */
const NOISY = 1;
/** Inside an element already read as a byline. */
const IN_BYLINE = 2;
const IN_SVG = 4;
/** Inside <article> or <main>: page chrome rules no longer apply. */
const IN_ARTICLE = 8;
/** Inside the site header, navigation or a logo block (outside any article). */
const CHROME = 16;

export interface Heading extends Located {
  /** In the site header, nav or a logo/brand block: a site name, not a headline. */
  chrome: boolean;
  /** The heading's lines, split at <br> and block children: more than one when it holds a subtitle. */
  lines: string[];
}

export interface Located {
  text: string;
  /** Document order of the element (its index among all elements), to judge "near the headline". */
  order: number;
  /** Inside a comment, related-articles, sidebar or footer block. */
  noisy: boolean;
}

export interface TimeFact extends Located {
  datetime: string | null;
  /** The element or an ancestor says it is the publication date (itemprop, class "published"/"date"). */
  hint: string;
}

export interface MicrodataFact extends Located {
  prop: string;
  /** content / datetime attribute when present, else text. */
  value: string;
  /** For itemprop=author|creator: the name of the nested Person when present. */
  name: string | null;
}

export interface PageFacts {
  htmlLang: string | null;
  metas: MetaTag[];
  jsonLd: string[];
  titleTag: string | null;
  h1s: Heading[];
  /** h2 headings: some templates print the headline as an h2 and use h1 for the logo. */
  h2s: Heading[];
  times: TimeFact[];
  microdata: MicrodataFact[];
  relAuthors: Located[];
  bylineEls: Located[];
  /** Short text nodes holding a digit: where visible dates ("Updated March 3, 2024") are printed. */
  dateTexts: DateText[];
  /** Short lines that open with "By"/"Written by"/"Author:", read from their parent element. */
  byTexts: Located[];
  /**
   * JSON held in an attribute that names a publication date: JSON-LD in a <meta content> or a
   * framework's data-* props (entity-escaped in the source, decoded by the parser).
   */
  attrJson: string[];
  /**
   * Text nodes outside <head> that repeat part of the <title> (at least MIN_ECHO_CHARS letters and
   * digits): where a page with no headline heading (a site builder setting it in a <p>) prints it.
   */
  titleEchoes: Located[];
  /** Framework page data in <script> (Next.js __NEXT_DATA__, application/json props), as kept by parseHtml. */
  frameworkJson: string[];
}

export interface DateText extends Located {
  /** The end of the text just before, where labels like "Updated" or "Published on" sit. */
  before: string;
  /** Lower-cased class and id of the element holding the text, and of its parent. */
  hint: string;
}

/** Shortest title echo worth keeping (letters and digits): shorter ones are menu words found in any title. */
const MIN_ECHO_CHARS = 12;

/** The first MIN_ECHO_CHARS letters and digits of an ASCII text, as mayEchoTitle collects them. */
const echoPrefix: number[] = new Array<number>(MIN_ECHO_CHARS).fill(0);

/**
 * False when `squash(text)` certainly is not an echo of the title: an ASCII text whose squashed form
 * is shorter than MIN_ECHO_CHARS, or whose first MIN_ECHO_CHARS squashed characters are not in the
 * title key (then neither is the whole). Reads only the head of the text and builds one short
 * string, where squash lower-cases and rewrites the whole of it: squash on every short text node was
 * about 3 % of extract() on WCXB dev pages. A text whose head holds a non-ASCII letter, digit or symbol
 * that NFKD may turn into letters answers true; other non-ASCII units are skipped (squashesAway).
 *
 * @example mayEchoTitle('Storm hits coast', 'stormhitscoastovernight') // true
 */
export function mayEchoTitle(text: string, titleKey: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length && n < MIN_ECHO_CHARS; i++) {
    let c = text.charCodeAt(i);
    if (c > 0x7f) {
      if (squashesAway(c)) continue;
      return true;
    }
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) echoPrefix[n++] = c;
  }
  // Fewer than MIN_ECHO_CHARS means the loop read the whole text, all ASCII: squash keeps just these.
  if (n < MIN_ECHO_CHARS) return false;
  // The squashed text starts with these characters (the ASCII head squashes the same on either path).
  return titleKey.includes(String.fromCharCode.apply(null, echoPrefix));
}

/**
 * For each BMP code unit, once asked: 1 when squash() drops it whatever surrounds it (punctuation and
 * symbols whose NFKD form holds no letter or digit: curly quotes, dashes, ellipses, marks), 2 when it
 * may leave something (letters, digits, "™" → "tm", surrogates). Such a unit adds nothing to the squashed
 * text and changes nothing around it (NFKD only decomposes; ASCII lower-cases alone), so mayEchoTitle
 * skips it like ASCII punctuation instead of sending every text with a curly quote to squash().
 */
const SQUASHES_AWAY = new Uint8Array(0x10000);

function squashesAway(c: number): boolean {
  let v = SQUASHES_AWAY[c]!;
  if (v === 0) {
    v = c >= 0xd800 && c <= 0xdfff ? 2 : squash(String.fromCharCode(c)) === '' ? 1 : 2;
    SQUASHES_AWAY[c] = v;
  }
  return v === 1;
}

/** Microdata properties the readers use (title, date, author). */
const MICRODATA_PROP_RE = /^(headline|name|date-?published|published-?date|datecreated|datemodified|author|creator)$/;

/** Texts longer than this are not bylines: a paragraph or an author bio box. Tuned on WCXB dev. */
const MAX_BYLINE_ELEMENT_CHARS = 160;

/** Text nodes longer than this are prose, whose dates are the story's, not its publication's. */
const MAX_DATE_TEXT_CHARS = 200;
/** How much of the preceding text is kept as a date's label ("Last updated on:" is 16). */
const LABEL_CHARS = 40;

const SPACE_RUN_RE = /[\s\u00a0\u200b\u200e\u200f\ufeff]+/g;
/**
 * Where SPACE_RUN_RE's replacement would change the text: a character of its class other than a plain
 * space, or a plain space followed by another. Most texts have only single spaces, and replace()
 * builds a new string for every match even when it writes back the same space.
 */
const UNCOLLAPSED_SPACE_RE = /[^\S ]|[\u00a0\u200b\u200e\u200f\ufeff]| [\s\u00a0\u200b\u200e\u200f\ufeff]/;

/** Collapse white space the way a browser renders text. */
export function clean(s: string): string {
  return (UNCOLLAPSED_SPACE_RE.test(s) ? s.replace(SPACE_RUN_RE, ' ') : s).trim();
}

/**
 * A token pattern (`^…$`, no white space inside) as a search over the whole class-and-id string: a
 * match starts and ends at white space or the string's ends, so it is a whole token. Same verdict as
 * splitting into tokens and testing each, without the array and the token strings.
 */
function anyToken(re: RegExp): RegExp {
  if (!re.source.startsWith('^') || !re.source.endsWith('$')) throw new Error(`token pattern must be anchored: ${re.source}`);
  return new RegExp(`(?<!\\S)(?:${re.source.slice(1, -1)})(?!\\S)`, re.flags);
}
const NOISE_TOKEN_IN_RE = anyToken(NOISE_TOKEN_RE);
const CHROME_TOKEN_IN_RE = anyToken(CHROME_TOKEN_RE);

function isNoiseBlock(classAndId: string): boolean {
  return NOISE_TOKEN_IN_RE.test(classAndId);
}

/**
 * What an element's class and id say, as the walk reads them: worked out once per element and kept
 * on its record (see ClassAndId in dom.ts).
 */
interface ClassFacts {
  noise: boolean;
  chrome: boolean;
  byline: boolean;
}

/** The eight possible verdicts, shared: an element asks once and most say no to all three. */
const CLASS_FACTS: readonly ClassFacts[] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze({ noise: (bits & 1) !== 0, chrome: (bits & 2) !== 0, byline: (bits & 4) !== 0 }),
);

/**
 * Either token pattern: about 3% of class-and-id strings on WCXB dev hold one, and one scan says so
 * for the rest where two did (323 → 196 ns a string, same verdicts on 150,196 class attributes).
 */
const NOISE_OR_CHROME_IN_RE = anyToken(new RegExp(`^(?:${NOISE_TOKEN_RE.source.slice(1, -1)}|${CHROME_TOKEN_RE.source.slice(1, -1)})$`));

function classFacts(ci: string): ClassFacts {
  const either = NOISE_OR_CHROME_IN_RE.test(ci);
  return CLASS_FACTS[(either && isNoiseBlock(ci) ? 1 : 0) | (either && isChromeBlock(ci) ? 2 : 0) | (BYLINE_CONTAINER_RE.test(ci) ? 4 : 0)]!;
}

/** The verdicts of an element with neither class nor id. */
let noClassFacts: ClassFacts | null = null;

function elementClassFacts(el: Element): ClassFacts {
  const info = classAndIdOf(el);
  if (info === null) return (noClassFacts ??= classFacts(classId(el)));
  let f = info.metaFacts as ClassFacts | null;
  if (f === null) info.metaFacts = f = classFacts(classId(el));
  return f;
}

/** A text that opens a byline. */
const BY_LINE_RE = /^(?:(?:written|posted|words|story|reported|published)\s+)?by\b(?!\s+(?:the way|using|default|clicking|continuing|signing|submitting|subscribing))|^(?:author|authors|written by)\s*:/i;

/** Every match of BY_LINE_RE holds one of these: a cheap test before cleaning a text node. */
const BY_HINT_RE = /by|author/i;
const DIGIT_RE = /\d/;
const NON_SPACE_RE = /\S/;
const ASCII_RE = /^[\x00-\x7f]*$/;

/** Words that join the pieces of a byline rather than separate them. */
const CONNECTOR_RE = /^(by|and|&|,|written by:?|posted by:?|words by:?|author:?|authors:?|by:)$/i;

/**
 * The text of a byline element with its pieces kept apart: "<span>Jane Doe</span><span>Staff
 * Writer</span>" reads "Jane Doe · Staff Writer", not "Jane DoeStaff Writer", while "By <a>Jane
 * Doe</a> and <a>John Roe</a>" stays one phrase. Null when longer than a byline can be.
 */
function bylineText(root: Element): string | null {
  const parts: string[] = [];
  let total = 0;
  const stack: ChildNode[] = [...root.children];
  while (stack.length > 0) {
    const n = stack.shift()!;
    if (n.type === 'text') {
      const t = clean(n.data);
      if (t === '') continue;
      total += t.length;
      if (total > MAX_BYLINE_ELEMENT_CHARS) return null;
      parts.push(t);
    } else if (n.type === 'tag') {
      stack.unshift(...(n as Element).children);
    }
  }
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const prev = parts[i - 1];
    const glue = i === 0 ? '' : CONNECTOR_RE.test(p) || (prev !== undefined && CONNECTOR_RE.test(prev)) || /^[,.]/.test(p) || /[,:]$/.test(prev ?? '') ? ' ' : ' · ';
    out += glue + p;
  }
  return out.trim();
}

/** Elements that start a new line inside a heading: a <br> or a block child holding a subtitle. */
const HEADING_BREAK_TAGS = new Set(['br', 'div', 'p', 'li', 'ul', 'ol', 'section', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'figure', 'figcaption', 'table', 'tr', 'td']);
/**
 * Class tokens that set an inline element on a line of its own inside a heading: utility classes
 * for display:block and the usual names of a subtitle or kicker.
 */
const LINE_CLASS_RE = /(^|\s)(block|d-block|subtitle|sub-title|subheading|sub-heading|subhead|tagline|dek|kicker|eyebrow)(\s|$)/i;
/** Elements inside a heading that readers do not take as part of the title: a date stamp, scripts, icons, buttons. */
const HEADING_SKIP_TAGS = new Set(['time', 'script', 'style', 'noscript', 'svg', 'button', 'template', 'select']);

/**
 * A heading's text as rendered: "WEEKEND<br>CODING" reads "WEEKEND CODING" and a <div> subtitle
 * is set apart by a space, where plain textContent fuses them ("WEEKENDCODING"); a <time> printed
 * inside the heading link is left out, since it is the date, not the title.
 */
function headingLines(root: Element): string[] {
  let out = '';
  const walk = (nodes: ChildNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'text') out += n.data;
      else if (n.type === 'tag') {
        const el = n as Element;
        if (HEADING_SKIP_TAGS.has(el.name)) continue;
        const brk = HEADING_BREAK_TAGS.has(el.name) || LINE_CLASS_RE.test(el.attribs['class'] ?? '');
        if (brk) out += '\n';
        walk(el.children);
        if (brk) out += '\n';
      }
    }
  };
  walk(root.children);
  return out.split('\n').map(clean).filter((l) => l !== '');
}

function isChromeBlock(classAndId: string): boolean {
  return CHROME_TOKEN_IN_RE.test(classAndId);
}

function classId(el: Element): string {
  const info = classAndIdOf(el);
  // Most elements have neither; skip building and lower-casing " " for them.
  if (info === null) return ' ';
  // Kept on the element's record: a date text asks for its holder's and that holder's parent's.
  return (info.metaKey ??= `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase());
}

/** Gather metadata facts from a parsed page in one pass. */
export function collectFacts(doc: Document): PageFacts {
  const facts: PageFacts = {
    htmlLang: null,
    metas: [],
    jsonLd: [],
    titleTag: null,
    h1s: [],
    h2s: [],
    times: [],
    microdata: [],
    relAuthors: [],
    bylineEls: [],
    dateTexts: [],
    byTexts: [],
    attrJson: [],
    frameworkJson: [],
    titleEchoes: [],
  };
  let titleKey: string | null = null;
  let order = 0;
  let lastText = '';

  const visit = (nodes: ChildNode[], st: number): void => {
    const noisy = (st & NOISY) !== 0;
    const inByline = (st & IN_BYLINE) !== 0;
    const inSvg = (st & IN_SVG) !== 0;
    for (const node of nodes) {
      if (node.type === 'text') {
        const t = node.data;
        if (inSvg) continue;
        // Most text nodes open with a printable ASCII character, which is never white space.
        const c0 = t.charCodeAt(0);
        if (!(c0 > 0x20 && c0 < 0x7f) && !NON_SPACE_RE.test(t)) continue;
        if (t.length <= MAX_DATE_TEXT_CHARS) {
          // clean() only folds white space, so a digit or "by"/"author" is in `c` exactly when in `t`;
          // most text nodes hold neither and are never cleaned.
          const hasDigit = DIGIT_RE.test(t);
          const mayBeBy = BY_HINT_RE.test(t);
          const c = hasDigit || mayBeBy ? clean(t) : '';
          if (hasDigit && c.length >= 4) {
            const holder = node.parent && node.parent.type === 'tag' ? (node.parent as Element) : null;
            const outer = holder?.parent && holder.parent.type === 'tag' ? (holder.parent as Element) : null;
            const hint = `${holder ? classId(holder) : ''} ${outer ? classId(outer) : ''}`;
            facts.dateTexts.push({ text: c, order: order - 1, noisy, before: clean(lastText).slice(-LABEL_CHARS), hint });
          }
          if (mayBeBy && c.length <= MAX_BYLINE_ELEMENT_CHARS && BY_LINE_RE.test(c) && node.parent && node.parent.type === 'tag') {
            const text = bylineText(node.parent as Element);
            // Only when the line opens with "By": "The Man Who Saw Seconds · by A. Writer" cites a book.
            if (text && BY_LINE_RE.test(text)) facts.byTexts.push({ text, order: order - 1, noisy });
          }
        }
        // squash() keeps at most one character per character of ASCII text, so a short ASCII text
        // cannot make an echo long enough; other scripts may grow under NFKD and are always squashed.
        if (titleKey !== null && t.length <= MAX_DATE_TEXT_CHARS && (t.length >= MIN_ECHO_CHARS || !ASCII_RE.test(t))) {
          if (mayEchoTitle(t, titleKey)) {
            const k = squash(t);
            if (k.length >= MIN_ECHO_CHARS && titleKey.includes(k)) facts.titleEchoes.push({ text: clean(t), order: order - 1, noisy });
          }
        }
        // Cleaned only when a date label needs it: most text nodes are never read again.
        lastText = t.length > LABEL_CHARS * 4 ? t.slice(-LABEL_CHARS * 4) : t;
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const name = el.name;
      const a = el.attribs;
      const here = order++;
      if (name === 'style' || name === 'noscript' || inSvg) continue;
      if (name === 'script') {
        if ((a['type'] ?? '').toLowerCase().includes('ld+json')) facts.jsonLd.push(textContent(el));
        else if (isFrameworkJsonScript(a) && el.children.length > 0) facts.frameworkJson.push(textContent(el));
        continue;
      }
      for (const v of dateJsonAttributes(el)) facts.attrJson.push(v);
      if (name === 'html' && a['lang'] && !facts.htmlLang) facts.htmlLang = a['lang'];
      if (name === 'html' && a['xml:lang'] && !facts.htmlLang) facts.htmlLang = a['xml:lang'];
      if (name === 'meta') {
        const key = (a['property'] ?? a['name'] ?? a['itemprop'] ?? a['http-equiv'] ?? '').toLowerCase().trim();
        const content = a['content'] ?? a['value'];
        if (key && content !== undefined && clean(content) !== '') {
          facts.metas.push({ key, content: clean(content) });
          // A <meta itemprop> inside the body is microdata, not page metadata.
          if (a['itemprop']) {
            for (const prop of a['itemprop'].toLowerCase().split(/\s+/)) {
              if (prop) facts.microdata.push({ prop, value: clean(content), name: null, text: '', order: here, noisy });
            }
          }
        }
        continue;
      }
      if (name === 'title' && facts.titleTag === null && !inSvg) {
        facts.titleTag = clean(textContent(el));
        titleKey = squash(facts.titleTag);
        continue;
      }
      // A <footer> inside <article>/<main> is the article's own (date, tags, author under the post);
      // on WCXB dev reading it gained one right date, one date on an undated page (a "Last updated"
      // line) and two right authors. The site's footer sits outside.
      const cf = elementClassFacts(el);
      const childNoisy = noisy || (name === 'footer' && (st & IN_ARTICLE) === 0) || name === 'aside' || (!NEVER_NOISE_TAGS.has(name) && cf.noise);
      if (name === 'h1' || name === 'h2') {
        const chrome = (st & IN_ARTICLE) === 0 && ((st & CHROME) !== 0 || cf.chrome);
        const lines = headingLines(el);
        (name === 'h1' ? facts.h1s : facts.h2s).push({ text: lines.join(' '), lines, order: here, noisy: childNoisy, chrome });
      }
      if (name === 'time' || (name !== 'meta' && a['datetime'] !== undefined)) {
        facts.times.push({
          datetime: a['datetime'] ?? null,
          text: clean(textContent(el)),
          hint: `${a['itemprop'] ?? ''} ${classId(el)} ${el.parent && el.parent.type === 'tag' ? classId(el.parent as Element) : ''}`.toLowerCase(),
          order: here,
          noisy: childNoisy,
        });
      }
      if (a['itemprop']) {
        // One element may carry several properties: itemprop="dateCreated datePublished".
        for (const prop of a['itemprop'].toLowerCase().split(/\s+/)) {
          if (!MICRODATA_PROP_RE.test(prop)) continue;
          let personName: string | null = null;
          if (prop === 'author' || prop === 'creator') {
            const inner = findItemprop(el, 'name');
            if (inner) personName = clean(inner.attribs['content'] ?? textContent(inner));
          }
          // A date may sit in the title attribute, the microformats convention
          // (<abbr class="published" itemprop="datePublished" title="2025-12-19T15:18:00-05:00">).
          const machine = a['content'] ?? a['datetime'] ?? (prop.startsWith('date') ? a['title'] : undefined);
          const value = clean(machine ?? textContent(el));
          facts.microdata.push({ prop, value, name: personName, text: clean(textContent(el)), order: here, noisy: childNoisy });
        }
      }
      if (name === 'a' && a['rel'] !== undefined && a['rel'].toLowerCase().split(/\s+/).includes('author')) {
        facts.relAuthors.push({ text: clean(textContent(el)), order: here, noisy: childNoisy });
      }
      let nowByline = inByline;
      if (!inByline && cf.byline && name !== 'body' && name !== 'html') {
        const text = bylineText(el);
        if (text !== null && text.length > 0) {
          facts.bylineEls.push({ text, order: here, noisy: childNoisy });
          nowByline = true;
        }
      }
      const inArticle = (st & IN_ARTICLE) !== 0 || name === 'article' || name === 'main';
      const chrome = !inArticle && ((st & CHROME) !== 0 || name === 'header' || name === 'nav' || cf.chrome);
      visit(
        el.children,
        (childNoisy ? NOISY : 0) | (nowByline ? IN_BYLINE : 0) | (name === 'svg' ? IN_SVG : 0) | (inArticle ? IN_ARTICLE : 0) | (chrome ? CHROME : 0),
      );
    }
  };
  visit(doc.children, 0);
  return facts;
}

function findItemprop(root: Element, prop: string): Element | null {
  const stack: ChildNode[] = [...root.children];
  while (stack.length > 0) {
    const n = stack.shift()!;
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if ((el.attribs['itemprop'] ?? '').toLowerCase() === prop) return el;
    stack.push(...el.children);
  }
  return null;
}
