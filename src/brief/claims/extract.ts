/**
 * extractClaims: the figures one article states, each with what it counts, the cause, where and as of
 * when, and its evidence sentence verbatim. A light pattern reader over tokens, no parser:
 *
 * - the counted noun phrase follows the figure ("eight people", "tens of thousands of civilians"), up
 *   to the first plural-looking word or function word; "70 others", "31 were missing" and "put the
 *   number at 8,000" take the noun of the figure before them in the same paragraph;
 * - the event verb is the word before the figure ("killed seven people", "killing at least nine") or
 *   after the noun phrase past auxiliaries, one prepositional phrase or one comma-set parenthetical
 *   ("two Russian nurses in Aleppo were killed"); "the death toll rose to 14" and "the number of people
 *   killed has risen to 23" read their noun and verb from the phrase before the figure;
 * - the cause is "by X" / "in X" after the verb or the subject before an active verb ("rebel shelling
 *   killed"), kept only when its head is a cause noun (shelling, bombardment, strike, …);
 * - the time is the nearest reference in the sentence, else the paragraph's last one, else the
 *   article date (see time.ts); "since X" marks a cumulative figure.
 */
import type { Article } from '../../records/index.ts';
import { extractEntities, type Entity } from '../../entities/index.ts';
import { findNumbers, tokenize, type Found, type Token } from './numbers.ts';
import { splitSentences } from './sentences.ts';
import {
  ANAPHORIC_HEADS, AUX_WORDS, CAUSE_NOUNS, EVENT_VERBS, FIGURE_VERB_CLASSES, GENERIC_HEADS, HEAD_CLASSES, MEASURE_WORDS, MONTHS, STOP_WORDS, WEEKDAYS, singular,
} from './tables.ts';
import { timeRefs, type TimeRef } from './time.ts';
import type { Claim } from './types.ts';

/** Longest counted noun phrase read after a figure ("Qaeda-linked rebel fighters"). */
const NP_MAX = 4;
/** Longest comma-set parenthetical skipped between a noun and its verb ("civilians, most disabled …, were evacuated"). */
const PAREN_MAX = 14;
/** Longest prepositional phrase skipped between a noun and its verb ("nurses in Aleppo were killed"). */
const PP_MAX = 4;
/** How far back (tokens) "death toll" / "number of" may stand from the figure it introduces. */
const TOLL_WINDOW = 25;
/** Longest cause phrase read before an active verb ("air strikes and shelling"). */
const CAUSE_MAX = 5;

const PLURAL_IRREGULAR = new Set(['people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'troops', 'cattle', 'others']);
const PAST_VERBS = new Set([
  'spent', 'took', 'went', 'made', 'came', 'left', 'got', 'saw', 'held', 'ran', 'fell', 'rose', 'gave', 'put', 'sent', 'lost', 'won',
  'met', 'kept', 'told', 'began', 'found', 'paid', 'brought', 'became', 'stood', 'live', 'lived', 'work', 'worked', 'remain',
  'remained', 'need', 'needed', 'face', 'faced', 'live', 'say', 'said', 'according', 'fought', 'joined', 'returned', 'waited',
]);
const PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'inside', 'on', 'around', 'outside', 'along']);
const PARTITIVE_NEXT = new Set(['the', 'them', 'those', 'these', 'whom', 'which', 'its', 'their', 'us', 'our', 'his', 'her']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her']);
const TOLL_WORDS = new Set(['toll']);
const SPEAKER_AFTER_RE = /^(?:'s|’s)?\s+(?:said|says|told|announced|reported|claimed)\b/;
const NUMBER_WORDS = new Set(['number', 'figure', 'total', 'tally', 'count']);

const isPluralLooking = (w: string) => PLURAL_IRREGULAR.has(w) || (/s$/.test(w) && !/(?:ss|us|is|'s)$/.test(w) && w.length > 3);
const isNpWord = (t: Token) =>
  t.word && !STOP_WORDS.has(t.low) && !EVENT_VERBS.has(t.low) && !AUX_WORDS.has(t.low) && !PAST_VERBS.has(t.low) && !WEEKDAYS.has(t.low) &&
  !(MONTHS.has(t.low) && /^\p{Lu}/u.test(t.text)) && !/^\d/.test(t.text) && !(/ed$/.test(t.low) && !/[-‐‑]/.test(t.low) && t.low.length > 4);

interface NounPhrase {
  words: string[];
  head: string;
  end: number;
}

/** The noun phrase starting at token i, ending at its first plural-looking word. */
function nounPhrase(toks: readonly Token[], i: number): NounPhrase | null {
  const words: string[] = [];
  let j = i;
  while (j < toks.length && words.length < NP_MAX && isNpWord(toks[j]!)) {
    words.push(toks[j]!.text);
    j++;
    if (isPluralLooking(toks[j - 1]!.low) || MEASURE_WORDS.has(toks[j - 1]!.low)) break;
  }
  if (!words.length) return null;
  return { words, head: words.at(-1)!, end: j };
}

/** The event verb after a noun phrase ending at j: past a parenthetical, a prepositional phrase and auxiliaries. */
function verbAfter(toks: readonly Token[], j: number): number | null {
  if (toks[j]?.text === ',') {
    const close = toks.findIndex((t, k) => k > j && k <= j + PAREN_MAX && t.text === ',');
    if (close > 0) j = close + 1;
  }
  if (PREPOSITIONS.has(toks[j]?.low ?? '')) {
    let k = j + 1;
    while (k < toks.length && k <= j + PP_MAX && toks[k]!.word && !AUX_WORDS.has(toks[k]!.low) && !EVENT_VERBS.has(toks[k]!.low)) k++;
    if (AUX_WORDS.has(toks[k]?.low ?? '')) j = k;
  }
  while (j < toks.length && AUX_WORDS.has(toks[j]!.low)) j++;
  return EVENT_VERBS.has(toks[j]?.low ?? '') ? j : null;
}

function normCause(words: readonly string[]): string | null {
  const ws = words.map((w) => singular(w.toLowerCase())).filter((w) => !DETERMINERS.has(w));
  if (!ws.length || !CAUSE_NOUNS.has(ws.at(-1)!) && !CAUSE_NOUNS.has(`${ws.at(-1)!}s`)) return null;
  return ws.join(' ');
}

/** "by rebel shelling", "in government bombardments of …", "from shelling" after the verb at v. */
function causeAfter(toks: readonly Token[], v: number): string | null {
  let j = v + 1;
  const prep = toks[j]?.low;
  if (prep !== 'by' && prep !== 'in' && prep !== 'from') return null;
  j++;
  const words: string[] = [];
  while (j < toks.length && words.length < CAUSE_MAX && toks[j]!.word && (toks[j]!.low === 'and' || !STOP_WORDS.has(toks[j]!.low) || DETERMINERS.has(toks[j]!.low))) {
    if (!DETERMINERS.has(toks[j]!.low) && !WEEKDAYS.has(toks[j]!.low)) words.push(toks[j]!.text);
    j++;
  }
  while (words.length && (words.at(-1) === 'and' || !CAUSE_NOUNS.has(singular(words.at(-1)!)) && !CAUSE_NOUNS.has(words.at(-1)!.toLowerCase()))) words.pop();
  return normCause(words);
}

/** The subject of an active verb at v ("rebel shelling killed", "air strikes and shelling on Wednesday killed"). */
function causeBefore(toks: readonly Token[], v: number): string | null {
  let j = v - 1;
  while (j >= 0 && AUX_WORDS.has(toks[j]!.low)) j--;
  if (j >= 1 && (WEEKDAYS.has(toks[j]!.low) || toks[j]!.low === 'yesterday')) j -= toks[j - 1]!.low === 'on' ? 2 : 1;
  const words: string[] = [];
  while (j >= 0 && words.length < CAUSE_MAX && toks[j]!.word && (toks[j]!.low === 'and' || !STOP_WORDS.has(toks[j]!.low))) {
    words.unshift(toks[j]!.text);
    j--;
  }
  while (words.length && words[0] === 'and') words.shift();
  return normCause(words);
}

interface Place {
  key: string;
  name: string;
  offset: number;
}

function placesIn(sentence: string, variants: readonly { key: string; name: string; form: string }[]): Place[] {
  const out: Place[] = [];
  for (const v of variants) {
    let from = 0;
    for (;;) {
      const at = sentence.indexOf(v.form, from);
      if (at < 0) break;
      const before = sentence[at - 1] ?? ' ';
      const after = sentence[at + v.form.length] ?? ' ';
      // "Moscow said …" names the speaker's seat, not where the counted thing happened.
      const speaker = SPEAKER_AFTER_RE.test(sentence.slice(at + v.form.length, at + v.form.length + 12));
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after) && !speaker) out.push({ key: v.key, name: v.name, offset: at });
      from = at + v.form.length;
    }
  }
  return out;
}

interface Context {
  /** Noun, modifiers, verb and cause of the last counted figure in the paragraph, for anaphora. */
  last: { head: string; modifiers: string[]; display: string[]; verb: string | null; cause: string | null } | null;
  point: TimeRef | null;
  since: TimeRef | null;
}

/**
 * The claims one article states. `publishedOrInferred` is the article's date (given, or inferred by the
 * cluster stage for an undated article); relative times resolve against it. Articles in a language other
 * than English give no claims: the word tables are English.
 *
 * @example
 *   extractClaims(article, '2016-12-05')
 *   // → [{ counts: 'people killed', subject: ['killed', 'rebel shelling'], when: '2016-12-05',
 *   //      value: { value: 8, qualifier: 'exact', unit: 'count', raw: 'eight', … }, evidence: '…' }, …]
 */
export function extractClaims(
  article: Pick<Article, 'id' | 'paragraphs' | 'language' | 'title'>,
  publishedOrInferred: string | null,
  entities: readonly Entity[] = extractEntities({ title: article.title, paragraphs: article.paragraphs }),
): Claim[] {
  if (article.language && article.language !== 'en') return [];
  const base = publishedOrInferred;
  const variants: { key: string; name: string; form: string }[] = [];
  for (const e of entities) {
    if (e.kind !== 'place') continue;
    for (const form of new Set([e.name, ...e.variants])) if (form.length >= 3) variants.push({ key: e.key, name: e.name, form });
  }
  const claims: Claim[] = [];
  for (const paragraph of article.paragraphs) {
    const ctx: Context = { last: null, point: null, since: null };
    for (const sentence of splitSentences(paragraph)) {
      const toks = tokenize(sentence);
      const found = findNumbers(sentence, toks);
      const refs = timeRefs(toks, base);
      if (refs.length) {
        ctx.point = refs.filter((r) => r.kind === 'point').at(-1) ?? null;
        ctx.since = refs.find((r) => r.kind === 'since') ?? null;
      }
      const points = refs.length ? refs.filter((r) => r.kind === 'point') : ctx.point ? [ctx.point] : [];
      const since = refs.length ? refs.find((r) => r.kind === 'since') ?? null : ctx.since;
      const places = placesIn(sentence, variants);
      for (const f of found) {
        const claim = readClaim(article.id, sentence, toks, f, ctx, claims.length);
        if (!claim) continue;
        const at = toks[f.core]!.start;
        const near = <T,>(xs: readonly T[], pos: (x: T) => number) =>
          xs.reduce<T | null>((best, x) => (best === null || Math.abs(pos(x) - at) < Math.abs(pos(best) - at) ? x : best), null);
        const point = refs.length ? near(points, (r) => toks[r.at]!.start) : points[0] ?? null;
        claim.when = point ? point.date : base;
        claim.since = since?.date ?? null;
        const place = near(places, (p) => p.offset);
        claim.where = place?.name ?? null;
        claim.places = [...new Set(places.map((p) => p.key))].sort();
        claims.push(claim);
      }
    }
  }
  return claims;
}

function readClaim(articleId: string, sentence: string, toks: readonly Token[], f: Found, ctx: Context, n: number): Claim | null {
  const m = f.mention;
  if (m.unit === 'year' || m.unit === 'date') return null;
  let j = f.end;
  const ofNext = toks[j]?.low === 'of';
  const base = (): Claim => ({
    id: `${articleId}#${n}`, counts: '', subject: [], where: null, when: null, value: m, articleId, evidence: sentence, since: null,
    key: '', cause: null, places: [], modifiers: [], alignable: false,
  });
  const verbBeforeTok = toks[f.start - 1];

  if (m.unit === 'share' || m.unit === 'percent' || m.unit === 'money') {
    let np: NounPhrase | null = null;
    if (ofNext || (m.unit === 'money' && /^(?:in|for)$/.test(toks[j]?.low ?? ''))) {
      let k = j + 1;
      if (DETERMINERS.has(toks[k]?.low ?? '')) k++;
      np = nounPhrase(toks, k);
    } else if (m.unit === 'percent') {
      np = nounPhrase(toks, j); // "a 9% pay rise"
    }
    // "seeking a 9% pay rise", "offered 4.5%": the word before the figure (past an article) keys what the figure is.
    const verbBeforeTok = DETERMINERS.has(toks[f.start - 1]?.low ?? '') ? toks[f.start - 2] : toks[f.start - 1];
    const verb = verbBeforeTok && verbBeforeTok.word && /^\p{Ll}/u.test(verbBeforeTok.text) && !STOP_WORDS.has(verbBeforeTok.low) ? verbBeforeTok.low : null;
    const what = m.unit === 'money' ? f.currency ?? 'money' : m.unit;
    const c = base();
    c.counts = [m.unit === 'money' || !ofNext ? what : `${what} of`, np?.words.join(' '), verb].filter(Boolean).join(' ');
    const headKey = np ? (HEAD_CLASSES.get(singular(np.head).toLowerCase()) ?? singular(np.head)) : '';
    const verbKey = verb ? (FIGURE_VERB_CLASSES.get(verb) ?? stem(verb)) : '';
    c.key = `${m.unit}|${headKey}|${verbKey}|${m.unit === 'money' ? what : ''}`;
    c.subject = [verb, ...(np?.words.slice(0, -1).map((w) => w.toLowerCase()) ?? [])].filter((x): x is string => !!x);
    c.modifiers = np?.words.slice(0, -1).map((w) => w.toLowerCase()) ?? [];
    c.alignable = !!np || !!verb;
    return c;
  }

  // Counts and measures.
  // "12 of 140 bus routes", "15 of the city's 140 routes": the first figure counts the noun after the
  // total; the total is the whole, not the claim (see totalOfPartitive).
  const total = ofNext ? partitiveTotal(toks, j + 1) : null;
  if (ofNext && total === null && m.qualifier !== 'several' && PARTITIVE_NEXT.has(toks[j + 1]?.low ?? '')) return null; // "nine of the people": a subset
  if (totalOfPartitive(toks, f.start)) return null;
  if (ofNext && m.qualifier === 'several') j++;
  if (total !== null) j = total + 1;
  let np = nounPhrase(toks, j);
  let verbAt: number | null = null;
  let verb: string | null = null;
  if (verbBeforeTok && EVENT_VERBS.has(verbBeforeTok.low)) verbAt = f.start - 1;
  else {
    const after = verbAfter(toks, np ? np.end : j);
    if (after !== null) verbAt = after;
  }
  if (verbAt !== null) {
    verb = EVENT_VERBS.get(toks[verbAt]!.low)!;
    // "crews had taken 640 people out of the valley" is an evacuation; "taken to hospitals" is not.
    if (verb === 'taken' && toks.slice(verbAt, verbAt + NP_MAX + 4).some((t, k, xs) => t.low === 'out' && xs[k + 1]?.low === 'of')) verb = 'evacuated';
  }
  let head = np?.head ?? null;
  let display = np?.words ?? [];
  let modifiers = np ? np.words.slice(0, -1).map((w) => w.toLowerCase()) : [];
  let cause: string | null = verbAt === null ? null : verbAt < f.start ? causeBefore(toks, verbAt) : causeAfter(toks, verbAt);

  if (!np && verbAt === null) {
    // "the death toll rose to 14", "the number of people killed has risen to 23", "put the number at 8,000".
    for (let k = f.start - 1; k >= Math.max(0, f.start - TOLL_WINDOW); k--) {
      const w = toks[k]!.low;
      if (TOLL_WORDS.has(w)) {
        head = 'people';
        display = ['people'];
        verb = 'killed';
        break;
      }
      if (NUMBER_WORDS.has(w)) {
        if (toks[k + 1]?.low === 'of') {
          const inner = nounPhrase(toks, k + 2);
          if (inner) {
            head = inner.head;
            display = inner.words;
            modifiers = inner.words.slice(0, -1).map((x) => x.toLowerCase());
            const v = EVENT_VERBS.get(toks[inner.end]?.low ?? '');
            verb = v ?? null;
            if (verb) cause = causeAfter(toks, inner.end);
          }
        } else if (ctx.last && DETERMINERS.has(toks[k - 1]?.low ?? '')) {
          ({ head, modifiers, display, verb, cause } = ctx.last);
        }
        break;
      }
    }
  }
  if (!head || ANAPHORIC_HEADS.has(head.toLowerCase())) {
    if (ctx.last && (verb || head)) {
      head = ctx.last.head;
      display = ctx.last.display;
      modifiers = ctx.last.modifiers;
    } else if (verb) {
      head = 'people';
      display = ['people'];
    } else return null;
  }
  if (f.word === 'one' && !verb) return null; // "one official", "in one part": not a figure anyone reports
  const isMeasure = MEASURE_WORDS.has(head.toLowerCase());
  const c = base();
  if (isMeasure) c.value = { ...m, unit: 'other' };
  c.counts = [...display, verb].filter(Boolean).join(' ');
  const headKey = HEAD_CLASSES.get(singular(head)) ?? singular(head);
  c.key = `${c.value.unit}|${headKey}|${verb ?? ''}`;
  c.cause = cause;
  c.modifiers = modifiers;
  c.subject = [verb, cause, ...modifiers].filter((x): x is string => !!x);
  c.alignable = !isMeasure && (verb !== null || (!GENERIC_HEADS.has(headKey) && modifiers.length > 0));
  ctx.last = { head, modifiers, display, verb, cause };
  return c;
}

/** Determiners and possessives between "of" and a total ("of the city's 140", "of its 140"). */
const isTotalLead = (t: Token | undefined) => !!t && (DETERMINERS.has(t.low) || /^[\p{L}]+['’]s$/u.test(t.text));
const isNumberToken = (t: Token | undefined) => !!t && /^\d[\d,.]*$/u.test(t.text);

/** Index of the total in "N of [the city's] M …" when the tokens from k (after "of") lead to a number, else null. */
function partitiveTotal(toks: readonly Token[], k: number): number | null {
  let i = k;
  while (i < toks.length && i < k + 3 && isTotalLead(toks[i])) i++;
  return isNumberToken(toks[i]) ? i : null;
}

/** Whether the figure starting at `start` is the total of a partitive ("140" in "12 of the city's 140 routes"). */
function totalOfPartitive(toks: readonly Token[], start: number): boolean {
  let i = start - 1;
  while (i >= 0 && i > start - 4 && isTotalLead(toks[i])) i--;
  return toks[i]?.low === 'of' && isNumberToken(toks[i - 1]);
}

/** Crude verb stem so "seized"/"seizing"/"seizes" share a key. */
function stem(w: string): string {
  return w.replace(/(?:ing|ed|es|s)$/, '');
}
