/**
 * The brief's summary against hand-written references (fixtures/brief/summaries: the seeds, the three
 * multi-article example stories, 13 ECB+ subtopics), with ROUGE-1/2/L/Lsum F as Google's rouge-score
 * computes them (stemming on), beside the LexRank and round-robin lead baselines at the same word budget.
 *
 * Seeds and examples go through the whole pipeline (ingest → extract → dedup → cluster) and the story
 * with the most members is summarised, with the pipeline's independent sources, copy groups and dates.
 * ECB+ documents have no source names or dates: each document is its own source and unit.
 *
 *   node --import tsx eval/summary.ts            # per-story figures and means
 *   node --import tsx eval/summary.ts --show     # also print each summary
 *   node --import tsx eval/summary.ts --tune     # grid search of the summariser's parameters on the tuning stories
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article } from '../src/records/index.ts';
import { summarise, lexRank, leadBaseline, rouge, DEFAULT_SUMMARY_PARAMS, type SummaryInput, type RougeScores, type SummaryParams } from '../src/brief/summary/index.ts';
import { REPO_ROOT, SEEDS_DIR, SHARED } from './lib.ts';
import { EXAMPLES_DIR } from './examples.ts';
import type { EvalFigures } from './floors.ts';

export const SUMMARY_FIXTURES = join(REPO_ROOT, 'fixtures', 'brief', 'summaries');
const ECB_DOCS = join(SHARED, 'data', 'ecbplus-dev', 'docs.jsonl');

const Select = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seeds') }),
  z.object({ kind: z.literal('examples'), prefix: z.string().min(1) }),
  z.object({ kind: z.literal('ecbplus'), subtopic: z.string().min(1) }),
]);
const ReferenceFile = z.object({
  about: z.string(),
  stories: z.array(z.object({ id: z.string(), select: Select, reference: z.array(z.string().min(1)).min(1) })),
});
export type ReferenceStory = z.infer<typeof ReferenceFile>['stories'][number];

export type SummaryPart = 'seeds' | 'examples' | 'ecbplus';
export const SUMMARY_PARTS: SummaryPart[] = ['seeds', 'examples', 'ecbplus'];

export interface SystemScore {
  rouge1: number;
  rouge2: number;
  rougeL: number;
  rougeLsum: number;
  words: number;
}
export interface StorySummaryScore {
  part: SummaryPart;
  id: string;
  articles: number;
  ours: SystemScore;
  lexrank: SystemScore;
  lead: SystemScore;
  summary: string[];
}

export function loadReferences(part: SummaryPart): ReferenceStory[] {
  return ReferenceFile.parse(JSON.parse(readFileSync(join(SUMMARY_FIXTURES, `${part}.json`), 'utf8'))).stories;
}

export const ecbSummaryDataAvailable = () => existsSync(ECB_DOCS);

export function partAvailable(part: SummaryPart): boolean {
  if (part === 'seeds') return existsSync(SEEDS_DIR);
  if (part === 'ecbplus') return existsSync(ECB_DOCS);
  return true;
}

/** The summary input of the largest story the pipeline finds in `files`. */
export async function pipelineStoryInput(files: string[]): Promise<SummaryInput> {
  // Loaded on first use, so the ECB+-only paths (bench/brief-summary.ts) do not load the pipeline.
  const [{ readInputs }, { runPipeline }] = await Promise.all([import('../src/ingest/index.ts'), import('../src/pipeline/index.ts')]);
  const run = await runPipeline(readInputs(files));
  const articles = new Map(run.results.filter((r): r is Article => r.ok).map((a) => [a.id, a]));
  const story = [...run.stories].sort((a, b) => b.articles.length - a.articles.length)[0];
  if (!story) throw new Error(`no story in ${files.join(', ')}`);
  const source = new Map<string, string>();
  for (const s of run.sources.sources) for (const id of s.articleIds) source.set(id, s.name ?? `unnamed:${s.articleIds[0]}`);
  const unit = new Map(story.members.map((m) => [m.id, m.unit]));
  const inferred = new Map(story.dates.map((d) => [d.id, d.date]));
  return {
    articles: story.articles.map((id) => articles.get(id)!),
    sourceOf: (id) => source.get(id) ?? id,
    unitOf: (id) => unit.get(id) ?? id,
    dateOf: (id) => articles.get(id)?.published ?? inferred.get(id) ?? null,
  };
}

interface EcbDoc {
  doc_id: string;
  subtopic: string;
  sentences: string[];
}

/** ECB+ text was joined back from tokens: quotes, spaced punctuation, "p. m.", "2, 000" put back as prose. */
function detokenise(s: string): string {
  return s
    .replace(/``\s*/g, '“')
    .replace(/\s*''/g, '”')
    .replace(/\s+([.,;:!?%)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+'s\b/g, "'s")
    .replace(/\b([ap])\. m\./gi, '$1.m.')
    .replace(/(\d)([,.:]) (\d)/g, '$1$2$3')
    .replace(/ - /g, '-');
}

let ecbCache: (Pick<Article, 'id' | 'title' | 'paragraphs' | 'language'> & { subtopic: string })[] | null = null;
/**
 * Every ECB+ document as an article: "plus" documents open with their headline (no closing
 * punctuation), which becomes the title rather than a sentence; the rest are one paragraph each.
 */
export function loadEcbArticles(): (Pick<Article, 'id' | 'title' | 'paragraphs' | 'language'> & { subtopic: string })[] {
  ecbCache ??= readFileSync(ECB_DOCS, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbDoc)
    .map((d) => {
      const sentences = d.sentences.map(detokenise);
      const headline = sentences.length > 1 && !/[.!?"”']$/.test(sentences[0]!);
      return { id: d.doc_id, subtopic: d.subtopic, title: headline ? sentences[0]! : null, paragraphs: headline ? sentences.slice(1) : sentences, language: 'en' };
    });
  return ecbCache;
}

/** The documents of one ECB+ subtopic as a story: each document its own source and unit, no dates. */
export function ecbStoryInput(subtopic: string): SummaryInput {
  const articles = loadEcbArticles().filter((d) => d.subtopic === subtopic);
  if (articles.length === 0) throw new Error(`ECB+ subtopic ${subtopic} not found`);
  return { articles, sourceOf: (id) => id, unitOf: (id) => id, dateOf: () => null };
}

export async function storyInput(select: ReferenceStory['select']): Promise<SummaryInput> {
  if (select.kind === 'seeds') {
    return pipelineStoryInput(readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS_DIR, f)));
  }
  if (select.kind === 'examples') {
    return pipelineStoryInput(readdirSync(EXAMPLES_DIR).filter((f) => f.startsWith(select.prefix)).sort().map((f) => join(EXAMPLES_DIR, f)));
  }
  return ecbStoryInput(select.subtopic);
}

function systemScore(reference: string[], sentences: string[]): SystemScore {
  const r: RougeScores = rouge(reference.join('\n'), sentences.join('\n'));
  const words = sentences.join(' ').split(/\s+/).filter(Boolean).length;
  return { rouge1: r.rouge1.f, rouge2: r.rouge2.f, rougeL: r.rougeL.f, rougeLsum: r.rougeLsum.f, words };
}

/** Scores ours and both baselines on every labelled story whose data is present. */
export async function evalSummaries(): Promise<{ stories: StorySummaryScore[]; skipped: SummaryPart[] }> {
  const stories: StorySummaryScore[] = [];
  const skipped: SummaryPart[] = [];
  for (const part of SUMMARY_PARTS) {
    if (!partAvailable(part)) {
      skipped.push(part);
      continue;
    }
    for (const ref of loadReferences(part)) {
      const input = await storyInput(ref.select);
      const ours = summarise(input).map((s) => s.text);
      stories.push({
        part,
        id: ref.id,
        articles: input.articles.length,
        ours: systemScore(ref.reference, ours),
        lexrank: systemScore(ref.reference, lexRank(input).map((s) => s.text)),
        lead: systemScore(ref.reference, leadBaseline(input).map((s) => s.text)),
        summary: ours,
      });
    }
  }
  return { stories, skipped };
}

const SYSTEMS = ['ours', 'lexrank', 'lead'] as const;
const METRICS = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const;

export function meanScores(stories: StorySummaryScore[]): Record<(typeof SYSTEMS)[number], SystemScore> {
  const mean = (sys: (typeof SYSTEMS)[number], key: keyof SystemScore) => stories.reduce((s, x) => s + x[sys][key], 0) / (stories.length || 1);
  return Object.fromEntries(
    SYSTEMS.map((sys) => [sys, { rouge1: mean(sys, 'rouge1'), rouge2: mean(sys, 'rouge2'), rougeL: mean(sys, 'rougeL'), rougeLsum: mean(sys, 'rougeLsum'), words: mean(sys, 'words') }]),
  ) as Record<(typeof SYSTEMS)[number], SystemScore>;
}

/** Prints the summary section of `npm run eval` and records its gated figures (mean ROUGE-1/2 F of ours over all stories). */
export async function reportSummaries(figures: EvalFigures, show = false): Promise<void> {
  const { stories, skipped } = await evalSummaries();
  for (const part of skipped) console.warn(`SKIPPED summary references for ${part}: its data (../shared) not found`);
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const row = (s: SystemScore) => METRICS.map((m) => pct(s[m])).join(' ');
  console.log('## Summary: ROUGE F (rouge-score, stemmed) against our reference summaries (fixtures/brief/summaries), ~120 words');
  console.log(`  ${'story'.padEnd(22)} ${'ours R1    R2    RL  RLsum'.padEnd(26)} | ${'LexRank'.padEnd(23)} | lead (round-robin)`);
  for (const s of stories) {
    console.log(`  ${`${s.part}/${s.id} (${s.articles})`.padEnd(22)} ${row(s.ours)} | ${row(s.lexrank)} | ${row(s.lead)}`);
    if (show) for (const t of s.summary) console.log(`      · ${t}`);
  }
  const groups: [string, StorySummaryScore[]][] = [
    ...SUMMARY_PARTS.map((part): [string, StorySummaryScore[]] => [part, stories.filter((s) => s.part === part)]),
    ['tuning', stories.filter((s) => isTuningStory(s.part, s.id))],
    ['held-out', stories.filter((s) => !isTuningStory(s.part, s.id))],
    ['all', stories],
  ];
  for (const [name, sel] of groups) {
    if (sel.length === 0) continue;
    const m = meanScores(sel);
    console.log(`  ${`mean ${name} (${sel.length})`.padEnd(22)} ${row(m.ours)} | ${row(m.lexrank)} | ${row(m.lead)}`);
  }
  console.log('  (tuning: seeds, examples, ECB+ topics 1–20, where the parameters were grid-searched; held-out: ECB+ 21–35)');
  console.log();
  if (stories.length > 0) {
    const m = meanScores(stories);
    figures.summaryRouge1 = m.ours.rouge1;
    figures.summaryRouge2 = m.ours.rouge2;
  }
}

/** Tuning stories: seeds, examples and ECB+ topics 1–20; the rest (ECB+ 21–35) is held out. */
export const isTuningStory = (part: SummaryPart, id: string) => part !== 'ecbplus' || Number(id.split('_')[0]) <= 20;

/**
 * Grid search over the importance weights and thresholds: each setting is scored by mean ROUGE-1 +
 * ROUGE-2 F on the tuning stories; the held-out mean of the best settings is printed beside it.
 */
async function tune(): Promise<void> {
  const stories: { tuning: boolean; reference: string[]; input: SummaryInput }[] = [];
  for (const part of SUMMARY_PARTS) {
    if (!partAvailable(part)) continue;
    for (const ref of loadReferences(part)) stories.push({ tuning: isTuningStory(part, ref.id), reference: ref.reference, input: await storyInput(ref.select) });
  }
  // Second, finer pass around the best of a first coarse grid (centrality 0.5–1.5, corroboration 0–1.2,
  // position 0.3–1, half-life 1–6, same-fact 0.25–0.5, λ 0.6–1), centrality fixed at 1 since only the
  // ratios of the three weights matter.
  const grid: Partial<Record<keyof SummaryParams, number[]>> = {
    corroboration: [0.6, 0.8, 1.0],
    position: [0.15, 0.2, 0.3, 0.4],
    positionHalfLife: [4, 6, 10],
    sameFactSim: [0.3, 0.33, 0.4, 0.5],
    mmrLambda: [0.5, 0.6, 0.7],
  };
  const keys = Object.keys(grid) as (keyof SummaryParams)[];
  const results: { params: SummaryParams; tune: number; held: number }[] = [];
  const walk = (i: number, p: SummaryParams) => {
    if (i === keys.length) {
      let tuneSum = 0, tuneN = 0, heldSum = 0, heldN = 0;
      for (const s of stories) {
        const r = rouge(s.reference.join('\n'), summarise(s.input, { params: p }).map((x) => x.text).join('\n'));
        const v = (r.rouge1.f + r.rouge2.f) / 2;
        if (s.tuning) (tuneSum += v), tuneN++;
        else (heldSum += v), heldN++;
      }
      results.push({ params: { ...p }, tune: tuneSum / (tuneN || 1), held: heldSum / (heldN || 1) });
      return;
    }
    for (const v of grid[keys[i]!]!) walk(i + 1, { ...p, [keys[i]!]: v });
  };
  walk(0, { ...DEFAULT_SUMMARY_PARAMS });
  results.sort((a, b) => b.tune - a.tune);
  const def = results.find((r) => keys.every((k) => r.params[k] === DEFAULT_SUMMARY_PARAMS[k]));
  if (def) console.log(`defaults: tuning ${def.tune.toFixed(4)} held-out ${def.held.toFixed(4)}`);
  for (const r of results.slice(0, 15)) console.log(`tuning ${r.tune.toFixed(4)} held-out ${r.held.toFixed(4)}  ${keys.map((k) => `${k}=${r.params[k]}`).join(' ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--tune')) await tune();
  else await reportSummaries({}, process.argv.includes('--show'));
}
