/**
 * Direct quotes in one article: quoted spans found by a small state machine over each paragraph
 * (“…”, „…“, «…», ‘…’ and straight "…"; a quote left open at a paragraph's end runs on, as news
 * style writes multi-paragraph quotes), sentences split on a copy of the paragraph with the quoted
 * words masked (so a full stop inside a quote does not cut its attribution off), then an attribution
 * found around each span ("…,” Mr. Lavrov told reporters", "said Abu … al-Hamawi of …", "Malahifji
 * said, "…"", "described the proposal as "…"") and its speaker resolved through the entity layer,
 * pronouns and definite descriptions. Spans split around one attribution, and quote-only paragraphs
 * that continue the previous remark, are joined into one remark.
 */
import type { Article } from '../../records/index.ts';
import { entityKey, extractEntities, type Entity } from '../../entities/index.ts';
import {
  ABBREVIATIONS, DEFINITE, INDEFINITE_RE_SOURCE, NP_STOPS_RE, OBJECT_LEADS, PERSON_PRONOUNS, SPEECH_VERBS,
} from './tables.ts';
import { QUOTE_PART_JOINER, type QuoteSpeaker, type RawQuote } from './types.ts';

/**
 * A quoted span shorter than this many words is a scare quote or a title ("so-called “moderate”
 * rebels") unless the sentence attributes it to a speaker ("described the proposal as “unacceptable”").
 * Four words: the shortest remarks kept on the seeds and examples with a clear speaker are one word and
 * the longest scare-quoted phrases three.
 */
export const MIN_QUOTE_WORDS = 4;
/**
 * An unattributed span (no speech verb in its sentence, not continuing a remark) is kept only from this
 * many words: a full unattributed sentence in quotes is still someone's remark, a shorter phrase is more
 * often a slogan, a name or a headline.
 */
export const MIN_UNATTRIBUTED_WORDS = 6;
/** A speaker phrase longer than this many words is a clause, not a subject ("…,” the army, which has … said"). */
export const MAX_SUBJECT_WORDS = 14;
/**
 * Words allowed between a speech verb before a quote and the quote ("She told parliament on Wednesday
 * that she would “…”"): longer gaps are reported speech that merely ends in a quoted phrase of another source.
 */
export const MAX_VERB_GAP_WORDS = 30;
/** How many paragraphs back a pronoun ("he said") looks for the person it stands for. */
export const PRONOUN_LOOKBACK_PARAGRAPHS = 3;
/** Quoted spans longer than this many words are shortened in `context`. */
export const CONTEXT_QUOTE_WORDS = 6;
/** `context` is cut to about this many characters. */
export const MAX_CONTEXT_CHARS = 240;
/** A description speaker is cut to this many words. */
export const MAX_DESCRIPTION_WORDS = 12;

interface Span {
  /** Offsets in the paragraph: the opening mark, the first inner char, the inner end, after the closing mark. */
  start: number;
  inStart: number;
  inEnd: number;
  end: number;
  closed: boolean;
  /** The verbatim part: inner text trimmed, a trailing comma or colon removed. */
  part: string;
  words: number;
  titleCase: boolean;
}

interface Mention {
  start: number;
  end: number;
  entity: Entity;
  /** Inside a quoted span: never an antecedent or a speaker. */
  quoted: boolean;
}

interface Attribution {
  verb: string | null;
  speaker: QuoteSpeaker;
  /** Where the attribution text lies in the paragraph (for shared-attribution joins and context). */
  from: number;
  to: number;
  side: 'before' | 'after';
}

interface Remark {
  /** Paragraph of the first part, and of the last part (pronoun lookback starts there). */
  first: number;
  offset: number;
  paragraph: number;
  spans: Span[];
  speaker: QuoteSpeaker;
  verb: string | null;
  /** Paragraph offset where this remark's last sentence ends (pronoun lookback starts there). */
  end: number;
  context: string;
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’‐‑-]*/gu;
const UPPER_START_RE = /^\p{Lu}/u;

const VERB_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${SPEECH_VERBS.map((v) => `(${v.re})`).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

function countWords(s: string): number {
  return s.match(WORD_RE)?.length ?? 0;
}

function isOpenerContext(p: string, i: number): boolean {
  const prev = i > 0 ? p[i - 1]! : ' ';
  const next = p[i + 1];
  return next !== undefined && !/\s/.test(next) && /[\s([{—–\-/:;,]/.test(prev);
}

function makeSpan(p: string, start: number, inEnd: number, closed: boolean): Span | null {
  const inStart = start + 1;
  const raw = p.slice(inStart, inEnd);
  const lead = raw.length - raw.trimStart().length;
  const part = raw.trim().replace(/[\s,;:]+$/u, '');
  if (!part) return null;
  const words = part.match(WORD_RE) ?? [];
  const long = words.filter((w) => w.length >= 4 && !/^\p{N}/u.test(w));
  return {
    start,
    inStart: inStart + lead,
    inEnd,
    end: closed ? inEnd + 1 : p.length,
    closed,
    part,
    words: words.length,
    titleCase: long.length > 0 && long.every((w) => UPPER_START_RE.test(w)),
  };
}

/** Quoted spans of one paragraph, in order. Marks inside a span are content, so nesting is one level. */
export function findSpans(p: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    let closers: string | null = null;
    if (c === '“') closers = '”"';
    else if (c === '„') closers = '“”';
    else if (c === '«') closers = '»';
    else if (c === '"' && isOpenerContext(p, i)) closers = '"';
    else if (c === '‘' && isOpenerContext(p, i)) closers = '’';
    if (!closers) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < p.length; j++) {
      const d = p[j]!;
      if (!closers.includes(d)) continue;
      // A closing single quote is also the apostrophe: it closes only before a non-letter ("rebels’ " does, sadly).
      if (d === '’' && /\p{L}/u.test(p[j + 1] ?? '')) continue;
      break;
    }
    const closed = j < p.length;
    if (c === '‘' && !closed) {
      // An unclosed single quote is an apostrophe-like mark, not a multi-paragraph quote.
      i++;
      continue;
    }
    const span = makeSpan(p, i, j, closed);
    if (span) out.push(span);
    i = j + 1;
  }
  return out;
}

/** The paragraph with quoted words masked (a final . ! ? kept), so sentence ends inside quotes are not seen. */
function maskQuotes(p: string, spans: Span[]): string {
  if (spans.length === 0) return p;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += p.slice(at, s.inStart);
    const inner = p.slice(s.inStart, s.inEnd);
    const trimmed = inner.trimEnd();
    const last = trimmed.slice(-1);
    const keep = /[.!?]/.test(last) ? 1 : 0;
    out += 'x'.repeat(trimmed.length - keep) + (keep ? last : '') + ' '.repeat(inner.length - trimmed.length);
    at = s.inEnd;
  }
  return out + p.slice(at);
}

const BOUNDARY_RE = /[.!?…]["”“»’']*\s+(?=[\p{Lu}"“„«‘(\d])/gu;

/** Start offsets of the sentences of a masked paragraph (always includes 0). */
function sentenceStarts(masked: string): number[] {
  const starts = [0];
  BOUNDARY_RE.lastIndex = 0;
  for (let m = BOUNDARY_RE.exec(masked); m; m = BOUNDARY_RE.exec(masked)) {
    const stop = m.index;
    if (masked[stop] === '.') {
      const word = /(\S+)$/.exec(masked.slice(0, stop))?.[1] ?? '';
      const bare = word.replace(/^[("“‘]+/, '').toLowerCase();
      // Initials ("Sergey V. Lavrov"), dotted acronyms ("U.S.", "U.N.") and titles do not end sentences.
      if (/^\p{L}$/u.test(bare) || bare.includes('.') || ABBREVIATIONS.has(bare)) continue;
    }
    starts.push(m.index + m[0].length);
  }
  return starts;
}

/** Person and organisation mentions of one paragraph, longest surface first where they overlap. */
function findMentions(p: string, surfaces: ReadonlyArray<[string, Entity]>, spans: Span[]): Mention[] {
  const found: Mention[] = [];
  for (const [surface, entity] of surfaces) {
    let from = 0;
    for (let at = p.indexOf(surface, from); at >= 0; at = p.indexOf(surface, from)) {
      from = at + surface.length;
      const before = p[at - 1];
      const after = p[at + surface.length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
      if (found.some((m) => at < m.end && from > m.start)) continue;
      found.push({ start: at, end: from, entity, quoted: spans.some((s) => at >= s.inStart && at < s.inEnd) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function verbRow(m: RegExpExecArray): (typeof SPEECH_VERBS)[number] {
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return SPEECH_VERBS[g - 1]!;
  return SPEECH_VERBS[0]!;
}

function allVerbs(s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(s); m; m = VERB_RE.exec(s)) {
    out.push(m);
    if (m[0].length === 0) VERB_RE.lastIndex++;
  }
  return out;
}

function lowerWordBefore(p: string, at: number): string {
  return /([\p{L}]+)[^\p{L}]*$/u.exec(p.slice(Math.max(0, at - 40), at))?.[1]?.toLowerCase() ?? '';
}

/** Two or more capitalised words: the shape of a personal name. */
const PERSON_NAME_RE = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’-]+)+$/u;

/**
 * A "place" mention that the text treats as a person: name-shaped and followed by an age ("Lena Marsh,
 * 34,"), a relative "who", or a speech verb. Corrects the entity layer where a surname is also a
 * place word (Marsh), so such a person can still be a pronoun's antecedent.
 */
function personLikePlace(p: string, m: Mention): boolean {
  if (m.entity.kind !== 'place' || !PERSON_NAME_RE.test(m.entity.name)) return false;
  return /^(?:,\s*\d{1,3}\s*,|,\s*who\b|\s+(?:said|says|told|added|asked|wrote)\b)/.test(p.slice(m.end, m.end + 20));
}

function cleanDescription(s: string): string | null {
  let d = s.replace(/\s+/g, ' ').trim().replace(/^[,;:—–\-\s]+|[,;:—–\-\s]+$/g, '');
  d = d.replace(/^(?:but|and|while|meanwhile|however|yet|so|then|also)\s+/i, '');
  const words = d.split(' ');
  if (words.length > MAX_DESCRIPTION_WORDS) d = words.slice(0, MAX_DESCRIPTION_WORDS).join(' ');
  if (!/\p{L}{2,}/u.test(d)) return null;
  return d;
}

/** Per-article state for speaker resolution. */
class Resolver {
  readonly mentions: Mention[][];
  readonly remarks: Remark[] = [];

  constructor(
    readonly paragraphs: string[],
    readonly spans: Span[][],
    entities: Entity[],
  ) {
    const surfaces: [string, Entity][] = [];
    for (const e of entities) {
      for (const v of new Set([e.name, ...e.variants])) if (v.length >= 2) surfaces.push([v, e]);
    }
    surfaces.sort((a, b) => b[0].length - a[0].length);
    this.mentions = paragraphs.map((p, i) => findMentions(p, surfaces, spans[i]!));
  }

  private named(e: Entity): QuoteSpeaker {
    return { name: e.name, key: e.key, description: null };
  }

  /** A mention as a speaker; a "place" the entity layer misread as one gets a person key. */
  private speakerOf(m: Mention): QuoteSpeaker {
    const e = m.entity;
    if (e.kind !== 'place') return this.named(e);
    return { name: e.name, key: PERSON_NAME_RE.test(e.name) ? entityKey(e.name, 'person') : e.key, description: null };
  }

  /**
   * The speaker a subject phrase names. `pick` is 'last' for a subject before its verb (the subject is
   * the phrase nearest the verb: "Speaking of Kerry and Lavrov, analyst James Denslow said") and
   * 'first' after an inverted verb ("said Abu … al-Hamawi of the Army of Islam").
   */
  resolve(para: number, from: number, to: number, pick: 'first' | 'last', quoteAt: number): QuoteSpeaker | null {
    const p = this.paragraphs[para]!;
    const inside = this.mentions[para]!.filter((m) => !m.quoted && m.start >= from && m.end <= to);
    const subjectLike = inside.filter((m) => !OBJECT_LEADS.has(lowerWordBefore(p, m.start)));
    const pool = (kind: 'person' | 'organization') => {
      const own = subjectLike.filter((m) => m.entity.kind === kind);
      return own.length ? own : pick === 'first' ? inside.filter((m) => m.entity.kind === kind).slice(0, 1) : [];
    };
    let people = pool('person');
    if (pick === 'first' && people.length > 1) {
      // After an inverted verb the speaker heads the first phrase: "said Open Lines director Vera Holmqvist"
      // names the director, "said Abu … al-Hamawi of the Army of Islam" stops at "of".
      const stop = /,|\s(?:of|from|at|for|with|who|whose)\s/.exec(p.slice(people[0]!.end, to));
      const chunkEnd = stop ? people[0]!.end + stop.index : to;
      people = people.filter((m) => m.end <= chunkEnd);
      return this.named(people[people.length - 1]!.entity);
    }
    if (people.length) return this.named((pick === 'first' ? people[0] : people[people.length - 1])!.entity);

    const text = p.slice(from, to);
    const words = (text.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
    if (words.some((w) => PERSON_PRONOUNS.has(w)) && (pick === 'last' ? PERSON_PRONOUNS.has(words[words.length - 1]!) || words.length <= 2 : PERSON_PRONOUNS.has(words[0]!))) {
      return this.antecedent(para, quoteAt);
    }
    const orgs = pool('organization');
    if (orgs.length) return this.named((pick === 'first' ? orgs[0] : orgs[orgs.length - 1])!.entity);
    // A "place" right at the verb is a speaker the entity layer misread ("aid chief Lena Marsh said") or a
    // capital standing for its government ("Moscow said"); either way it is who spoke.
    const adjacent = inside.find((m) => m.entity.kind === 'place' && (pick === 'last' ? /^\s*,?\s*$/.test(p.slice(m.end, to)) : /^\s*$/.test(p.slice(from, m.start))));
    if (adjacent) return this.speakerOf(adjacent);

    // A description: the clause nearest the verb for a subject, the phrase up to a stop for an inverted one.
    let phrase = text;
    if (pick === 'last') {
      const seg = phrase.split(/,\s+/).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s));
      // "one opposition official, who declined to be identified," keeps its relative clause.
      let k = seg.length - 1;
      while (k > 0 && /^(?:who|whose|which)\b/i.test(seg[k]!)) k--;
      phrase = seg.slice(Math.max(0, k)).join(', ');
    } else {
      const stop = NP_STOPS_RE.exec(phrase);
      if (stop) phrase = phrase.slice(0, stop.index);
    }
    const desc = cleanDescription(phrase);
    if (!desc) return null;
    const first = desc.split(' ')[0]!.toLowerCase();
    if (['they', 'it', 'we', 'i', 'you', 'sie', 'es', 'wir'].includes(first) && desc.split(' ').length === 1) return null;
    if (DEFINITE.has(first) && desc.split(' ').length <= 4) return this.describedEarlier(para, quoteAt, desc);
    return { name: null, key: null, description: desc };
  }

  /** "he"/"she": the previous remark's speaker when nobody was named since, else the nearest person named before. */
  private antecedent(para: number, quoteAt: number): QuoteSpeaker | null {
    const prev = this.remarks[this.remarks.length - 1];
    if (prev && para - prev.paragraph <= 1 && (prev.speaker.key || prev.speaker.description)) {
      let other = false;
      for (let q = prev.paragraph; q <= para && !other; q++) {
        for (const m of this.mentions[q]!) {
          if (m.quoted || m.entity.kind !== 'person' || m.entity.key === prev.speaker.key) continue;
          if ((q === prev.paragraph && m.start < prev.end) || (q === para && m.start >= quoteAt)) continue;
          other = true;
          break;
        }
      }
      if (!other) return { ...prev.speaker };
    }
    for (let q = para; q >= 0 && para - q <= PRONOUN_LOOKBACK_PARAGRAPHS; q--) {
      const text = this.paragraphs[q]!;
      const ms = this.mentions[q]!.filter((m) => !m.quoted && (m.entity.kind === 'person' || personLikePlace(text, m)) && (q < para || m.end <= quoteAt));
      if (ms.length) return this.speakerOf(ms[ms.length - 1]!);
    }
    return null;
  }

  /** "the official said" → the nearest earlier "one opposition official, who …", or the name beside it. */
  private describedEarlier(para: number, quoteAt: number, desc: string): QuoteSpeaker {
    const head = desc.split(' ').pop()!.replace(/[^\p{L}-]/gu, '');
    if (head.length < 3) return { name: null, key: null, description: desc };
    const re = new RegExp(
      `(?<![\\p{L}])${INDEFINITE_RE_SOURCE}\\s+(?:[\\p{L}'’-]+\\s+){0,4}?${head}s?(?![\\p{L}])(?:,\\s*(?:who|whose)\\b[^,.;]*)?`,
      'giu',
    );
    for (let q = para; q >= 0; q--) {
      const p = q === para ? this.paragraphs[q]!.slice(0, quoteAt) : this.paragraphs[q]!;
      const hits = [...p.matchAll(re)].filter((m) => !this.spans[q]!.some((s) => m.index! >= s.inStart && m.index! < s.inEnd));
      const hit = hits[hits.length - 1];
      if (!hit) continue;
      const at = hit.index!;
      const end = at + hit[0].length;
      // Apposition: "Hisham Skeif, a local council member" or "a local official, Hisham Skeif,".
      const person = this.mentions[q]!.find(
        (m) => m.entity.kind === 'person' && !m.quoted && ((m.end <= at && /^,\s*$/.test(p.slice(m.end, at))) || (m.start >= end && /^,\s*$/.test(p.slice(end, m.start)))),
      );
      if (person) return this.named(person.entity);
      return { name: null, key: null, description: cleanDescription(hit[0]) ?? desc };
    }
    return { name: null, key: null, description: desc };
  }
}

function shortenContext(p: string, from: number, to: number, spans: Span[]): string {
  let out = '';
  let at = from;
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    const words = s.part.match(WORD_RE) ?? [];
    if (words.length <= CONTEXT_QUOTE_WORDS) continue;
    out += p.slice(at, s.inStart);
    const cut = s.part.slice(0, s.part.indexOf(words[CONTEXT_QUOTE_WORDS - 1]!) + words[CONTEXT_QUOTE_WORDS - 1]!.length);
    out += `${cut}…`;
    at = s.inEnd;
  }
  out += p.slice(at, to);
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_CONTEXT_CHARS ? `${out.slice(0, MAX_CONTEXT_CHARS - 1).trimEnd()}…` : out;
}

/** The attribution after a span: "…,” Mr. Lavrov told reporters" or "…,” said Abu … al-Hamawi of …". */
function attributionAfter(r: Resolver, para: number, from: number, to: number, quoteAt: number): Attribution | null {
  const p = r.paragraphs[para]!;
  const text = p.slice(from, to);
  const lead = /^[\s,—–-]*/.exec(text)![0].length;
  const s = text.slice(lead);
  if (!s.trim()) return null;
  const m = allVerbs(s)[0];
  if (!m) {
    // A testimonial signed with a dash: "…" – Lucy C. / "…" — Jennifer.
    const sig = /^[\s,]*[-–—]\s*(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*[.,]?\s*$/u.exec(text);
    if (!sig) return null;
    const at = from + sig.index + sig[0].indexOf(sig[1]!);
    const speaker = r.resolve(para, at, at + sig[1]!.length, 'first', quoteAt);
    const name = sig[1]!.replace(/\.$/, '');
    return {
      verb: null,
      speaker: speaker?.key ? speaker : { name, key: entityKey(name, 'person'), description: null },
      from,
      to,
      side: 'after',
    };
  }
  const row = verbRow(m);
  const base = from + lead;
  if (m.index === 0 || (row.inverted && countWords(s.slice(0, m.index)) === 0)) {
    if (row.participle) return null;
    const npFrom = base + m.index + m[0].length;
    const speaker = r.resolve(para, npFrom, to, 'first', quoteAt);
    return speaker ? { verb: row.display, speaker, from: base, to, side: 'after' } : null;
  }
  const subject = s.slice(0, m.index);
  // The frame already ends at the sentence's end, so only a clause break can separate subject and quote.
  if (countWords(subject) > MAX_SUBJECT_WORDS || /[;:]\s/.test(subject)) return null;
  const speaker = r.resolve(para, base, base + m.index, 'last', quoteAt);
  return speaker ? { verb: row.display, speaker, from: base, to, side: 'after' } : null;
}

/** The attribution before a span: "Malahifji said, "…"", "said that “…”", "described the proposal as "…"". */
function attributionBefore(r: Resolver, para: number, from: number, to: number, quoteAt: number): Attribution | null {
  const p = r.paragraphs[para]!;
  const text = p.slice(from, to);
  const verbs = allVerbs(text);
  if (!verbs.length) return null;
  let k = verbs.length - 1;
  const last = verbs[k]!;
  if (countWords(text.slice(last.index + last[0].length)) > MAX_VERB_GAP_WORDS) return null;
  // "he continued, adding that “…”": a participle takes the subject of the verb before it.
  while (k > 0 && verbRow(verbs[k]!).participle) k--;
  const m = verbs[k]!;
  const row = verbRow(m);
  const verb = row.display;
  const subject = text.slice(0, m.index);
  if (row.inverted || countWords(subject) === 0) {
    const npFrom = from + m.index + m[0].length;
    const speaker = r.resolve(para, npFrom, to, 'first', quoteAt);
    return speaker ? { verb, speaker, from, to, side: 'before' } : null;
  }
  const speaker = r.resolve(para, from, from + m.index, 'last', quoteAt);
  return speaker ? { verb, speaker, from, to, side: 'before' } : null;
}

/**
 * Every direct quote in one article, in reading order, with its speaker, verb and context. Pure. Pass
 * the article's `extractEntities` result when the caller already has it (the brief's entity section
 * does): the entity pass is about 80 % of the cost (seeds, warm: 1.3 of 1.6 ms per article).
 *
 * @example
 *   extractQuotes(article).map((q) => `${q.speaker.name}: ${q.text}`)
 *   // → ['Sergey V. Lavrov: Those armed groups … terrorists … We will treat them …', …]
 */
export function extractQuotes(article: Pick<Article, 'id' | 'title' | 'paragraphs'>, entities?: Entity[]): RawQuote[] {
  const paragraphs = article.paragraphs;
  const spans = paragraphs.map(findSpans);
  if (spans.every((s) => s.length === 0)) return [];
  const r = new Resolver(paragraphs, spans, entities ?? extractEntities({ title: article.title, paragraphs }));
  let openFromPrevious = false;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const ss = spans[i]!;
    const carriedOpen = openFromPrevious;
    openFromPrevious = ss.length > 0 && !ss[ss.length - 1]!.closed;
    if (!ss.length) continue;
    const starts = sentenceStarts(maskQuotes(p, ss));
    const sentStart = (at: number) => starts.filter((s) => s <= at).pop() ?? 0;
    const sentEnd = (at: number) => starts.find((s) => s >= at) ?? p.length;
    const quoteOnly = p.replace(/[“”„"«»‘’]/g, '').trim().length > 0 && ss.reduce((n, s) => n + s.part.length, 0) >= p.replace(/[\s“”„"«»‘’,.;:]/g, '').length * 0.9 - 2;
    const attrs: (Attribution | null)[] = [];
    let current: Remark | null = null;
    for (let k = 0; k < ss.length; k++) {
      const s = ss[k]!;
      const prevEnd = k > 0 ? ss[k - 1]!.end : 0;
      const nextStart = k + 1 < ss.length ? ss[k + 1]!.start : p.length;
      const sStart = sentStart(s.start);
      const sEnd = Math.max(sentEnd(s.end), s.end);
      const after = attributionAfter(r, i, s.end, Math.min(sEnd, nextStart), s.start);
      const before = after ? null : attributionBefore(r, i, Math.max(sStart, prevEnd), s.start, s.start);
      const own = after ?? before;
      attrs.push(own);
      const prevAttr = k > 0 ? attrs[k - 1] : null;
      // Shared attribution: "“A,” he continued, adding that “B”" — the text between them attributes both.
      const shared = !!(own && prevAttr && own.side === 'before' && prevAttr.side === 'after' && prevAttr.from <= own.from + 2 && own.to - prevAttr.to <= 2 && current);
      if (current && (!own || shared)) {
        current.spans.push(s);
        current.end = sEnd;
        continue;
      }
      // A quote-only paragraph, or one a quote left open, continues the previous paragraph's remark.
      const lastRemark = r.remarks[r.remarks.length - 1];
      if (k === 0 && !own && lastRemark && lastRemark.paragraph === i - 1 && (carriedOpen || quoteOnly)) {
        lastRemark.spans.push(s);
        lastRemark.paragraph = i;
        lastRemark.end = sEnd;
        current = lastRemark;
        continue;
      }
      if (!own) {
        // Unattributed words quoted mid-sentence ("the phrase “you get what you pay for” is …") are
        // mentioned, not said: only a quote standing as its own sentence is a remark without a verb.
        const standsAlone = /^[\s:—–-]*$/.test(p.slice(Math.max(sStart, prevEnd), s.start));
        if (s.words < MIN_UNATTRIBUTED_WORDS || s.titleCase || !standsAlone) continue;
      } else if (s.words < MIN_QUOTE_WORDS && (s.titleCase || (!own.speaker.key && !own.speaker.description))) continue;
      const ctxFrom = own ? Math.min(sStart, sentStart(own.from)) : sStart;
      const ctxTo = own ? Math.max(sEnd, own.to) : sEnd;
      current = {
        first: i,
        offset: s.inStart,
        paragraph: i,
        spans: [s],
        speaker: own?.speaker ?? { name: null, key: null, description: null },
        verb: own?.verb ?? null,
        end: sEnd,
        context: shortenContext(p, ctxFrom, ctxTo, ss),
      };
      r.remarks.push(current);
    }
  }
  return r.remarks.map((m) => {
    const parts = m.spans.map((s) => s.part);
    return {
      articleId: article.id,
      parts,
      text: parts.join(QUOTE_PART_JOINER),
      speaker: m.speaker,
      verb: m.verb,
      context: m.context,
      paragraph: m.first,
      offset: m.offset,
    };
  });
}
