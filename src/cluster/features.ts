/**
 * What an article contributes to event similarity: content words (title and lead weighted above the
 * tail), named entities as a separate vector, and numbers. Pure; no IDF here (that is learned from the
 * stream by the clusterer).
 */

import { extractEntities } from '../entities/index.ts';

/** A named entity as the entity layer gives it: `key` is the spelling-variant-merged identity. */
export interface EntityLike {
  key: string;
  name: string;
  mentions?: number;
  /** 'person' | 'place' | 'organization' when known: conflicting places are evidence against a match. */
  kind?: string;
}

/** Pluggable entity extractor: `extractEntities` from src/entities fits this shape. */
export type EntityExtractor = (article: { title: string | null; paragraphs: readonly string[] }) => readonly EntityLike[];

export interface UnitFeatures {
  /** Weighted term frequencies (title × TITLE_WEIGHT, lead × LEAD_WEIGHT, rest × 1). */
  terms: Map<string, number>;
  /** Title terms only (for the title cosine). */
  title: Map<string, number>;
  /** Entity key → weighted mentions. */
  entities: Map<string, number>;
  /** Entity key → a display name. */
  entityNames: Map<string, string>;
  /** Distinct numbers (normalised digits). */
  numbers: Set<string>;
}

/**
 * Field weights. Tuned on ECB+ topics 1–20 (eval/cluster.ts --sweep): title 3 and lead 2 over the
 * tail beat 1/1 (B-cubed F1 +0.01) and 5/3 (no gain); the lead is the first LEAD_SENTENCES sentences.
 */
export const TITLE_WEIGHT = 3;
export const LEAD_WEIGHT = 2;
/** The lead: first three sentences of the body (the inverted pyramid puts who/what/where/when there). */
export const LEAD_SENTENCES = 3;
/** Bodies are read up to this many words: the tail of a long article adds background, not event. */
export const MAX_BODY_WORDS = 1200;

const STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours ' +
    'said says say told according new one two three first last year years week weeks day days time people also like just get got make made may might must shall could would well since still even much many us mr mrs ms dr per via around across back including include includes another every way take took going go went come came see seen want including among however yet ago later earlier today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday news report reported reports reporting statement'
  ).split(/\s+/),
);

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Light English stemmer: plural and possessive endings only, so "earthquakes" meets "earthquake" without conflating meanings. */
export function stem(w: string): string {
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('sses')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

const WORD_RE = /[\p{L}][\p{L}\p{M}'’-]*|\d[\d,.]*\d|\d/gu;
/** Words with an apostrophe or hyphen need the quote and edge clean-up; most words have neither. */
const NEEDS_CLEAN_RE = /['’-]/;

/** Content terms of a text: lower-cased, stop words and one-letter words dropped, lightly stemmed. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    if (c >= 48 && c <= 57) continue; // numbers are their own feature
    const low = raw.toLowerCase();
    const w = NEEDS_CLEAN_RE.test(low) ? low.replace(/[’]/g, "'").replace(/^['-]+|['-]+$/g, '') : low;
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

const HAS_DIGIT_RE = /\d/;

/** Numbers of two or more digits (years, tolls, magnitudes without the point), commas dropped. */
export function numbersOf(text: string): string[] {
  const out: string[] = [];
  if (!HAS_DIGIT_RE.test(text)) return out;
  for (const m of text.matchAll(/\d[\d,.]*\d|\d/g)) {
    const n = m[0].replace(/,/g, '').replace(/\.$/, '');
    if (n.replace(/\D/g, '').length >= 2 || n.includes('.')) out.push(n);
  }
  return out;
}

/** Words that open a sentence capitalised but name nothing; the tail list of function words is STOP. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'for', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'there', 'when', 'after', 'as', 'if', 'while', 'his', 'her', 'their', 'its', 'our', 'some', 'many', 'one', 'two', 'mr', 'mrs', 'ms', 'dr', 'gov', 'sen', 'rep', 'gen', 'president', 'minister', 'officials', 'police']);

/**
 * Default entity extractor when none is injected: runs of capitalised words, sentence-initial words
 * counted only when the run continues (so "The" opening a sentence is not a name), titles stripped,
 * possessives dropped. Each name also yields its last word as a key, so "Sergei Lavrov" and
 * "Lavrov" meet (a cheap stand-in for variant merging in src/entities).
 */
export const capitalisedEntities: EntityExtractor = ({ title, paragraphs }) => {
  const counts = new Map<string, EntityLike>();
  const add = (name: string) => {
    const key = name.toLowerCase();
    const e = counts.get(key);
    if (e) e.mentions = (e.mentions ?? 1) + 1;
    else counts.set(key, { key, name, mentions: 1 });
  };
  const texts = title ? [title, ...paragraphs] : paragraphs;
  for (const text of texts) {
    const toks = text.split(/\s+/);
    let run: string[] = [];
    let sentenceStart = true;
    const flush = () => {
      while (run.length && NOT_NAMES.has(run[0]!.toLowerCase())) run.shift();
      if (run.length) {
        add(run.join(' '));
        if (run.length > 1) add(run[run.length - 1]!);
      }
      run = [];
    };
    for (const tok of toks) {
      const word = tok.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '').replace(/['’]s$/, '');
      const cap = word.length > 1 && /^\p{Lu}/u.test(word);
      const lower = word.toLowerCase();
      const isName = cap && !WEEKDAYS.has(lower) && !MONTHS.has(lower) && !(sentenceStart && STOP.has(lower));
      if (isName) run.push(word);
      else flush();
      if (/[.!?:"“”]$/.test(tok) || /^[-–—]$/.test(tok)) {
        flush();
        sentenceStart = true;
      } else if (tok.length) sentenceStart = false;
    }
    flush();
  }
  return [...counts.values()];
};

/**
 * The default entity source: src/entities' `extractEntities`, with keys namespaced by kind. People are
 * keyed by surname with spelling variants folded; when the name carries a first name its initial is
 * added to the key, so "Tara Reid" and "Harry Reid" do not match on "reid" alone (a surname-only mention
 * keeps the bare key: the entity layer already folds an article's "Reid" onto its full name).
 */
/** Key namespaces per kind (person and place both start with "p", so the first letter would not do). */
const KIND_PREFIX: Record<string, string> = { person: 'p:', place: 'l:', organization: 'o:' };

export const layerEntities: EntityExtractor = (article) => {
  const out: EntityLike[] = [];
  for (const e of extractEntities({ title: article.title, paragraphs: article.paragraphs as string[] })) {
    let key = KIND_PREFIX[e.kind] + e.key;
    if (e.kind === 'person') {
      const sp = e.name.indexOf(' ');
      if (sp > 0) key += '/' + e.name[0]!.toLowerCase();
    }
    out.push({ key, name: e.name, mentions: e.mentions, kind: e.kind });
  }
  return out;
};

function bump(m: Map<string, number>, k: string, w: number): void {
  m.set(k, (m.get(k) ?? 0) + w);
}

/** Splits a paragraph into sentences: a full stop, ! or ? followed by a space and a capital or quote. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=["“‘(]?[\p{Lu}\d])/u).filter((s) => s.trim().length > 0);
}

/**
 * Features of one article (or a copy group's canonical): weighted terms, title terms, entities and
 * numbers. The lead is the first LEAD_SENTENCES sentences of the body.
 *
 * @example
 *   const f = articleFeatures({ title: 'Quake hits Chile', paragraphs: ['A magnitude 8.8 quake…'] });
 *   f.terms.get('quake'); // 3 (title) + 2 (lead)
 */
export function articleFeatures(article: { title: string | null; paragraphs: readonly string[] }, extractor: EntityExtractor = layerEntities): UnitFeatures {
  const terms = new Map<string, number>();
  const title = new Map<string, number>();
  const numbers = new Set<string>();
  if (article.title) {
    for (const t of contentTerms(article.title)) {
      bump(terms, t, TITLE_WEIGHT);
      bump(title, t, 1);
    }
    for (const n of numbersOf(article.title)) numbers.add(n);
  }
  let sentenceNo = 0;
  let words = 0;
  outer: for (const p of article.paragraphs) {
    for (const s of sentences(p)) {
      const w = sentenceNo++ < LEAD_SENTENCES ? LEAD_WEIGHT : 1;
      for (const t of contentTerms(s)) {
        bump(terms, t, w);
        if (++words >= MAX_BODY_WORDS) break outer;
      }
      for (const n of numbersOf(s)) numbers.add(n);
    }
  }
  const entities = new Map<string, number>();
  const entityNames = new Map<string, string>();
  for (const e of extractor(article)) {
    bump(entities, e.key, e.mentions ?? 1);
    if (!entityNames.has(e.key)) entityNames.set(e.key, e.name);
  }
  return { terms, title, entities, entityNames, numbers };
}
