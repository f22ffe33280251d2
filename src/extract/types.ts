/**
 * Internal contract between the format extractors (text dumps, HTML) and the orchestrator in
 * `index.ts`. A format extractor turns a RawPage into a Draft: body paragraphs, what it removed, and
 * whatever metadata its format carries. The orchestrator then fills the remaining fields from
 * text-level signals (`signals/`), which work the same for both formats.
 */
import type { Removed } from '../records/index.ts';

/** A value read from the page, with the verbatim snippet it was read from. */
export interface Evidence<T = string> {
  value: T;
  evidence: string;
}

export interface Draft {
  title: string | null;
  paragraphs: string[];
  removed: Removed[];
  /**
   * Raw lines that surround the body and may carry metadata but are not body: the title line with its
   * fused breadcrumbs or site suffix ("… | DW | 05.12.2016"), date lines, bylines. Text-level signals
   * read these together with `removed`.
   */
  headerLines: string[];
  outlet: Evidence | null;
  originalSource: Evidence | null;
  published: Evidence | null;
  byline: string | null;
  dateline: string | null;
  /** The language the page declares (html lang, og:locale), lower-case ISO 639-1, if any. */
  declaredLanguage: string | null;
  /**
   * A text dump's lines as its extractor split them (`content.split('\n')`, blank lines included),
   * raw and trimmed, so the signals read line positions without splitting the page again. Absent for
   * HTML, and the signals split the dump themselves when a text draft lacks it.
   */
  dumpLines?: DumpLines;
}

/** Every line of a text dump, raw and trimmed, in order (index i is 1-based line i + 1). */
export interface DumpLines {
  /** The text the lines were split from: the page's content, or the content with its markup removed (`markup.ts`). */
  content: string;
  raw: string[];
  trimmed: string[];
}

/**
 * Evidence gathered across the pages of one run (or a stream so far): lines that repeat on many
 * different pages are site template, not article. Built by `buildTemplateIndex` before extraction.
 */
export interface TemplateEvidence {
  /**
   * True when this line, normalised, recurs across enough unrelated pages to be template. `lowered`
   * is the line already lower-cased, trimmed and with single spaces, when the caller has it (the text
   * extractor keeps that form of every line), so it is not worked out again.
   */
  isTemplate(line: string, url: string | null, lowered?: string): boolean;
}

export interface ExtractOptions {
  /** Pages whose decoded content is longer than this many characters are refused as too_large. */
  maxChars: number;
  /** A body shorter than this many words is not an article. */
  minWords: number;
}

export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = {
  maxChars: 20_000_000,
  // The shortest real news items (briefs, wire flashes) run about 40 words; below that a page is an
  // index, a teaser or an error page. Measured on WCXB dev: no gold article body is under 50 words.
  minWords: 25,
};
