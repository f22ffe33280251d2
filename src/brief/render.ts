/**
 * The brief for a person: Markdown and a self-contained HTML page, each sentence, quote, figure and event
 * followed by numbered citations ([1]) that lead to the cited article. All article text is untrusted: the
 * HTML escapes every string it prints, links only http(s) addresses, and declares a Content-Security-Policy
 * that allows no script at all; the Markdown escapes the characters that would turn text into markup.
 */
import type { Brief, Citation } from './types.ts';
import type { ClaimGroup } from './claims/types.ts';
import type { Quote } from './quotes/types.ts';

const MD_SPECIAL = /[\\`*_[\]<>#|~]/gu;
/** Article text as literal Markdown: no emphasis, links, HTML or table breaks can come from a page. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(MD_SPECIAL, (c) => `\\${c}`);
}

const HTML_SPECIAL: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML character data or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => HTML_SPECIAL[c]!);
}

/** An address a link may point to: http(s) only, so "javascript:" or "data:" from a page never becomes a link. */
export function safeHref(location: string): string | null {
  try {
    const u = new URL(location);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** "1 article", "3 articles", "2 stories": counts as a reader reads them (also the CLI's and the web's). */
export const plural = (n: number, noun: string, many = `${noun}s`) => `${n} ${n === 1 ? noun : many}`;

function citationNumbers(brief: Brief): Map<string, number> {
  return new Map(brief.citations.map((c) => [c.articleId, c.n]));
}

/** The citation numbers of some articles, ascending, each once. */
function numbersOf(nums: Map<string, number>, articleIds: readonly string[]): number[] {
  return [...new Set(articleIds.map((id) => nums.get(id)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
}

function quoteSpeaker(q: Quote): string {
  return q.speaker.name ?? q.speaker.description ?? 'unidentified speaker';
}

function claimValue(v: ClaimGroup['values'][number]): string {
  return v.value.raw;
}

const LABELS: Readonly<Record<ClaimGroup['label'], string>> = { agree: 'sources agree', disagree: 'sources disagree', evolving: 'changed over time', single: 'one source' };

function dateRange(e: { date: string; end: string | null }): string {
  return e.end && e.end !== e.date ? `${e.date} – ${e.end}` : e.date;
}

/** The claim groups worth a reader's attention first: disagreements, then changes, then agreement. */
function orderedClaims(brief: Brief): ClaimGroup[] {
  const rank: Record<ClaimGroup['label'], number> = { disagree: 0, evolving: 1, agree: 2, single: 3 };
  return [...brief.claims].sort((x, y) => rank[x.label] - rank[y.label]);
}

/** Single-source figures are many and mostly minor; the brief lists this many of them. */
export const MAX_SINGLE_CLAIMS_SHOWN = 12;

/**
 * The figures a reader is shown: every comparison across sources, and single-source counts, shares and
 * sums up to a limit. A single-source measure ("six months", "15 km") stays in the JSON but not in the
 * table: durations and distances crowded out the figures worth checking on the examples.
 */
function shownClaims(brief: Brief): ClaimGroup[] {
  let singles = 0;
  return orderedClaims(brief).filter(
    (g) => g.label !== 'single' || (g.values.every((v) => v.value.unit !== 'other') && singles++ < MAX_SINGLE_CLAIMS_SHOWN),
  );
}

/**
 * The brief as Markdown, citations as [n] with a numbered reference list at the end.
 *
 * @example renderBriefMarkdown(brief).split('\n')[0] // '# Rebels and Russia discuss withdrawal from Aleppo'
 */
export function renderBriefMarkdown(brief: Brief): string {
  const nums = citationNumbers(brief);
  const cite = (ids: readonly string[]) => numbersOf(nums, ids).map((n) => `[${n}]`).join('');
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(brief.title ?? 'Untitled story')}`, '');
  const span = brief.firstSeen ? (brief.lastSeen && brief.lastSeen !== brief.firstSeen ? `${brief.firstSeen} to ${brief.lastSeen}` : brief.firstSeen) : 'undated';
  out.push(`_${plural(brief.articleCount, 'article')} from ${plural(brief.independentSourceCount, 'independent source')}, ${span}._`, '');

  out.push('## Summary', '');
  for (const s of brief.summary) out.push(`- ${escapeMarkdown(s.text)} ${cite(s.articleIds)}${s.singleSource ? ' _(single source)_' : ''}`);
  if (brief.summary.length === 0) out.push('_No sentence could be summarised._');
  out.push('');

  const claims = shownClaims(brief);
  if (claims.length > 0) {
    out.push('## Figures across sources', '', '| what | where | value | as of | sources | |', '|---|---|---|---|---|---|');
    for (const g of claims) {
      g.values.forEach((v, i) => {
        out.push(`| ${i === 0 ? escapeMarkdown(g.counts) : ''} | ${i === 0 ? escapeMarkdown(g.where ?? '') : ''} | ${escapeMarkdown(claimValue(v))} | ${v.when ?? ''} | ${escapeMarkdown(v.sources.join(', '))} ${cite(v.articleIds)} | ${i === 0 ? LABELS[g.label] : ''} |`);
      });
    }
    out.push('');
  }

  if (brief.quotes.length > 0) {
    out.push('## Quotes', '');
    for (const q of brief.quotes) {
      const [first, ...others] = q.variants;
      out.push(`- **${escapeMarkdown(quoteSpeaker(q))}**${q.verb ? ` (${escapeMarkdown(q.verb)})` : ''}: “${escapeMarkdown(first!.text)}” ${cite(first!.articleIds)}`);
      for (const v of others) out.push(`  - also worded: “${escapeMarkdown(v.text)}” ${cite(v.articleIds)}`);
      for (const d of q.differences) out.push(`  - difference: ${escapeMarkdown(d)}`);
    }
    out.push('');
  }

  if (brief.timeline.length > 0) {
    out.push('## Timeline', '');
    for (const e of brief.timeline) {
      const when = `${dateRange(e)}${e.uncertain ? ' (approx.)' : ''}${e.tense === 'future' ? ' (planned)' : ''}`;
      out.push(`- **${when}** — ${escapeMarkdown(e.text)} ${cite(e.articleIds)}`);
    }
    out.push('');
  }

  if (brief.entities.length > 0) {
    out.push('## People, places and organisations', '');
    for (const e of brief.entities) {
      const roles = e.roles.length > 0 ? `, ${escapeMarkdown(e.roles.slice(0, 2).join('; '))}` : '';
      const variants = e.variants.filter((v) => v !== e.name);
      out.push(`- **${escapeMarkdown(e.name)}** (${e.kind}${roles}) — ${plural(e.mentions, 'mention')} in ${plural(e.bySource.length, 'source')}${variants.length ? `; also “${escapeMarkdown(variants.join('”, “'))}”` : ''}`);
    }
    out.push('');
  }

  out.push('## Sources', '');
  for (const s of brief.sources) {
    const arts = s.articles.map((a) => `${cite([a.id])}${a.outlet ? ` ${escapeMarkdown(a.outlet)}` : ''}${a.copyOf ? ` (copy of ${cite([a.copyOf])})` : ''}`).join('; ');
    out.push(`- **${escapeMarkdown(s.name)}**${s.firstSeen ? `, first seen ${s.firstSeen}` : ''}: ${arts}`);
    for (const f of s.exclusive) out.push(`  - only here: ${escapeMarkdown(f.text)} ${cite([f.articleId])}`);
  }
  out.push('', '## References', '');
  for (const c of brief.citations) out.push(`${c.n}. ${referenceText(c, escapeMarkdown)}`);
  return `${out.join('\n')}\n`;
}

function referenceText(c: Citation, esc: (s: string) => string): string {
  const when = c.published ? `${c.published}${c.inferred ? ' (inferred)' : ''}` : 'undated';
  return `${esc(c.title ?? 'Untitled')} — ${esc(c.outlet ?? 'unknown outlet')}${c.source !== c.outlet ? `, source: ${esc(c.source)}` : ''}, ${when}. ${esc(c.location)}`;
}

/** The brief's stylesheet: embedded in the self-contained page, served as a file by the web layer. */
export const BRIEF_CSS = `
body{font:16px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fdfdfb}
h1{font-size:1.7rem;line-height:1.25}h2{font:600 1.05rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em;margin-top:2.2rem;border-top:1px solid #ddd;padding-top:1rem}
.meta,.note{color:#555;font:.9rem system-ui,sans-serif}sup a{text-decoration:none;font:.75rem system-ui,sans-serif}
table{border-collapse:collapse;width:100%;font:.9rem system-ui,sans-serif}td,th{border-bottom:1px solid #e5e5e5;padding:.35rem;text-align:left;vertical-align:top}
.disagree{color:#a11}.evolving{color:#a60}.agree{color:#161}blockquote{margin:.4rem 0 .4rem 1rem;padding-left:.8rem;border-left:3px solid #ccc}
del{color:#a11}ins{color:#161;text-decoration:none;border-bottom:1px dotted}.single{color:#777;font-size:.85rem}
@media (max-width:600px){body{margin:1rem auto;font-size:15px}table{font-size:.8rem}}`;

/** The page's policy: no script of any kind, styles only from the page itself, nothing fetched. */
export const BRIEF_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * One or more briefs as one self-contained HTML page (no script, no external resource), citations linking
 * to each brief's numbered references, which link to the article's address when it is an http(s) URL.
 */
export function renderBriefsHtml(briefs: readonly Brief[], pageTitle = briefs.length === 1 ? (briefs[0]!.title ?? 'Untitled story') : 'Story briefs'): string {
  const e = escapeHtml;
  const h: string[] = [];
  h.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">');
  h.push(`<meta http-equiv="Content-Security-Policy" content="${e(BRIEF_PAGE_CSP)}">`);
  h.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<title>${e(pageTitle)}</title><style>${BRIEF_CSS}</style></head><body>`);
  briefs.forEach((b, i) => h.push(briefSectionHtml(b, { idPrefix: briefs.length === 1 ? '' : `s${i + 1}-` })));
  h.push('</body></html>');
  return `${h.join('\n')}\n`;
}

/** The page of one brief. */
export function renderBriefHtml(brief: Brief): string {
  return renderBriefsHtml([brief]);
}

export interface BriefHtmlOptions {
  /** Keeps the reference anchors of several briefs on one page apart. */
  idPrefix?: string;
  /** Where a citation of an article leads (a site's article page); by default to the reference list. */
  articleHref?: (articleId: string) => string;
  /**
   * The HTML of each wording of a quote, given all its wordings (a site marks the words that differ);
   * it must escape the text itself. By default each wording is escaped as is.
   */
  variantsHtml?: (texts: readonly string[]) => string[];
}

/** One brief as an <article> element. Every string from an article passes through escapeHtml. */
export function briefSectionHtml(brief: Brief, options: BriefHtmlOptions = {}): string {
  const { idPrefix = '', articleHref, variantsHtml } = options;
  const nums = citationNumbers(brief);
  const byNumber = new Map(brief.citations.map((c) => [c.n, c]));
  const cite = (ids: readonly string[]) =>
    numbersOf(nums, ids)
      .map((n) => {
        const c = byNumber.get(n)!;
        if (!articleHref) return `<sup><a href="#${idPrefix}ref-${n}">[${n}]</a></sup>`;
        const label = `${c.title ?? 'Untitled'} (${c.outlet ?? c.source})`;
        return `<sup><a href="${escapeHtml(articleHref(c.articleId))}" title="${escapeHtml(label)}" data-article="${escapeHtml(c.articleId)}">[${n}]</a></sup>`;
      })
      .join('');
  const e = escapeHtml;
  const h: string[] = [];
  h.push(`<article class="brief" id="${idPrefix}brief">`);
  h.push(`<h1>${e(brief.title ?? 'Untitled story')}</h1>`);
  const span = brief.firstSeen ? (brief.lastSeen && brief.lastSeen !== brief.firstSeen ? `${brief.firstSeen} to ${brief.lastSeen}` : brief.firstSeen) : 'undated';
  h.push(`<p class="meta">${plural(brief.articleCount, 'article')} from ${plural(brief.independentSourceCount, 'independent source')}, ${e(span)}</p>`);

  h.push('<h2>Summary</h2><ol class="summary">');
  for (const s of brief.summary) h.push(`<li>${e(s.text)} ${cite(s.articleIds)}${s.singleSource ? ' <span class="single">single source</span>' : ''}</li>`);
  h.push('</ol>');

  const claims = shownClaims(brief);
  if (claims.length > 0) {
    h.push('<h2>Figures across sources</h2><table><thead><tr><th>what</th><th>where</th><th>value</th><th>as of</th><th>sources</th><th></th></tr></thead><tbody>');
    for (const g of claims) {
      g.values.forEach((v, i) => {
        h.push(
          `<tr>${i === 0 ? `<td rowspan="${g.values.length}">${e(g.counts)}</td><td rowspan="${g.values.length}">${e(g.where ?? '')}</td>` : ''}` +
            `<td>${e(claimValue(v))}</td><td>${e(v.when ?? '')}</td><td>${e(v.sources.join(', '))} ${cite(v.articleIds)}</td>` +
            `${i === 0 ? `<td rowspan="${g.values.length}" class="${g.label}">${LABELS[g.label]}</td>` : ''}</tr>`,
        );
      });
    }
    h.push('</tbody></table>');
  }

  if (brief.quotes.length > 0) {
    h.push('<h2>Quotes</h2>');
    for (const q of brief.quotes) {
      h.push(`<p><strong>${e(quoteSpeaker(q))}</strong>${q.verb ? ` <span class="note">${e(q.verb)}</span>` : ''}</p>`);
      const texts = variantsHtml ? variantsHtml(q.variants.map((v) => v.text)) : q.variants.map((v) => e(v.text));
      q.variants.forEach((v, i) => h.push(`<blockquote>“${texts[i]}” ${cite(v.articleIds)} <span class="note">${e(v.sources.join(', '))}</span></blockquote>`));
      for (const d of q.differences) h.push(`<p class="note">Wording differs: ${e(d)}</p>`);
    }
  }

  if (brief.timeline.length > 0) {
    h.push('<h2>Timeline</h2><ul class="timeline">');
    for (const ev of brief.timeline) {
      const flags = `${ev.uncertain ? ' <span class="note">approx.</span>' : ''}${ev.tense === 'future' ? ' <span class="note">planned</span>' : ''}`;
      h.push(`<li><strong>${e(dateRange(ev))}</strong>${flags} — ${e(ev.text)} ${cite(ev.articleIds)}</li>`);
    }
    h.push('</ul>');
  }

  if (brief.entities.length > 0) {
    h.push('<h2>People, places and organisations</h2><ul class="entities">');
    for (const en of brief.entities) {
      const roles = en.roles.length > 0 ? `, ${e(en.roles.slice(0, 2).join('; '))}` : '';
      const variants = en.variants.filter((v) => v !== en.name);
      h.push(`<li><strong>${e(en.name)}</strong> <span class="note">(${en.kind}${roles}; ${plural(en.mentions, 'mention')} in ${plural(en.bySource.length, 'source')}${variants.length ? `; also ${e(variants.join(', '))}` : ''})</span></li>`);
    }
    h.push('</ul>');
  }

  h.push('<h2>Sources</h2><div class="sources">');
  for (const s of brief.sources) {
    const arts = s.articles.map((a) => `${cite([a.id])}${a.outlet ? ` ${e(a.outlet)}` : ''}${a.copyOf ? ` <span class="note">copy of ${cite([a.copyOf])}</span>` : ''}`).join('; ');
    h.push(`<p><strong>${e(s.name)}</strong>${s.firstSeen ? ` <span class="note">first seen ${e(s.firstSeen)}</span>` : ''}: ${arts}</p>`);
    if (s.exclusive.length > 0) h.push(`<ul>${s.exclusive.map((f) => `<li><span class="note">only here:</span> ${e(f.text)} ${cite([f.articleId])}</li>`).join('')}</ul>`);
  }

  h.push('</div><h2>References</h2><ol class="references">');
  for (const c of brief.citations) {
    const href = safeHref(c.location);
    const title = href ? `<a href="${e(href)}" rel="noopener noreferrer nofollow">${e(c.title ?? 'Untitled')}</a>` : e(c.title ?? 'Untitled');
    const when = c.published ? `${e(c.published)}${c.inferred ? ' (inferred)' : ''}` : 'undated';
    const local = articleHref ? `<a href="${e(articleHref(c.articleId))}">clean text</a> · ` : '';
    h.push(`<li id="${idPrefix}ref-${c.n}">${local}${title} — ${e(c.outlet ?? 'unknown outlet')}${c.source !== c.outlet ? `, source: ${e(c.source)}` : ''}, ${when}${href ? '' : ` <span class="note">${e(c.location)}</span>`}</li>`);
  }
  h.push('</ol></article>');
  return h.join('\n');
}
