/**
 * The article text a page declares in its JSON-LD (`articleBody` of an Article / NewsArticle /
 * BlogPosting, also inside `@graph`): the body extractor's reference for judging its own attempts. The
 * metadata reader parses the same scripts for its own fields; this reads only the one field it needs.
 */
import type { Element } from 'domhandler';
import { textContent } from 'domutils';

/** Nesting deeper than this in a JSON-LD value is not searched (no real page needs it). */
const MAX_DEPTH = 6;

function findArticleBody(v: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    let best: string | null = null;
    for (const x of v) {
      const f = findArticleBody(x, depth + 1);
      if (f !== null && (best === null || f.length > best.length)) best = f;
    }
    return best;
  }
  const o = v as Record<string, unknown>;
  if (typeof o.articleBody === 'string' && o.articleBody.trim() !== '') return o.articleBody;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart']) {
    const f = findArticleBody(o[key], depth + 1);
    if (f !== null) return f;
  }
  return null;
}

/**
 * The longest JSON-LD articleBody among the given <script type="application/ld+json"> elements, with
 * markup stripped and white space collapsed, or null. Invalid JSON is skipped, never thrown.
 *
 * @example
 *   readArticleBody(scripts); // 'The river rose by two metres…' or null
 */
export function readArticleBody(scripts: Element[]): string | null {
  let best: string | null = null;
  for (const el of scripts) {
    const raw = textContent(el);
    if (!raw.includes('articleBody')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    const found = findArticleBody(parsed, 0);
    if (found !== null && (best === null || found.length > best.length)) best = found;
  }
  if (best === null) return null;
  const clean = best.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return countWordsLoose(clean) >= ARTICLE_BODY_MIN_WORDS ? clean : null;
}

/** JSON-LD articleBody shorter than this (words) is a description, not the article: not used. */
const ARTICLE_BODY_MIN_WORDS = 50;

function countWordsLoose(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
