/**
 * HTML pages → Draft. One parse (htmlparser2) is shared by the metadata reader (`meta/`: head, JSON-LD,
 * microdata, <time>) and the body extractor (`body/`: container scoring and chrome pruning); the
 * text-level signals run later, in the orchestrator, on what this returns.
 */
import { contentPieces, type RawPage } from '../../records/index.ts';
import type { Draft } from '../types.ts';
import { parseHtml } from './dom.ts';
import { readHtmlMeta } from './meta/index.ts';
import { extractBody } from './body/index.ts';

export { extractBody } from './body/index.ts';

/**
 * Extracts the article body and the page's own metadata from an HTML page. Never throws on malformed
 * or truncated markup; a page with no article gives no paragraphs (the orchestrator refuses it).
 *
 * @example
 *   const draft = extractHtmlDraft({ source: 'a.html', url: null, format: 'html', content: html,
 *                                    fetchedAt: null, encoding: 'utf-8', bytes: html.length });
 *   draft.paragraphs; // ['First paragraph…', …]
 */
export function extractHtmlDraft(page: RawPage): Draft {
  const doc = parseHtml(contentPieces(page));
  const meta = readHtmlMeta(doc, page.url);
  const body = extractBody(doc, meta.title);
  return {
    title: meta.title,
    paragraphs: body.paragraphs,
    removed: body.removed,
    headerLines: body.headerLines,
    outlet: meta.outlet,
    originalSource: meta.originalSource,
    published: meta.published,
    byline: meta.byline,
    dateline: null,
    declaredLanguage: meta.language,
  };
}
