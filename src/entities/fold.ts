/**
 * Normalisation and matching keys. `plain` is the comparison form used by every table lookup;
 * `translit` additionally folds common transliteration variants so that "Sergey"/"Sergei",
 * "Lavrov"/"Lavrow", "Mohammed"/"Muhammad"-style spellings meet on one key.
 */
import { ALIASES, ARTICLE_PREFIX_RE, BASED_SUFFIX_RE, HONORIFICS, TITLE_WORDS } from './tables.ts';
import type { EntityKind } from './types.ts';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const QUOTES = /[’‘`´]/g;
const ASCII_RE = /^[\x00-\x26\x28-\x5f\x61-\x7f]*$/;

/** Lower case, diacritics stripped (ß → ss, ø → o), curly apostrophes made straight. */
export function plain(s: string): string {
  // Most words are ASCII: skip the Unicode normalisation, which dominated the profile.
  if (ASCII_RE.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(QUOTES, "'")
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[øœ]/g, (c) => (c === 'ø' ? 'o' : 'oe'))
    .replace(/[æ]/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd');
}

/**
 * Transliteration fold for one name word: letters only, then the variants that Russian, Arabic and
 * Ukrainian names take in English, French and German spellings (y/i/j, ey/ei, ph/f, kh/h, ou/u,
 * w/v, ck/k, double letters) collapse to one form. Only used inside keys, never shown.
 */
export function translit(word: string): string {
  const hit = translitCache.get(word);
  if (hit !== undefined) return hit;
  const w = translitUncached(word);
  translitCache.set(detach(word), w);
  return w;
}

/**
 * A memo over string keys, cleared whole once it holds `cap` entries. A null-prototype dictionary
 * object rather than a Map: V8 looks its properties up through internalized strings, about twice as
 * fast as Map.get on freshly cut words in a table this size (see Vocab in cluster/clusterer.ts).
 */
class Memo<V> {
  private entries: Record<string, V> = Object.create(null) as Record<string, V>;
  private count = 0;
  constructor(private readonly cap: number) {}
  get(key: string): V | undefined {
    return this.entries[key];
  }
  set(key: string, value: V): void {
    if (this.count >= this.cap) {
      this.entries = Object.create(null) as Record<string, V>;
      this.count = 0;
    }
    if (!(key in this.entries)) this.count++;
    this.entries[key] = value;
  }
}

/** Bound on the lookup memo (names repeat heavily across a stream); cleared whole when full. */
const ALIAS_CACHE_SIZE = 50_000;
const translitCache = new Memo<string>(ALIAS_CACHE_SIZE);

function translitUncached(word: string): string {
  let w = plain(word).replace(/[^a-z]/g, '');
  w = w
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/ou/g, 'u')
    .replace(/oo/g, 'u')
    .replace(/ck/g, 'k')
    .replace(/tch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/dj/g, 'j')
    .replace(/ey$/g, 'ei')
    .replace(/[yj]/g, 'i')
    .replace(/ie/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1');
  return w;
}

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring of 13 or
 * more characters as a slice of its parent, so a word kept past its article (a memo key here, a
 * vocabulary key or entity name in the clusterer) would otherwise hold the whole article in memory; the
 * concatenation is flattened into a string of the word's own length first.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

const aliasIndex = new Map<string, { kind: EntityKind; key: string }>();
for (const [kind, key, spellings] of ALIASES) {
  aliasIndex.set(key, { kind, key });
  for (const s of spellings) aliasIndex.set(s, { kind, key });
}

const aliasCache = new Memo<{ kind: EntityKind; key: string } | null>(ALIAS_CACHE_SIZE);

/** The alias row for a place/organisation spelling, if the tables know it. */
export function lookupAlias(name: string): { kind: EntityKind; key: string } | undefined {
  const cached = aliasCache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const n = normaliseOrgPlace(name);
  const found = aliasIndex.get(n) ?? aliasIndex.get(n.replace(/\./g, ''));
  aliasCache.set(detach(name), found ?? null);
  return found;
}

/** Place/organisation comparison form: plain, no leading "the", no "X-based" modifiers, no possessive. */
export function normaliseOrgPlace(name: string): string {
  const words = plain(name)
    .replace(/'s$/, '')
    .split(/\s+/)
    .filter((w) => w !== '' && !BASED_SUFFIX_RE.test(w));
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words.join(' ');
}

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq']);

/** A person's name split into words with honorifics, titles and generational suffixes removed. */
export function personWords(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => w !== '');
  while (words.length > 1) {
    const p = plain(words[0]!).replace(/\.$/, '');
    if (HONORIFICS.has(p) || TITLE_WORDS.has(p)) words.shift();
    else break;
  }
  while (words.length > 1 && NAME_SUFFIXES.has(plain(words[words.length - 1]!).replace(/[.,]/g, ''))) words.pop();
  return words;
}

/** The folded surname of a person's name: last word, Arabic article prefix removed ("al-Assad" → "asad"). */
export function surnameKey(name: string): string {
  const words = personWords(name);
  const last = (words[words.length - 1] ?? '').replace(/['’]s$/, '');
  return translit(last.replace(ARTICLE_PREFIX_RE, ''));
}

/** The folded first initial of a person's name, or '' when only a surname (or an honorific) is known. */
export function firstInitial(name: string): string {
  const words = personWords(name);
  if (words.length < 2) return '';
  const first = words[0]!.replace(ARTICLE_PREFIX_RE, '');
  return translit(first).slice(0, 1);
}

/**
 * The matching key shared by spelling variants. People: the transliteration-folded surname ("Sergey V.
 * Lavrov", "Mr. Lavrov’s" → "lavrov"). Places and organisations: the alias table's key when it knows the
 * spelling ("U.S." → "united states"), else the plain form without "the" and "X-based".
 *
 * @example entityKey('Sergey V. Lavrov', 'person') === entityKey('Sergei Lavrov', 'person')
 */
export function entityKey(name: string, kind: EntityKind): string {
  if (kind === 'person') return surnameKey(name);
  const alias = lookupAlias(name);
  if (alias) return alias.key;
  const key = normaliseOrgPlace(name).replace(/\./g, '').replace(/\s+/g, ' ').trim();
  // "Mt Cook" and "Mount Cook", "Ft Worth" and "Fort Worth" are one place.
  return kind === 'place' ? key.replace(/^mt /, 'mount ').replace(/^ft /, 'fort ') : key;
}
