/**
 * Lookups over the source table: name → canonical source, URL → outlet, and the photo-credit test
 * that keeps picture credits from being read as copy attribution.
 */
import {
  NAME_JOINERS,
  NOT_ORGANISATION_WORDS,
  NOT_OUTLET_NAMES,
  ORGANISATION_WORD_SUFFIXES,
  ORGANISATION_WORDS,
  PHOTO_AGENCY_WORDS,
  PHOTO_CREDIT_PATTERNS,
  SOURCE_LABELS,
  SOURCES,
  type SourceEntry,
} from './tables.ts';
import { isWhiteSpace } from './letters.ts';

/** Case-, space- and punctuation-insensitive key: "NYtimes", "NY Times" and "ny-times" agree. */
export function sourceKey(name: string): string {
  // ASCII names (nearly all credits and candidates) need no decomposition: a character loop gives the
  // same key as the Unicode path below at a fraction of its cost.
  let key = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 0x7f) return unicodeSourceKey(name);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) key += name[i];
    else if (c >= 0x41 && c <= 0x5a) key += String.fromCharCode(c + 0x20);
  }
  return key;
}

function unicodeSourceKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_KEY = new Map<string, SourceEntry>();
for (const entry of SOURCES) {
  for (const alias of [entry.name, ...entry.aliases]) {
    BY_KEY.set(sourceKey(alias), entry);
    // "The Guardian" is also written "Guardian"; the article never changes which source it is.
    if (/^the\s/i.test(alias)) BY_KEY.set(sourceKey(alias.slice(4)), entry);
  }
}
/** The longest key in the table: a name with more ASCII letters and digits than this is no source. */
const LONGEST_KEY = Math.max(...[...BY_KEY.keys()].map((k) => k.length));

/**
 * A hash of a key's characters (FNV-1a over UTF-16 units, cut to 30 bits so it stays a small
 * integer). `asciiKeyHash` computes it for an ASCII name's key without building the key.
 */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}
/** Hashes of every key in the table: a name whose key hashes elsewhere is no source. */
const KEY_HASHES = new Set([...BY_KEY.keys()].map(keyHash));

/** `keyHash(sourceKey(name))` for an ASCII name, or -1 when the name holds a non-ASCII character. */
function asciiKeyHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c > 0x7f) return -1;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a))) continue;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h & 0x3fffffff;
}

/**
 * Whether a name has more ASCII letters and digits than any key holds. Its key (which keeps every
 * one of them, and adds letters only when it decomposes accents) cannot then be in the table, so
 * the key need not be built: most lines asked about are sentences, not names.
 */
function overLongForKey(name: string): boolean {
  let n = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      if (++n > LONGEST_KEY) return true;
    }
  }
  return false;
}

/**
 * The table entry a name refers to, or null. The whole string must be the name (after trimming
 * punctuation), so "Reuters journalists said" is not Reuters.
 *
 * @example resolveSource('NYtimes')?.name // 'The New York Times'
 */
export function resolveSource(name: string): SourceEntry | null {
  if (name.length > LONGEST_KEY && overLongForKey(name)) return null;
  // Most names asked about are not in the table (every short body line is asked): for an ASCII name
  // the key's hash settles that without building the key, one string concatenation per character.
  const hash = asciiKeyHash(name);
  if (hash >= 0 && !KEY_HASHES.has(hash)) return null;
  const key = sourceKey(name);
  if (key === '') return null;
  return BY_KEY.get(key) ?? null;
}

/** The words that join the names of a source list ("dpa and AFP", "dpa und AFP"), as LIST_SEPARATOR reads them. */
const LIST_JOINING_WORDS = ['and', 'und', 'et', 'y'];

/**
 * What separates the names of a source list: punctuation or a joining word. The spaces around it are
 * trimmed off the items (`\s` and `trim` take the same white space), not matched: a leading `\s*`
 * made the pattern try every space of a sentence.
 *
 * It is `/[,;&+/]|\b(?:and|und|et|y)\b/giu` written without the case-insensitive flag, whose word
 * boundaries V8 runs slowly (this form costs ~40% less on short body lines): each letter as its two
 * cases (a case-insensitive Unicode pattern gives these letters no other form), each boundary as a
 * look-around over what such a pattern counts as a word character (\w, ſ and the Kelvin sign).
 */
export const LIST_SEPARATOR: RegExp = new RegExp(
  String.raw`[,;&+/]|(?<![\w\u017f\u212a])(?:${LIST_JOINING_WORDS.map((w) => [...w].map((c) => `[${c.toUpperCase()}${c}]`).join('')).join('|')})(?![\w\u017f\u212a])`,
  'gu',
);

/** LIST_SEPARATOR for a single test (no `lastIndex` shared with the list reading below). */
const HAS_LIST_SEPARATOR = new RegExp(LIST_SEPARATOR.source, 'u');

/**
 * False when `text` holds no list separator and more ASCII letters and digits than a table key plus
 * `besides` (letters the caller's pattern may take around the list, such as a label): a list read
 * from it is then a single item too long to be a source, and `resolveSourceList` refuses it. A cheap
 * test before the credit patterns, for callers that want table names only.
 */
export function mayBeSourceList(text: string, besides: number): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) letters++;
  }
  return letters <= LONGEST_KEY + besides || HAS_LIST_SEPARATOR.test(text);
}

/**
 * Hashes (`keyHash`) of every piece of a table key, of a source label's key and of a list's joining
 * word: a run of ASCII letters and digits in a tabled credit line ("Source: dpa and AFP") is one of
 * these, lower-cased.
 */
const CREDIT_PIECES: string[] = [...BY_KEY.keys(), ...SOURCE_LABELS.map(sourceKey), ...LIST_JOINING_WORDS];
const CREDIT_PIECE_HASHES: ReadonlySet<number> = (() => {
  const hashes = new Set<number>();
  for (const whole of CREDIT_PIECES) {
    for (let i = 0; i < whole.length; i++) {
      // keyHash of whole.slice(i, j + 1), for every j, in one pass.
      let h = 0x811c9dc5;
      for (let j = i; j < whole.length; j++) {
        h = Math.imul(h ^ whole.charCodeAt(j), 0x01000193);
        hashes.add(h & 0x3fffffff);
      }
    }
  }
  return hashes;
})();
const LONGEST_CREDIT_PIECE = Math.max(...CREDIT_PIECES.map((p) => p.length));

/**
 * False when a run of ASCII letters and digits in `text` (lower-cased) is a piece of no table key,
 * source label or joining word. A line that is a credit of table names only (`standaloneAttribution`
 * with a label, a dash, parentheses around a list) has none: its label and joining words stand apart
 * from the names (white space, a colon or a non-word character between), and each of its names' runs
 * is a piece of that name's key, which keeps the name's ASCII letters and digits in order. Nearly
 * every body line fails on its first or second word, before any pattern is run.
 */
export function mayNameOnlySources(text: string): boolean {
  let h = 0x811c9dc5;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
      if (++run > LONGEST_CREDIT_PIECE) return false;
      h = Math.imul(h ^ c, 0x01000193);
    } else if (run > 0) {
      if (!CREDIT_PIECE_HASHES.has(h & 0x3fffffff)) return false;
      run = 0;
      h = 0x811c9dc5;
    }
  }
  return true;
}

/**
 * The source named by a parenthesised or comma list of wires: "dpa, Reuters, AFP" → three entries.
 * Returns null unless every item is a known source, so ordinary parenthetical prose never qualifies.
 */
export function resolveSourceList(list: string): SourceEntry[] | null {
  // The items are what splitting at the separators gives, trimmed, empty ones left out; they are
  // cut one at a time because the first is nearly always no source (every short body line is
  // asked), which settles the answer without splitting the rest.
  const entries: SourceEntry[] = [];
  let start = 0;
  LIST_SEPARATOR.lastIndex = 0;
  for (;;) {
    const m = LIST_SEPARATOR.exec(list);
    const item = list.slice(start, m ? m.index : list.length).trim();
    if (item !== '') {
      const entry = resolveSource(item);
      if (!entry) return null;
      if (!entries.includes(entry)) entries.push(entry);
    }
    if (!m) break;
    start = m.index + m[0].length;
    LIST_SEPARATOR.lastIndex = start;
  }
  return entries.length > 0 ? entries : null;
}

/**
 * How sure the page's shape already is that a name is a source. 'dateline': the name sits where only
 * a source sits ("RIVERTON, Valdoria (Name) -", "kb/rt (Name, Reuters)"), so any capitalised name
 * that is not a date or a picture desk will do. 'credit': a dash after the last sentence or a bare
 * last line, which also carry authors' names, slogans and section titles, so the name must read as a
 * newsroom (a word such as Press, News, Gazette, or an acronym).
 */
export type NameEvidence = 'dateline' | 'credit';

/** Most words in a newsroom name ("The Voice of the People of Example" is seven). */
const MAX_NAME_WORDS = 7;
const MAX_NAME_CHARS = 60;
/** Capitalised acronyms of this many letters read as an organisation ("KUNA", "ANP", "RTÉ"). */
const MIN_ACRONYM_LETTERS = 2;
const MAX_ACRONYM_LETTERS = 6;
const ACRONYM = new RegExp(`^\\p{Lu}{${MIN_ACRONYM_LETTERS},${MAX_ACRONYM_LETTERS}}$`, 'u');

const MONTH_OR_WEEKDAY =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday)\.?$/iu;

function isOrganisationWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[.'’]/gu, '');
  if (ORGANISATION_WORDS.has(w)) return true;
  return ORGANISATION_WORD_SUFFIXES.some((s) => w.length > s.length + 2 && w.endsWith(s));
}

/**
 * The source a credit names, from the table or, outside it, as the page spells it when it reads as
 * an organisation's name: capitalised words (joining words allowed), not a date or weekday, not a
 * picture agency, not a photo credit. Table names come back canonical ("NYtimes" → "The New York
 * Times"); other names come back trimmed of a final full stop.
 *
 * @example resolveCreditName('Meridian Press', 'credit') // 'Meridian Press'
 * @example resolveCreditName('Jane Doe', 'credit') // null: a person, as far as the words tell
 * @example resolveCreditName('Jane Doe', 'dateline') // 'Jane Doe'
 * @example resolveCreditName('May 21', 'dateline') // null
 */
export function resolveCreditName(name: string, evidence: NameEvidence): string | null {
  const known = resolveSource(name);
  if (known) return known.name;
  // The words below are the name's runs of non-white-space (a run of only the final punctuation
  // leaves an empty last word, still counted), so a name with too many runs is refused before it is
  // tidied: most names asked about are short body lines, sentences of more words than a name has.
  if (hasMoreRunsThan(name, MAX_NAME_WORDS)) return null;
  const text = name.trim().replace(/\s+/gu, ' ').replace(/[.,;:]+$/u, '');
  // Every refusal is final, so the photo-credit patterns (the costliest test) run last, only on a
  // name that passed the word-shape tests.
  if (text === '' || text.length > MAX_NAME_CHARS) return null;
  const words = text.split(' ');
  if (words.length > MAX_NAME_WORDS) return null;
  const last = words[words.length - 1] ?? '';
  if (!/^\p{Lu}/u.test(words[0] ?? '') || (!/^\p{Lu}/u.test(last) && !/^\p{N}+$/u.test(last))) return null;
  if (NOT_OUTLET_NAMES.has(text.toLowerCase())) return null;
  let organisation = false;
  for (const w of words) {
    const bare = w.replace(/[.'’]/gu, '');
    if (MONTH_OR_WEEKDAY.test(w) || PHOTO_AGENCY_WORDS.has(bare.toLowerCase())) return null;
    if (NAME_JOINERS.has(w)) continue;
    // A word is capitalised, an acronym, a number ("Channel 4") or a domain ("Example.com").
    if (!/^\p{Lu}[\p{L}\p{N}&'’.-]*$|^\p{N}{1,3}$/u.test(w)) return null;
    if (isOrganisationWord(bare) || /\.(?:com|net|org|co|news|info)$/iu.test(w)) organisation = true;
  }
  if (words.every((w) => /^\p{N}+$/u.test(w) || NAME_JOINERS.has(w))) return null;
  if (evidence === 'credit') {
    // An acronym of letters only ("KUNA"), or a newsroom word at either end of a name of two or more
    // words ("Quill Newswire", "Daily Lantern"), with no word of a prompt or heading in it.
    const acronym = words.length === 1 && ACRONYM.test(text);
    if (acronym) return isPhotoCredit(text) ? null : text;
    if (words.length < 2 || !organisation) return null;
    if (words.some((w) => NOT_ORGANISATION_WORDS.has(w.toLowerCase()))) return null;
    const edge = (w: string) => isOrganisationWord(w.replace(/[.'’]/gu, ''));
    if (!edge(words[0] ?? '') && !edge(last)) return null;
  }
  return isPhotoCredit(text) ? null : text;
}

/** Whether `text` holds more than `max` runs of characters other than white space (as `\s` reads it). */
function hasMoreRunsThan(text: string, max: number): boolean {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (!space && !inRun && ++runs > max) return true;
    inRun = !space;
  }
  return false;
}

/**
 * A parenthesised or comma list of sources, where each item is a table name or, as
 * `resolveCreditName` allows for the evidence given, an organisation's name. Null unless every item
 * qualifies, so parenthetical prose ("(including the eye hospital)") never does.
 *
 * @example resolveCreditList('Meridian Press, Reuters', 'dateline') // ['Meridian Press', 'Reuters']
 */
export function resolveCreditList(list: string, evidence: NameEvidence, notTabled = false): string[] | null {
  // `notTabled`: the caller already found that `resolveSourceList` gives nothing for this list.
  const known = notTabled ? null : resolveSourceList(list);
  if (known) return known.map((e) => e.name);
  // The whole list may be one name holding "and" or "&" ("Crumb and Kettle News").
  const whole = resolveCreditName(list, evidence);
  const items = list
    .split(/\s*(?:[,;+]|\/)\s*/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) return whole ? [whole] : null;
  const names: string[] = [];
  for (const item of items) {
    const n = resolveCreditName(item, evidence);
    if (!n) return whole ? [whole] : null;
    if (!names.includes(n)) names.push(n);
  }
  return names;
}

/** True when the name is a table source (a known wire, paper or broadcaster). */
export function isKnownSource(name: string): boolean {
  return resolveSource(name) !== null;
}

/** The outlet a page URL's host belongs to, when the host is in the table. */
export function sourceForUrl(url: string | null): SourceEntry | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const entry of SOURCES) {
    for (const domain of entry.domains) {
      if (host === domain || host.endsWith(`.${domain}`)) return entry;
    }
  }
  return null;
}

/**
 * True when the line credits a photo or video ("REUTERS/Omar Sanadiki", "Hassan Ammar/Associated
 * Press", "(Getty Images/AFP/N. Kolesnikova)"): such a line names who took a picture, not who wrote
 * the story.
 */
export function isPhotoCredit(line: string): boolean {
  for (const { pattern, needs } of PHOTO_CREDIT_PATTERNS) {
    if (needs !== undefined && !line.includes(needs)) continue;
    if (pattern.test(line)) return true;
  }
  return false;
}

/** Regex alternation of every alias, longest first so "Associated Press" wins over "AP". */
export const ALIAS_ALTERNATION: string = [...new Set(SOURCES.flatMap((e) => [e.name, ...e.aliases]))]
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+'))
  .join('|');
