/**
 * Parsers for the ways a page says who wrote its copy. Each takes one line or paragraph and returns
 * what it found with the verbatim evidence, or null; choosing between them (position, precedence)
 * happens in `index.ts`.
 */
import { isDatelinePlace, datelineWire } from './dateline.ts';
import { isPhotoCredit, mayBeSourceList, mayNameOnlySources, resolveCreditList, resolveSource, resolveSourceList } from './sources.ts';
import { SOURCE_LABELS } from './tables.ts';

export interface Attribution {
  /** Canonical names, in the order the page gives them. */
  sources: string[];
  /** The verbatim snippet. */
  evidence: string;
  /** True when every name is in the source table; other names are believed only in some places. */
  tabled: boolean;
  /** A bare name on a line of its own, with no label, dash or parentheses to mark it as a credit. */
  bare?: boolean;
}

/** Longest line still read as a standalone credit; real credit lines are a few words. */
const MAX_CREDIT_LINE_CHARS = 80;
/** A wire dateline's place part ("BEIRUT/MOSCOW", "WASHINGTON, March 3") stays short. */
const MAX_DATELINE_LEAD_CHARS = 80;
/** Bare credit lines this short (in letters) are refused unless written in a wire form. */
const MAX_BARE_ALIAS_LETTERS_REFUSED = 2;

const DASH = String.raw`(?:[—–]|--?)`;
const LABELS = SOURCE_LABELS.map((l) => l.replace(/[()]/g, '\\$&')).join('|');

const WIRE_DATELINE = new RegExp(String.raw`^(?<lead>[^()\n]{0,${MAX_DATELINE_LEAD_CHARS}}?)\((?<list>[^()]{1,60})\)\s*${DASH}`, 'u');
/** The most ASCII letters and digits of a label (STANDALONE_CREDIT takes them besides the list). */
const MAX_LABEL_LETTERS = Math.max(...SOURCE_LABELS.map((l) => l.replace(/[^A-Za-z0-9]/g, '').length));
const STANDALONE_CREDIT = new RegExp(
  String.raw`^${DASH}?\s*(?:(?<label>${LABELS})\s*:?\s+|(?<label2>${LABELS})\s*:\s*)?\(?(?<list>[^()]+?)\)?\s*\.?$`,
  'iu',
);
const TRAILING_DASH_CREDIT = new RegExp(String.raw`^(?<body>[\s\S]*?[.!?”"’)\]…])\s*(?<credit>${DASH}\s*(?<list>[^—–\n]{2,60}?))\s*\.?\s*$`, 'u');
const TRAILING_PAREN_CREDIT = /^(?<body>[\s\S]*?[.!?”"’…])\s*(?<credit>\((?<list>[^()\n]{2,60})\))\s*\.?\s*$/u;

/**
 * A wire dateline opening a paragraph: "BEIRUT/MOSCOW (Reuters) -", "(AP) —",
 * "WASHINGTON, March 3 (Xinhua) --", "RIVERTON, Valdoria (Meridian Press) -". Sources in the table
 * are read after any short lead; another name is read when the lead is a dateline place and the name
 * reads as an organisation (capitalised, not a date, not the place again, not a photo desk), since
 * that position holds nothing but the copy's source. "(Name) —" with no place needs a newsroom word.
 *
 * @example wireDateline('LONDON (Reuters) - Shares fell.') // { sources: ['Reuters'], evidence: 'LONDON (Reuters) -' }
 */
export function wireDateline(paragraph: string): Attribution | null {
  // The credit sits in parentheses: most paragraphs have none and skip the pattern.
  if (!paragraph.includes('(')) return null;
  const m = WIRE_DATELINE.exec(paragraph);
  if (!m?.groups) return null;
  // A lead that already holds a finished sentence is prose with a parenthesis, not a dateline.
  if (/[.!?]\s+\p{Lu}/u.test(m.groups['lead'] ?? '')) return null;
  const list = m.groups['list'] ?? '';
  const lead = m.groups['lead'] ?? '';
  const entries = resolveSourceList(list);
  if (entries) return { sources: entries.map((e) => e.name), evidence: m[0].trim(), tabled: true };
  const names = lead.trim() === '' ? resolveCreditList(list, 'credit', true) : isDatelinePlace(lead) ? datelineWire(lead, list) : null;
  if (!names || isPhotoCredit(m[0])) return null;
  return { sources: names, evidence: m[0].trim(), tabled: false };
}

/**
 * A line that is nothing but a source credit: "NYtimes", "Source: AFP", "(dpa, Reuters)",
 * "— Al Jazeera", "With AFP", "— Meridian Press". Photo credits are refused, and so are labelled names
 * outside the source table: on WCXB dev every "Source: …" naming something else credited a chart's
 * data (a statistics bureau, a survey firm), not the copy. Unlabelled names outside the table must
 * read as a newsroom ("Meridian Press", not "Jane Doe"); a bare one is flagged `bare` so the caller
 * can tell a credit line from a site's own logo or footer. With `tabledOnly`, names outside the table
 * are not tried (the caller would refuse them; on body paragraphs that test is most of the cost).
 */
export function standaloneAttribution(line: string, tabledOnly = false): Attribution | null {
  const text = line.trim();
  if (text === '' || text.length > MAX_CREDIT_LINE_CHARS) return null;
  // Outside the pattern's list there are only a dash, a label, parentheses, a colon, a full stop and
  // white space, and a list separator inside it is one in the line too (what borders the list is no
  // word character), so a line this test refuses gives a list `resolveSourceList` refuses; nor does a
  // word that is no piece of a table name, label or joining word (the first test, which most body
  // lines fail at their first words) belong in such a line.
  if (tabledOnly && (!mayNameOnlySources(text) || !mayBeSourceList(text, MAX_LABEL_LETTERS))) return null;
  const m = STANDALONE_CREDIT.exec(text);
  if (!m?.groups) return null;
  const list = m.groups['list'] ?? '';
  const entries = resolveSourceList(list);
  // Every refusal is final, so the photo-credit patterns run only on lines that could still qualify.
  if (!entries && tabledOnly) return null;
  if (isPhotoCredit(text)) return null;
  // A bare two-letter line ("CP", "PA", "FT") is as often a label or initials as a wire; only a wire
  // form (label, dash, parentheses) makes it a credit. Seen on WCXB dev: a lone "CP" under a blog post.
  const marked = m.groups['label'] !== undefined || m.groups['label2'] !== undefined || /^[—–(-]|\)$/u.test(text);
  if (entries && !marked && list.replace(/[^\p{L}]/gu, '').length <= MAX_BARE_ALIAS_LETTERS_REFUSED) return null;
  if (entries) return { sources: entries.map((e) => e.name), evidence: text, tabled: true, bare: !marked };
  const labelled = m.groups['label'] !== undefined || m.groups['label2'] !== undefined;
  if (labelled || tabledOnly) return null;
  const names = resolveCreditList(list, 'credit', true);
  if (!names) return null;
  // A bare acronym ("FAQ", "TOC") on a line of its own is a label far more often than a wire.
  if (!marked && names.some((n) => !/\s/u.test(n))) return null;
  return { sources: names, evidence: text, tabled: false, bare: !marked };
}

/**
 * An editor's credit line of staff initials with the wires used as input: "aw/mkg (dpa, Reuters, AFP)",
 * "kb/rt (Meridian Press, Reuters)". Returns the listed wires (possibly none); a listed name outside
 * the table is read as in a dateline, since the shape says it is a source. Such a line means the publishing outlet's own staff wrote
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
    return { sources: [], evidence: text, tabled: true };
  }
  const entries = resolveSourceList(list);
  if (entries) return { sources: entries.map((e) => e.name), evidence: text, tabled: true };
  const names = resolveCreditList(list, 'dateline', true);
  return names ? { sources: names, evidence: text, tabled: false } : null;
}

export interface TrailingAttribution extends Attribution {
  /** The paragraph with the credit removed. */
  body: string;
}

/**
 * A credit fused onto the end of the last body paragraph: "…decimated.” — Al Jazeera",
 * "…on Monday. – Reuters", "…he said. (AFP)", "…next week. — Meridian Press". A name outside the
 * table must read as a newsroom, not a person or a picture agency ("— Jane Doe", "— Lumen Photo
 * Agency" are not credits for the copy). The remaining text is returned so it stays in the body.
 */
export function trailingAttribution(paragraph: string): TrailingAttribution | null {
  const dashed = TRAILING_DASH_CREDIT.exec(paragraph);
  const paren = TRAILING_PAREN_CREDIT.exec(paragraph);
  for (const m of [dashed, paren]) {
    if (!m?.groups) continue;
    const body = (m.groups['body'] ?? '').trim();
    if (body === '') continue;
    const list = m.groups['list'] ?? '';
    const entries = resolveSourceList(list);
    const names = entries ? entries.map((e) => e.name) : resolveCreditList(list, 'credit', true);
    if (!names) continue;
    return { sources: names, evidence: (m.groups['credit'] ?? '').trim(), body, tabled: entries !== null };
  }
  return null;
}
