/**
 * The HTML body extractor: from a parsed page to the article's paragraphs, what was dropped and why,
 * and the byline/date lines around the headline.
 *
 * Order: flatten the page into text blocks (`blocks.ts`, skipping scripts, styles, forms' controls and
 * hidden elements) → mark blocks inside chrome subtrees (class/id/role/tag tables in `patterns.ts`),
 * unless that subtree holds most of the page's prose → weigh every block (prose scores by its
 * unlinked words, link lists and chrome score against) and sum the weights up every block's
 * ancestors → several candidate containers are kept and the one with the best sum wins, with a
 * bonus for article-container class names → inside the winner, chrome blocks, link-dense lists, the
 * headline and byline/date lines are dropped; everything else is the body, in document order.
 */
import type { Document, Element } from 'domhandler';
import { MAX_REMOVED_TEXT, type Removed, type RemovalReason } from '../../../records/index.ts';
import { collectBlockTree, countWords, type Block } from './blocks.ts';
import { readArticleBody } from './jsonld.ts';
import { classAndIdOf } from '../dom.ts';
import {
  ANY_CHROME_CLASS_RE,
  CAPTION_CREDIT_RE,
  CAPTION_MAX_WORDS,
  CHROME_CLASS_RULES,
  CHROME_ROLES,
  CHROME_TAGS,
  CHROME_TEXT_RULES,
  CONSENT_GATE_RE,
  CONSENT_MAX_WORDS,
  CONSENT_TEXT_RE,
  CONTENT_CLASS_RE,
  COPYRIGHT_LINE_MAX_WORDS,
  COPYRIGHT_LINE_RE,
  CREDIT_LINE_MAX_WORDS,
  CREDIT_LINE_RE,
  FOREIGN_BYLINE_RE,
  KICKER_CLASS_RE,
  STANDFIRST_CLASS_RE,
  TAIL_MARKER_RULES,
} from './patterns.ts';

export interface BodyResult {
  paragraphs: string[];
  removed: Removed[];
  /** The headline block and byline/date lines found around it: read later by text-level signals. */
  headerLines: string[];
}

/**
 * A chrome pattern on an element is ignored when that element holds more than this share of the
 * page's prose words: `<body class="single has-sidebar">` or `<div id="ad-free-wrapper">` must not
 * take the article with it. Tuned on WCXB dev (0.5–0.8 all within 0.001 F1; 0.6 kept).
 */
const CHROME_GUARD_SHARE = 0.6;
/** A block counts as prose (for the guard) from this many words with low link density. */
const PROSE_MIN_WORDS = 10;
/** Link density above which a block is a link list, not prose. */
const LINK_DENSITY_MAX = 0.5;
/**
 * Each block costs this many words in a container's score, so runs of short lines add nothing.
 * WCXB dev sweep: 3 → F1 0.9438, 1 → 0.9452 (tables and short list items in articles paid for 3).
 */
const BLOCK_COST = 1;
/**
 * Words of a chrome block count this much against a container. 1 lost articles whose wrapper also
 * holds a long comment thread; 0 chose page-wide wrappers. WCXB dev sweep 0/0.1/0.2/0.3/0.5/1:
 * F1 0.9447/0.9474/0.9480/0.9452/0.9461/0.9438.
 */
const CHROME_WEIGHT = 0.2;
/**
 * Container score multiplier for article-body names (CONTENT_CLASS_RE, itemprop=articleBody): a
 * named body beats its wrapper unless the wrapper holds three times as much prose. WCXB dev sweep
 * 1/1.4/2/3/5: F1 0.9456/0.9498/0.9506/0.9511/0.9502.
 */
const CONTENT_CONTAINER_BONUS = 3;
/** The same for <article> and <main>, weaker evidence (themes wrap teasers in <article> too). 1/1.3/2: 0.9513/0.9516/0.9519. */
const ARTICLE_TAG_BONUS = 2;
const MAX_CONTAINER_BONUS = Math.max(CONTENT_CONTAINER_BONUS, ARTICLE_TAG_BONUS);
/** Blocks this short (words) before the first prose block that mention a date or "by" are header lines. */
const HEADER_LINE_MAX_WORDS = 25;

/**
 * A tail marker cuts the rest of the container when the prose after it is under this share of the
 * prose before it (so a mid-article "Related:" line does not cut the article). WCXB dev F1: no cut
 * 0.9519; share 0.1/0.25/0.5: 0.9528/0.9531/0.9529.
 */
const TAIL_PROSE_SHARE = 0.25;
/** A line that opens as a byline or a dated stamp is a header line even when it is long. */
const BYLINE_START_RE = /^(?:by|written by|words by|reviewed by|fact[- ]checked by|published|updated|posted|last updated)\b/i;
const HEADING_RE = /^h[2-6]$/;
/** A lower heading stands for the headline only from this many words: "News", "World" match many titles. */
const MIN_HEADING_TITLE_WORDS = 4;
/** A kicker above the headline is at most this many words (labels such as "Unglück in Nordeuropa"). */
const KICKER_MAX_WORDS = 12;
/** A kicker or standfirst class holds at most this share of the container's prose: else it wraps the body. */
const HEADER_CLASS_MAX_SHARE = 0.5;
/** A standfirst is at most this long (words); longer blocks under a summary class are the article's lead. */
const STANDFIRST_MAX_WORDS = 80;

const HEADER_LINE_RE =
  /(?:^|\s)(?:by|von|par|por|di|door)\s|\b(?:published|updated|posted|written|author|reporter|min(?:ute)?s? read)\b|\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d+ (?:hours?|minutes?|days?) ago\b/i;

function classOf(el: Element): string {
  const a = el.attribs;
  return `${a.id ?? ''} ${a.class ?? ''}`.toLowerCase();
}

/** The chrome reason an element's own tag, role or class/id gives, or null. */
function chromeReasonOf(el: Element, useClasses: boolean): RemovalReason | null {
  const byTag = CHROME_TAGS.get(el.name);
  if (byTag) return byTag;
  const role = el.attribs.role;
  if (role) {
    const byRole = CHROME_ROLES.get(role.toLowerCase());
    if (byRole) return byRole;
  }
  const a = el.attribs;
  if (!useClasses || (a.class === undefined && a.id === undefined)) return null;
  // Worked out once per element, kept on its class-and-id record (the metadata walk reads it too).
  const info = classAndIdOf(el)!;
  let r = info.chromeReason as RemovalReason | null | undefined;
  if (r === undefined) {
    const cls = classOf(el);
    r = cls.length <= 1 ? null : classReason(cls);
    info.chromeReason = r;
  }
  return r;
}

function classReason(cls: string): RemovalReason | null {
  if (!ANY_CHROME_CLASS_RE.test(cls) || CONTENT_CLASS_RE.test(cls)) return null;
  for (const rule of CHROME_CLASS_RULES) if (rule.re.test(cls)) return rule.reason;
  return null;
}

/** How much an element's name says "article body": class/id patterns, itemprop, <article>. */
function containerBonus(el: Element): number {
  if (el.attribs.itemprop === 'articleBody' || CONTENT_CLASS_RE.test(classOf(el))) return CONTENT_CONTAINER_BONUS;
  if (el.name === 'article' || el.name === 'main') return ARTICLE_TAG_BONUS;
  return 1;
}

function linkDensity(b: Block): number {
  return b.text.length === 0 ? 0 : b.linkChars / b.text.length;
}

function isProse(b: Block): boolean {
  return b.words >= PROSE_MIN_WORDS && linkDensity(b) < 0.3;
}

function shorten(text: string): string {
  return text.length <= MAX_REMOVED_TEXT ? text : `${text.slice(0, MAX_REMOVED_TEXT - 1)}…`;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Extracts the article body of a parsed page. `title` is the headline the metadata reader found
 * (used to recognise the headline block); null when unknown.
 *
 * @example
 *   const body = extractBody(parseHtml(html), 'Headline');
 *   body.paragraphs; // ['First paragraph…', 'A subheading', …]
 */
export function extractBody(doc: Document, title: string | null): BodyResult {
  return extractBodyTraced(doc, title, null);
}

/**
 * A first attempt is weak when its body has fewer prose words than this: a container that holds a
 * teaser, a cookie text or one card of a listing. Tuned on WCXB dev (see RETRY_MIN_GAIN).
 */
const WEAK_PROSE_WORDS = 80;
/** …or when the page's JSON-LD articleBody is this many times longer than the attempt's body. */
const ARTICLE_BODY_RATIO = 1.5;
/**
 * The second attempt (class/id chrome tables off, container chosen again) replaces the first only
 * when its quality is higher by this factor: the first is the better-tested reading. On WCXB dev the
 * retry runs on 4 pages and wins on 2 (F1 0.03 → 0.97, 0.02 → 0.98: articles inside wrappers named
 * "sidebar"/"modal" that held under 60 % of the prose); WEAK_PROSE_WORDS 200 or 400 let it run on 19
 * pages and lost 1.6 F1-points over them (mean 0.9544 against 0.9559 at 80).
 */
const RETRY_MIN_GAIN = 1.2;

/** An attempt's body with the word count of each paragraph (its block's, counted once in collectBlocks). */
interface Attempt {
  result: BodyResult;
  words: number[];
}

function proseWordsOf(words: number[]): number {
  let n = 0;
  for (const w of words) if (w >= PROSE_MIN_WORDS) n += w;
  return n;
}

function isWeak(a: Attempt, articleBody: string | null): boolean {
  const prose = proseWordsOf(a.words);
  if (prose < WEAK_PROSE_WORDS) return true;
  if (articleBody !== null) {
    let words = 0;
    for (const w of a.words) words += w;
    if (countWords(articleBody) > ARTICLE_BODY_RATIO * words) return true;
  }
  return false;
}

/**
 * How good an attempt looks without the answer: against the JSON-LD articleBody when the page has one
 * (word F1, the publisher's own copy of the text), else its prose words (text in paragraphs of at
 * least PROSE_MIN_WORDS words; link lists and chrome lines add nothing).
 */
function attemptQuality(a: Attempt, articleBody: string | null): number {
  if (articleBody !== null) return bagF1(a.result.paragraphs.join(' '), articleBody);
  return proseWordsOf(a.words);
}

function bagF1(a: string, b: string): number {
  const ta = a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const tb = b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of ta) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  return overlap === 0 ? 0 : (2 * overlap) / (ta.length + tb.length);
}

/** `extractBody` with a hook that hears, for every dropped block, which rule dropped it (for evals). */
export function extractBodyTraced(doc: Document, title: string | null, trace: ((text: string, why: string) => void) | null): BodyResult {
  const ldScripts: Element[] = [];
  const { blocks, elements } = collectBlockTree(doc, ldScripts);
  const articleBody = readArticleBody(ldScripts);
  // Per-element sums live in typed arrays indexed by the element's number in `elements`; each block's
  // chain lists its owner and the owner's ancestors by number.
  const nEl = elements.length;

  // Prose words under each element, for the chrome guard.
  const prose = new Float64Array(nEl);
  let totalProse = 0;
  for (const b of blocks) {
    if (!isProse(b)) continue;
    totalProse += b.words;
    for (const e of b.chain) prose[e] = prose[e]! + b.words;
  }

  /** Chrome marks and the winning container, with or without the class/id chrome tables. */
  const analyse = (useClasses: boolean) => {
    const reasons: (RemovalReason | null | undefined)[] = new Array(nEl);
    const chromeOf = (e: number): RemovalReason | null => {
      let r = reasons[e];
      if (r === undefined) {
        r = chromeReasonOf(elements[e]!, useClasses);
        if (r && totalProse > 0 && prose[e]! > CHROME_GUARD_SHARE * totalProse) r = null;
        reasons[e] = r;
      }
      return r;
    };
    const chromeEl: (Element | null)[] = [];
    const chrome: (RemovalReason | null)[] = [];
    for (const b of blocks) {
      let reason: RemovalReason | null = null;
      let at: Element | null = null;
      for (const e of b.chain) {
        reason = chromeOf(e);
        if (reason !== null) {
          at = elements[e]!;
          break;
        }
      }
      chromeEl.push(at);
      chrome.push(reason);
    }

    // Container scores: the sum of block weights under each element. `seen` keeps the elements in
    // the order they first receive a weight, the order in which ties are settled.
    const score = new Float64Array(nEl);
    const count = new Int32Array(nEl);
    const seen: number[] = [];
    blocks.forEach((b, i) => {
      const ld = linkDensity(b);
      let w: number;
      if (chrome[i]) w = -b.words * CHROME_WEIGHT;
      else if (ld > LINK_DENSITY_MAX) w = -b.words;
      else w = b.words * (1 - ld) - BLOCK_COST;
      for (const e of b.chain) {
        if (count[e] === 0) seen.push(e);
        score[e] = score[e]! + w;
        count[e] = count[e]! + 1;
      }
    });
    let best: Element | null = null;
    let bestAt = -1;
    let bestScore = 0;
    // No bonus exceeds CONTENT_CONTAINER_BONUS and none is under 1, so an element whose raw score
    // times that bonus cannot reach the best raw score cannot win: its class names need not be read.
    let maxRaw = 0;
    for (const e of seen) if (score[e]! > maxRaw) maxRaw = score[e]!;
    for (const e of seen) {
      const s0 = score[e]!;
      if (s0 * MAX_CONTAINER_BONUS < maxRaw) continue;
      const el = elements[e]!;
      const s = s0 * containerBonus(el);
      if (s > bestScore || (best && s === bestScore && count[e]! < count[bestAt]!)) {
        best = el;
        bestAt = e;
        bestScore = s;
      }
    }

    return { chromeEl, chrome, best, bestAt };
  };
  let { chromeEl, chrome, best, bestAt } = analyse(true);

  const titleNorm = title ? normalise(title) : '';
  let titleIndex = -1;
  // The headline: an h1 that matches the metadata title, else the first h1; on pages with no h1 (old
  // table layouts, themes that style an h2 as the headline) a lower heading that matches the title.
  const matchesTitle = (b: Block): boolean => {
    const n = normalise(b.text);
    return titleNorm !== '' && (n === titleNorm || (n.length > 10 && titleNorm.includes(n)));
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.tag !== 'h1') continue;
    if (matchesTitle(b)) {
      titleIndex = i;
      break;
    }
    if (titleIndex < 0) titleIndex = i;
  }
  if (titleIndex < 0 && titleNorm) {
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (isProse(b) && b.words > HEADER_LINE_MAX_WORDS) break;
      if (HEADING_RE.test(b.tag) && b.words >= MIN_HEADING_TITLE_WORDS && matchesTitle(b)) {
        titleIndex = i;
        break;
      }
    }
  }

  /** One attempt: the body read with `best` as the container (null: no container, no body). */
  const runAttempt = (best: Element | null, bestAt: number): Attempt => {
    const inBestFlags = blocks.map((b) => bestAt >= 0 && b.chain.includes(bestAt));
    const inBest = (i: number): boolean => inBestFlags[i]!;
    const paragraphs: string[] = [];
    const paragraphWords: number[] = [];
    const removed: Removed[] = [];
    const headerLines: string[] = [];
    let seenProse = false;

    // Link-dense blocks between the container's first and last prose blocks are in-flow ("Also read: …",
    // a list of places that each link to their page) and kept; outside that span they are link lists.
    let firstProse = -1;
    let lastProse = -1;
    blocks.forEach((b, i) => {
      if (inBest(i) && !chrome[i] && isProse(b)) {
        if (firstProse < 0) firstProse = i;
        lastProse = i;
      }
    });

    // The tail: a "Related stories" / "Comments" heading after the body's prose, followed by little prose.
    let tailAt = -1;
    let tailReason: RemovalReason = 'related';
    if (firstProse >= 0) {
      let before = 0;
      let after = 0;
      blocks.forEach((b, i) => {
        if (inBest(i) && !chrome[i] && isProse(b)) after += b.words;
      });
      for (let i = firstProse; i < blocks.length; i++) {
        const b = blocks[i]!;
        if (!inBest(i) || chrome[i]) continue;
        if (isProse(b)) {
          before += b.words;
          after -= b.words;
          continue;
        }
        if (b.words > 8) continue;
        const rule = TAIL_MARKER_RULES.find((r) => r.re.test(b.text));
        if (rule && after < TAIL_PROSE_SHARE * before) {
          tailAt = i;
          tailReason = rule.reason;
          break;
        }
      }
    }

    // Does the block, or an element between it and the container, carry a class/id matching `re`, on an
    // element that holds no more than `maxProse` prose words (a summary class on the whole body's wrapper
    // must not take the body with it)?
    const classedUnderBest = (i: number, re: RegExp, maxProse: number): boolean => {
      for (const e of blocks[i]!.chain) {
        if (e === bestAt) return false;
        const a = elements[e]!.attribs;
        if ((a.class || a.id) && re.test(classOf(elements[e]!))) {
          const held = prose[e]!;
          return held <= maxProse && held <= HEADER_CLASS_MAX_SHARE * prose[bestAt]!;
        }
      }
      return false;
    };

    const drop = (i: number, reason: RemovalReason, why: string = reason): void => {
      const b = blocks[i]!;
      removed.push({ text: shorten(b.text), reason });
      if (trace) {
        const el = chromeEl[i];
        const cls = el ? classOf(el) : '';
        const hit = CHROME_CLASS_RULES.map((r) => cls.match(r.re)?.[0]).find((m) => m !== undefined);
        trace(b.text, `${why}${el ? ` <${el.name} ${hit ?? el.attribs.role ?? ''}>` : ''}`);
      }
    };
    blocks.forEach((b, i) => {
      if (i === titleIndex) {
        headerLines.push(b.text);
        drop(i, 'title');
        return;
      }
      const inside = inBest(i);
      const nearHeadline = !seenProse && b.words <= HEADER_LINE_MAX_WORDS && HEADER_LINE_RE.test(b.text);
      if (!inside) {
        if (nearHeadline && titleIndex >= 0 && i > titleIndex && i - titleIndex < 12) headerLines.push(b.text);
        drop(i, chrome[i] ?? (linkDensity(b) > LINK_DENSITY_MAX ? 'nav' : 'boilerplate'), `outside:${chrome[i] ?? ''}`);
        return;
      }
      const reason = chrome[i];
      if (reason) return drop(i, reason, `chrome:${reason}`);
      if (tailAt >= 0 && i >= tailAt) return drop(i, tailReason, `tail:${tailReason}`);
      const inFlow = i > firstProse && i < lastProse;
      // In-flow link paragraphs ("Also read: …") and linked subheadings are body on WCXB; link-dense list
      // items stay dropped even mid-body (menus, tag lists). Dev F1: drop all 0.9480, keep in-flow p/h 0.9484,
      // keep in-flow li too 0.9467.
      const keepLinks = inFlow && (b.tag === 'p' || HEADING_RE.test(b.tag));
      if (linkDensity(b) > LINK_DENSITY_MAX && !keepLinks) return drop(i, b.tag === 'li' ? 'nav' : 'boilerplate', 'links');
      if (b.words <= 8) {
        for (const rule of CHROME_TEXT_RULES) if (rule.re.test(b.text)) return drop(i, rule.reason, `text:${rule.reason}`);
      }
      if (b.words <= CONSENT_MAX_WORDS && CONSENT_GATE_RE.test(b.text) && CONSENT_TEXT_RE.test(b.text)) return drop(i, 'boilerplate', 'text:consent');
      const beforeBody = !seenProse;
      // The kicker above the headline and the standfirst under it, by their class names.
      if (beforeBody && titleIndex >= 0 && i < titleIndex && b.words <= KICKER_MAX_WORDS && classedUnderBest(i, KICKER_CLASS_RE, KICKER_MAX_WORDS)) {
        headerLines.push(b.text);
        return drop(i, 'title', 'kicker');
      }
      if (beforeBody && b.words <= STANDFIRST_MAX_WORDS && b.tag !== 'li' && classedUnderBest(i, STANDFIRST_CLASS_RE, STANDFIRST_MAX_WORDS)) {
        return drop(i, 'teaser', 'standfirst');
      }
      const bylineStart = BYLINE_START_RE.test(b.text) || FOREIGN_BYLINE_RE.test(b.text);
      if (nearHeadline && (!isProse(b) || bylineStart)) {
        headerLines.push(b.text);
        return drop(i, 'metadata');
      }
      if (b.words <= CREDIT_LINE_MAX_WORDS && CREDIT_LINE_RE.test(b.text)) {
        headerLines.push(b.text);
        return drop(i, 'metadata', 'credit-line');
      }
      if (b.words <= COPYRIGHT_LINE_MAX_WORDS && COPYRIGHT_LINE_RE.test(b.text)) return drop(i, 'footer', 'text:copyright');
      if (b.words <= CAPTION_MAX_WORDS && !HEADING_RE.test(b.tag) && CAPTION_CREDIT_RE.test(b.text)) return drop(i, 'caption', 'text:caption');
      if (isProse(b)) seenProse = true;
      paragraphs.push(b.text);
      paragraphWords.push(b.words);
    });

    return { result: { paragraphs, removed, headerLines }, words: paragraphWords };
  };

  // A retry that keeps both attempts and returns the better: when the first attempt is weak, the page
  // is read again without the class/id chrome tables (tags, roles and hidden elements still count),
  // so an article inside a wrapper whose name looks like chrome can win the container choice.
  const first = runAttempt(best, bestAt);
  if (!isWeak(first, articleBody)) return first.result;
  ({ chromeEl, chrome, best, bestAt } = analyse(false));
  const second = runAttempt(best, bestAt);
  if (trace) trace(`attempts: container ${attemptQuality(first, articleBody).toFixed(3)} vs no-class ${attemptQuality(second, articleBody).toFixed(3)}`, 'retry');
  return (attemptQuality(second, articleBody) > attemptQuality(first, articleBody) * RETRY_MIN_GAIN ? second : first).result;
}
