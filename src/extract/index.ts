/**
 * Extract stage: RawPage → Article. A pure function over one page (plus optional cross-page template
 * evidence); no I/O, no clock.
 *
 * Order: cheap refusals (empty, too large) → the format's extractor (text dump or HTML) produces a
 * Draft → text-level signals fill attribution, date, dateline, byline, outlet and language → the
 * record is assembled, or refused as not_an_article when no body is left.
 */
import { createHash } from 'node:crypto';
import { contentPieces, type Article, type ExtractFailure, type ExtractResult, type PageError, type RawPage } from '../records/index.ts';
import { extractTextDraft } from './text/index.ts';
import { extractHtmlDraft } from './html/index.ts';
import { applySignals } from './signals/index.ts';
import { charClass, LETTER, LETTER_OR_NUMBER } from './signals/letters.ts';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions, type TemplateEvidence } from './types.ts';

export { buildTemplateIndex, type TemplateIndex } from './text/template.ts';
export type { ExtractOptions, TemplateEvidence, Draft, Evidence } from './types.ts';
export { DEFAULT_EXTRACT_OPTIONS } from './types.ts';

/**
 * Content-derived id: the same decoded page gives the same id everywhere. Hashed piece by piece when the
 * page has pieces (the UTF-8 of a concatenation is the concatenation of the pieces' UTF-8).
 */
export function pageId(page: Pick<RawPage, 'content' | 'pieces'>): string {
  const hash = createHash('sha256');
  for (const piece of contentPieces(page)) hash.update(piece);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Extract a clean, attributed article from one decoded page.
 *
 * @example
 *   const result = extract({ source: 'a.txt', url: null, format: 'text', content, fetchedAt: null,
 *                            encoding: 'utf-8', bytes: content.length });
 *   if (result.ok) console.log(result.title, result.paragraphs.length);
 */
export function extract(
  page: RawPage,
  template: TemplateEvidence | null = null,
  options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS,
): ExtractResult {
  const id = pageId(page);
  const fail = (code: PageError['code'], message: string): ExtractFailure => ({
    id,
    source: page.source,
    url: page.url,
    ok: false,
    error: { code, message },
  });
  if (contentPieces(page).every((piece) => piece.trim() === '')) return fail('empty', 'the page has no text');
  if (page.content.length > options.maxChars) {
    return fail('too_large', `${page.content.length} characters is over the limit of ${options.maxChars}`);
  }

  const draft = page.format === 'html' ? extractHtmlDraft(page) : extractTextDraft(page, template);
  const signals = applySignals(draft, page);
  const paragraphs = signals.paragraphs;
  const text = paragraphs.join('\n\n');
  const wordCount = countWords(text);
  if (wordCount < options.minWords) {
    return fail(
      'not_an_article',
      wordCount === 0
        ? 'no article body found: every block looked like navigation, lists or site chrome'
        : `only ${wordCount} words of body text (an article needs at least ${options.minWords})`,
    );
  }
  const article: Article = {
    id,
    source: page.source,
    url: page.url,
    ok: true,
    format: page.format,
    title: draft.title,
    outlet: signals.outlet?.value ?? null,
    originalSource: signals.originalSource?.value ?? null,
    originalSourceEvidence: signals.originalSource?.evidence ?? null,
    published: signals.published?.value ?? null,
    publishedEvidence: signals.published?.evidence ?? null,
    dateline: signals.dateline,
    byline: signals.byline,
    language: signals.language,
    paragraphs,
    text,
    wordCount,
    removed: signals.removed,
    fetchedAt: page.fetchedAt,
  };
  return article;
}

/**
 * Words in a text: runs of letters and digits, with apostrophe joins ("don't", "rock’n’roll") kept in
 * one word. The same count as `/[\p{L}\p{N}]+(?:['’][\p{L}]+)*\/gu` matches, by a scan that builds no
 * array of matches (on whole article bodies the regex's array was most of the cost).
 */
export function countWords(text: string): number {
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let cp = text.codePointAt(i)!;
    if ((charClass(cp) & LETTER_OR_NUMBER) === 0) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    count++;
    while (i < n && (charClass((cp = text.codePointAt(i)!)) & LETTER_OR_NUMBER) !== 0) i += cp > 0xffff ? 2 : 1;
    // Greedy apostrophe joins, each followed by letters only, as the regex takes them.
    while (i + 1 < n && (text[i] === "'" || text[i] === '’') && (charClass(text.codePointAt(i + 1)!) & LETTER) !== 0) {
      i++;
      while (i < n && (charClass((cp = text.codePointAt(i)!)) & LETTER) !== 0) i += cp > 0xffff ? 2 : 1;
    }
  }
  return count;
}
