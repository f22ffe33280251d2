/**
 * WCXB dev articles: the HTML metadata reader alone (title, date, author), scored against the gold
 * title / publish_date / author. Run:
 *   node --import tsx eval/wcxb-meta.ts [--limit N] [--worst K] [--field title|date|author]
 */
import { parseHtml } from '../src/extract/html/dom.ts';
import { readHtmlMetaWithWitnesses } from '../src/extract/html/meta/index.ts';
import { loadWcxb, mean, normTitle, sameAuthor, sameDate, wcxbAvailable, type WcxbPage } from './lib.ts';

export interface MetaScore {
  id: string;
  url: string;
  title: { got: string | null; gold: string | null; ok: boolean };
  date: { got: string | null; evidence: string | null; gold: string | null; ok: boolean | null; witnesses: string };
  author: { got: string | null; evidence: string | null; gold: string | null; ok: boolean | null };
}

export interface MetaSummary {
  pages: number;
  titleExact: number;
  /** Over pages whose gold has a date. */
  dateAccuracy: number;
  /** Pages with no gold date where we still gave one. */
  dateFalsePositives: number;
  undatedGold: number;
  /** Over pages where we gave an author. */
  authorPrecision: number;
  /** Right authors over pages whose gold has an author. */
  authorCoverage: number;
  msPerPage: number;
  scores: MetaScore[];
}

export function scoreMeta(page: WcxbPage): MetaScore {
  const { meta: m, dates: w } = readHtmlMetaWithWitnesses(parseHtml(page.html), page.url || null);
  const g = page.gold;
  return {
    id: page.id,
    url: page.url,
    title: { got: m.title, gold: g.title, ok: normTitle(m.title) === normTitle(g.title) },
    date: {
      got: m.published?.value ?? null,
      evidence: m.published?.evidence ?? null,
      gold: g.publishDate,
      ok: g.publishDate ? m.published !== null && sameDate(m.published.value, g.publishDate) : null,
      // The separate sources, to see which one the gold follows when they disagree.
      witnesses: `declared=${w.declared} printed=${w.visible} url=${w.url} modified=${w.modified}`,
    },
    author: { got: m.byline, evidence: m.bylineEvidence, gold: g.author, ok: m.byline ? (g.author ? sameAuthor(m.byline, g.author) : false) : null },
  };
}

export function evalWcxbMeta(pages: WcxbPage[]): MetaSummary {
  const t0 = performance.now();
  const scores = pages.map(scoreMeta);
  const ms = performance.now() - t0;
  const dated = scores.filter((s) => s.date.ok !== null);
  const authored = scores.filter((s) => s.author.ok !== null);
  const goldAuthors = scores.filter((s) => s.author.gold).length;
  return {
    pages: pages.length,
    titleExact: mean(scores.map((s) => (s.title.ok ? 1 : 0))),
    dateAccuracy: mean(dated.map((s) => (s.date.ok ? 1 : 0))),
    dateFalsePositives: scores.filter((s) => !s.date.gold && s.date.got !== null).length,
    undatedGold: scores.filter((s) => !s.date.gold).length,
    authorPrecision: mean(authored.map((s) => (s.author.ok ? 1 : 0))),
    authorCoverage: authored.filter((s) => s.author.ok).length / Math.max(1, goldAuthors),
    msPerPage: ms / Math.max(1, pages.length),
    scores,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!wcxbAvailable()) {
    console.warn('WCXB data not found under ../shared/data/wcxb-dev-articles: nothing to evaluate');
    process.exit(0);
  }
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const limit = Number(opt('--limit') ?? Infinity);
  const worst = Number(opt('--worst') ?? 0);
  const field = opt('--field');
  const { scores, ...summary } = evalWcxbMeta(loadWcxb(limit));
  const round = Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(3)) : v]));
  console.log(JSON.stringify(round, null, 2));
  if (worst > 0) {
    const lines: string[] = [];
    for (const s of scores) {
      if ((!field || field === 'title') && !s.title.ok) lines.push(`${s.id} TITLE  got=${JSON.stringify(s.title.got)} gold=${JSON.stringify(s.title.gold)}`);
      if ((!field || field === 'date') && s.date.ok === false) lines.push(`${s.id} DATE   got=${s.date.got} gold=${s.date.gold} ev=${s.date.evidence} [${s.date.witnesses}] ${s.url}`);
      if ((!field || field === 'date') && s.date.ok === null && s.date.got) lines.push(`${s.id} DATE+  got=${s.date.got} gold=none ev=${s.date.evidence} ${s.url}`);
      if ((!field || field === 'author') && s.author.ok === false) lines.push(`${s.id} AUTHOR got=${JSON.stringify(s.author.got)} gold=${JSON.stringify(s.author.gold)} ev=${(s.author.evidence ?? '').slice(0, 90)}`);
      if (field === 'author-missing' && s.author.ok === null && s.author.gold) lines.push(`${s.id} AUTHOR- gold=${JSON.stringify(s.author.gold)}`);
    }
    console.log(lines.slice(0, worst).join('\n'));
  }
}
