/**
 * The brief stage over a store: briefs of stored stories, written when ingest changes a story and
 * recomputed on demand when a stored brief no longer matches its story (a crash between the stage write
 * and the brief write, or a reprocess). The CLI's `ingest` and the HTTP server both use these.
 */
import type { Article, CopyGroup, CopyRelation, DedupResult, Story } from '../records/index.ts';
import type { Store } from '../store/index.ts';
import { briefStory, DEFAULT_BRIEF_OPTIONS, type Brief, type BriefOptions } from '../brief/index.ts';

/** Whether a stored brief was written for exactly this story's members. */
export function briefMatches(brief: Brief, story: Story): boolean {
  if (brief.citations.length !== story.articles.length || brief.storyId !== story.id) return false;
  const ids = new Set(story.articles);
  return brief.citations.every((c) => ids.has(c.articleId));
}

/** The copy groups and relations touching some articles, as the DedupResult the brief stage reads. */
export async function copiesAmong(store: Store, articles: readonly Article[]): Promise<DedupResult> {
  const groups = new Map<string, CopyGroup>();
  const relations = new Map<string, CopyRelation>();
  for (const a of articles) {
    const c = await store.copiesOf(a.id);
    if (c.group) groups.set(c.group.canonical, c.group);
    for (const r of c.relations) relations.set(`${r.a} ${r.b}`, r);
  }
  const originalSourceById: Record<string, string | null> = {};
  for (const a of articles) originalSourceById[a.id] = a.originalSource;
  for (const g of groups.values()) for (const m of g.members) originalSourceById[m.id] = g.originalSource ?? originalSourceById[m.id] ?? null;
  const byKey = <T>(m: Map<string, T>) => [...m.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, v]) => v);
  return { groups: byKey(groups), relations: byKey(relations), originalSourceById };
}

/** The brief of a stored story, computed from its stored articles and copy groups (not stored). */
export async function computeBrief(store: Store, story: Story, options: BriefOptions = DEFAULT_BRIEF_OPTIONS): Promise<Brief> {
  const articles = await store.getArticles(story.articles);
  return briefStory({ story, articles, copies: await copiesAmong(store, articles) }, options);
}

/**
 * The stored brief when it still matches the story, else one computed now and stored.
 *
 * @example const brief = await currentBrief(store, (await store.getStory(id))!);
 */
export async function currentBrief(store: Store, story: Story, options: BriefOptions = DEFAULT_BRIEF_OPTIONS): Promise<Brief> {
  return (await ensureBrief(store, story, options)).brief;
}

/** The stored brief when it matches the story, else a new one written; `written` says which. */
async function ensureBrief(store: Store, story: Story, options: BriefOptions): Promise<{ brief: Brief; written: boolean }> {
  const stored = await store.getBrief(story.id);
  if (stored && briefMatches(stored, story)) return { brief: stored, written: false };
  const brief = await computeBrief(store, story, options);
  await store.putBrief(brief);
  return { brief, written: true };
}

/** Writes the briefs of the given stories (ingest's onStoriesChanged hook); ids no longer stored are passed over. */
export async function writeBriefs(store: Store, storyIds: readonly string[], options: BriefOptions = DEFAULT_BRIEF_OPTIONS): Promise<number> {
  let written = 0;
  for (const id of storyIds) {
    const story = await store.getStory(id);
    if (!story) continue;
    await store.putBrief(await computeBrief(store, story, options));
    written++;
  }
  return written;
}

/** Stories read per page when every stored brief is checked. */
const REFRESH_PAGE = 500;

/**
 * Brings every stored brief up to date with its story: after a crash between a stage write and its
 * briefs, or when an older run left none. Returns how many briefs were (re)written.
 */
export async function refreshBriefs(store: Store, options: BriefOptions = DEFAULT_BRIEF_OPTIONS): Promise<number> {
  let written = 0;
  for (let offset = 0; ; offset += REFRESH_PAGE) {
    const page = await store.latestStories({ limit: REFRESH_PAGE, offset });
    for (const story of page) if ((await ensureBrief(store, story, options)).written) written++;
    if (page.length < REFRESH_PAGE) return written;
  }
}
