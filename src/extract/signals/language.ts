/**
 * Language identification with CLD3 (WebAssembly, loaded once at module load). Short or mixed text
 * that CLD3 cannot call reliably gives null rather than a guess.
 */
import { loadModule } from 'cld3-asm';
import { CLD3_TO_ISO_639_1 } from './tables.ts';

/** CLD3's own cap on the bytes it reads of one text. */
const MAX_LANGUAGE_BYTES = 2000;
/**
 * Characters of the title and body handed to CLD3. Its cost grows with the sample (about 0.45 ms per
 * 1,000 characters, the largest part of the text-level signals), while the call settles early: on the
 * 1,586 WCXB dev bodies (HTML and text dumps) 1,000 characters gave the same answer as 2,000 on every
 * page, 800 changed one; 1,500 keeps a margin above that.
 */
export const LANGUAGE_SAMPLE_CHARS = 1500;
/**
 * Below this many letters CLD3 still answers "reliable" for nonsense (it calls "Hello" Serbian at
 * 0.83), so shorter text is not identified. Tuned by hand on single words and headlines.
 */
const MIN_LANGUAGE_LETTERS = 40;

const identifier = (await loadModule()).create(0, MAX_LANGUAGE_BYTES);

/** Maps a CLD3 code ("iw", "zh", "ru-Latn") to ISO 639-1, or null when there is no two-letter code. */
export function toIso6391(code: string): string | null {
  const base = code.toLowerCase().split('-')[0] ?? '';
  if (base in CLD3_TO_ISO_639_1) return CLD3_TO_ISO_639_1[base] ?? null;
  return /^[a-z]{2}$/.test(base) ? base : null;
}

/**
 * The ISO 639-1 language of a text, or null when it is too short or CLD3 is not confident.
 *
 * @example identifyLanguage('Russia will hold talks with the United States this week…') // 'en'
 */
export function identifyLanguage(text: string): string | null {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  if (!hasLetters(sample, MIN_LANGUAGE_LETTERS)) return null;
  const result = identifier.findLanguage(sample);
  if (!result.is_reliable) return null;
  return toIso6391(String(result.language));
}

/** True when the text holds at least `min` letters; stops counting there. */
function hasLetters(text: string, min: number): boolean {
  const letter = /\p{L}/gu;
  let n = 0;
  while (n < min && letter.exec(text)) n++;
  return n >= min;
}

/** Identified language first; the page's declared language when the text cannot tell. */
export function pageLanguage(text: string, declared: string | null): string | null {
  return identifyLanguage(text) ?? (declared ? toIso6391(declared) : null);
}
