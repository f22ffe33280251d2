/**
 * Figures in a sentence: digits ("15,000", "1.5 million", "7%"), spelled numbers ("eight", "seventy"),
 * fractions ("two-thirds", "at least three-quarters"), vague amounts ("several thousand", "tens of
 * thousands") and their qualifiers ("more than", "about", "nearly"), money, years and calendar dates.
 * Clock times ("2 a.m."), ordinals, hyphenated measures ("a 58-metre dam") and ages ("Lena Marsh, 34,")
 * are not figures and are skipped.
 */
import {
  CLOCK_WORDS, CURRENCY_SYMBOLS, CURRENCY_WORDS, FRACTIONS, MEASURE_WORDS, MONTHS, QUALIFIERS, SCALES, SMALL_NUMBERS, VAGUE,
} from './tables.ts';
import type { NumberMention } from './types.ts';

export interface Token {
  text: string;
  low: string;
  start: number;
  end: number;
  /** A word (letters/digits), not punctuation. */
  word: boolean;
}

const TOKEN_RE = /US\$|[$€£¥%]|a\.m\.|p\.m\.|\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)?(?:[-‐‑][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Words, figures and punctuation of a sentence with their offsets. */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(TOKEN_RE)) {
    const text = m[0];
    out.push({ text, low: text.toLowerCase().replace(/’/g, "'").replace(/\.$/, ''), start: m.index!, end: m.index! + text.length, word: /[\p{L}\p{N}]/u.test(text) });
  }
  return out;
}

/** A figure found at tokens [start, end) of a sentence. */
export interface Found {
  mention: NumberMention;
  start: number;
  end: number;
  /** Token index where the figure proper begins (after its qualifier). */
  core: number;
  /** Currency name for money ("dollars"). */
  currency: string | null;
  /** True when written with a word scale or as words ("eight"), used to refuse "one" noise. */
  word: string | null;
}

/** Years a bare four-digit figure may be. */
const YEAR_MIN = 1800;
const YEAR_MAX = 2100;
/** A number set off by commas right after a capitalised name is an age ("Anton Ressel, 52,"): at most this. */
const MAX_AGE = 120;

const DIGITS_RE = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

function matchWords(toks: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (toks[i + k]?.low !== words[k]) return false;
  return true;
}

/** A spelled or digit number at i: value and tokens used. */
function readNumber(toks: readonly Token[], i: number): { value: number; end: number; word: string | null } | null {
  const t = toks[i];
  if (!t) return null;
  let value: number;
  let end = i + 1;
  let word: string | null = null;
  if (DIGITS_RE.test(t.text)) {
    value = Number(t.text.replace(/,/g, ''));
  } else {
    const parts = t.low.split(/[-‐‑]/);
    if (parts.length === 2 && SMALL_NUMBERS.has(parts[0]!) && SMALL_NUMBERS.has(parts[1]!) && SMALL_NUMBERS.get(parts[0]!)! >= 20) {
      value = SMALL_NUMBERS.get(parts[0]!)! + SMALL_NUMBERS.get(parts[1]!)!;
    } else if (SMALL_NUMBERS.has(t.low) && t.low !== 'dozen') {
      value = SMALL_NUMBERS.get(t.low)!;
    } else return null;
    word = t.low;
  }
  // "two hundred", "1.5 million", "40 million", "five thousand"
  while (toks[end] && SCALES.has(toks[end]!.low) && (toks[end]!.low.length > 2 || /\d$/.test(toks[end - 1]!.text))) {
    const s = SCALES.get(toks[end]!.low)!;
    if (s <= value) break;
    value *= s;
    end++;
    word = null;
  }
  return { value, end, word };
}

/** "two-thirds", "three-quarters", "a third", "half": the share and the tokens used. */
function readFraction(toks: readonly Token[], i: number): { value: number; end: number } | null {
  const t = toks[i];
  if (!t) return null;
  const parts = t.low.split(/[-‐‑]/);
  if (parts.length === 2 && SMALL_NUMBERS.has(parts[0]!) && FRACTIONS.has(parts[1]!)) {
    return { value: SMALL_NUMBERS.get(parts[0]!)! / FRACTIONS.get(parts[1]!)!, end: i + 1 };
  }
  if ((t.low === 'a' || t.low === 'one') && FRACTIONS.has(toks[i + 1]?.low ?? '') && toks[i + 2]?.low === 'of') {
    return { value: 1 / FRACTIONS.get(toks[i + 1]!.low)!, end: i + 2 };
  }
  if (t.low === 'half' && toks[i + 1]?.low === 'of') return { value: 0.5, end: i + 1 };
  return null;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Every figure in a sentence, in order. Year and date figures are returned with unit 'year'/'date'
 * (they are time references, not counts).
 *
 * @example findNumbers('More than 300 people have been killed since 2012.')
 *   // → [{ mention: { value: 300, qualifier: 'more-than', unit: 'count', raw: 'More than 300', … } },
 *   //    { mention: { value: 2012, unit: 'year', … } }]
 */
export function findNumbers(sentence: string, toks: readonly Token[] = tokenize(sentence)): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < toks.length) {
    const found = readAt(sentence, toks, i);
    if (found) {
      out.push(found);
      i = found.end;
    } else i++;
  }
  return out;
}

function readAt(sentence: string, toks: readonly Token[], i: number): Found | null {
  let qualifier: NumberMention['qualifier'] = 'exact';
  let core = i;
  for (const q of QUALIFIERS) {
    if (matchWords(toks, i, q.words)) {
      qualifier = q.q;
      core = i + q.words.length;
      break;
    }
  }
  let currency: string | null = null;
  if (toks[core] && CURRENCY_SYMBOLS.has(toks[core]!.low)) {
    currency = CURRENCY_SYMBOLS.get(toks[core]!.low)!;
    core++;
  }
  const make = (m: Omit<NumberMention, 'raw' | 'sentence'>, end: number, word: string | null = null): Found => ({
    mention: { ...m, raw: sentence.slice(toks[i]!.start, toks[end - 1]!.end), sentence },
    start: i,
    end,
    core,
    currency,
    word,
  });

  // Vague magnitudes: "tens of thousands", "several hundred".
  for (const v of VAGUE) {
    if (matchWords(toks, core, v.words)) {
      const end = core + v.words.length;
      return make({ value: null, low: v.low, high: v.high, qualifier: 'several', unit: currency ? 'money' : 'count' }, end);
    }
  }
  const frac = readFraction(toks, core);
  if (frac) return make({ value: round3(frac.value), low: null, high: null, qualifier, unit: 'share' }, frac.end);

  const num = readNumber(toks, core);
  if (!num) return null;
  let end = num.end;
  const next = toks[end];
  const prev = toks[core - 1];
  const raw = toks[core]!;

  // Hyphenated measures and ordinals never reach here as digits; spelled compounds ("six-year-old") do.
  if (/[-‐‑]/.test(raw.text) && !SMALL_NUMBERS.has(raw.low.split(/[-‐‑]/)[1] ?? '')) return null;
  // Clock times: "2 a.m.", "2.14 a.m.", "10:30".
  if (next && (CLOCK_WORDS.has(next.low) || (next.text === ':' && /^\d/.test(toks[end + 1]?.text ?? '')))) return null;
  if (next && /^[-‐‑]$/.test(next.text) && toks[end + 1] && !/^\d/.test(toks[end + 1]!.text) && next.start === raw.end) return null;
  // Ages: "Lena Marsh, 34, said".
  if (prev?.text === ',' && next?.text === ',' && num.value <= MAX_AGE && /^\p{Lu}/u.test(toks[core - 2]?.text ?? '') && qualifier === 'exact') return null;

  // Calendar dates: "December 5", "5 December 2016".
  if ((prev && MONTHS.has(prev.low) && num.value >= 1 && num.value <= 31) || (next && MONTHS.has(next.low) && num.value >= 1 && num.value <= 31 && !num.word)) {
    if (prev && MONTHS.has(prev.low)) {
      if (toks[end]?.text === ',' && /^\d{4}$/.test(toks[end + 1]?.text ?? '')) end += 2;
      return { ...make({ value: num.value, low: null, high: null, qualifier: 'exact', unit: 'date' }, end), start: core - 1, mention: { value: num.value, low: null, high: null, qualifier: 'exact', unit: 'date', raw: sentence.slice(prev.start, toks[end - 1]!.end), sentence } };
    }
    end++;
    if (/^\d{4}$/.test(toks[end]?.text ?? '')) end++;
    return make({ value: num.value, low: null, high: null, qualifier: 'exact', unit: 'date' }, end);
  }
  // Years: a bare four-digit figure in the calendar range, not followed by a counted noun.
  if (/^\d{4}$/.test(raw.text) && num.value >= YEAR_MIN && num.value <= YEAR_MAX && end === core + 1 && !currency) {
    if (!next || !/^(?:people|persons|[a-z]+s)$/.test(next.text) || /^(?:was|is|has|as)$/.test(next.low)) {
      return make({ value: num.value, low: null, high: null, qualifier: 'exact', unit: 'year' }, end);
    }
  }
  let unit: NumberMention['unit'] = currency ? 'money' : 'count';
  let value = num.value;
  let low: number | null = null;
  let high: number | null = null;
  // Ranges: "between 10 and 20", "10 to 20", "10-20".
  const rangeWord = toks[end]?.low;
  if ((rangeWord === 'to' || rangeWord === '–' || rangeWord === '-' || (rangeWord === 'and' && toks[i - 1]?.low === 'between')) && qualifier !== 'up-to') {
    const second = readNumber(toks, end + 1);
    if (second && second.value > value) {
      low = value;
      high = second.value;
      end = second.end;
      qualifier = 'range';
    }
  }
  // Scale after a range ("10 to 20 million") is rare; scale words were read by readNumber per side.
  const after = toks[end];
  if (after && (after.text === '%' || after.low === 'percent' || (after.low === 'per' && toks[end + 1]?.low === 'cent'))) {
    unit = 'percent';
    end += after.low === 'per' ? 2 : 1;
  } else if (after && CURRENCY_WORDS.has(after.low)) {
    unit = 'money';
    currency = after.low;
    end++;
  } else if (after && MEASURE_WORDS.has(after.low)) {
    unit = 'other';
  }
  if (qualifier === 'range') return make({ value: null, low, high, qualifier, unit }, end, num.word);
  return make({ value, low: null, high: null, qualifier, unit }, end, num.word);
}
