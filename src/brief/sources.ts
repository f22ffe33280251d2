/**
 * Who stands behind each article of a story, as every part of the brief counts it: a copy group is one
 * source, articles naming the same wire or paper are one source (two outlets running one New York Times
 * article are The New York Times once), and an article naming no one is its outlet's own reporting.
 */
import type { Article, DedupResult, Story } from '../records/index.ts';
import { independentSources, type DedupArticle } from '../dedup/index.ts';
import type { BriefSource, Citation } from './types.ts';

/** The lookups every brief component takes, built once per story. */
export interface StorySources {
  /** Independent source name of an article. */
  sourceOf: (articleId: string) => string;
  /** Canonical article id of an article's copy group (the article itself when it is no copy). */
  unitOf: (articleId: string) => string;
  /** Publication date (given, else inferred by the cluster stage), YYYY-MM-DD, or null. */
  dateOf: (articleId: string) => { date: string; inferred: boolean } | null;
  /** Number of independent sources. */
  count: number;
  /** Sources in order of first report (date, then name), without their exclusive facts. */
  list: BriefSource[];
  citations: Citation[];
}

type SourceArticle = DedupArticle & Pick<Article, 'source'>;

/** A name a reader can tell apart when the page names no source and no outlet: the page's file or URL. */
function unnamed(a: SourceArticle | undefined, id: string): string {
  const where = a?.source ? (a.source.split(/[\\/]/u).filter(Boolean).pop() ?? a.source) : id;
  return `unattributed (${where})`;
}

/**
 * Independent source name of each article, by the dedup stage's rule (independentSources).
 *
 * @example sourceNames(seedArticles, dedupArticles(seedArticles)).get(id000) // 'The New York Times'
 */
export function sourceNames(articles: readonly SourceArticle[], copies: DedupResult): Map<string, string> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const names = new Map<string, string>();
  for (const s of independentSources(articles, copies).sources) {
    const first = byId.get(s.articleIds[0]!);
    const name = s.name ?? s.articleIds.map((id) => byId.get(id)?.outlet).find((o) => o) ?? unnamed(first, s.articleIds[0]!);
    for (const id of s.articleIds) names.set(id, name);
  }
  return names;
}

/**
 * The source lookups, the sources list and the numbered citations of one story.
 * Citations are numbered by publication date (given or inferred; undated last), then id.
 */
export function storySources(story: Pick<Story, 'articles' | 'dates'>, articles: readonly SourceArticle[], copies: DedupResult): StorySources {
  const members = new Set(story.articles);
  const own = articles.filter((a) => members.has(a.id));
  const names = sourceNames(own, copies);
  const canonical = new Map<string, string>();
  for (const g of copies.groups) for (const m of g.members) if (members.has(m.id)) canonical.set(m.id, g.canonical);
  const inferred = new Map(story.dates.map((d) => [d.id, d.date]));
  const dateOf = (id: string): { date: string; inferred: boolean } | null => {
    const given = own.find((a) => a.id === id)?.published;
    if (given) return { date: given.slice(0, 10), inferred: false };
    const d = inferred.get(id);
    return d ? { date: d, inferred: true } : null;
  };
  const sourceOf = (id: string) => names.get(id) ?? id;
  const unitOf = (id: string) => canonical.get(id) ?? id;

  const ordered = [...own].sort((x, y) => {
    const dx = dateOf(x.id)?.date ?? '9999';
    const dy = dateOf(y.id)?.date ?? '9999';
    return dx < dy ? -1 : dx > dy ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  const citations: Citation[] = ordered.map((a, i) => {
    const d = dateOf(a.id);
    return { n: i + 1, articleId: a.id, title: a.title, outlet: a.outlet, source: sourceOf(a.id), location: a.source, published: d?.date ?? null, inferred: d?.inferred ?? false };
  });

  const bySource = new Map<string, BriefSource>();
  for (const a of ordered) {
    const name = sourceOf(a.id);
    const s = bySource.get(name) ?? { name, articles: [], firstSeen: null, exclusive: [] };
    const unit = unitOf(a.id);
    s.articles.push({ id: a.id, outlet: a.outlet, copyOf: unit === a.id ? null : unit });
    const d = dateOf(a.id)?.date ?? null;
    if (d && (!s.firstSeen || d < s.firstSeen)) s.firstSeen = d;
    bySource.set(name, s);
  }
  const list = [...bySource.values()].sort((x, y) => (x.firstSeen ?? '9999').localeCompare(y.firstSeen ?? '9999') || x.name.localeCompare(y.name));
  return { sourceOf, unitOf, dateOf, count: list.length, list, citations };
}
