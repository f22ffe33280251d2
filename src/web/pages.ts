/**
 * The web pages, rendered on the server as HTML strings: the story list, a story (its brief), an article
 * and search. No script anywhere; every string that comes from a page passes through escapeHtml, and the
 * only links made from page data are http(s) addresses (safeHref) or our own ids.
 */
import { briefSectionHtml, escapeHtml, plural, safeHref } from '../brief/render.ts';
import type { Brief } from '../brief/types.ts';
import type { Article, ExtractResult, RemovalReason, Story } from '../records/index.ts';
import type { SearchHit } from '../store/index.ts';
import type { ArticleResponse, StoriesResponse, StoryListItem } from '../server/schemas.ts';
import { layout } from './layout.ts';
import { markDifferences } from './diff.ts';

const e = escapeHtml;

export const storyHref = (id: string) => `/stories/${encodeURIComponent(id)}`;
export const articleHref = (id: string) => `/articles/${encodeURIComponent(id)}`;

/** A search snippet: escaped, with the store's « » match marks as <mark> (a lone « or » stays text). */
export function snippetHtml(snippet: string): string {
  return e(snippet).replace(/«([^«»]*)»/gu, '<mark>$1</mark>');
}

function storyLine(s: StoryListItem): string {
  const span = s.lastSeen ? `updated ${e(s.lastSeen)}` : 'undated';
  const hits = s.matches.length > 0 ? `<ul class="hits">${s.matches.map((h) => `<li>${h.kind === 'story' ? 'title' : `<a href="${articleHref(h.id)}">${e(h.title ?? 'article')}</a>`}: ${snippetHtml(h.snippet)}</li>`).join('')}</ul>` : '';
  return (
    `<li><a class="title" href="${storyHref(s.id)}">${e(s.title ?? 'Untitled story')}</a>` +
    `<p class="meta">${plural(s.articleCount, 'article')} · ${plural(s.independentSourceCount, 'independent source')} · ${span}</p>${hits}</li>`
  );
}

/** The story list: latest or biggest, with a link to the next page when this one is full. */
export function storyListPage(list: StoriesResponse): string {
  const tab = (sort: 'latest' | 'biggest', label: string) => `<a href="/?sort=${sort}"${list.sort === sort ? ' aria-current="page"' : ''}>${label}</a>`;
  const h: string[] = [];
  h.push(`<h1>${list.sort === 'biggest' ? 'Biggest stories' : 'Latest stories'}</h1>`);
  h.push(`<nav class="tabs">${tab('latest', 'Latest')}${tab('biggest', 'Biggest')}</nav>`);
  if (list.stories.length === 0) h.push(list.offset > 0 ? '<p>No more stories.</p>' : '<p>No stories yet: ingest some pages first.</p>');
  else h.push(`<ol class="stories">${list.stories.map(storyLine).join('\n')}</ol>`);
  const pager: string[] = [];
  if (list.offset > 0) pager.push(`<a href="/?sort=${list.sort}&amp;offset=${Math.max(0, list.offset - list.limit)}">← Newer</a>`);
  if (list.stories.length === list.limit) pager.push(`<a href="/?sort=${list.sort}&amp;offset=${list.offset + list.limit}">More →</a>`);
  if (pager.length > 0) h.push(`<nav class="tabs">${pager.join(' ')}</nav>`);
  return layout({ title: list.sort === 'biggest' ? 'Biggest stories' : 'Latest stories', body: h.join('\n') });
}

/**
 * The story page: the brief as render.ts writes it, with each citation [n] leading to the cited article's
 * page here and the wordings of a quote showing the words that differ from its first wording.
 */
export function storyPage(story: Story, brief: Brief): string {
  const html = briefSectionHtml(brief, { articleHref, variantsHtml: markDifferences });
  const merged = story.merges.length > 0 ? ` · joined from ${plural(story.merges.length + 1, 'story', 'stories')}` : '';
  const api = `<p class="meta"><a href="/api/stories/${encodeURIComponent(story.id)}">this story as JSON</a>${merged}</p>`;
  return layout({ title: brief.title ?? 'Untitled story', body: `${html}\n${api}` });
}

/** Why each kind of removed part was removed, in a reader's words. */
export const REASON_TEXT: Readonly<Record<RemovalReason, string>> = {
  title: 'the headline itself, shown as the title',
  breadcrumb: 'a breadcrumb trail of site sections',
  nav: 'site navigation or a menu',
  ticker: 'a news ticker of other headlines',
  ad: 'an advertisement or sponsored block',
  caption: 'a photo or video caption',
  credit: 'a photo credit or image label',
  teaser: 'a teaser repeating the lead or promoting another story',
  related: 'links to related stories',
  media: 'a video or audio widget',
  paywall: 'a subscription or paywall prompt',
  share: 'share buttons or a social prompt',
  comments: 'the comment section',
  'error-report': 'a "report an error" prompt',
  newsletter: 'a newsletter sign-up',
  footer: 'the site footer: copyright, contact, legal',
  'scraper-date': 'a date the scraper or the site chrome added',
  metadata: 'a byline, date or attribution line, kept as metadata',
  template: 'a line repeated on other pages of the same site',
  duplicate: 'a repeat of a line already in the text',
  boilerplate: 'a short, link-heavy block with no article text',
  markup: 'link addresses and image embeds the page dump spelled out',
};

function metaRow(label: string, value: string | null, evidence?: string | null): string {
  if (value === null || value === '') return '';
  const ev = evidence && evidence !== value ? ` <span class="note">from “${e(evidence)}”</span>` : '';
  return `<dt>${label}</dt><dd>${e(value)}${ev}</dd>`;
}

function removedHtml(a: Article): string {
  if (a.removed.length === 0) return '<p class="note">Nothing was removed from this page.</p>';
  const counts = new Map<RemovalReason, number>();
  for (const r of a.removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const tally = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([reason, n]) => `${n} ${reason}`).join(', ');
  const items = a.removed.map(
    (r) => `<li><span class="reason" title="${e(REASON_TEXT[r.reason])}">${e(r.reason)}</span>${r.line !== undefined ? `<span class="note">line ${r.line}</span> ` : ''}<q>${e(r.text)}</q></li>`,
  );
  const legend = [...counts.keys()].map((reason) => `<dt>${e(reason)}</dt><dd>${e(REASON_TEXT[reason])}</dd>`).join('');
  return (
    `<details class="removed"><summary>Show what was removed (${plural(a.removed.length, 'part')}: ${e(tally)})</summary>` +
    `<dl class="meta">${legend}</dl><ol class="removed">${items.join('\n')}</ol></details>`
  );
}

function copiesHtml(view: ArticleResponse): string {
  const { group, relations } = view.copies;
  const id = view.article.id;
  const known = new Map(view.related.map((a) => [a.id, a]));
  const label = (other: string) => {
    const a = known.get(other);
    return a ? `${e(a.title ?? 'Untitled')}${a.outlet ? ` <span class="note">${e(a.outlet)}</span>` : ''}` : e(other);
  };
  const parts: string[] = [];
  if (group) {
    const members = group.members.filter((m) => m.id !== id).map((m) => `<li><a href="${articleHref(m.id)}">${label(m.id)}</a> <span class="note">${e(m.relation)}, similarity ${m.jaccard.toFixed(2)}</span></li>`);
    const role = group.canonical === id ? 'This is the most complete version of a copied text.' : `This is a copy; the most complete version is <a href="${articleHref(group.canonical)}">${label(group.canonical)}</a>.`;
    parts.push(`<p>${role}${group.originalSource ? ` Written by ${e(group.originalSource)}.` : ''}</p>`);
    if (members.length > 0) parts.push(`<ul>${members.join('')}</ul>`);
  }
  const shared = relations.filter((r) => r.kind === 'shares-material');
  if (shared.length > 0) {
    const other = (r: (typeof shared)[number]) => (r.a === id ? r.b : r.a);
    parts.push(`<p>Independent reports sharing wire material with this one:</p><ul>${shared.map((r) => `<li><a href="${articleHref(other(r))}">${label(other(r))}</a> <span class="note">${r.longestSharedWords} words in common at most</span></li>`).join('')}</ul>`);
  }
  return parts.length > 0 ? `<h2>Copies</h2>${parts.join('\n')}` : '';
}

function refusalHtml(r: Extract<ExtractResult, { ok: false }>): string {
  return `<div class="refusal"><p>This page gave no article: <strong>${e(r.error.code)}</strong>.</p><p class="note">${e(r.error.message)}</p></div>`;
}

/** The article page: metadata, the clean text, its copies, and behind a toggle what was removed and why. */
export function articlePage(view: ArticleResponse): string {
  const r = view.article;
  const h: string[] = [];
  const title = r.ok ? (r.title ?? 'Untitled article') : 'No article';
  h.push(`<article class="brief"><h1>${e(title)}</h1>`);
  if (view.story) h.push(`<p class="meta">Part of the story <a href="${storyHref(view.story.id)}">${e(view.story.title ?? 'Untitled story')}</a></p>`);
  const href = safeHref(r.url ?? '');
  const dl: string[] = [];
  if (r.ok) {
    dl.push(metaRow('Outlet', r.outlet), metaRow('Written by', r.originalSource, r.originalSourceEvidence), metaRow('Published', r.published, r.publishedEvidence));
    dl.push(metaRow('Dateline', r.dateline), metaRow('Byline', r.byline), metaRow('Language', r.language), metaRow('Words', String(r.wordCount)), metaRow('Fetched', r.fetchedAt));
  }
  dl.push(href ? `<dt>Address</dt><dd><a href="${e(href)}" rel="noopener noreferrer nofollow">${e(href)}</a></dd>` : metaRow('Address', r.url));
  dl.push(metaRow('Source', r.source), metaRow('Id', r.id));
  h.push(`<dl class="meta">${dl.join('')}</dl>`);
  if (!r.ok) h.push(refusalHtml(r));
  else {
    h.push(`<div class="body">${r.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}</div>`);
    h.push(removedHtml(r));
  }
  h.push(copiesHtml(view));
  h.push(`<p class="meta"><a href="/api/articles/${encodeURIComponent(r.id)}">this article as JSON</a></p></article>`);
  return layout({ title, body: h.join('\n') });
}

/** The search page: the form, the stories the query found (with what matched), then article hits. */
export function searchPage(query: string, stories: StoriesResponse | null, articles: SearchHit[]): string {
  const h: string[] = [];
  if (!stories) {
    h.push('<h1>Search</h1><p>Search the titles and text of every stored story and article. Put a * after a word to match its start.</p>');
    return layout({ title: 'Search', body: h.join('\n'), query });
  }
  h.push(`<h1>Search: ${e(query)}</h1>`);
  if (stories.stories.length === 0 && articles.length === 0) h.push('<p>Nothing matched.</p>');
  if (stories.stories.length > 0) h.push(`<h2>Stories</h2><ol class="stories">${stories.stories.map(storyLine).join('\n')}</ol>`);
  const loose = articles.filter((a) => a.kind === 'article');
  if (loose.length > 0) h.push(`<h2>Articles</h2><ol class="stories">${loose.map((a) => `<li><a class="title" href="${articleHref(a.id)}">${e(a.title ?? 'Untitled article')}</a><p class="meta">${snippetHtml(a.snippet)}</p></li>`).join('\n')}</ol>`);
  return layout({ title: `Search: ${query}`, body: h.join('\n'), query });
}

/** The page of an error (not found, bad input, internal error). */
export function errorPage(status: number, message: string): string {
  return layout({ title: status === 404 ? 'Not found' : 'Error', body: `<h1>${status === 404 ? 'Not found' : `Error ${status}`}</h1><p>${e(message)}</p><p><a href="/">All stories</a></p>` });
}
