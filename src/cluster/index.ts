/**
 * Cluster stage: Article[] + DedupResult → Story[]. A copy group enters as one unit (its canonical
 * article); each unit joins the live story a learned decision over text, entity, title and number
 * similarity (with a time decay when dated) prefers, or starts one; a unit bridging two stories merges
 * them. Undated members get a publication date inferred from their story's dated members. Pure: no
 * I/O, no clock.
 */
import type { Article, DedupResult, Story, StoryMember } from '../records/index.ts';
import { StoryClusterer, memberOrder, storyKey, unitDay, type ClustererOptions, type ClusterUnit, type StoryState } from './clusterer.ts';
import { inferStoryDates, type DatedText } from './dates.ts';
import { refineStories, type RefineOptions } from './refine.ts';

export { StoryClusterer, storyKey, dayOf, dateOfDay, unitDay, DECISION_WEIGHTS, SPARSE_WINDOW_WEIGHTS, RARE_DF, RARE_MIN_WINDOW, JOIN_PROBABILITY, MERGE_PROBABILITY, DEFAULT_WINDOW_DAYS } from './clusterer.ts';
export type { ClusterUnit, ClustererOptions, StoryState, PairFeatures, Candidate, DecisionHook } from './clusterer.ts';
export { refineStories, REASSIGN_MARGIN, REFINE_ROUNDS, SPLIT_PROBABILITY, type RefineOptions } from './refine.ts';
export { inferStoryDates, inferDate, temporalReferences, type DatedText, type TemporalReference } from './dates.ts';
export { clusterStream, FeaturePool, defaultFeatureWorkers, FEATURE_BATCH, type ClusteredUnit, type ClusterStreamOptions } from './pool.ts';
export { articleFeatures, capitalisedEntities, layerEntities, type EntityExtractor, type EntityLike } from './features.ts';

export type ClusterArticle = Pick<Article, 'id' | 'title' | 'paragraphs' | 'published'>;

export interface ClusterOptions extends ClustererOptions {
  /** Infer publication dates for undated members (default true). */
  inferDates?: boolean;
  /** Batch refinement after the online pass (split check, then reassignment); default on, `false` for the raw online result. */
  refine?: boolean | RefineOptions;
}

/**
 * Copy groups become one unit each (the canonical's text, every member's id and date); other articles
 * are units of their own. Units are returned in the canonical processing order: dated first by
 * earliest date, then by id — so the batch result does not depend on input order.
 */
export function buildUnits(articles: readonly ClusterArticle[], copies: Pick<DedupResult, 'groups'> | null): ClusterUnit[] {
  const byId = new Map<string, ClusterArticle>();
  for (const a of articles) if (!byId.has(a.id)) byId.set(a.id, a);
  const grouped = new Set<string>();
  const units: ClusterUnit[] = [];
  for (const g of copies?.groups ?? []) {
    const canonical = byId.get(g.canonical);
    if (!canonical) continue;
    const members = g.members.map((m) => byId.get(m.id)).filter((a): a is ClusterArticle => !!a);
    for (const m of members) grouped.add(m.id);
    members.sort((a, b) => (a.id === g.canonical ? -1 : b.id === g.canonical ? 1 : memberOrder(a, b)));
    units.push({ id: canonical.id, title: canonical.title, paragraphs: canonical.paragraphs, members: members.map((m) => ({ id: m.id, published: m.published })) });
  }
  for (const a of byId.values()) {
    if (grouped.has(a.id)) continue;
    units.push({ id: a.id, title: a.title, paragraphs: a.paragraphs, members: [{ id: a.id, published: a.published }] });
  }
  const first = (u: ClusterUnit) => u.members.reduce((best, m) => (memberOrder(m, best) < 0 ? m : best), u.members[0]!);
  return units.sort((a, b) => memberOrder(first(a), first(b)) || (a.id < b.id ? -1 : 1));
}

/**
 * Clusters a batch: IDF primed with every unit, units added in the canonical order of `buildUnits`,
 * then each story written out with its members, merges and inferred dates. The same set of articles
 * gives the same stories whatever order it arrives in.
 *
 * @example
 *   const stories = clusterArticles(articles, dedupArticles(articles));
 *   for (const s of stories) console.log(s.title, s.articles.length, s.firstSeen);
 */
export function clusterArticles(articles: readonly ClusterArticle[], copies: Pick<DedupResult, 'groups'> | null, options: ClusterOptions = {}): Story[] {
  const units = buildUnits(articles, copies);
  const refine = options.refine ?? true;
  const clusterer = new StoryClusterer({ ...options, onEvict: undefined, retainQueries: refine !== false });
  const features = units.map((u) => clusterer.features(u));
  features.forEach((f, i) => clusterer.observe(f, unitDay(units[i]!)));
  units.forEach((u, i) => clusterer.add(u, { features: features[i], observed: true }));
  const byId = new Map(articles.map((a) => [a.id, a]));
  let states = clusterer.stories();
  if (refine !== false) states = refineStories(clusterer, states, refine === true ? {} : refine);
  const stories = states.map((s) => toStory(s, clusterer, options.inferDates === false ? null : byId));
  return stories.sort((a, b) => ((a.firstSeen ?? '\uffff') < (b.firstSeen ?? '\uffff') ? -1 : (a.firstSeen ?? '\uffff') > (b.firstSeen ?? '\uffff') ? 1 : a.id < b.id ? -1 : 1));
}

/** Top entities shown per story. */
export const STORY_ENTITIES = 8;

/**
 * The output record of a story state. The title is the member headline closest to the centroid,
 * canonical copies only (a copy's title is the same headline, or a syndicator's rewrite of it). With
 * `texts`, undated members get inferred dates.
 */
export function toStory(s: StoryState, clusterer: StoryClusterer, texts: ReadonlyMap<string, ClusterArticle> | null): Story {
  const members: StoryMember[] = [];
  for (const u of s.units) {
    u.members.forEach((m, i) => {
      members.push({
        id: m.id,
        unit: u.id,
        relation: i === 0 ? u.relation : 'copy',
        score: Math.round(u.score * 1000) / 1000,
        evidence: i === 0 ? u.evidence : [],
        published: m.published,
      });
    });
  }
  members.sort(memberOrder);
  let title: string | null = null;
  let bestTitle = -1;
  for (const u of s.units) {
    if (!u.title) continue;
    const score = titleScore(u.titleTerms, s.terms);
    if (score > bestTitle || (score === bestTitle && title !== null && u.id < (s.units.find((x) => x.title === title)?.id ?? ''))) {
      bestTitle = score;
      title = u.title;
    }
  }
  const dated = members.map((m) => m.published).filter((d): d is string => !!d).sort();
  const entities = [...s.entities]
    .map(([k, w]) => ({ name: s.entityNames.get(k) ?? k, weight: Math.round(w * 1000) / 1000 }))
    .sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1))
    .slice(0, STORY_ENTITIES);
  let dates: Story['dates'] = [];
  if (texts) {
    const docs: DatedText[] = [];
    for (const m of members) {
      const a = texts.get(m.id);
      if (a) docs.push({ id: a.id, title: a.title, paragraphs: a.paragraphs, published: a.published });
    }
    dates = inferStoryDates(docs);
  }
  void clusterer;
  return {
    id: storyKey(s),
    title,
    articles: members.map((m) => m.id),
    firstSeen: dated[0] ?? null,
    lastSeen: dated.at(-1) ?? null,
    entities,
    members,
    merges: s.merges,
    dates,
  };
}

/** Share of the title's terms weight found in the centroid's top terms: a cheap "closest to the centroid". */
function titleScore(title: ReadonlyMap<string, number>, centroid: ReadonlyMap<string, number>): number {
  let dot = 0;
  let n = 0;
  for (const [k, v] of title) {
    dot += v * (centroid.get(k) ?? 0);
    n += v * v;
  }
  return n === 0 ? 0 : dot / Math.sqrt(n);
}
