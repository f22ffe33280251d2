import type { Evidence } from '../../types.ts';

/** What an HTML page says about itself in <head>, JSON-LD, microdata and <time>, before any body text. */
export interface HtmlMeta {
  title: string | null;
  byline: string | null;
  /** Where the byline was read: the JSON-LD author, the meta tag, or the byline element's text. */
  bylineEvidence: string | null;
  published: Evidence | null;
  /** The publishing site: og:site_name, JSON-LD publisher, application-name, or the title's site suffix. */
  outlet: Evidence | null;
  /** A wire or paper the markup credits as the copy's source (rarely present). */
  originalSource: Evidence | null;
  /** Declared language, lower-case ISO 639-1 ("en"), from <html lang>, og:locale or content-language. */
  language: string | null;
}
