/**
 * The story's sentences as the summariser and its baselines see them: every sentence of every copy
 * group's canonical article (copies add no wording of their own), with its position, whether it can
 * stand alone in a summary, and a TF-IDF vector for cosine similarity between sentences.
 */
import { stemmer } from 'stemmer';
import type { Article } from '../../records/index.ts';
import { splitSentences } from '../claims/sentences.ts';

export interface SummaryInput {
  /** The members of one story. */
  articles: readonly Pick<Article, 'id' | 'title' | 'paragraphs' | 'language'>[];
  /** Independent source name of each article id (copies and one wire's articles share a name). */
  sourceOf: (articleId: string) => string;
  /** Canonical article id of each article's copy group (itself when it is not a copy). */
  unitOf: (articleId: string) => string;
  /** Publication date (given or inferred), YYYY-MM-DD or null. */
  dateOf: (articleId: string) => string | null;
}

/** Why a sentence may not stand alone in a summary; null when it may. */
export type Ineligible =
  | 'short'
  | 'long'
  | 'question'
  | 'byline'
  | 'credit'
  | 'chrome'
  | 'fragment'
  | 'quote-fragment'
  | 'other-language';

export interface StorySentence {
  index: number;
  text: string;
  /** The unit's representative article (its canonical when present among the members). */
  articleId: string;
  /** Every member of the unit whose text holds this sentence verbatim (articleId first). */
  articleIds: string[];
  unit: string;
  source: string;
  /** Index of `source` in StoryAnalysis.sources. */
  sourceIndex: number;
  paragraph: number;
  /** 0-based sentence number within its article. */
  ordinal: number;
  words: number;
  ineligible: Ineligible | null;
  /** Share of the sentence's words inside quotation marks. */
  quoted: number;
  /** The figures it states, normalised ("seven" and "7" → "7"; "15,000" → "15000"). */
  numbers: string[];
  /** Term ids and L2-normalised TF-IDF weights. */
  terms: Int32Array;
  weights: Float32Array;
}

export interface StoryAnalysis {
  sentences: StorySentence[];
  sources: string[];
  /** Units in reading order: earliest date first, then input order. */
  units: { id: string; articleId: string; source: string; date: string | null; sentences: number[] }[];
  /** The story's main language (most words), null when none is known. */
  language: string | null;
  /**
   * Postings in compressed rows: the sentences using term t are postIds[postStart[t] … postStart[t+1]),
   * with their weights for t in postWeights; for all-pairs cosine by accumulation.
   */
  postStart: Int32Array;
  postIds: Int32Array;
  postWeights: Float32Array;
}

/** Sentences shorter than this (words) are fragments, credits or datelines rather than facts; set on the seeds and examples, where no informative sentence is shorter. */
export const MIN_SENTENCE_WORDS = 8;
/** Longer sentences are usually run-together paragraphs (missing punctuation) or lists; an editor would not lift them whole. */
export const MAX_SENTENCE_WORDS = 60;

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out ' +
    'over own same she should so some such than that the their theirs them themselves then there these they this those through to ' +
    'too under until up very was we were what when where which while who whom why will with would you your yours yourself ' +
    'yourselves said says say told tell according mr mrs ms'
  ).split(' '),
);

const BYLINE_RE = /^(?:by|written by|reporting by|editing by|additional reporting|compiled by)\b|contributed (?:to )?(?:this )?report/i;
const CREDIT_RE = /^(?:photo|image|picture|credit|caption|file photo|video)\b|\b(?:getty images|ap photo|afp photo|photograph:|\/ reuters$)/i;
const CHROME_RE = /^(?:read more|click here|follow (?:us|him|her)|subscribe|sign up|watch|related|advertisement|share this|copyright|all rights reserved)\b/i;
const TERMINAL_RE = /[.!?…]["”’')\]]*$/u;
const QUOTED_SPAN_RE = /“[^”]*”?|"[^"]*"?|‘[^’]{12,}’?/gu;

/**
 * Porter stems by word: a story repeats its words many times and stemming is the costliest step of
 * reading a sentence. Cleared when it grows past STEM_CACHE_MAX so a long-running process stays bounded.
 */
const stems = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

/** Letters and digits (ASCII, Latin-1 and beyond, minus the general punctuation and CJK symbol blocks). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f);
}

/**
 * Calls `visit(start, end)` for each word of `text`: a run of letters and digits, with an apostrophe
 * and the letters after it ("Russia's", "don’t") kept in the word. A character scan rather than a
 * Unicode regular expression: reading sentences is most of the summary's cost.
 */
function scanWords(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    const q = i < n ? text.charCodeAt(i) : 0;
    if ((q === 39 || q === 0x2019) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
      i++;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
    }
    visit(start, i);
  }
}

/** Words of a text as the similarity vectors see them: lower-cased, stopwords dropped, Porter-stemmed. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  scanWords(lower, (start, end) => {
    let w = lower.slice(start, end);
    if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
    if (w.length < 2 || STOPWORDS.has(w)) return;
    let stem = stems.get(w);
    if (stem === undefined) {
      stem = /^[a-z]+$/.test(w) ? stemmer(w) : w;
      if (stems.size >= STEM_CACHE_MAX) stems.clear();
      stems.set(w, stem);
    }
    out.push(stem);
  });
  return out;
}

function wordCount(text: string): number {
  let n = 0;
  scanWords(text, () => n++);
  return n;
}

/** Why a sentence cannot be lifted into a summary as it stands, or null. */
export function ineligibility(text: string, words: number): Ineligible | null {
  if (words < MIN_SENTENCE_WORDS) return 'short';
  if (words > MAX_SENTENCE_WORDS) return 'long';
  if (/\?["”’')\]]*$/u.test(text)) return 'question';
  if (BYLINE_RE.test(text)) return 'byline';
  if (CREDIT_RE.test(text)) return 'credit';
  if (CHROME_RE.test(text)) return 'chrome';
  // Headlines, subheadings, lists and sentences cut mid-way have no closing punctuation or open lower-case.
  if (!TERMINAL_RE.test(text) || !/^["“‘'(]?[\p{Lu}\p{N}]/u.test(text)) return 'fragment';
  // A quote with no words outside its quotation marks (the second sentence of a quote, a pull quote)
  // has no speaker or context in a summary.
  if (/^["“‘]/u.test(text) && wordCount(text.replace(QUOTED_SPAN_RE, ' ')) < 3) return 'quote-fragment';
  // A closing curly quote with no opening one before it: the sentence starts inside a quote whose
  // first sentence the splitter cut off ('We appreciate your privacy,” the rep said.').
  const open = text.indexOf('“');
  const close = text.indexOf('”');
  if (close >= 0 && (open < 0 || close < open)) return 'quote-fragment';
  // The same with straight quotes: an odd number of them, the first closing a quote (after , . ! ?).
  const straight = text.split('"').length - 1;
  const first = text.indexOf('"');
  if (straight % 2 === 1 && first > 0 && /[.,!?]$/.test(text.slice(0, first))) return 'quote-fragment';
  return null;
}

function quotedShare(text: string, words: number): number {
  if (words === 0 || !/["“‘]/u.test(text)) return 0;
  const outside = wordCount(text.replace(QUOTED_SPAN_RE, ' '));
  return Math.max(0, (words - outside) / words);
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17',
  eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70',
  eighty: '80', ninety: '90', hundred: '100', dozen: '12',
};
const NUMBER_RE = /\b(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b/gi;

/** The figures of a sentence, digits and number words alike, normalised for comparison. */
export function numbersOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(NUMBER_RE)) {
    const w = m[0].toLowerCase();
    out.add(NUMBER_WORDS[w] ?? w.replace(/,/g, ''));
  }
  return [...out];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The dateline opening a wire lead ("RIVERTON, Valdoria (Meridian Press) - ", "BEIRUT, Lebanon — ",
 * "WASHINGTON (AP) --"): place and agency, not part of the fact. The rest stays verbatim in the article.
 */
const DATELINE_RE = /^\p{Lu}[\p{Lu}\s.'\/-]*\p{Lu}(?:,\s*[\p{L}\s.]{2,30}?)?\s*(?:\([^)]{1,40}\))?\s*[-—–]+\s+(?=["“\p{Lu}\p{N}])/u;

/** A sentence without its leading dateline. */
export function stripDateline(text: string): string {
  return text.replace(DATELINE_RE, '');
}

/**
 * Splits, filters and vectorises the story's sentences (copies once: only each unit's representative
 * is read). IDF is computed over the story's own sentences, so words every article uses ("Aleppo" in an
 * Aleppo story) still weigh something while the rare ones weigh more.
 */
export function analyseStory(input: SummaryInput): StoryAnalysis {
  const byUnit = new Map<string, (typeof input.articles)[number][]>();
  for (const a of input.articles) {
    const u = input.unitOf(a.id);
    (byUnit.get(u) ?? byUnit.set(u, []).get(u)!).push(a);
  }
  const languageWords = new Map<string, number>();
  for (const a of input.articles) {
    if (!a.language) continue;
    const w = a.paragraphs.reduce((s, p) => s + p.length, 0);
    languageWords.set(a.language, (languageWords.get(a.language) ?? 0) + w);
  }
  const language = [...languageWords].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? null;

  const order = input.articles.map((a) => a.id);
  const unitList = [...byUnit].map(([id, members]) => {
    const rep = members.find((m) => m.id === id) ?? members[0]!;
    return { id, rep, members, date: input.dateOf(rep.id), at: order.indexOf(rep.id) };
  });
  unitList.sort((x, y) => (x.date ?? '9999') < (y.date ?? '9999') ? -1 : (x.date ?? '9999') > (y.date ?? '9999') ? 1 : x.at - y.at);

  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const vocab = new Map<string, number>();
  const raw: { s: Omit<StorySentence, 'terms' | 'weights'>; ids: number[] }[] = [];
  const units: StoryAnalysis['units'] = [];
  for (const u of unitList) {
    const source = input.sourceOf(u.rep.id);
    if (!sourceIndex.has(source)) sourceIndex.set(source, sources.push(source) - 1);
    const otherLanguage = language !== null && u.rep.language !== null && u.rep.language !== language;
    const memberTexts = u.members.filter((m) => m.id !== u.rep.id).map((m) => ({ id: m.id, text: squash(m.paragraphs.join(' ')) }));
    const unitSentences: number[] = [];
    let ordinal = 0;
    u.rep.paragraphs.forEach((paragraph, p) => {
      for (const [at, sentence] of splitSentences(paragraph).entries()) {
        // A dateline opens a paragraph (often the first, sometimes after a caption or standfirst).
        const text = at === 0 ? stripDateline(squash(sentence)) : squash(sentence);
        const words = wordCount(text);
        const ids: number[] = [];
        for (const term of contentTerms(text)) {
          let id = vocab.get(term);
          if (id === undefined) vocab.set(term, (id = vocab.size));
          ids.push(id);
        }
        unitSentences.push(raw.length);
        raw.push({
          s: {
            index: raw.length,
            text,
            articleId: u.rep.id,
            articleIds: [u.rep.id, ...memberTexts.filter((m) => m.text.includes(text)).map((m) => m.id)],
            unit: u.id,
            source,
            sourceIndex: sourceIndex.get(source)!,
            paragraph: p,
            ordinal: ordinal++,
            words,
            ineligible: otherLanguage ? 'other-language' : ineligibility(text, words),
            quoted: quotedShare(text, words),
            numbers: numbersOf(text),
          },
          ids,
        });
      }
    });
    units.push({ id: u.id, articleId: u.rep.id, source, date: u.date, sentences: unitSentences });
  }

  // A demonym and its country are one term ("Russian talks" and "Russia's talks"), when both occur.
  const alias = new Map<number, number>();
  for (const [term, id] of vocab) {
    if (!term.endsWith('n')) continue;
    const base = vocab.get(term.slice(0, -1)) ?? (term.endsWith('ian') ? undefined : vocab.get(term.slice(0, -2)));
    if (base !== undefined) alias.set(id, base);
  }
  // Term ids (aliases resolved) sorted, so that repeats sit together and count as the term frequency.
  for (const r of raw) {
    if (alias.size > 0) for (let k = 0; k < r.ids.length; k++) r.ids[k] = alias.get(r.ids[k]!) ?? r.ids[k]!;
    r.ids.sort((a, b) => a - b);
  }
  const df = new Int32Array(vocab.size + 1);
  for (const r of raw) for (let k = 0; k < r.ids.length; k++) if (k === 0 || r.ids[k] !== r.ids[k - 1]) df[r.ids[k]!]!++;
  const n = raw.length;
  const postStart = new Int32Array(vocab.size + 1);
  for (let t = 0; t < vocab.size; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const postIds = new Int32Array(postStart[vocab.size]!);
  const postWeights = new Float32Array(postStart[vocab.size]!);
  const fill = postStart.slice(0, vocab.size);
  const sentences: StorySentence[] = raw.map((r, index) => {
    let distinct = 0;
    for (let k = 0; k < r.ids.length; k++) if (k === 0 || r.ids[k] !== r.ids[k - 1]) distinct++;
    const terms = new Int32Array(distinct);
    const weights = new Float32Array(distinct);
    let j = -1;
    for (let k = 0; k < r.ids.length; k++) {
      const id = r.ids[k]!;
      if (k === 0 || id !== r.ids[k - 1]) terms[++j] = id;
      weights[j]! += 1;
    }
    let norm = 0;
    for (let k = 0; k < distinct; k++) {
      const w = weights[k]! * (1 + Math.log(n / df[terms[k]!]!));
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < distinct; k++) {
      weights[k]! /= norm;
      const at = fill[terms[k]!]!++;
      postIds[at] = index;
      postWeights[at] = weights[k]!;
    }
    return { ...r.s, terms, weights };
  });
  return { sentences, sources, units, language, postStart, postIds, postWeights };
}

/** Cosine of two sentences (their vectors are unit length and their term ids sorted). */
export function cosine(a: StorySentence, b: StorySentence): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/**
 * Calls `visit(t, sim)` for every sentence t sharing a term with `s` (t ≠ s), by accumulating over the
 * postings of s's terms: all pairs of a 100-article story cost the sum of squared posting lengths, not n².
 */
export function similarRow(analysis: StoryAnalysis, s: StorySentence, acc: Float64Array, touched: number[], visit: (t: number, sim: number) => void): void {
  touched.length = 0;
  const { postStart, postIds, postWeights } = analysis;
  for (let k = 0; k < s.terms.length; k++) {
    const term = s.terms[k]!;
    const w = s.weights[k]!;
    for (let q = postStart[term]!, end = postStart[term + 1]!; q < end; q++) {
      const t = postIds[q]!;
      if (acc[t] === 0) touched.push(t);
      acc[t]! += w * postWeights[q]!;
    }
  }
  for (const t of touched) {
    const sim = acc[t]!;
    acc[t] = 0;
    if (t !== s.index) visit(t, sim);
  }
}
