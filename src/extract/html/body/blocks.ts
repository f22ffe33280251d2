/**
 * Flattens a parsed page into text blocks in document order: one block per run of inline text
 * between block-level boundaries (p, h2, li, a table row, text sitting directly in a div). Each block
 * keeps the element that owns it, so that later steps can score containers (every ancestor of a
 * block) and prune chrome subtrees without walking the tree again.
 *
 * The tree is read, never changed: the metadata reader shares it and needs the scripts (JSON-LD)
 * and hidden elements this walk skips.
 */
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, SKIP_TAGS } from './patterns.ts';
import { charClass, LETTER_OR_NUMBER } from '../../signals/letters.ts';

export interface Block {
  /** White-space-collapsed text. */
  text: string;
  /** The nearest block-level element that holds the text. */
  el: Element;
  /** Its tag name (p, h2, li, tr, div, …). */
  tag: string;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  words: number;
  /** Position in document order. */
  index: number;
  /**
   * `el` and every element above it up to the top of the page, nearest first, as indexes into the
   * walk's `elements`; blocks with the same owner share one array. A plain array: an Int32Array of
   * more than 16 entries keeps its numbers off the heap, in a buffer V8 allocates and frees apart,
   * which cost more than all the reads of the chains (about 0.5 % of extract() on WCXB dev pages).
   */
  chain: readonly number[];
}

/** The blocks of a page and the elements the walk entered, in document order (what `Block.chain` indexes). */
export interface BlockTree {
  blocks: Block[];
  elements: Element[];
}

const STREAMED_SECTION_ID_RE = /^[A-Z]:\d+$/;

/**
 * True for elements a reader is never meant to see: the hidden attribute and aria-hidden. Inline
 * display:none is not enough: collapsed accordions and tabs hide article text that way, and the WCXB
 * gold counts it (skipping it: dev F1 0.9533; reading it: 0.9535).
 */
export function isHidden(el: Element): boolean {
  const a = el.attribs;
  // React streaming SSR parks whole rendered sections in <div hidden id="S:0"> until hydration moves them.
  if (a.hidden !== undefined && !(a.id !== undefined && STREAMED_SECTION_ID_RE.test(a.id))) return true;
  return a['aria-hidden'] === 'true';
}

/**
 * Words in a text: runs of letters and digits (`[\p{L}\p{N}]+`), counted in one scan over the char
 * codes, each classed by table (signals/letters.ts); about three times faster than a global regex
 * loop, and called once per block. (A regex test per non-ASCII character, as before, cost a string
 * per curly quote or dash.)
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if ((low & 0xfc00) === 0xdc00) {
        c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const isWordChar = (charClass(c) & LETTER_OR_NUMBER) !== 0;
    if (isWordChar && !inWord) n++;
    inWord = isWordChar;
  }
  return n;
}

/**
 * JS white space (`\s`, and what trim() removes) above ASCII: U+00A0, U+1680, U+2000–U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000 and U+FEFF.
 */
function isNonAsciiSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text.replace(/\s+/g, ' ').length`, without building the string: link text is only counted. */
function collapsedLength(text: string): number {
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c < 128 ? c === 32 || (c >= 9 && c <= 13) : isNonAsciiSpace(c);
    if (!isSpace || !inSpace) n++;
    inSpace = isSpace;
  }
  return n;
}

/**
 * What one scan over a block's parts tells before its text is built: its word count (countWords of
 * the text: white space is never part of a word, so collapsing and trimming it changes no count),
 * whether `replace(/\s+/g, ' ')` would change the text (a white-space character other than a plain
 * space, or white space after a space) and whether it holds anything but white space (else trim()
 * leaves ''). Filled by scanParts; one record reused for every block.
 */
export const scan = { words: 0, uncollapsed: false, visible: false };

/**
 * Scans parts[0..count) as one text, as countWords and the collapse test would read their
 * concatenation: a surrogate pair split between two parts still counts as one code point. Reading
 * the parts where they lie saves building (and flattening) the concatenation of blocks that are only
 * white space, and a regex pass and a second scan over every other block.
 */
export function scanParts(parts: readonly string[], count: number): void {
  let words = 0;
  let inWord = false;
  let afterSpace = false;
  let uncollapsed = false;
  let visible = false;
  // Set when a high surrogate ending a part took the low one that opens the next.
  let skipFirst = false;
  for (let k = 0; k < count; k++) {
    const part = parts[k]!;
    let i = 0;
    if (skipFirst && part.length > 0) {
      skipFirst = false;
      i = 1;
    }
    for (; i < part.length; i++) {
      let c = part.charCodeAt(i);
      if (c < 0x80) {
        if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
          if (c !== 0x20 || afterSpace) uncollapsed = true;
          afterSpace = true;
          inWord = false;
          continue;
        }
        afterSpace = false;
        visible = true;
        const lower = c | 0x20;
        const isWordChar = (lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39);
        if (isWordChar && !inWord) words++;
        inWord = isWordChar;
        continue;
      }
      if (isNonAsciiSpace(c)) {
        uncollapsed = true;
        afterSpace = true;
        inWord = false;
        continue;
      }
      afterSpace = false;
      visible = true;
      if (c >= 0xd800 && c <= 0xdbff) {
        if (i + 1 < part.length) {
          const low = part.charCodeAt(i + 1);
          if ((low & 0xfc00) === 0xdc00) {
            c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
            i++;
          }
        } else {
          let next = k + 1;
          while (next < count && parts[next]!.length === 0) next++;
          if (next < count) {
            const low = parts[next]!.charCodeAt(0);
            if ((low & 0xfc00) === 0xdc00) {
              c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
              skipFirst = true;
            }
          }
        }
      }
      const isWordChar = (charClass(c) & LETTER_OR_NUMBER) !== 0;
      if (isWordChar && !inWord) words++;
      inWord = isWordChar;
    }
  }
  scan.words = words;
  scan.uncollapsed = uncollapsed;
  scan.visible = visible;
}

/**
 * Walks `root` and returns its text blocks; JSON-LD <script> elements met on the way are pushed to
 * `ldScripts` when given. Never throws on odd trees; depth is bounded by the parser.
 */
export function collectBlocks(root: AnyNode, ldScripts: Element[] | null = null): Block[] {
  return collectBlockTree(root, ldScripts).blocks;
}

/**
 * `collectBlocks` with the elements the walk entered, numbered in document order, so that scoring can
 * keep per-element sums in typed arrays (each block's `chain` lists its owner's ancestors by number)
 * instead of maps keyed by element.
 */
export function collectBlockTree(root: AnyNode, ldScripts: Element[] | null = null): BlockTree {
  const blocks: Block[] = [];
  const elements: Element[] = [];
  // The texts of the block being read: parts[0..partCount). The array is reused rather than emptied,
  // which would give its storage back at every block.
  const parts: string[] = [];
  let partCount = 0;
  let linkParts = 0;
  let linkDepth = 0;
  /** Numbers of the elements entered, outermost first. */
  const path: number[] = [];
  const owners: Element[] = [];
  /** For each owner, how long `path` is with the owner on top. */
  const ownerDepths: number[] = [];
  let lastOwner: Element | null = null;
  let lastChain: number[] = [];

  const flush = (): void => {
    if (partCount === 0) return;
    scanParts(parts, partCount);
    const count = partCount;
    const linkChars = linkParts;
    partCount = 0;
    linkParts = 0;
    const el = owners[owners.length - 1];
    // Only white space: the trimmed text would be ''.
    if (!scan.visible || el === undefined) return;
    let text = parts[0]!;
    for (let i = 1; i < count; i++) text += parts[i]!;
    if (scan.uncollapsed) text = text.replace(/\s+/g, ' ');
    text = text.trim();
    if (el !== lastOwner) {
      const depth = ownerDepths[ownerDepths.length - 1]!;
      lastChain = [];
      for (let i = depth - 1; i >= 0; i--) lastChain.push(path[i]!);
      lastOwner = el;
    }
    blocks.push({ text, el, tag: el.name, linkChars: Math.min(linkChars, text.length), words: scan.words, index: blocks.length, chain: lastChain });
  };

  const visit = (node: AnyNode): void => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      parts[partCount++] = data;
      if (linkDepth > 0) linkParts += collapsedLength(data);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') {
      // Comments, CDATA, directives, and script/style (their own node types in domhandler). JSON-LD
      // scripts are handed back for the articleBody they may carry.
      if (ldScripts !== null && node.type === 'script' && ((node as Element).attribs.type ?? '').toLowerCase().includes('ld+json')) {
        ldScripts.push(node as Element);
      }
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) visit(child);
      return;
    }
    const el = node as Element;
    const name = el.name;
    if (name === 'head' && ldScripts !== null) {
      // The head holds no text blocks, but most JSON-LD sits there.
      for (const child of el.children) if (child.type === 'script') visit(child);
      return;
    }
    if (SKIP_TAGS.has(name) || isHidden(el)) return;
    if (name === 'br') {
      parts[partCount++] = ' ';
      return;
    }
    path.push(elements.length);
    elements.push(el);
    if (BLOCK_TAGS.has(name)) {
      flush();
      owners.push(el);
      ownerDepths.push(path.length);
      for (const child of el.children) visit(child);
      flush();
      owners.pop();
      ownerDepths.pop();
      path.pop();
      return;
    }
    const isLink = name === 'a';
    if (isLink) linkDepth++;
    // Table cells and inline elements that browsers render apart still separate words.
    if (name === 'td' || name === 'th') parts[partCount++] = ' ';
    for (const child of el.children) visit(child);
    if (name === 'td' || name === 'th') parts[partCount++] = ' ';
    if (isLink) linkDepth--;
    path.pop();
  };

  // Text before any block element (a bare fragment) belongs to a synthetic owner-less run: skipped.
  visit(root);
  flush();
  return { blocks, elements };
}
