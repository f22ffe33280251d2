/**
 * One HTML parse shared by the body and metadata readers. htmlparser2's tokenizer and parser (tolerant
 * of unclosed tags, stray end tags and truncated files) feed a light tree builder of our own instead
 * of domhandler's: the nodes have domhandler's shape and prototypes (so domutils and `instanceof`
 * work), but skip its class-field set-up, and the builder leaves out what neither reader ever looks
 * at. On 200 WCXB dev pages that was the largest single cost of `extract()` (node construction ≈ 9 %
 * of CPU, its garbage ≈ 11 %).
 *
 * Left out at parse time:
 *  - every attribute but the few the readers look at (KEPT_ATTRIBUTE_NAMES), and sibling links; an
 *    attribute value that may hold a publication date as JSON is kept with its element
 *    (dateJsonAttributes), whatever its name;
 *  - comments and processing instructions (<!doctype>);
 *  - the content of <svg>, <math>, <noscript> and <style>, and of every <script> that is not
 *    JSON-LD or a framework's JSON data (the element itself stays, so element counts and positions
 *    barely move); framework data (Next.js `__NEXT_DATA__`, `type="application/json"` props) is
 *    kept up to FRAMEWORK_JSON_MAX_CHARS, for the metadata reader's last-resort date;
 *  - white-space-only text between two block boundaries (indentation between <div>s and <li>s, about
 *    a third of all nodes on real pages): no reader can tell it from none. White space next to inline
 *    elements is kept, since it separates words ("<b>a</b> <i>b</i>").
 */
import { Parser, Tokenizer } from 'htmlparser2';
import { Document as DhDocument, Element as DhElement, Text as DhText } from 'domhandler';
import type { ChildNode, Document, Element, ParentNode, Text } from 'domhandler';

/** Elements whose content no reader uses. */
const EMPTIED_TAGS: ReadonlySet<string> = new Set(['svg', 'math', 'noscript', 'style']);

/**
 * Elements next to which white space never separates words: they start a block (or never render).
 * Kept in step with BLOCK_TAGS of body/patterns.ts plus the head-only and non-rendering elements.
 */
const BOUNDARY_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr',
  'caption', 'ul', 'head', 'meta', 'link', 'title', 'base', 'colgroup', 'col', 'option', 'optgroup', 'select', 'template',
]);

const WS_ONLY_RE = /^[ \t\n\r\f]*$/;

/**
 * How much of a framework's JSON data script is kept. The post's own record (title, date, slug)
 * comes first in the WCXB dev pages that carry one (a headless WordPress post's "date" sits within
 * the first 2 KB of its __NEXT_DATA__); the rest is often megabytes of pre-rendered page state
 * that no reader needs.
 */
export const FRAMEWORK_JSON_MAX_CHARS = 200_000;

/** A <script> holding a framework's serialised page data rather than code. */
export function isFrameworkJsonScript(attribs: Record<string, string>): boolean {
  const type = (attribs['type'] ?? '').toLowerCase();
  return attribs['id'] === '__NEXT_DATA__' || type === 'application/json';
}

/**
 * The attributes some reader looks at (meta/ and body/: class and id for the chrome and byline
 * tables, itemprop/content/datetime/title for dates and authors, the <meta> keys, lang, rel, role,
 * hidden, the script type). The parser keeps these and drops every other (href, src, style, data-*,
 * …): a page's elements then share one object shape, so every read of an attribute is a monomorphic
 * field load, and most elements need no attribute object at all.
 */
export const KEPT_ATTRIBUTE_NAMES = [
  'class', 'id', 'type', 'itemprop', 'content', 'value', 'property', 'name', 'http-equiv', 'lang', 'xml:lang', 'datetime',
  'rel', 'role', 'hidden', 'aria-hidden', 'title',
] as const;
const KEPT_ATTRIBUTES: ReadonlySet<string> = new Set(KEPT_ATTRIBUTE_NAMES);

/** A hash of the ASCII-lower-cased code units source[from..to), which a NameTable looks names up by. */
function nameKey(source: string, from: number, to: number): number {
  let h = to - from;
  for (let i = from; i < to; i++) {
    let c = source.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h;
}

/**
 * Lower-case names, found by their spelling in the page source without slicing it. htmlparser2
 * slices and lower-cases every tag and attribute name it reads, one short string per name, though
 * pages are made of a few dozen names; handing back one shared string per name cut the parse by
 * about an eighth on the WCXB dev pages (2.04 → 1.79 ms a page, CPU time, best of 8 passes).
 */
class NameTable {
  private readonly byKey = new Map<number, string>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const key = nameKey(name, 0, name.length);
      const other = this.byKey.get(key);
      if (other !== undefined && other !== name) throw new Error(`NameTable: '${name}' and '${other}' share a key`);
      this.byKey.set(key, name);
    }
  }

  /** The table's name spelled (in any letter case) by source[from..to), if any. */
  find(source: string, from: number, to: number): string | undefined {
    return this.findByKey(nameKey(source, from, to), source, from, to);
  }

  /** `find`, with the span's nameKey already worked out. */
  findByKey(key: number, source: string, from: number, to: number): string | undefined {
    const name = this.byKey.get(key);
    if (name === undefined || name.length !== to - from) return undefined;
    for (let i = 0; i < name.length; i++) {
      let c = source.charCodeAt(from + i);
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c !== name.charCodeAt(i)) return undefined;
    }
    return name;
  }
}

/** Attribute names the parser keeps (KEPT_ATTRIBUTE_NAMES). */
const KEPT_NAME_TABLE = new NameTable(KEPT_ATTRIBUTE_NAMES);
/**
 * The element names of most of any page's tags. Not "image", which htmlparser2 renames to "img",
 * nor SVG's mixed-case names; a name not here is read by htmlparser2 as before.
 */
const TAG_NAME_TABLE = new NameTable([
  ...BOUNDARY_TAGS, 'a', 'abbr', 'b', 'br', 'button', 'circle', 'cite', 'code', 'defs', 'em', 'g', 'i', 'iframe', 'img',
  'input', 'label', 'noscript', 'path', 'picture', 'rect', 's', 'script', 'small', 'source', 'span', 'strong', 'style',
  'sub', 'sup', 'svg', 'td', 'textarea', 'th', 'time', 'u', 'use', 'video', 'wbr',
]);

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The kept attributes of one element; a field is undefined when the element does not carry it. */
function KeptAttributes(this: any): void {
  // Written out (not a loop over KEPT_ATTRIBUTE_NAMES) so V8 builds the object from one fixed shape.
  this.class = undefined;
  this.id = undefined;
  this.type = undefined;
  this.itemprop = undefined;
  this.content = undefined;
  this.value = undefined;
  this.property = undefined;
  this.name = undefined;
  this['http-equiv'] = undefined;
  this.lang = undefined;
  this['xml:lang'] = undefined;
  this.datetime = undefined;
  this.rel = undefined;
  this.role = undefined;
  this.hidden = undefined;
  this['aria-hidden'] = undefined;
  this.title = undefined;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
const newAttributes = KeptAttributes as unknown as new () => Record<string, string>;
/** The attributes of every element that carries none of the kept ones; never written to. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(new newAttributes());

/** Shortest attribute value worth testing for JSON: '{"datePublished":"2025-01-01"}' is 31. */
const MIN_ATTR_JSON_CHARS = 30;

/**
 * An attribute value that may hold a publication date as JSON: JSON-LD in a <meta content> or a
 * framework's data-* props (entity-escaped in the source, decoded by the parser). Any attribute may
 * hold one, so the parser tests every value, kept or not, and keeps those that pass with their element.
 */
function isDateJson(v: string): boolean {
  return v.length > MIN_ATTR_JSON_CHARS && (v[0] === '{' || v[0] === '[') && v.includes('datePublished');
}

/** The element's attribute values that may hold a publication date as JSON (see isDateJson), in attribute order. */
export function dateJsonAttributes(el: Element): readonly string[] {
  return (el as Element & { dateJson: string[] | null }).dateJson ?? NO_DATE_JSON;
}
const NO_DATE_JSON: readonly string[] = [];

/**
 * What readers conclude from an element's class and id (the metadata walk's noise, chrome and byline
 * verdicts, the body's chrome reason), worked out when a reader first asks and kept with the element,
 * which both readers visit. Every verdict is a function of the class and id strings alone, so the
 * elements of one page that carry the same class and no id share one record (LightHandler.classRecord):
 * a WCXB dev page has ~544 elements with a class or id but ~222 distinct pairs, and each verdict is
 * several regex scans over the lower-cased string. (A record shared across pages, in one table that
 * grew with every page, cost more than it saved: about 0.5 ms a page in lookups.)
 */
export class ClassAndId {
  /** The metadata walk's verdicts (meta/collect.ts), once worked out. */
  metaFacts: object | null = null;
  /** The body's chrome reason for the class and id (body/index.ts); undefined until worked out. */
  chromeReason: string | null | undefined = undefined;
  /** The lower-cased "class id" the metadata walk reads (meta/collect.ts), once built. */
  metaKey: string | null = null;
}

/**
 * The element's class-and-id record; null when it has neither attribute. parseHtml hands every
 * element its record; an element built elsewhere gets one of its own on first use.
 */
export function classAndIdOf(el: Element): ClassAndId | null {
  const holder = el as Element & { classAndId?: ClassAndId | null };
  let info = holder.classAndId;
  if (info === undefined) {
    const a = el.attribs;
    info = a['class'] === undefined && a['id'] === undefined ? null : new ClassAndId();
    holder.classAndId = info;
  }
  return info;
}

// Node classes with domhandler's fields, assigned in a constructor rather than defined as class
// fields, and with domhandler's prototypes behind them for its getters (firstChild, nodeType, …).
// startIndex and endIndex are left out, and so are the sibling links (prev, next): no reader walks
// siblings or reads source positions, and the page's tree is the bulk of what survives each
// young-generation GC, so every field is copied again and again.
/** Children of an element with none, until it closes; never written to. */
const NO_CHILDREN: ChildNode[] = [];
/* eslint-disable @typescript-eslint/no-explicit-any */
function LightElement(
  this: any,
  name: string,
  attribs: Record<string, string>,
  type: string,
  dateJson: string[] | null,
  classAndId: ClassAndId | null,
): void {
  this.parent = null;
  // Set when the element closes (see LightHandler.close): one array of the exact size then.
  this.children = NO_CHILDREN;
  this.name = name;
  this.attribs = attribs;
  this.type = type;
  this.dateJson = dateJson;
  this.classAndId = classAndId;
}
LightElement.prototype = Object.create(DhElement.prototype);
LightElement.prototype.constructor = LightElement;

function LightText(this: any, data: string): void {
  this.parent = null;
  this.data = data;
  this.type = 'text';
}
LightText.prototype = Object.create(DhText.prototype);
LightText.prototype.constructor = LightText;
/* eslint-enable @typescript-eslint/no-explicit-any */

const newElement = LightElement as unknown as new (
  name: string,
  attribs: Record<string, string>,
  type: string,
  dateJson: string[] | null,
  classAndId: ClassAndId | null,
) => Element;
const newText = LightText as unknown as new (data: string) => Text;

/**
 * The tree builder: htmlparser2 calls it for every tag and text run, in document order. The children
 * of the open elements wait in one shared array and each element gets its own, of the exact size,
 * when it closes: a growing array reserves 16 slots at the first push, and most elements hold one
 * child.
 */
class LightHandler {
  readonly root: Document = new DhDocument([]);
  private readonly stack: ParentNode[] = [this.root];
  private top: ParentNode = this.root;
  /** Children of the open elements, outermost first; `marks[i]` is where those of `stack[i]` start. */
  private readonly pending: ChildNode[] = [];
  private readonly marks: number[] = [0];
  /** Where the children of `top` start in `pending`. */
  private topMark = 0;
  /** The text node still being written to (the tokenizer splits text at entities). */
  private lastText: Text | null = null;
  /** Depth inside an element whose content is dropped; 0 outside. */
  private skipDepth = 0;
  /** White space seen after a boundary, held back until we know what follows it. */
  private pendingWs: string | null = null;
  /** Characters still to keep of the framework JSON script being read; null outside one. */
  private scriptBudget: number | null = null;

  /** This page's class-and-id records of elements with a class and no id, by class string. */
  private readonly byClass = new Map<string, ClassAndId>();

  /** The parser, for the date JSON attributes of the tag being opened. */
  private parser: AttributeFilteringParser | null = null;

  onparserinit(parser: Parser): void {
    this.parser = parser as unknown as AttributeFilteringParser;
  }

  /** The class-and-id record for an element with these attributes (see ClassAndId). */
  private classRecord(a: Record<string, string>): ClassAndId | null {
    if (a === NO_ATTRIBUTES) return null;
    const cls = a['class'];
    if (a['id'] !== undefined) return new ClassAndId();
    if (cls === undefined) return null;
    let info = this.byClass.get(cls);
    if (info === undefined) {
      info = new ClassAndId();
      this.byClass.set(cls, info);
    }
    return info;
  }

  private append(node: ChildNode): void {
    node.parent = this.top;
    this.pending.push(node);
  }

  /** Hands the top element its children and makes its parent the top. */
  private close(): void {
    const pending = this.pending;
    const mark = this.topMark;
    if (pending.length > mark) {
      this.top.children = pending.slice(mark);
      pending.length = mark;
    }
    this.stack.pop();
    this.marks.pop();
    this.top = this.stack[this.stack.length - 1]!;
    this.topMark = this.marks[this.marks.length - 1]!;
  }

  /** True when the last thing in the current parent is a boundary (or there is nothing yet). */
  private atBoundary(): boolean {
    const pending = this.pending;
    if (pending.length === this.topMark) return this.top.type === 'root' || BOUNDARY_TAGS.has((this.top as Element).name);
    const prev = pending[pending.length - 1]!;
    return prev.type !== 'text' && (prev.type !== 'tag' || BOUNDARY_TAGS.has((prev as Element).name));
  }

  private flushWs(): void {
    const ws = this.pendingWs;
    if (ws === null) return;
    this.pendingWs = null;
    const node = new newText(ws);
    this.append(node);
    this.lastText = node;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    if (this.pendingWs !== null) {
      if (BOUNDARY_TAGS.has(name)) this.pendingWs = null;
      else this.flushWs();
    }
    this.lastText = null;
    const type = name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag';
    // htmlparser2 hands an implied <br> (from a stray </br>) a plain {} of its own.
    const a = attribs instanceof KeptAttributes ? attribs : NO_ATTRIBUTES;
    const el = new newElement(name, a, type, this.parser!.dateJson, this.classRecord(a));
    attribs = a;
    this.append(el);
    this.stack.push(el);
    this.top = el;
    this.topMark = this.pending.length;
    this.marks.push(this.topMark);
    if (name === 'script' && isFrameworkJsonScript(attribs)) {
      this.scriptBudget = FRAMEWORK_JSON_MAX_CHARS;
    } else if (EMPTIED_TAGS.has(name) || (name === 'script' && !(attribs.type ?? '').toLowerCase().includes('ld+json'))) {
      this.skipDepth = 1;
    }
  }

  onclosetag(): void {
    if (this.skipDepth > 1) {
      this.skipDepth--;
      return;
    }
    this.skipDepth = 0;
    this.scriptBudget = null;
    if (this.pendingWs !== null) {
      // White space closing an inline element still separates it from what follows.
      if (BOUNDARY_TAGS.has((this.top as Element).name)) this.pendingWs = null;
      else this.flushWs();
    }
    this.lastText = null;
    if (this.stack.length > 1) this.close();
  }

  ontext(data: string): void {
    if (this.skipDepth > 0) return;
    if (this.scriptBudget !== null) {
      // Script text is never white space between blocks: kept as is, up to the budget.
      if (this.scriptBudget <= 0) return;
      if (data.length > this.scriptBudget) data = data.slice(0, this.scriptBudget);
      this.scriptBudget -= data.length;
    }
    const last = this.lastText;
    if (last !== null) {
      last.data += data;
      return;
    }
    if (this.pendingWs !== null) {
      this.pendingWs += data;
      if (!WS_ONLY_RE.test(data)) this.flushWs();
      return;
    }
    if (WS_ONLY_RE.test(data) && this.atBoundary()) {
      this.pendingWs = data;
      return;
    }
    const node = new newText(data);
    this.append(node);
    this.lastText = node;
  }

  oncomment(): void {
    // The comment itself is dropped, but text on either side stays two nodes as in domhandler's tree
    // (React's "<!-- -->" separators): the metadata reader reads short text nodes one by one.
    this.lastText = null;
  }

  onend(): void {
    if (this.pendingWs !== null && !this.atBoundary()) this.flushWs();
    this.pendingWs = null;
    // The parser closes every open element before this; the root's children are what is left.
    while (this.stack.length > 1) this.close();
    this.root.children = this.pending.slice(0);
    this.pending.length = 0;
  }
}

/** The next character that ends a run of plain text: a tag opens or an entity starts. */
const TEXT_STOP_RE = /[<&]/g;
const DQ_STOP_RE = /["&]/g;
const SQ_STOP_RE = /['&]/g;

// htmlparser2's tokenizer steps through every character in JS, calling a state function per
// character; most characters are plain text or attribute values, where only '<', '&' or the closing
// quote can change the state. This subclass jumps over such runs with one native regex search and
// then hands the stopping character to the original state function, so it emits exactly the same
// tokens. (Fields are private in the typings, hence the casts. `index` counts from the start of the
// page and `offset` is where the current piece starts, as a page may be written in pieces.)
/* eslint-disable @typescript-eslint/no-explicit-any */
class SkippingTokenizer extends (Tokenizer as any) {
  /** On a character that is no stop: move to just before the next stop (or the end); the loop steps onto it. */
  private skip(re: RegExp): void {
    const self = this as any;
    const offset = self.offset as number;
    // test() on a global regex leaves lastIndex just past the match and builds no match array.
    re.lastIndex = self.index - offset + 1;
    self.index = offset + (re.test(self.buffer) ? re.lastIndex - 1 : self.buffer.length) - 1;
  }

  stateText(c: number): void {
    if (c === 60 || c === 38) super.stateText(c);
    else this.skip(TEXT_STOP_RE);
  }

  stateInAttributeValueDoubleQuotes(c: number): void {
    if (c === 34 || c === 38) super.stateInAttributeValueDoubleQuotes(c);
    else this.skip(DQ_STOP_RE);
  }

  stateInAttributeValueSingleQuotes(c: number): void {
    if (c === 39 || c === 38) super.stateInAttributeValueSingleQuotes(c);
    else this.skip(SQ_STOP_RE);
  }

  fastForwardTo(c: number): boolean {
    const self = this as any;
    const offset = self.offset as number;
    const at = (self.buffer as string).indexOf(String.fromCharCode(c), self.index - offset + 1);
    if (at < 0) {
      self.index = offset + self.buffer.length - 1;
      return false;
    }
    self.index = offset + at;
    return true;
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */


// What the parser does with the value of the attribute being read:
/** a kept attribute, or another one that opens JSON: the whole value is read; */
const KEEP_VALUE = 0;
/** another attribute whose first character is still to come: read only if it opens JSON; */
const UNDECIDED_VALUE = 1;
/** another attribute that does not open JSON: dropped. */
const DROP_VALUE = 2;

// htmlparser2's Parser builds every attribute value from slices of the page and stores them all in a
// fresh object per tag, under names that differ from tag to tag. This subclass keeps the attributes
// of KEPT_ATTRIBUTES in a KeptAttributes object, built only when the tag carries one, and reads other
// values only as far as their first character, unless that opens JSON that may hold a date. (The
// fields are private in the typings, hence the casts.)
/* eslint-disable @typescript-eslint/no-explicit-any */
class AttributeFilteringParser extends (Parser as any) {
  /** Values of the tag being opened that passed isDateJson, in attribute order; null when none. */
  dateJson: string[] | null = null;
  private mode: number = DROP_VALUE;
  /** Whether the attribute being read is one of KEPT_ATTRIBUTES. */
  private keptName = false;
  /**
   * The tag's other (not kept) attributes so far, for "only an attribute's first occurrence counts":
   * their names are needed only when a value opens JSON, so each is held as its source span and
   * nameKey, and sliced (into `otherNames`) only then. The arrays are reused from tag to tag (only
   * `otherCount` is reset): emptied arrays give back their storage and most tags hold an attribute.
   */
  private otherNames: (string | null)[] = [];
  private otherStarts: Int32Array = new Int32Array(16);
  private otherEnds: Int32Array = new Int32Array(16);
  private otherKeys: Int32Array = new Int32Array(16);
  private otherCount = 0;

  emitOpenTag(name: string): void {
    const self = this as any;
    super.emitOpenTag(name);
    // Null when the parser ignores the tag (a nested <form>); else the object onopentag will get.
    if (self.attribs !== null) self.attribs = NO_ATTRIBUTES;
    this.dateJson = null;
    this.otherCount = 0;
  }

  /**
   * Where source[start..end) sits in the parser's first buffer, after dropping the buffers before
   * `start` exactly as htmlparser2's getSlice does; -1 when it runs on into the next one.
   */
  private spanAt(start: number, end: number): number {
    const self = this as any;
    while (start - self.bufferOffset >= self.buffers[0].length) self.shiftBuffer();
    const at = start - self.bufferOffset;
    return end - self.bufferOffset <= self.buffers[0].length ? at : -1;
  }

  readTagName(start: number, endIndex: number): string {
    const self = this as any;
    // Outside SVG and MathML (htmlparser2's base context only) a lower-cased name is returned as is.
    if (self.foreignContext.length === 1) {
      const at = this.spanAt(start, endIndex);
      if (at >= 0) {
        const name = TAG_NAME_TABLE.find(self.buffers[0], at, at + endIndex - start);
        if (name !== undefined) return name;
      }
    }
    return super.readTagName(start, endIndex);
  }

  onattribname(start: number, endIndex: number): void {
    const self = this as any;
    const at = this.spanAt(start, endIndex);
    if (at < 0) {
      // A name split between two pieces of the page: read by htmlparser2.
      super.onattribname(start, endIndex);
      this.keptName = KEPT_ATTRIBUTES.has(self.attribname);
      if (!this.keptName) this.pushOther(self.attribname, start, endIndex, nameKey(self.attribname, 0, self.attribname.length));
    } else {
      self.startIndex = start;
      const source = self.buffers[0] as string;
      const key = nameKey(source, at, at + endIndex - start);
      const kept = KEPT_NAME_TABLE.findByKey(key, source, at, at + endIndex - start);
      this.keptName = kept !== undefined;
      if (kept !== undefined) self.attribname = kept;
      else {
        self.attribname = '';
        this.pushOther(null, start, endIndex, key);
      }
    }
    this.mode = this.keptName ? KEEP_VALUE : UNDECIDED_VALUE;
  }

  private pushOther(name: string | null, start: number, end: number, key: number): void {
    const i = this.otherCount++;
    if (i === this.otherKeys.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.otherStarts = grow(this.otherStarts);
      this.otherEnds = grow(this.otherEnds);
      this.otherKeys = grow(this.otherKeys);
    }
    this.otherNames[i] = name;
    this.otherStarts[i] = start;
    this.otherEnds[i] = end;
    this.otherKeys[i] = key;
  }

  /**
   * The i-th other attribute's lower-cased name, sliced now; null if its text is gone. htmlparser2
   * drops a piece of the page from its buffers only when text after it is sliced, so the names of a
   * tag are there unless the tag straddles two pieces and a kept value in the second was read.
   */
  private otherName(i: number): string | null {
    const self = this as any;
    let name = this.otherNames[i] ?? null;
    if (name === null) {
      const start = this.otherStarts[i]!;
      const at = start - self.bufferOffset;
      if (at < 0) return null;
      name = (self.buffers[0] as string).slice(at, at + this.otherEnds[i]! - start).toLowerCase();
      this.otherNames[i] = name;
    }
    return name;
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.mode === UNDECIDED_VALUE) this.decide(this.charAt(start));
    if (this.mode === KEEP_VALUE) super.onattribdata(start, endIndex);
  }

  onattribentity(cp: number): void {
    if (this.mode === UNDECIDED_VALUE) this.decide(cp);
    if (this.mode === KEEP_VALUE) super.onattribentity(cp);
  }

  /** The code unit at page index `i`, which lies in the pieces the parser still holds. */
  private charAt(i: number): number {
    const self = this as any;
    const buffers = self.buffers as string[];
    let at = i - (self.bufferOffset as number);
    for (const b of buffers) {
      if (at < b.length) return b.charCodeAt(at);
      at -= b.length;
    }
    return NaN;
  }

  /**
   * Whether the tag's last other attribute is the first of that name (asked only of values that open
   * date JSON, so the names are compared whole). A name whose text is gone (see otherName) counts as
   * the same when its key is: that takes a tag straddling two pieces, a repeated attribute holding
   * date JSON and a hash collision at once to be wrong.
   */
  private firstOther(): boolean {
    const last = this.otherCount - 1;
    const name = this.otherName(last);
    for (let i = 0; i < last; i++) {
      const other = this.otherName(i);
      if (other === null || name === null ? this.otherKeys[i] === this.otherKeys[last] : other === name) return false;
    }
    return true;
  }

  /** On the value's first character (code point): JSON opens with '{' or '['. */
  private decide(first: number): void {
    this.mode = first === 0x7b || first === 0x5b ? KEEP_VALUE : DROP_VALUE;
    // The value is about to be sliced, which may drop the piece holding the tag's names.
    if (this.mode === KEEP_VALUE) for (let i = 0; i < this.otherCount; i++) this.otherName(i);
  }

  onattribend(quote: number, endIndex: number): void {
    const self = this as any;
    self.endIndex = endIndex;
    let attribs = self.attribs as Record<string, string> | null;
    const name = self.attribname as string;
    const value = self.attribvalue as string;
    self.attribvalue = '';
    if (attribs === null) return;
    let first: boolean;
    if (this.keptName) {
      if (attribs === NO_ATTRIBUTES) self.attribs = attribs = new newAttributes();
      first = attribs[name] === undefined;
      if (first) attribs[name] = value;
    } else {
      // Whether this is the name's first occurrence matters only for a value that may hold a date.
      first = this.mode !== KEEP_VALUE || this.firstOther();
    }
    if (first && this.mode === KEEP_VALUE && isDateJson(value)) (this.dateJson ??= []).push(value);
    this.mode = DROP_VALUE;
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Parses an HTML page into a domhandler-shaped tree (see the file comment for what is left out).
 * Never throws on malformed or truncated markup.
 *
 * @example
 *   const doc = parseHtml('<p>Hello <b>world</b></p>');
 *   (doc.children[0] as Element).name; // 'p'
 */
export function parseHtml(html: string | readonly string[]): Document {
  const handler = new LightHandler();
  const parser = new (AttributeFilteringParser as unknown as typeof Parser)(handler, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    Tokenizer: SkippingTokenizer as unknown as typeof Tokenizer,
  });
  if (typeof html === 'string') parser.end(html);
  else {
    for (const piece of html) parser.write(piece);
    parser.end();
  }
  return handler.root;
}
