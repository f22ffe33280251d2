/**
 * Text-dump extractor: a whole rendered page saved as text (innerText-like) → Draft. Splits the dump
 * into lines, segments them into body and chrome (`segment.ts`, driven by the tables in
 * `patterns.ts` and cross-page evidence from `template.ts`), finds the headline (`title.ts`), and
 * hands header lines and every removed line, with its reason and line number, to the text signals.
 */
import { MAX_REMOVED_TEXT, type RawPage, type RemovalReason, type Removed } from '../../records/index.ts';
import type { Draft, TemplateEvidence } from '../types.ts';
import { splitDump } from './lines.ts';
import { isProse, segment } from './segment.ts';
import { findTitle, restoreCase } from './title.ts';
import { BYLINE_START } from './patterns.ts';
import { unmarkDump } from './markup.ts';
import { wrapJoins } from './wrap.ts';

export { buildTemplateIndex } from './template.ts';

/** Header lines kept for the signals: the lines just above the body, at most this many. */
const MAX_HEADER_LINES = 12;
/** Header lines longer than this are prose (teasers), not title/date/byline lines. */
const HEADER_MAX_WORDS = 40;
const DATE_HINT = /\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{1,2}:\d{2}\s*(?:am|pm)?|(?:updated|published|posted)\b)/i;

function clip(text: string): string {
  return text.length > MAX_REMOVED_TEXT ? text.slice(0, MAX_REMOVED_TEXT - 1) + '…' : text;
}

/**
 * Extracts the article body, title and header lines from a plain-text page dump. `template` is the
 * cross-page evidence from `buildTemplateIndex` over the run (or null for a page on its own).
 *
 * @example
 *   const draft = extractTextDraft(page, buildTemplateIndex(allPages));
 *   draft.paragraphs; // the article's own paragraphs, in order
 *   draft.removed;    // [{ text: 'ADVERTISEMENT', reason: 'ad', line: 19 }, …]
 */
export function extractTextDraft(page: RawPage, template: TemplateEvidence | null): Draft {
  // A Markdown or link-annotated dump is read as the plain dump it renders to (line numbers kept).
  const unmarked = unmarkDump(page.content);
  // A hard-wrapped dump's lines join back into paragraphs, by the widths the wrapper saw.
  const rawLines = unmarked.content.split('\n');
  const asWrapped = unmarked.markup === null ? rawLines : page.content.split('\n');
  const dump = splitDump(rawLines, wrapJoins(asWrapped, unmarked.linksPerLine), unmarked.content);
  const lines = dump.lines;
  const seg = segment(lines, template, page.url, unmarked.linkShare);
  const { reasons, start, end } = seg;

  const bodyStart = start < 0 ? lines.length : start;
  // A teaser line (one repeating a body line) may be the headline repeated by the page's heading.
  const titleResult = findTitle(
    lines,
    bodyStart,
    (i) => reasons[i] === null || reasons[i] === 'template' || reasons[i] === 'teaser',
    page.url,
  );
  const titleLines = new Set<number>(titleResult.variants);
  if (titleResult.index !== null) titleLines.add(titleResult.index);

  // The header: lines just above the body that carry title, date, byline or site name.
  const headerIdx = new Set<number>();
  for (const i of titleLines) headerIdx.add(i);
  const titleTop = titleLines.size ? Math.max(...titleLines) : -1;
  for (let i = Math.max(0, bodyStart - MAX_HEADER_LINES); i < bodyStart; i++) {
    const l = lines[i]!;
    if (reasons[i] === 'scraper-date') headerIdx.add(i);
    else if (reasons[i] === null && l.words <= HEADER_MAX_WORDS && (i > titleTop || DATE_HINT.test(l.text))) headerIdx.add(i);
  }
  for (let i = 0; i < bodyStart; i++) if (reasons[i] === 'scraper-date') headerIdx.add(i);
  // Date lines ("Published April 7, 2025, 11:42 a.m.") above the body or inside it, never from the
  // related lists and footers after it.
  for (const i of seg.dateLines) if (i <= end || start < 0) headerIdx.add(i);

  const paragraphs: string[] = [];
  const removed: Removed[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const r = reasons[i] ?? null;
    let reason: RemovalReason;
    let text = l.text;
    if (titleLines.has(i)) reason = 'title';
    else if (r !== null) reason = r;
    else if (i < bodyStart) {
      if (DATE_HINT.test(l.text) || BYLINE_START.test(l.text)) reason = 'metadata';
      else if (i < titleTop) reason = l.words <= 4 ? 'breadcrumb' : 'nav';
      else reason = isProse(l) ? 'boilerplate' : l.words <= 4 ? 'nav' : 'boilerplate';
    } else if (i > end) reason = 'boilerplate';
    else {
      const split = seg.splits.get(i);
      if (!split) {
        paragraphs.push(l.text);
        continue;
      }
      paragraphs.push(split.keep);
      reason = 'metadata';
      text = split.tail;
    }
    removed.push({ text: clip(text), reason, line: l.n });
  }
  if (unmarked.removed.length > 0) {
    // In line order with the rest (a stable sort: what became of a line, then the markup it lost).
    removed.push(...unmarked.removed);
    removed.sort((a, b) => a.line! - b.line!);
  }

  // Built by pushing onto one literal, not by map(): V8 then gives every page's list one elements kind
  // (map() returns an empty list in another), and the draft's shape stays the same from page to page —
  // a new shape threw away the optimised code of every signal function that reads the draft.
  const headerLines: string[] = [];
  for (const i of [...headerIdx].sort((a, b) => a - b)) headerLines.push(lines[i]!.raw.trim());
  return {
    title: restoreCase(titleResult.title, unmarked.content),
    paragraphs,
    removed,
    headerLines,
    outlet: null,
    originalSource: null,
    published: null,
    byline: null,
    dateline: null,
    declaredLanguage: null,
    dumpLines: { content: unmarked.content, raw: dump.raw, trimmed: dump.trimmed },
  };
}
