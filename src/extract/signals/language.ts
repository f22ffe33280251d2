/**
 * Language identification with CLD3 (WebAssembly, loaded once at module load). Short or mixed text
 * that CLD3 cannot call reliably gives null rather than a guess.
 */
import { loadModule } from 'cld3-asm';
import { CLD3_TO_ISO_639_1 } from './tables.ts';

/**
 * CLD3 reads at most this many bytes of the text; the first 2,000 characters of an article body are
 * plenty to identify its language and keep the call well under a millisecond.
 */
const MAX_LANGUAGE_BYTES = 2000;
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
  const sample = text.slice(0, MAX_LANGUAGE_BYTES);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LANGUAGE_LETTERS) return null;
  const result = identifier.findLanguage(sample);
  if (!result.is_reliable) return null;
  return toIso6391(String(result.language));
}

/** Identified language first; the page's declared language when the text cannot tell. */
export function pageLanguage(text: string, declared: string | null): string | null {
  return identifyLanguage(text) ?? (declared ? toIso6391(declared) : null);
}
