/**
 * Metadata from WCXB dev pages rendered as whole-page text dumps (the cached dumps of
 * `eval/wcxb-text.ts`, `.cache/wcxb-text/`), run through `extract()` with format 'text' and the
 * template index built over all dumps — the path held-out scraper dumps take. A dump has no JSON-LD
 * and no meta tags, so every figure here measures the text-level signals and the text extractor's
 * header lines alone:
 *
 * - date accuracy over pages whose gold has a publication date, and false dates (a date given where
 *   the gold has none);
 * - author precision (of the bylines given, how many equal the gold author) and coverage (bylines
 *   given over gold-authored pages);
 * - title exact match.
 *
 *   node --import tsx eval/wcxb-text-meta.ts [--limit N] [--show-dates K]
 */
import { extract } from '../src/extract/index.ts';
import { buildTemplateIndex } from '../src/extract/text/template.ts';
import { loadWcxb, mean, normTitle, sameAuthor, sameDate, wcxbAvailable } from './lib.ts';
import { loadWcxbText } from './wcxb-text.ts';

export interface TextMetaScore {
  id: string;
  goldDate: string | null;
  date: string | null;
  dateEvidence: string | null;
  /** null: the gold has no date. */
  dateOk: boolean | null;
  goldAuthor: string | null;
  author: string | null;
  /** null: we gave no author. */
  authorOk: boolean | null;
  titleOk: boolean;
  ok: boolean;
}

export interface TextMetaSummary {
  pages: number;
  /** Pages whose gold has a publication date. */
  datedPages: number;
  dateAccuracy: number;
  /** Dated pages where we gave no date at all (part of the accuracy loss). */
  dateMissing: number;
  /** Pages with no gold date where we still gave one. */
  dateFalsePositives: number;
  undatedPages: number;
  authorPrecision: number;
  authorCoverage: number;
  titleExact: number;
  failures: number;
  msPerPage: number;
  scores: TextMetaScore[];
}

/**
 * Scores `extract()` metadata on the WCXB text dumps (the first `limit` pages when given).
 *
 * @example const { dateAccuracy, authorPrecision } = evalWcxbTextMeta(200);
 */
export function evalWcxbTextMeta(limit = Infinity): TextMetaSummary {
  const pages = loadWcxbText(limit);
  // The dumps carry only the body gold; date and author gold come from the labelled pages.
  const gold = new Map(loadWcxb(limit).map((p) => [p.id, p.gold]));
  const t0 = performance.now();
  const template = buildTemplateIndex(pages.map((p) => p.page));
  const results = pages.map((p) => extract(p.page, template));
  const ms = performance.now() - t0;
  const scores: TextMetaScore[] = pages.map((p, i) => {
    const r = results[i]!;
    const g = gold.get(p.id);
    const goldDate = g?.publishDate ?? null;
    const goldAuthor = g?.author ?? null;
    const date = r.ok ? r.published : null;
    const author = r.ok ? r.byline : null;
    return {
      id: p.id,
      goldDate,
      date,
      dateEvidence: r.ok ? r.publishedEvidence : null,
      dateOk: goldDate ? date !== null && sameDate(date, goldDate) : null,
      goldAuthor,
      author,
      authorOk: author ? (goldAuthor ? sameAuthor(author, goldAuthor) : false) : null,
      titleOk: normTitle(r.ok ? r.title : null) === normTitle(p.goldTitle),
      ok: r.ok,
    };
  });
  const dated = scores.filter((s) => s.dateOk !== null);
  const undated = scores.filter((s) => s.goldDate === null);
  const authored = scores.filter((s) => s.authorOk !== null);
  return {
    pages: pages.length,
    datedPages: dated.length,
    dateAccuracy: mean(dated.map((s) => (s.dateOk ? 1 : 0))),
    dateMissing: dated.filter((s) => s.date === null).length,
    dateFalsePositives: undated.filter((s) => s.date !== null).length,
    undatedPages: undated.length,
    authorPrecision: mean(authored.map((s) => (s.authorOk ? 1 : 0))),
    authorCoverage: authored.length / Math.max(1, scores.filter((s) => s.goldAuthor).length),
    titleExact: mean(scores.map((s) => (s.titleOk ? 1 : 0))),
    failures: scores.filter((s) => !s.ok).length,
    msPerPage: ms / Math.max(1, pages.length),
    scores,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!wcxbAvailable()) {
    console.warn('SKIPPED: ../shared/data/wcxb-dev-articles not found: nothing to evaluate');
    process.exit(0);
  }
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const { scores, ...s } = evalWcxbTextMeta(opt('--limit', Infinity));
  const f = (x: number) => x.toFixed(3);
  console.log(`# WCXB dev as text dumps: metadata through extract() (${s.pages} pages, ${s.msPerPage.toFixed(1)} ms/page)`);
  console.log(`  date accuracy ${f(s.dateAccuracy)} over ${s.datedPages} dated pages (${s.dateMissing} given no date)`);
  console.log(`  false dates   ${s.dateFalsePositives} of ${s.undatedPages} undated pages`);
  console.log(`  author        precision ${f(s.authorPrecision)}  coverage ${f(s.authorCoverage)}`);
  console.log(`  title exact   ${f(s.titleExact)}  refused ${s.failures}`);
  const show = opt('--show-dates', 0);
  if (show > 0) {
    const wrong = scores.filter((x) => x.date !== null && x.dateOk !== true);
    for (const x of wrong.slice(0, show)) console.log(`  ${x.id} gold=${x.goldDate} got=${x.date} evidence=${JSON.stringify(x.dateEvidence)}`);
    const badAuthors = scores.filter((x) => x.authorOk === false);
    for (const x of badAuthors.slice(0, show)) console.log(`  ${x.id} author gold=${JSON.stringify(x.goldAuthor)} got=${JSON.stringify(x.author)}`);
  }
}
