/**
 * Bylines: "By Jane Doe", "By JANE DOE and JOHN ROE", "Jane Doe | Reporter", "By Jane Doe, Reuters".
 * Returns the names only, comma-joined, with all-capitals names put in ordinary case.
 */
import { ALIAS_ALTERNATION, resolveSource } from './sources.ts';
import { BYLINE_PREFIXES, BYLINE_ROLES, NAME_PARTICLES, NOT_PERSON_FIRST_WORDS, NOT_PERSON_WORDS } from './tables.ts';

/** Longest line read as a byline; longer lines are prose that happens to start with "By". */
const MAX_BYLINE_CHARS = 120;
/** Words in one person's name, particles included ("Sergey V. Lavrov", "Ursula von der Leyen"). */
const MIN_NAME_WORDS = 2;
const MAX_NAME_WORDS = 5;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PREFIX = new RegExp(String.raw`^(?:${BYLINE_PREFIXES.map(escape).join('|')})\s*:?\s+`, 'u');
/**
 * PREFIX as it reads a line before trimming and collapsing its white space (each space of a prefix
 * may be any run of white space then): a line it does not match does not open with a prefix once
 * tidied either.
 */
const UNTIDY_PREFIX = new RegExp(String.raw`^\s*(?:${BYLINE_PREFIXES.map((p) => escape(p).replace(/ /g, String.raw`\s+`)).join('|')})\s*:?\s+`, 'u');
/** The separators of a "names | role" line. */
const NAME_ROLE_SEPARATOR = /[|•·]/u;
/** A source name closing a byline without a comma: "By NILS ABERG Associated Press". */
const TRAILING_SOURCE = new RegExp(String.raw`\s+(?:${ALIAS_ALTERNATION})$`, 'u');
const ROLE = new RegExp(String.raw`^(?:${BYLINE_ROLES.map(escape).join('|')})\b`, 'iu');

function nameWord(word: string): boolean {
  if (NAME_PARTICLES.has(word.toLowerCase()) && word === word.toLowerCase()) return true;
  // "V.", "J.R.", "O’Brien", "al-Assad", "Jean-Luc", "McDonald", "DOE".
  return /^(?:\p{Lu}\.)+$|^\p{Lu}[\p{L}'’-]*\.?$|^(?:al|el)-\p{Lu}[\p{L}'’-]*$/u.test(word);
}

/** A person's name: 2–5 words, each capitalised, an initial or a particle, not a known outlet. */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < MIN_NAME_WORDS || words.length > MAX_NAME_WORDS) return false;
  if (!words.every(nameWord)) return false;
  if (words.some((w) => NOT_PERSON_WORDS.has(w.toLowerCase())) || NOT_PERSON_FIRST_WORDS.has((words[0] ?? '').toLowerCase())) return false;
  if (NAME_PARTICLES.has(words[0] ?? '') || NAME_PARTICLES.has(words[words.length - 1] ?? '')) return false;
  return resolveSource(text) === null;
}

function tidyName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (n !== n.toUpperCase()) return n;
  return n
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/\b(\p{Lu})\.(\p{Ll})/gu, (_m, a: string, b: string) => `${a}.${b.toUpperCase()}`);
}

/** Names in a list "A, B and C"; null unless every item is a name. */
function splitNames(list: string): string[] | null {
  const items = list
    .split(/\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|&)\s*/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0 || !items.every(looksLikeName)) return null;
  return items.map(tidyName);
}

/**
 * The author names a header line gives, or null.
 *
 * @example parseByline('By JANE DOE and JOHN ROE') // 'Jane Doe, John Roe'
 * @example parseByline('Jane Doe | Reporter') // 'Jane Doe'
 * @example parseByline('By the end of the week, rebels had left.') // null
 */
export function parseByline(line: string): string | null {
  // A byline opens with a prefix or separates names and role: most lines asked about (lead
  // paragraphs, header and metadata lines) do neither and are refused before being tidied.
  if (!UNTIDY_PREFIX.test(line) && !NAME_ROLE_SEPARATOR.test(line)) return null;
  const text = line.trim().replace(/\s+/g, ' ');
  if (text === '' || text.length > MAX_BYLINE_CHARS) return null;
  const prefixed = PREFIX.exec(text);
  if (prefixed) {
    let rest = text.slice(prefixed[0].length);
    // Drop what follows the names: a date ("Published …", "| 5 Dec 2016"), a role or outlet after a comma.
    rest = rest.replace(/\s*(?:[|•·]|\b(?:Last\s+)?(?:Published|Updated|Posted|Modified)\b|\s[—–-]\s).*$/iu, '');
    // A trailing ", Staff Writer" or ", Reuters" is a role or an outlet, not another author.
    const tail = /,\s*([^,]+)$/u.exec(rest);
    if (tail && (ROLE.test(tail[1] ?? '') || resolveSource(tail[1] ?? ''))) rest = rest.slice(0, tail.index);
    // Without a comma the source is cut only when a whole name is left ("Michael Bloomberg" stays).
    const unsourced = rest.replace(TRAILING_SOURCE, '');
    if (unsourced !== rest && !/,|\band\b/u.test(rest) && unsourced.trim().split(/\s+/u).length >= MIN_NAME_WORDS) rest = unsourced;
    const names = splitNames(rest);
    return names ? names.join(', ') : null;
  }
  const piped = /^(?<names>[^|•·]+?)\s*[|•·]\s*(?<role>.+)$/u.exec(text);
  if (piped?.groups && ROLE.test(piped.groups['role'] ?? '')) {
    const names = splitNames(piped.groups['names'] ?? '');
    return names ? names.join(', ') : null;
  }
  return null;
}
