/**
 * JSON-LD: the most deliberate metadata a page carries, and often broken (trailing commas, raw
 * newlines in strings, HTML comments, several objects pasted together). We parse leniently, flatten
 * arrays, `@graph` and nested nodes, validate each node's fields with zod, and rank the nodes: an
 * Article-like node first, then a WebPage, then anything else.
 */
import { decodeHTML } from 'entities';
import { z } from 'zod';

const Text = z.union([z.string(), z.number()]).transform((v) => String(v));
/** Schema.org values may be a string, an object with a name, or a list of either. */
const Named = z.union([z.string(), z.looseObject({ name: z.unknown().optional(), '@type': z.unknown().optional() })]);

const NodeSchema = z.looseObject({
  '@type': z.union([z.string(), z.array(z.string())]).optional(),
  headline: Text.optional(),
  name: Text.optional(),
  alternativeHeadline: Text.optional(),
  datePublished: Text.optional(),
  dateCreated: Text.optional(),
  dateModified: Text.optional(),
  uploadDate: Text.optional(),
  author: z.union([Named, z.array(Named)]).optional(),
  creator: z.union([Named, z.array(Named)]).optional(),
  publisher: z.union([Named, z.array(Named)]).optional(),
  sourceOrganization: z.union([Named, z.array(Named)]).optional(),
  inLanguage: z.union([z.string(), z.looseObject({ alternateName: z.unknown().optional(), name: z.unknown().optional() })]).optional(),
});

export type LdKind = 'article' | 'page' | 'other';

export interface LdPerson {
  name: string;
  isOrganization: boolean;
}

export interface LdNode {
  kind: LdKind;
  types: string[];
  headline: string | null;
  name: string | null;
  datePublished: string | null;
  dateCreated: string | null;
  dateModified: string | null;
  authors: LdPerson[];
  publisher: string | null;
  sourceOrganization: string | null;
  language: string | null;
}

/** Types whose headline and date are the article's own. */
const ARTICLE_TYPE_RE = /(Article|BlogPosting|Posting|Report|Review|Recipe|HowTo|NewsArticle|Story|LiveBlogPosting|VideoObject|Guide)$/i;
const PAGE_TYPE_RE = /(WebPage|ItemPage|AboutPage|FAQPage|QAPage|CollectionPage)$/i;

/**
 * Parse a JSON-LD script body, repairing the common breakages; returns null when nothing can be read.
 */
export function parseLenient(raw: string): unknown {
  const text = raw.replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(-->|\/\/\s*\]\]>|\]\]>)\s*$/, '').trim();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    // Repairs, in order of how often they are needed: raw control characters inside strings,
    // trailing commas, several top-level objects in one script.
  }
  let repaired = text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
  try {
    return JSON.parse(repaired);
  } catch {
    /* try as a sequence of objects */
  }
  repaired = `[${repaired.replace(/}\s*{/g, '},{')}]`;
  try {
    return JSON.parse(repaired);
  } catch {
    return null;
  }
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['name'] === 'string') return o['name'].trim() || null;
    if (Array.isArray(o['name']) && typeof o['name'][0] === 'string') return o['name'][0].trim() || null;
  }
  return null;
}

/** Objects by their @id, to follow references such as Yoast's `"author": {"@id": "…#/schema/person/…"}`. */
type IdIndex = Map<string, Record<string, unknown>>;

function persons(v: unknown, ids: IdIndex): LdPerson[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const out: LdPerson[] = [];
  for (const ref of list) {
    const refId = ref && typeof ref === 'object' ? (ref as Record<string, unknown>)['@id'] : undefined;
    const item = typeof refId === 'string' && nameOf(ref) === null ? (ids.get(refId) ?? ref) : ref;
    const name = nameOf(item);
    if (!name) continue;
    const type = item && typeof item === 'object' ? String((item as Record<string, unknown>)['@type'] ?? '') : '';
    out.push({ name, isOrganization: /Organization|Corporation|NewsMediaOrganization/i.test(type) });
  }
  return out;
}

function kindOf(types: string[]): LdKind {
  if (types.some((t) => ARTICLE_TYPE_RE.test(t))) return 'article';
  if (types.some((t) => PAGE_TYPE_RE.test(t))) return 'page';
  return 'other';
}

/** Every object in the JSON-LD, with @graph and nested values opened, depth-limited. */
function flatten(value: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  if ('@type' in o) out.push(o);
  for (const [k, v] of Object.entries(o)) {
    // Authors and publishers are read from their parent; opening them as nodes would make a
    // Person's "name" look like a headline.
    if (k === 'author' || k === 'publisher' || k === 'creator' || k === 'sourceOrganization') continue;
    if (v && typeof v === 'object') flatten(v, out, depth + 1);
  }
}

function str(v: string | undefined): string | null {
  if (v === undefined) return null;
  const s = v.replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/** Read every JSON-LD script of a page into validated nodes, Article-like nodes first. */
export function readJsonLd(scripts: string[]): LdNode[] {
  const objects: Record<string, unknown>[] = [];
  for (const s of scripts) flatten(parseLenient(s), objects, 0);
  const ids: IdIndex = new Map();
  for (const o of objects) if (typeof o['@id'] === 'string' && !ids.has(o['@id'])) ids.set(o['@id'], o);
  const nodes: LdNode[] = [];
  for (const o of objects) {
    const parsed = NodeSchema.safeParse(o);
    if (!parsed.success) continue;
    const d = parsed.data;
    const types = d['@type'] === undefined ? [] : Array.isArray(d['@type']) ? d['@type'] : [d['@type']];
    const lang = d.inLanguage;
    nodes.push({
      kind: kindOf(types),
      types,
      headline: str(d.headline),
      name: str(d.name),
      datePublished: str(d.datePublished ?? d.uploadDate),
      dateCreated: str(d.dateCreated),
      dateModified: str(d.dateModified),
      authors: persons(d.author ?? d.creator, ids),
      publisher: persons(d.publisher, ids)[0]?.name ?? null,
      sourceOrganization: persons(d.sourceOrganization, ids)[0]?.name ?? null,
      language: typeof lang === 'string' ? lang : lang ? nameOf({ name: lang.alternateName ?? lang.name }) : null,
    });
  }
  const rank: Record<LdKind, number> = { article: 0, page: 1, other: 2 };
  return nodes.sort((a, b) => rank[a.kind] - rank[b.kind]);
}

/**
 * Salvage from JSON-LD that no repair could parse: the first quoted value of a key, read with a
 * pattern. Only used for dates, where a wrong neighbour is unlikely.
 */
export function salvageKey(scripts: string[], key: string): string | null {
  return firstKeyValue(
    scripts.filter((s) => parseLenient(s) === null),
    key,
  );
}

/**
 * The first quoted value of `key` in any of `texts`, which may be JSON of any shape, entity-escaped
 * once more by the page ('&quot;datePublished&quot;:&quot;2025-…&quot;') or backslash-escaped inside
 * a JSON string ('\\"datePublished\\":\\"2025-…\\"').
 *
 * @example firstKeyValue(['{"x":{"datePublished":"2024-03-17"}}'], 'datePublished') // '2024-03-17'
 */
export function firstKeyValue(texts: string[], key: string): string | null {
  const re = new RegExp(`\\\\?"${key}\\\\?"\\s*:\\s*\\\\?"([^"\\\\]{4,40})\\\\?"`);
  for (const raw of texts) {
    const s = raw.includes('&quot;') ? decodeHTML(raw) : raw;
    const m = re.exec(s);
    if (m?.[1]) return m[1];
  }
  return null;
}
