/**
 * WCXB dev articles as plain-text page dumps: each of the 793 HTML pages is rendered to a whole-page
 * text dump the way a scraper saving `innerText` would (html-to-text, no word wrap, no link targets,
 * no images, block elements on their own lines, the document title first), then run through
 * `extract()` with format 'text' and the template index built over all dumps. Scores body word-F1
 * against `ground_truth.main_content`. Dumps are cached under `.cache/wcxb-text/` (git-ignored).
 *
 * The same pages are also rendered in other styles scrapers save (`DUMP_STYLES`): html-to-text
 * with its own defaults (hard-wrapped at 80 columns, link targets printed as "text [url]", headings
 * in capitals, "*" bullets), Markdown (turndown, the converter behind many crawlers' Markdown
 * output) and, when the lynx text browser is installed, `lynx -dump`. The extractor is tuned on none
 * of them; they measure how it carries to other dumps.
 *
 *   node --import tsx eval/wcxb-text.ts [--limit N] [--worst K] [--style innertext|annotated|markdown|lynx]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert, type HtmlToTextOptions } from 'html-to-text';
import TurndownService from 'turndown';
import type { RawPage } from '../src/records/index.ts';
import { buildTemplateIndex } from '../src/extract/text/template.ts';
import { extractTextDraft } from '../src/extract/text/index.ts';
import { REPO_ROOT, loadWcxb, mean, normTitle, wcxbAvailable, wordF1 } from './lib.ts';

export const TEXT_CACHE_DIR = join(REPO_ROOT, '.cache', 'wcxb-text');

/** Blocks a browser lays out on their own lines but html-to-text would run inline. */
const EXTRA_BLOCKS = [
  'section', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'address', 'details', 'summary', 'center',
  'tr', 'caption', 'fieldset', 'legend', 'menu', 'hgroup', 'dialog', 'li',
];
/** What innerText never shows: scripts, styles, hidden subtrees, embedded media. */
const NEVER_SHOWN = [
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'video', 'audio', 'canvas',
  'select', '[style*="display:none"]', '[style*="display: none"]',
];

const RENDER_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // innerText shows no bullets; ordered lists keep their numbers as the seeds' dumps do.
    { selector: 'ul', options: { itemPrefix: '' } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
    { selector: 'table', format: 'block' },
    { selector: 'td', format: 'inlineSurround', options: { prefix: '', suffix: '\t' } },
    { selector: 'th', format: 'inlineSurround', options: { prefix: '', suffix: '\t' } },
    ...EXTRA_BLOCKS.map((s) => ({ selector: s, format: 'block' })),
    ...NEVER_SHOWN.map((s) => ({ selector: s, format: 'skip' })),
  ],
};

/**
 * Renders one HTML page to an innerText-like whole-page dump, with the document title on the first
 * line as scrapers that save `document.title` + `body.innerText` do (seed 003 has that shape).
 */
export function renderDump(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const body = convert(html, RENDER_OPTIONS);
  const titleText = title ? convert(title, { wordwrap: false }).replace(/\s+/g, ' ').trim() : '';
  return (titleText ? `${titleText}\n` : '') + body.replace(/[ \t]+\n/g, '\n');
}

/** html-to-text with its defaults, as a scraper that calls it without options saves a page. */
const ANNOTATED_OPTIONS: HtmlToTextOptions = {
  selectors: NEVER_SHOWN.map((s) => ({ selector: s, format: 'skip' })),
};

let turndown: TurndownService | null = null;

/** A page as a crawler's Markdown export: turndown with ATX headings and "-" bullets. */
function renderMarkdown(html: string): string {
  if (!turndown) {
    turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced' });
    turndown.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'video', 'audio', 'canvas', 'select', 'head']);
  }
  try {
    return turndown.turndown(html);
  } catch {
    // A page turndown's DOM cannot take is an empty dump, scored as a miss.
    return '';
  }
}

/** A page as `lynx -dump` prints it (numbered link markers, the list of targets at the end, wrapped at 79). */
function renderLynx(html: string): string {
  return execFileSync('lynx', ['-dump', '-stdin', '-force_html', '-nomargins', '-assume_charset=utf-8', '-display_charset=utf-8'], {
    input: html,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Whether the lynx text browser is installed (Debian: apt-get install lynx); its style is scored only then. */
export function lynxAvailable(): boolean {
  return spawnSync('lynx', ['-version'], { stdio: 'ignore' }).status === 0;
}

/** Whole-page text dump styles the text eval renders WCXB into. */
export type DumpStyle = 'innertext' | 'annotated' | 'markdown' | 'lynx';

export const DUMP_STYLES: Record<DumpStyle, { label: string; cacheDir: string; render: (html: string) => string }> = {
  innertext: { label: 'html-to-text, innerText-like', cacheDir: TEXT_CACHE_DIR, render: renderDump },
  annotated: {
    label: 'html-to-text defaults: wrapped, "text [url]" link targets, capitalised headings',
    cacheDir: join(REPO_ROOT, '.cache', 'wcxb-text-annotated'),
    render: (html) => convert(html, ANNOTATED_OPTIONS),
  },
  markdown: { label: 'Markdown, turndown', cacheDir: join(REPO_ROOT, '.cache', 'wcxb-text-markdown'), render: renderMarkdown },
  lynx: { label: 'lynx -dump: [n] link markers, list of targets, wrapped at 79', cacheDir: join(REPO_ROOT, '.cache', 'wcxb-text-lynx'), render: renderLynx },
};

interface TextPage {
  id: string;
  page: RawPage;
  gold: string;
  goldTitle: string | null;
}

/** Loads WCXB and renders (or reads cached) dumps in one style. */
export function loadWcxbText(limit = Infinity, style: DumpStyle = 'innertext'): TextPage[] {
  const { cacheDir, render } = DUMP_STYLES[style];
  mkdirSync(cacheDir, { recursive: true });
  return loadWcxb(limit).map((p) => {
    const file = join(cacheDir, `${p.id}.txt`);
    let content: string;
    if (existsSync(file)) content = readFileSync(file, 'utf8');
    else {
      content = render(p.html);
      writeFileSync(file, content);
    }
    return {
      id: p.id,
      gold: p.gold.mainContent,
      goldTitle: p.gold.title,
      page: {
        source: `wcxb-text/${style === 'innertext' ? '' : `${style}/`}${p.id}`,
        url: p.url || null,
        format: 'text',
        content,
        fetchedAt: null,
        encoding: 'utf-8',
        bytes: content.length,
      },
    };
  });
}

export interface TextEvalSummary {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
  titleExact: number;
  failures: number;
  /** Whole `extract()` (text extractor + signals) including the template index, per page. */
  msPerPage: number;
  pagesPerSecond: number;
  /** The text extractor alone: template index + `extractTextDraft`, per page. */
  textMsPerPage: number;
  scores: { id: string; f1: number; precision: number; recall: number }[];
}

type ExtractFn = (page: RawPage, template: ReturnType<typeof buildTemplateIndex>) => {
  ok: boolean;
  text: string;
  title: string | null;
};

/**
 * The orchestrator `extract()` when it loads (it imports the HTML extractor and signals, which other
 * engineers write); otherwise the text extractor alone, so this eval still measures segmentation.
 */
async function loadExtract(): Promise<ExtractFn> {
  try {
    const mod = await import('../src/extract/index.ts');
    return (page, template) => {
      const r = mod.extract(page, template);
      return r.ok ? { ok: true, text: r.text, title: r.title } : { ok: false, text: '', title: null };
    };
  } catch (err) {
    console.warn(`extract() did not load (${(err as Error).message.split('\n')[0]}); scoring extractTextDraft alone`);
    return (page, template) => {
      const d = extractTextDraft(page, template);
      return { ok: d.paragraphs.length > 0, text: d.paragraphs.join('\n\n'), title: d.title };
    };
  }
}

/**
 * Mean body word-F1 of the text-dump extractor over WCXB dev (optionally the first `limit` pages),
 * with timing that covers template indexing and extraction but not rendering.
 *
 * @example const { f1, msPerPage } = await evalWcxbText(100);
 */
export async function evalWcxbText(limit = Infinity, style: DumpStyle = 'innertext'): Promise<TextEvalSummary> {
  const pages = loadWcxbText(limit, style);
  const run = await loadExtract();
  const t0 = performance.now();
  const template = buildTemplateIndex(pages.map((p) => p.page));
  const results = pages.map((p) => run(p.page, template));
  const ms = performance.now() - t0;
  const t1 = performance.now();
  const textTemplate = buildTemplateIndex(pages.map((p) => p.page));
  for (const p of pages) extractTextDraft(p.page, textTemplate);
  const textMs = performance.now() - t1;
  const scores = pages.map((p, i) => ({ id: p.id, ...wordF1(results[i]!.text, p.gold) }));
  return {
    pages: pages.length,
    f1: mean(scores.map((s) => s.f1)),
    precision: mean(scores.map((s) => s.precision)),
    recall: mean(scores.map((s) => s.recall)),
    titleExact: mean(pages.map((p, i) => (normTitle(results[i]!.title) === normTitle(p.goldTitle) ? 1 : 0))),
    failures: results.filter((r) => !r.ok).length,
    msPerPage: ms / Math.max(1, pages.length),
    pagesPerSecond: (pages.length * 1000) / Math.max(1e-9, ms),
    textMsPerPage: textMs / Math.max(1, pages.length),
    scores,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!wcxbAvailable()) {
    console.warn('../shared/data/wcxb-dev-articles not found: nothing to evaluate');
    process.exit(0);
  }
  const args = process.argv.slice(2);
  const limitAt = args.indexOf('--limit');
  const worstAt = args.indexOf('--worst');
  const styleAt = args.indexOf('--style');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const worst = worstAt >= 0 ? Number(args[worstAt + 1]) : 0;
  const style = (styleAt >= 0 ? args[styleAt + 1] : 'innertext') as DumpStyle;
  if (!(style in DUMP_STYLES)) {
    console.error(`--style must be one of ${Object.keys(DUMP_STYLES).join(', ')}`);
    process.exit(2);
  }
  const { scores, ...summary } = await evalWcxbText(limit, style);
  console.log(JSON.stringify(summary, null, 2));
  if (worst > 0) {
    for (const p of [...scores].sort((a, b) => a.f1 - b.f1).slice(0, worst)) {
      console.log(`${p.id} f1=${p.f1.toFixed(3)} p=${p.precision.toFixed(3)} r=${p.recall.toFixed(3)}`);
    }
  }
}
