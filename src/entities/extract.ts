/**
 * In-article entity extraction: a single pass of a word tokenizer, capitalised runs ("chunks") built
 * from it, each chunk classified by data tables and compromise's gazetteer, then in-article coreference
 * ("Mr. Lavrov", "Lavrov" → "Sergey V. Lavrov"; "ICRC", "Syrian Observatory" → their long forms).
 *
 * Why not compromise's own `people()/places()/organizations()`: a compromise parse costs 45–170 ms per
 * seed article and 65–70 % precision; clustering runs this on every article with a budget well under a
 * millisecond. We keep compromise's knowledge (its lexicon) and replace its parse with table lookups.
 */
import { entityKey, firstInitial, lookupAlias, plain, surnameKey } from './fold.ts';
import { gazetteer, type Gazetteer } from './lexicon.ts';
import {
  AGENCIES, ARTICLE_PREFIX_RE, BASED_SUFFIX_RE, CALENDAR_WORDS, CREDIT_LEADS, HONORIFICS, JOINERS, KNOWN_ORGS,
  NAME_PARTICLES, ORG_CUE_AFTER, ORG_HEADS, PERSON_CUE_BEFORE, PLACE_CUE_AFTER, PLACE_CUE_BEFORE, PLACE_HEADS, PLACE_LEADS,
  SPEECH_VERBS, STOP_ENTITIES, TITLE_WORDS,
} from './tables.ts';
import type { Entity, EntityInput, EntityKind } from './types.ts';

/**
 * A title counts as Title Case (every word a possible sentence start) when at least this share of its
 * words of 4+ letters is capitalised. Tuned on the seed headlines (Title Case ones score 0.9–1.0,
 * sentence-case ones 0.2–0.4) and a glance at WCXB titles.
 */
const TITLE_CASE_SHARE = 0.6;
/** Longest name read after a title inside a capitalised run ("Water Minister Petra van der Holm"). */
const MAX_NAME_AFTER_TITLE = 4;
/** Acronyms of this many capitals or fewer stay upper case in display ("ICRC"); longer all-caps words are shouted names ("BEIRUT"). */
const MAX_ACRONYM = 6;
/** How many lower-case words after a run may carry its cue ("Fastaqim rebel group"). */
const CUE_WINDOW = 2;
/** A run longer than this is a headline fragment or a list, not one name. */
const MAX_NAME_WORDS = 8;

interface Tok {
  text: string;
  start: number;
  end: number;
  /** plain() form without a trailing period. */
  low: string;
  cap: boolean;
  allCaps: boolean;
  /** At a sentence or paragraph start (or anywhere in a Title Case headline). */
  sentStart: boolean;
  /** Ended in ’s / 's (stripped from `text`). */
  poss: boolean;
  /** Took its trailing period as part of the word ("Mr.", "V."). */
  dot: boolean;
  /** May be part of a name run (capitalised, not a calendar word, not an ordinary word at a sentence start). */
  name: boolean;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‐‑-][\p{L}\p{M}\p{N}]+)*/gu;
const UPPER_RE = /^\p{Lu}/u;
const HAS_LOWER_RE = /\p{Ll}/u;
const CONTRACTION_RE = /['’](?:ll|re|ve|d|m|t)$/i;
const SENTENCE_PUNCT = new Set(['.', '!', '?', '“', '"', '‘', '(', ':', '—', '–', '•', '[', '«', '„']);
const STEM_SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'ly', 'er'];
const ASCII_WORD_RE = /^[a-z]+$/;
const SPACE_ONLY_RE = /^[ \t\u00a0]+$/;

function tokenize(text: string, titleEnd: number, titleCase: boolean): Tok[] {
  const toks: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let raw = m[0];
    const start = m.index;
    let end = start + raw.length;
    const c0 = raw.charCodeAt(0);
    // Lower-case ASCII words are most of the text: they need no case, sentence or period analysis.
    if (c0 >= 97 && c0 <= 122 && !(raw.length > 3 && raw.includes('-') && ARTICLE_PREFIX_RE.test(raw))) {
      toks.push({ text: raw, start, end, low: ASCII_WORD_RE.test(raw) ? raw : plain(raw), cap: false, allCaps: false, sentStart: false, poss: false, dot: false, name: false });
      continue;
    }
    let poss = false;
    const n = raw.length;
    if (n > 2 && (raw.charCodeAt(n - 1) === 115 || raw.charCodeAt(n - 1) === 83) && (raw[n - 2] === '\'' || raw[n - 2] === '’')) {
      raw = raw.slice(0, -2);
      poss = true;
    }
    const cap = UPPER_RE.test(raw) || (ARTICLE_PREFIX_RE.test(raw) && UPPER_RE.test(raw.replace(ARTICLE_PREFIX_RE, '')));
    const low = plain(raw).replace(/\.$/, '');
    let dot = raw.endsWith('.');
    if (!dot && !poss && text[end] === '.' && cap && (raw.length === 1 || HONORIFICS.has(low))) {
      raw += '.';
      end += 1;
      dot = true;
    }
    let sentStart = titleCase && start < titleEnd;
    if (!sentStart && cap) {
      let i = start - 1;
      while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i--;
      if (i < 0 || text[i] === '\n') sentStart = true;
      else if (SENTENCE_PUNCT.has(text[i]!)) {
        const prev = toks[toks.length - 1];
        sentStart = !(prev && prev.dot && prev.end === i + 1);
      }
    }
    toks.push({
      text: raw, start, end, low, cap, allCaps: cap && !HAS_LOWER_RE.test(raw) && raw.replace(/\./g, '').length > 1,
      sentStart, poss, dot, name: false,
    });
  }
  return toks;
}

/** Whether a capitalised word is an ordinary word (so, at a sentence start, not a name). */
function isCommon(t: Tok, g: Gazetteer, lowerSeen: Set<string>): boolean {
  const w = t.low;
  if (CONTRACTION_RE.test(w)) return true;
  if (g.firstNames.has(w) || g.phrase.has(w) || lookupAlias(w) || KNOWN_ORGS.has(w) || AGENCIES.has(w)) return false;
  if (g.common.has(w) || lowerSeen.has(w)) return true;
  for (const suf of STEM_SUFFIXES) {
    if (w.endsWith(suf) && w.length > suf.length + 2 && (g.common.has(w.slice(0, -suf.length)) || lowerSeen.has(w.slice(0, -suf.length)))) return true;
  }
  return false;
}

interface Chunk {
  toks: Tok[];
  /** Index of the first token in the article's token list. */
  at: number;
}

interface Mention {
  kind: EntityKind | 'pending';
  /** Display surface (titles, possessive, "the", "X-based" removed). */
  surface: string;
  offset: number;
  titled: boolean;
  /** For pending single words: a cue toward a kind when coreference finds nothing. */
  fallback: EntityKind | null;
}

function lowerTok(t: Tok | undefined): boolean {
  return !!t && !t.cap && /^\p{Ll}/u.test(t.text);
}

function gapIsSpace(text: string, a: Tok, b: Tok): boolean {
  return SPACE_ONLY_RE.test(text.slice(a.end, b.start));
}

function isHead(low: string, heads: ReadonlySet<string>): boolean {
  return heads.has(low);
}

function displayWord(t: Tok, g: Gazetteer): string {
  const bare = t.text.replace(/\./g, '');
  if (t.allCaps && bare.length > MAX_ACRONYM - 2 && !t.text.includes('.')) {
    const known = g.phrase.get(t.low) === 'place' || g.firstNames.has(t.low) || g.lastNames.has(t.low) || bare.length > MAX_ACRONYM;
    if (known) return t.text.charAt(0) + t.text.slice(1).toLowerCase();
  }
  return t.text;
}

/**
 * Extract the people, places and organisations one article names, with in-article coreference.
 * Input is an Article's title and paragraphs; offsets refer to `[title, ...paragraphs].join('\n\n')`.
 *
 * @example
 *   extractEntities({ title: null, paragraphs: ['Foreign Minister Sergey V. Lavrov spoke. Mr. Lavrov’s aide left.'] })
 *   // → [{ kind: 'person', name: 'Sergey V. Lavrov', key: 'lavrov', mentions: 2, … }]
 */
export function extractEntities(input: EntityInput): Entity[] {
  const g = gazetteer();
  const title = input.title?.trim() ? input.title.trim() : null;
  const parts = title ? [title, ...input.paragraphs] : input.paragraphs;
  const text = parts.join('\n\n');
  const titleEnd = title ? title.length : 0;
  const titleCase = title ? isTitleCase(title) : false;
  const toks = tokenize(text, titleEnd, titleCase);

  // Which sentence-initial capitalised words (and their stems) also occur in lower case in the body:
  // those are ordinary words. Only the few asked-about words are collected, not every lower-case word.
  const asked = new Set<string>();
  for (const t of toks) {
    if (!t.cap || !t.sentStart) continue;
    asked.add(t.low);
    for (const suf of STEM_SUFFIXES) if (t.low.endsWith(suf) && t.low.length > suf.length + 2) asked.add(t.low.slice(0, -suf.length));
  }
  const lowerSeen = new Set<string>();
  if (asked.size > 0) {
    // Most tokens are lower-case words of other lengths: a bit mask of the asked lengths spares hashing them.
    let lengths = 0;
    for (const a of asked) lengths |= 1 << Math.min(a.length, 31);
    for (const t of toks) {
      if (!t.cap && t.start >= titleEnd && (lengths & (1 << Math.min(t.low.length, 31))) !== 0 && asked.has(t.low)) lowerSeen.add(t.low);
    }
  }
  for (const t of toks) {
    t.name = t.cap && !CALENDAR_WORDS.has(t.low) && !(t.sentStart && isCommon(t, g, lowerSeen)) && !CONTRACTION_RE.test(t.low);
  }

  const chunks = buildChunks(text, toks);
  const mentions: Mention[] = [];
  let creditLine = -1;
  let lastCreditEnd = -1;
  for (const c of chunks) {
    const first = c.toks[0]!;
    const last = c.toks[c.toks.length - 1]!;
    const lineStart = text.lastIndexOf('\n', first.start) + 1;
    // A credit propagates along its line: "Name/Agency — Getty Images".
    if (creditLine === lineStart && /^[\s/—–\-|,·]*$/.test(text.slice(lastCreditEnd, first.start))) {
      lastCreditEnd = last.end;
      continue;
    }
    if (isCredit(text, toks, c, g)) {
      creditLine = lineStart;
      lastCreditEnd = last.end;
      continue;
    }
    for (const m of classify(text, toks, c, g)) mentions.push(m);
  }
  return resolve(mentions);
}

function isTitleCase(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /^[\p{L}]{4,}/u.test(w));
  if (words.length < 2) return false;
  const caps = words.filter((w) => UPPER_RE.test(w)).length;
  return caps / words.length >= TITLE_CASE_SHARE;
}

function buildChunks(text: string, toks: Tok[]): Chunk[] {
  const nameish = (t: Tok): boolean => t.name;
  const out: Chunk[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!nameish(toks[i]!)) {
      i++;
      continue;
    }
    const run: Tok[] = [toks[i]!];
    const at = i;
    let j = i + 1;
    while (j < toks.length && !run[run.length - 1]!.poss) {
      const prev = run[run.length - 1]!;
      const t = toks[j]!;
      if (!gapIsSpace(text, prev, t)) break;
      if (nameish(t)) {
        run.push(t);
        j++;
        continue;
      }
      // Up to two lower-case joiners ("of the", "de") between capitalised words.
      const isJoin = (x: Tok | undefined): boolean => !!x && !x.cap && (JOINERS.has(x.low) || NAME_PARTICLES.has(x.low));
      if (isJoin(t)) {
        const t2 = toks[j + 1];
        if (t2 && gapIsSpace(text, t, t2) && nameish(t2) && !t.poss) {
          run.push(t, t2);
          j += 2;
          continue;
        }
        const t3 = toks[j + 2];
        if (isJoin(t2) && t2 && t3 && gapIsSpace(text, t, t2) && gapIsSpace(text, t2, t3) && nameish(t3)) {
          run.push(t, t2, t3);
          j += 3;
          continue;
        }
      }
      break;
    }
    for (const part of splitAtJoiners(run)) out.push({ toks: part, at: at + run.indexOf(part[0]!) });
    i = j;
  }
  return out;
}

/**
 * Keep "Army of Islam" and "Secretary of State" whole but cut "Abu Rahman al-Hamawi of the Army of Islam"
 * in two: a joiner binds only after a head word (organisation, place or title word).
 */
function splitAtJoiners(run: Tok[]): Tok[][] {
  const parts: Tok[][] = [];
  let cur: Tok[] = [];
  for (let k = 0; k < run.length; k++) {
    const t = run[k]!;
    if (!t.cap && JOINERS.has(t.low) && !NAME_PARTICLES.has(t.low)) {
      const left = cur.filter((x) => x.cap);
      const head = left[left.length - 1];
      const binds = head && (ORG_HEADS.has(head.low) || PLACE_HEADS.has(head.low) || TITLE_WORDS.has(head.low));
      if (!binds) {
        if (cur.length) parts.push(cur);
        cur = [];
        while (k + 1 < run.length && !run[k + 1]!.cap) k++;
        continue;
      }
    }
    cur.push(t);
  }
  if (cur.length) parts.push(cur);
  return parts
    .map((p) => {
      while (p.length && !p[p.length - 1]!.cap) p.pop();
      while (p.length && !p[0]!.cap) p.shift();
      return p;
    })
    .filter((p) => p.length > 0);
}

function isCredit(text: string, toks: Tok[], c: Chunk, g: Gazetteer): boolean {
  const first = c.toks[0]!;
  const last = c.toks[c.toks.length - 1]!;
  const before = text.slice(Math.max(0, first.start - 3), first.start);
  const after = text.slice(last.end, last.end + 3);
  const phrase = c.toks.map((t) => t.low).join(' ');
  const knownPlace = g.phrase.get(phrase) === 'place' || lookupAlias(phrase)?.kind === 'place';
  if (!knownPlace && (/\/\s*$/.test(before) || /^\s*\//.test(after))) return true;
  const prev = toks[c.at - 1];
  const prev2 = toks[c.at - 2];
  if (prev && CREDIT_LEADS.has(prev.low) && /^\s*[:|]?\s*$/.test(text.slice(prev.end, first.start))) return true;
  if (prev && prev.low === 'by' && prev2 && CREDIT_LEADS.has(prev2.low)) return true;
  return c.toks.some((t) => CREDIT_LEADS.has(t.low)) && c.toks.length > 1 && (/\/|:/.test(after) || /\//.test(before));
}

function nextLowerWords(toks: Tok[], from: number, n: number): string[] {
  const out: string[] = [];
  for (let k = from; k < toks.length && out.length < n; k++) {
    const t = toks[k]!;
    if (!lowerTok(t)) break;
    out.push(t.low);
  }
  return out;
}

function classify(text: string, toks: Tok[], c: Chunk, g: Gazetteer): Mention[] {
  let words = c.toks.filter((t) => !BASED_SUFFIX_RE.test(t.text));
  while (words.length > 1 && words[0]!.low === 'the') words = words.slice(1);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return [];
  const offset = words[0]!.start;
  const lows = words.map((t) => t.low);
  const phrase = lows.join(' ');
  const surface = (ws: Tok[]): string => ws.map((t) => displayWord(t, g)).join(' ');
  const mk = (kind: Mention['kind'], ws: Tok[], titled = false, fallback: EntityKind | null = null): Mention => ({
    kind, surface: surface(ws), offset: ws[0]!.start, titled, fallback,
  });

  if (words.every((t) => CALENDAR_WORDS.has(t.low) || STOP_ENTITIES.has(t.low)) || STOP_ENTITIES.has(phrase)) return [];
  const alias = lookupAlias(phrase);
  if (alias) return [mk(alias.kind, words)];
  if (AGENCIES.has(phrase) || KNOWN_ORGS.has(phrase)) return [mk('organization', words)];
  const known = g.phrase.get(phrase);
  if (known) return [mk(known, words)];

  const lastLow = lows[lows.length - 1]!;
  const afterIdx = c.at + c.toks.length;
  const cues = nextLowerWords(toks, afterIdx, CUE_WINDOW);
  const prev = toks[c.at - 1];
  const prevCue = prev && lowerTok(prev) && SPACE_ONLY_RE.test(text.slice(prev.end, c.toks[0]!.start)) ? prev.low : null;

  // "Mount Cook", "Port Elden": a place whatever the rest looks like (an organisation head still wins: "Port Authority").
  if (words.length > 1 && PLACE_LEADS.has(lows[0]!) && !ORG_HEADS.has(lastLow)) return [mk('place', words)];
  // Several separately known names run together ("UN Syria envoy"): split them.
  if (words.length > 1 && words.every((t) => lookupAlias(t.low) || g.phrase.has(t.low) || KNOWN_ORGS.has(t.low))) {
    return words.flatMap((t) => classify(text, toks, { toks: [t], at: toks.indexOf(t) }, g));
  }
  // A head word at the end, or before a joiner ("Army of Islam", "Old City of Homs"), names the kind.
  if (words.length > 1) {
    for (let h = words.length - 1; h >= 0; h--) {
      const w = words[h]!;
      if (h < words.length - 1 && words[h + 1]!.cap) continue;
      if (ORG_HEADS.has(w.low)) return [mk('organization', words)];
      if ((PLACE_HEADS.has(w.low) || g.placeWords.has(w.low)) && !TITLE_WORDS.has(w.low)) return [mk('place', words)];
    }
  }
  if (words.length === 1 && g.demonyms.has(lows[0]!)) return [];

  // Titles and honorifics in front: strip them; what remains is a person.
  let k = 0;
  let titled = false;
  while (k < words.length - 1) {
    const w = words[k]!.low;
    const next = words[k + 1]!.low;
    if (HONORIFICS.has(w) || TITLE_WORDS.has(w)) {
      k++;
      titled = true;
    } else if ((g.demonyms.has(w) || lookupAlias(w) || g.phrase.has(w)) && (TITLE_WORDS.has(next) || HONORIFICS.has(next))) k++;
    else if ((w === 'of' || w === 'the') && titled) k++;
    else break;
  }
  // A title deeper in the run ("Norland Water Minister Petra Holm", "Deputy Water Minister Petra Holm"):
  // the name is what follows the last title word, the words before it are the role.
  for (let h = words.length - 2; h >= k; h--) {
    if (!TITLE_WORDS.has(words[h]!.low)) continue;
    const after = words.slice(h + 1);
    if (after.length <= MAX_NAME_AFTER_TITLE && !after.some((t) => TITLE_WORDS.has(t.low) || HONORIFICS.has(t.low) || g.actors.has(t.low))) {
      k = h + 1;
      titled = true;
    }
    break;
  }
  const rest = words.slice(k);
  if (rest.length > 0 && rest.every((t) => TITLE_WORDS.has(t.low) || HONORIFICS.has(t.low) || g.actors.has(t.low))) return [];
  if (titled) {
    // A title before a known place/org ("President Trump" is a person, "Prime Minister's Office" was caught above).
    const restPhrase = rest.map((t) => t.low).join(' ');
    if (rest.length > 1 && g.phrase.get(restPhrase) === 'place') return [mk('place', rest)];
    return [mk(rest.length > 1 ? 'person' : 'pending', rest, true, 'person')];
  }

  if (cues.some((w) => ORG_CUE_AFTER.has(w))) return [mk('organization', words)];
  if (cues.some((w) => PLACE_CUE_AFTER.has(w))) return [mk('place', words)];
  const personCue = prevCue !== null && (PERSON_CUE_BEFORE.has(prevCue) || g.actors.has(prevCue));

  if (words.length === 1) {
    const t = words[0]!;
    if (t.allCaps && t.text.replace(/\./g, '').length <= MAX_ACRONYM) return [mk('pending', words, false, 'organization')];
    if (g.demonyms.has(t.low) || g.common.has(t.low)) return [];
    if (personCue) return [mk('pending', words, false, 'person')];
    if (prevCue && PLACE_CUE_BEFORE.has(prevCue)) return [mk('pending', words, false, 'place')];
    const verb = toks[afterIdx];
    if (verb && SPEECH_VERBS.has(verb.low) && g.lastNames.has(t.low)) return [mk('pending', words, false, 'person')];
    return [mk('pending', words, false, null)];
  }

  if (g.demonyms.has(lows[0]!) && words.length === 2 && g.common.has(lastLow)) return [];
  const looksLikeName = words.every((t) => !t.allCaps || t.text.length <= 2);
  if (personCue) return [mk('person', words)];
  // "the Global Monitor", "the Fastaqim Union": people are rarely introduced with an article.
  if (prevCue === 'the' || prevCue === 'a' || prevCue === 'an') return [mk('organization', words)];
  if (!looksLikeName) return [mk('organization', words)];
  // A run of two to four name-shaped words with no organisation or place sign is, in news prose, a person.
  if (words.length <= 4) return [mk('person', words)];
  return [];
}

interface Group {
  kind: EntityKind;
  key: string;
  initial: string;
  surfaces: Map<string, number>;
  mentions: number;
  firstOffset: number;
}

function acronymOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => UPPER_RE.test(w))
    .map((w) => w[0])
    .join('')
    .toLowerCase();
}

/** Turn classified mentions into entities: group by key, attach short forms, pick display names. */
function resolve(mentions: Mention[]): Entity[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group[]>();
  const add = (kind: EntityKind, m: Mention, key: string, initial: string): void => {
    const list = byKey.get(`${kind}|${key}`) ?? [];
    let grp = list.find((x) => x.initial === initial || x.initial === '' || initial === '');
    if (kind === 'person' && initial !== '') grp = list.find((x) => x.initial === initial) ?? list.find((x) => x.initial === '');
    if (!grp) {
      grp = { kind, key, initial, surfaces: new Map(), mentions: 0, firstOffset: m.offset };
      list.push(grp);
      groups.push(grp);
      byKey.set(`${kind}|${key}`, list);
    }
    if (grp.initial === '' && initial !== '') grp.initial = initial;
    grp.surfaces.set(m.surface, (grp.surfaces.get(m.surface) ?? 0) + 1);
    grp.mentions++;
    grp.firstOffset = Math.min(grp.firstOffset, m.offset);
  };

  // Full names first, so that short forms anywhere in the article can attach to them.
  for (const m of mentions) if (m.kind !== 'pending' && (m.kind !== 'person' || m.surface.includes(' '))) {
    add(m.kind, m, entityKey(m.surface, m.kind), m.kind === 'person' ? firstInitial(m.surface) : '');
  }
  const personByKey = new Map<string, Group>();
  for (const grp of groups) if (grp.kind === 'person' && !personByKey.has(grp.key)) personByKey.set(grp.key, grp);
  const orgLike = groups.filter((x) => x.kind !== 'person');

  for (const m of mentions) {
    if (m.kind !== 'pending' && (m.kind === 'person' ? m.surface.includes(' ') : true)) continue;
    const sk = surnameKey(m.surface);
    const person = personByKey.get(sk);
    if (person) {
      add('person', m, person.key, person.initial);
      continue;
    }
    const low = plain(m.surface).replace(/\./g, '');
    const target = orgLike.find((x) => x.key === low)
      ?? orgLike.find((x) => low.length >= 2 && acronymOf(longestSurface(x)) === low);
    if (target && low.length > 1 && !/\s/.test(m.surface)) {
      add(target.kind, m, target.key, '');
      continue;
    }
    const kind = m.kind === 'pending' ? m.fallback : m.kind;
    if (kind) add(kind, m, entityKey(m.surface, kind), kind === 'person' ? firstInitial(m.surface) : '');
  }

  // An organisation whose words begin a longer one's ("Syrian Observatory") is that one. Not places:
  // "Old City" is not "Old City of Homs".
  for (const short of groups) {
    if (short.kind !== 'organization' || short.mentions === 0) continue;
    const longer = groups.filter((x) => x !== short && x.kind === short.kind && x.mentions > 0 && x.key.startsWith(`${short.key} `));
    if (longer.length === 1) absorb(longer[0]!, short);
  }
  return groups.filter((x) => x.mentions > 0).map(toEntity).sort((a, b) => b.mentions - a.mentions || a.firstOffset - b.firstOffset);
}

function longestSurface(grp: Group): string {
  return [...grp.surfaces.keys()].sort((a, b) => b.length - a.length)[0] ?? '';
}

function absorb(into: Group, from: Group): void {
  for (const [s, n] of from.surfaces) into.surfaces.set(s, (into.surfaces.get(s) ?? 0) + n);
  into.mentions += from.mentions;
  into.firstOffset = Math.min(into.firstOffset, from.firstOffset);
  from.mentions = 0;
}

function toEntity(grp: Group): Entity {
  return {
    kind: grp.kind,
    name: bestName(grp.kind, grp.surfaces),
    key: grp.key,
    mentions: grp.mentions,
    variants: [...grp.surfaces.keys()],
    firstOffset: grp.firstOffset,
  };
}

/**
 * The display form: for people the most frequent full name (fewest words on a tie: "Sergei Lavrov" over
 * "Sergey V. Lavrov"); for places and organisations the longest spelled-out form ("United States" over
 * "U.S.", "Syrian Observatory for Human Rights" over "Syrian Observatory").
 */
export function bestName(kind: EntityKind, surfaces: Map<string, number>): string {
  const entries = [...surfaces.entries()];
  const words = (s: string) => s.split(' ').length;
  const acronym = (s: string) => !/\p{Ll}/u.test(s);
  entries.sort((a, b) => {
    if (kind === 'person') {
      return Number(words(b[0]) > 1) - Number(words(a[0]) > 1) || b[1] - a[1] || words(a[0]) - words(b[0]) || a[0].localeCompare(b[0]);
    }
    return Number(acronym(a[0])) - Number(acronym(b[0])) || words(b[0]) - words(a[0]) || b[1] - a[1] || a[0].localeCompare(b[0]);
  });
  return entries[0]![0];
}
