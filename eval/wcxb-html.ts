/**
 * WCXB dev articles (793 HTML pages): body word-F1, title exact match, date accuracy and author
 * precision for Storyweave's extractor. Run through `npm run eval` or alone:
 *   node --import tsx eval/wcxb-html.ts [--limit N] [--worst K]
 */
import { extract } from '../src/extract/index.ts';
import { loadWcxb, mean, normTitle, sameAuthor, sameDate, wordF1, type WcxbPage } from './lib.ts';

export interface PageScore {
  id: string;
  f1: number;
  precision: number;
  recall: number;
  titleOk: boolean;
  dateOk: boolean | null; // null: gold has no date
  datePredicted: string | null;
  authorOk: boolean | null; // null: we predicted no author
  ok: boolean;
}

export interface HtmlEvalSummary {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
  titleExact: number;
  dateAccuracy: number;
  /** Pages with no gold date where we still gave one: false dates. */
  dateFalsePositives: number;
  authorPrecision: number;
  authorCoverage: number;
  failures: number;
  msPerPage: number;
  scores: PageScore[];
}

export function scorePage(page: WcxbPage): PageScore {
  const result = extract({
    source: `wcxb/${page.id}`,
    url: page.url || null,
    format: 'html',
    content: page.html,
    fetchedAt: null,
    encoding: 'utf-8',
    bytes: page.html.length,
  });
  const text = result.ok ? result.text : '';
  const f = wordF1(text, page.gold.mainContent);
  const title = result.ok ? result.title : null;
  const date = result.ok ? result.published : null;
  const author = result.ok ? result.byline : null;
  return {
    id: page.id,
    ...f,
    titleOk: normTitle(title) === normTitle(page.gold.title),
    dateOk: page.gold.publishDate ? date !== null && sameDate(date, page.gold.publishDate) : null,
    datePredicted: date,
    authorOk: author ? (page.gold.author ? sameAuthor(author, page.gold.author) : false) : null,
    ok: result.ok,
  };
}

export function evalWcxbHtml(pages: WcxbPage[]): HtmlEvalSummary {
  const t0 = performance.now();
  const scores = pages.map(scorePage);
  const ms = performance.now() - t0;
  const dated = scores.filter((s) => s.dateOk !== null);
  const authored = scores.filter((s) => s.authorOk !== null);
  const undatedGold = pages.filter((p) => !p.gold.publishDate).map((p) => p.id);
  return {
    pages: pages.length,
    f1: mean(scores.map((s) => s.f1)),
    precision: mean(scores.map((s) => s.precision)),
    recall: mean(scores.map((s) => s.recall)),
    titleExact: mean(scores.map((s) => (s.titleOk ? 1 : 0))),
    dateAccuracy: mean(dated.map((s) => (s.dateOk ? 1 : 0))),
    dateFalsePositives: scores.filter((s) => undatedGold.includes(s.id) && s.datePredicted !== null).length,
    authorPrecision: mean(authored.map((s) => (s.authorOk ? 1 : 0))),
    authorCoverage: authored.length / Math.max(1, pages.filter((p) => p.gold.author).length),
    failures: scores.filter((s) => !s.ok).length,
    msPerPage: ms / Math.max(1, pages.length),
    scores,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const limitAt = args.indexOf('--limit');
  const worstAt = args.indexOf('--worst');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const worst = worstAt >= 0 ? Number(args[worstAt + 1]) : 0;
  const s = evalWcxbHtml(loadWcxb(limit));
  const { scores, ...summary } = s;
  console.log(JSON.stringify(summary, null, 2));
  if (worst > 0) {
    for (const p of [...scores].sort((a, b) => a.f1 - b.f1).slice(0, worst)) {
      console.log(`${p.id} f1=${p.f1.toFixed(3)} p=${p.precision.toFixed(3)} r=${p.recall.toFixed(3)}`);
    }
  }
}
