/**
 * How results are written: the data formats for stdout (jsonl, json, md, text), the run summary and
 * the overview table. Pure string functions, so their shape is tested without spawning anything.
 */
import type { Article, CopyGroup, ExtractResult } from '../records/index.ts';
import type { PipelineRun, RunSummary } from '../pipeline/index.ts';
import type { BriefFormat, ClusterFormat, DedupFormat, OutputFormat, RunFormat } from './args.ts';
import { plural, renderBriefMarkdown, renderBriefsHtml, type Brief } from '../brief/index.ts';
import type { IngestSummary } from '../pipeline/ingest.ts';
import type { StoreCounts } from '../store/index.ts';

/** Results as the chosen format. jsonl/json carry failures too; md/text are for reading articles. */
export function formatResults(results: readonly ExtractResult[], format: OutputFormat): string {
  const writer = new ResultWriter(format);
  return results.map((r) => writer.item(r)).join('') + writer.end();
}

/**
 * Results written one at a time, for runs too large to hold or to print as one string (a JSON string
 * past V8's 512 MB limit cannot be built at all): `item` for each result in order, then `end()`.
 */
export class ResultWriter {
  private written = 0;
  constructor(private readonly format: OutputFormat) {}

  /** The text for the next result ('' when the format leaves it out: failures in md and text). */
  item(r: ExtractResult): string {
    switch (this.format) {
      case 'jsonl':
        return JSON.stringify(r) + '\n';
      case 'json':
        // JSON.stringify(list, null, 2) indents each element by one more level, inside "[\n" … "\n]".
        return (this.written++ === 0 ? '[\n  ' : ',\n  ') + jsonAtDepth(r, 1);
      case 'md':
        return r.ok ? (this.written++ === 0 ? '' : '\n---\n\n') + articleMarkdown(r) : '';
      case 'text':
        return r.ok ? (this.written++ === 0 ? '' : '\n') + articleText(r) : '';
    }
  }

  /** What closes the output after the last result. */
  end(): string {
    if (this.format === 'json') return this.written === 0 ? '[]\n' : '\n]\n';
    return '';
  }
}

function articlesOf(results: readonly ExtractResult[]): Article[] {
  return results.filter((r): r is Article => r.ok);
}

/** One article as readable Markdown: title, metadata list, body, and what was removed and why. */
export function articleMarkdown(a: Article): string {
  const meta: [string, string | null][] = [
    ['Source', a.source],
    ['URL', a.url],
    ['Outlet', a.outlet],
    ['Original source', a.originalSource && withEvidence(a.originalSource, a.originalSourceEvidence)],
    ['Published', a.published && withEvidence(a.published, a.publishedEvidence)],
    ['Byline', a.byline],
    ['Dateline', a.dateline],
    ['Language', a.language],
    ['Words', String(a.wordCount)],
  ];
  const lines = [`# ${a.title ?? '(untitled)'}`, ''];
  for (const [label, value] of meta) if (value) lines.push(`- **${label}:** ${value}`);
  lines.push('', ...a.paragraphs.flatMap((p) => [p, '']));
  if (a.removed.length > 0) {
    lines.push(`## Removed (${a.removed.length})`, '');
    for (const r of a.removed) lines.push(`- *${r.reason}*${r.line ? ` (line ${r.line})` : ''}: ${oneLine(r.text)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** One article as plain text: a short header, then the clean text. */
export function articleText(a: Article): string {
  const facts = [a.outlet, a.originalSource && `via ${a.originalSource}`, a.published, `${a.wordCount} words`].filter(Boolean);
  return [`=== ${a.title ?? '(untitled)'}`, `${a.source}${facts.length ? ' | ' + facts.join(' | ') : ''}`, '', a.text, ''].join('\n');
}

function withEvidence(value: string, evidence: string | null): string {
  return evidence && evidence !== value ? `${value} (from “${oneLine(evidence)}”)` : value;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}


/**
 * The run in one line, then each skipped source with its reason:
 * "12 pages: 10 articles, 2 skipped (1 binary, 1 not_an_article)".
 */
export function formatSummary(summary: RunSummary, results: readonly ExtractResult[]): string {
  const codes = Object.entries(summary.byCode)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, n]) => `${n} ${code}`);
  let head = `${plural(summary.pages, 'page')}: ${plural(summary.articles, 'article')}`;
  if (summary.skipped > 0) head += `, ${summary.skipped} skipped (${codes.join(', ')})`;
  const lines = [head];
  for (const r of results) if (!r.ok) lines.push(`  skipped ${r.source}: ${r.error.code} — ${r.error.message}`);
  return lines.join('\n') + '\n';
}

/** Column widths for the overview; longer values are cut with "…". */
const OVERVIEW_COLUMNS = [
  { head: 'Title', width: 56 },
  { head: 'Outlet', width: 22 },
  { head: 'Original source', width: 20 },
  { head: 'Published', width: 10 },
  { head: 'Words', width: 6, right: true },
  { head: 'Removed', width: 7, right: true },
] as const;

/** A fixed-width table of the articles of a run, for people reading a terminal. */
export function formatOverview(results: readonly ExtractResult[]): string {
  const rows = articlesOf(results).map((a) => [
    a.title ?? '(untitled)',
    a.outlet ?? '–',
    a.originalSource ?? '–',
    a.published ?? '–',
    String(a.wordCount),
    String(a.removed.length),
  ]);
  const cell = (value: string, i: number) => {
    const col = OVERVIEW_COLUMNS[i]!;
    const text = [...oneLine(value)];
    const cut = text.length > col.width ? text.slice(0, col.width - 1).join('') + '…' : text.join('');
    return 'right' in col ? cut.padStart(col.width) : cut.padEnd(col.width);
  };
  const line = (cells: readonly string[]) => cells.map(cell).join('  ').trimEnd();
  const rule = OVERVIEW_COLUMNS.map((c) => '─'.repeat(c.width)).join('  ');
  return [line(OVERVIEW_COLUMNS.map((c) => c.head)), rule, ...rows.map(line)].join('\n') + '\n';
}

/** What `dedup` prints: copy groups, shared-material pairs, and each article's source after propagation. */
export function formatCopies(run: PipelineRun, format: DedupFormat): string {
  const articles = articlesOf(run.results);
  const perArticle = articles.map((a) => ({
    id: a.id,
    source: a.source,
    title: a.title,
    originalSource: run.copies.originalSourceById[a.id] ?? null,
    extractedOriginalSource: a.originalSource,
  }));
  const sharedMaterial = run.copies.relations.filter((r) => r.kind === 'shares-material');
  switch (format) {
    case 'json':
      return JSON.stringify({ groups: run.copies.groups, sharedMaterial, articles: perArticle, independentSources: run.sources }, null, 2) + '\n';
    case 'jsonl':
      return [
        ...run.copies.groups.map((g) => ({ type: 'group', ...g })),
        ...sharedMaterial.map((r) => ({ type: 'shares-material', ...r })),
        ...perArticle.map((a) => ({ type: 'article', ...a })),
      ]
        .map((x) => JSON.stringify(x) + '\n')
        .join('');
    case 'md':
      return copiesMarkdown(run, articles);
  }
}

/** Copy groups for people: the canonical first, each member with its relation and overlap. */
function copiesMarkdown(run: PipelineRun, articles: readonly Article[]): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const label = (id: string) => {
    const a = byId.get(id);
    return a ? `${a.title ?? '(untitled)'} — ${a.outlet ?? a.source}` : id;
  };
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [`## Copies: ${plural(run.copies.groups.length, 'copy group')}, ${plural(run.sources.count, 'independent source')}`, ''];
  for (const g of run.copies.groups as CopyGroup[]) {
    lines.push(`- **${label(g.canonical)}** (canonical; original source: ${g.originalSource ?? 'unknown'})`);
    for (const m of g.members) {
      if (m.id === g.canonical) continue;
      lines.push(`  - ${m.relation}: ${label(m.id)} (Jaccard ${pct(m.jaccard)}, ${pct(m.containment)} of it in the canonical)`);
    }
  }
  const shared = run.copies.relations.filter((r) => r.kind === 'shares-material');
  if (shared.length > 0) {
    lines.push('', 'Independent reports sharing material (not copies):');
    for (const r of shared) lines.push(`- ${label(r.a)} ↔ ${label(r.b)} (longest shared run ${r.longestSharedWords} words)`);
  }
  return lines.join('\n') + '\n';
}

/**
 * What `run` prints: one document with every stage that exists, in chunks (one per article and per
 * story), so a large run is written out without ever being one string (V8 cannot build one past
 * 512 MB: about 15,000 WCXB-sized articles as JSON).
 */
export function* runDocumentChunks(run: PipelineRun, format: RunFormat): Generator<string> {
  if (format === 'md') {
    const writer = new ResultWriter('md');
    for (const r of run.results) yield writer.item(r);
    yield writer.end() + '\n---\n\n' + formatCopies(run, 'md') + '\n' + formatStories(run, 'md');
    return;
  }
  // The layout of JSON.stringify(document, null, 2), written member by member.
  yield '{\n  "articles": ';
  yield* arrayChunks(run.results);
  yield `,\n  "copies": ${jsonAtDepth(run.copies, 1)},\n  "independentSources": ${jsonAtDepth(run.sources, 1)},\n  "stories": `;
  yield* arrayChunks(run.stories.map((s, i) => ({ ...s, brief: run.briefs[i] })));
  yield `,\n  "summary": ${jsonAtDepth(run.summary, 1)}\n}\n`;
}

/** A value as JSON.stringify(…, null, 2) lays it out `depth` levels deep in a larger document. */
function jsonAtDepth(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
}

/** An array member of a document (one level deep) as JSON.stringify(…, null, 2) lays it out, element by element. */
function* arrayChunks(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  for (let i = 0; i < items.length; i++) yield (i === 0 ? '[\n    ' : ',\n    ') + jsonAtDepth(items[i], 2);
  yield '\n  ]';
}

/** Stories with more members first: the briefs a reader most likely came for. */
function briefsBySize(run: PipelineRun): PipelineRun['briefs'] {
  return [...run.briefs].sort((a, b) => b.articleCount - a.articleCount || (a.storyId < b.storyId ? -1 : 1));
}

/** What `brief` prints: one brief per story, biggest story first. */
export function formatBriefs(run: PipelineRun, format: BriefFormat): string {
  const briefs = briefsBySize(run);
  if (format === 'json') return JSON.stringify({ briefs }, null, 2) + '\n';
  if (format === 'html') return renderBriefsHtml(briefs);
  return briefs.map(renderBriefMarkdown).join('\n---\n\n');
}

/** What `cluster` prints: the stories, biggest first in md, as records in json. */
export function formatStories(run: PipelineRun, format: ClusterFormat): string {
  if (format === 'json') return JSON.stringify({ stories: run.stories }, null, 2) + '\n';
  const byId = new Map(articlesOf(run.results).map((a) => [a.id, a]));
  const stories = [...run.stories].sort((a, b) => b.articles.length - a.articles.length || (a.id < b.id ? -1 : 1));
  const lines = [`## Stories: ${plural(stories.length, 'story', 'stories')}`, ''];
  for (const s of stories) {
    const span = s.firstSeen ? (s.lastSeen && s.lastSeen !== s.firstSeen ? `${s.firstSeen} → ${s.lastSeen}` : s.firstSeen) : 'undated';
    lines.push(`### ${s.title ?? '(untitled)'}`, `${plural(s.articles.length, 'article')}, ${span}; ${s.entities.slice(0, 6).map((e) => e.name).join(', ')}`, '');
    for (const m of s.members) {
      const a = byId.get(m.id);
      const why = m.relation === 'joined' ? ` — joined at ${m.score.toFixed(2)} on ${m.evidence.slice(0, 3).map((e) => e.value).join(', ')}` : ` — ${m.relation}`;
      const inferred = s.dates.find((d) => d.id === m.id);
      const date = m.published ?? (inferred ? `${inferred.date} (inferred from “${inferred.evidence[0]?.phrase ?? ''}”)` : 'undated');
      lines.push(`- ${a?.title ?? m.id} · ${a?.outlet ?? a?.source ?? ''} · ${date}${why}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** What `ingest`, `reprocess` and `start` print after storing: this run's counts and the store's. */
export function formatIngestSummary(summary: IngestSummary, db: string, counts: StoreCounts): string {
  const codes = Object.entries(summary.byCode).map(([code, n]) => `${code} ${n}`).join(', ');
  return (
    [
      `${plural(summary.pages, 'page')} read in ${summary.seconds.toFixed(1)} s: ${summary.stored} new, ${summary.known} already stored, ${summary.articles} articles, ${summary.failures} stored without an article, ${summary.refused} refused${codes ? ` (${codes})` : ''}`,
      `${db}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    ].join('\n') + '\n'
  );
}

/** The stories of a store for a terminal: biggest first, each with its size, sources and lead sentence. */
export function formatStoryList(briefs: readonly Brief[]): string {
  const lines = [`## Stories: ${plural(briefs.length, 'story', 'stories')}`, ''];
  for (const b of briefs) {
    const span = b.firstSeen ? (b.lastSeen && b.lastSeen !== b.firstSeen ? `${b.firstSeen} → ${b.lastSeen}` : b.firstSeen) : 'undated';
    lines.push(`### ${oneLine(b.title ?? '(untitled)')}`, `${plural(b.articleCount, 'article')} from ${plural(b.independentSourceCount, 'independent source')}, ${span}`);
    const lead = b.summary[0];
    if (lead) lines.push(`> ${oneLine(lead.text)}`);
    const disagreements = b.claims.filter((c) => c.label === 'disagree').length;
    if (disagreements > 0) lines.push(`${plural(disagreements, 'figure')} the sources disagree on`);
    lines.push('');
  }
  return lines.join('\n');
}
