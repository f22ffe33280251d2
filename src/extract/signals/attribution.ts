/**
 * Parsers for the ways a page says who wrote its copy. Each takes one line or paragraph and returns
 * what it found with the verbatim evidence, or null; choosing between them (position, precedence)
 * happens in `index.ts`.
 */
import { isPhotoCredit, resolveSource, resolveSourceList } from './sources.ts';
import { SOURCE_LABELS } from './tables.ts';

export interface Attribution {
  /** Canonical names, in the order the page gives them. */
  sources: string[];
  /** The verbatim snippet. */
  evidence: string;
}

/** Longest line still read as a standalone credit; real credit lines are a few words. */
const MAX_CREDIT_LINE_CHARS = 80;
/** A wire dateline's place part ("BEIRUT/MOSCOW", "WASHINGTON, March 3") stays short. */
const MAX_DATELINE_LEAD_CHARS = 80;
/** Bare credit lines this short (in letters) are refused unless written in a wire form. */
const MAX_BARE_ALIAS_LETTERS_REFUSED = 2;

const DASH = String.raw`(?:[—–]|--?)`;
const LABELS = SOURCE_LABELS.map((l) => l.replace(/[()]/g, '\\$&')).join('|');

/**
 * A wire dateline opening a paragraph: "BEIRUT/MOSCOW (Reuters) -", "(AP) —",
 * "WASHINGTON, March 3 (Xinhua) --". The parenthesis must hold only known sources.
 *
 * @example wireDateline('LONDON (Reuters) - Shares fell.') // { sources: ['Reuters'], evidence: 'LONDON (Reuters) -' }
 */
export function wireDateline(paragraph: string): Attribution | null {
  const m = new RegExp(String.raw`^(?<lead>[^()\n]{0,${MAX_DATELINE_LEAD_CHARS}}?)\((?<list>[^()]{1,60})\)\s*${DASH}`, 'u').exec(
    paragraph,
  );
  if (!m?.groups) return null;
  // A lead that already holds a finished sentence is prose with a parenthesis, not a dateline.
  if (/[.!?]\s+\p{Lu}/u.test(m.groups['lead'] ?? '')) return null;
  const entries = resolveSourceList(m.groups['list'] ?? '');
  if (!entries) return null;
  return { sources: entries.map((e) => e.name), evidence: m[0].trim() };
}

/**
 * A line that is nothing but a source credit: "NYtimes", "Source: AFP", "(dpa, Reuters)",
 * "— Al Jazeera", "With AFP". Photo credits are refused, and so are labelled names outside the source
 * table: on WCXB dev every "Source: …" naming something else credited a chart's data (a statistics
 * bureau, a survey firm), not the copy.
 */
export function standaloneAttribution(line: string): Attribution | null {
  const text = line.trim();
  if (text === '' || text.length > MAX_CREDIT_LINE_CHARS || isPhotoCredit(text)) return null;
  const m = new RegExp(String.raw`^${DASH}?\s*(?:(?<label>${LABELS})\s*:?\s+|(?<label2>${LABELS})\s*:\s*)?\(?(?<list>[^()]+?)\)?\s*\.?$`, 'iu').exec(
    text,
  );
  if (!m?.groups) return null;
  const list = m.groups['list'] ?? '';
  const entries = resolveSourceList(list);
  // A bare two-letter line ("CP", "PA", "FT") is as often a label or initials as a wire; only a wire
  // form (label, dash, parentheses) makes it a credit. Seen on WCXB dev: a lone "CP" under a blog post.
  const marked = m.groups['label'] !== undefined || m.groups['label2'] !== undefined || /^[—–(-]|\)$/u.test(text);
  if (entries && !marked && list.replace(/[^\p{L}]/gu, '').length <= MAX_BARE_ALIAS_LETTERS_REFUSED) return null;
  if (entries) return { sources: entries.map((e) => e.name), evidence: text };
  return null;
}

/**
 * An editor's credit line of staff initials with the wires used as input: "aw/mkg (dpa, Reuters, AFP)".
 * Returns the listed wires (possibly none). Such a line means the publishing outlet's own staff wrote
 * the piece; the caller decides the original source from the outlet.
 */
export function initialsCredit(line: string): Attribution | null {
  const text = line.trim();
  const m = /^(?<initials>[a-z]{1,4}(?:\s?\/\s?[a-z]{1,4})+)\s*(?:\((?<list>[^()]+)\))?\s*$/u.exec(text);
  if (!m?.groups) return null;
  const list = m.groups['list'];
  if (list === undefined) {
    // Bare initials need at least two people and no word that is a known source ("ap/afp" is a list).
    const parts = (m.groups['initials'] ?? '').split('/');
    if (parts.length < 2 || parts.some((p) => resolveSource(p.trim()))) return null;
    return { sources: [], evidence: text };
  }
  const entries = resolveSourceList(list);
  if (!entries) return null;
  return { sources: entries.map((e) => e.name), evidence: text };
}

export interface TrailingAttribution extends Attribution {
  /** The paragraph with the credit removed. */
  body: string;
}

/**
 * A credit fused onto the end of the last body paragraph: "…decimated.” — Al Jazeera",
 * "…on Monday. – Reuters", "…he said. (AFP)". The remaining text is returned so it stays in the body.
 */
export function trailingAttribution(paragraph: string): TrailingAttribution | null {
  const dashed = new RegExp(String.raw`^(?<body>[\s\S]*?[.!?”"’)\]…])\s*(?<credit>${DASH}\s*(?<list>[^—–\n]{2,60}?))\s*\.?\s*$`, 'u').exec(paragraph);
  const paren = /^(?<body>[\s\S]*?[.!?”"’…])\s*(?<credit>\((?<list>[^()\n]{2,60})\))\s*\.?\s*$/u.exec(paragraph);
  for (const m of [dashed, paren]) {
    if (!m?.groups) continue;
    const body = (m.groups['body'] ?? '').trim();
    if (body === '') continue;
    const entries = resolveSourceList(m.groups['list'] ?? '');
    if (!entries) continue;
    return { sources: entries.map((e) => e.name), evidence: (m.groups['credit'] ?? '').trim(), body };
  }
  return null;
}
