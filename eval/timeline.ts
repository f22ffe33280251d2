/**
 * Timeline date accuracy on labelled stories: the seeds (when ../shared/seeds exists) and the example
 * dam, strike and court stories, each run through the pipeline as `npm start` runs it, each cluster
 * story's timeline built as the brief builds it, and the events scored against hand gold in
 * fixtures/brief/timeline/<story>.json.
 *
 *  - a gold event is found when an output event shares one of its articles and its sentence holds every
 *    key ('a|b': either); it is right when such an event has the gold date (and the same range end);
 *  - date accuracy = right gold events / gold events;
 *  - precision = output events that are right for some gold event / output events (the gold lists
 *    every dated event of the story we judge real, so an unmatched event is a false one, or one our
 *    gold missed — the list is printed for inspection);
 *  - duplicates = right output events beyond the first for the same gold event (one event said twice).
 *
 *   node --import tsx eval/timeline.ts            # figures per story
 *   node --import tsx eval/timeline.ts --events   # and every output event, marked
 *   node --import tsx eval/timeline.ts --bench    # and CPU time for a 100-article story
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article } from '../src/records/index.ts';
import { readInputs } from '../src/ingest/index.ts';
import { runPipeline } from '../src/pipeline/index.ts';
import { storySources } from '../src/brief/sources.ts';
import { buildTimeline } from '../src/brief/timeline/index.ts';
import type { TimelineEvent } from '../src/brief/types.ts';
import { REPO_ROOT, SEEDS_DIR } from './lib.ts';
import { EXAMPLES_DIR, stemOf } from './examples.ts';

const GOLD_DIR = join(REPO_ROOT, 'fixtures', 'brief', 'timeline');

export const TimelineGold = z.object({
  story: z.string(),
  notes: z.string(),
  complete: z.boolean(),
  events: z
    .array(
      z.object({
        date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
        end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
        since: z.boolean().optional(),
        keys: z.array(z.string().min(1)).min(1),
        articles: z.array(z.string()).min(1),
        note: z.string(),
      }),
    )
    .min(1),
});
export type TimelineGold = z.infer<typeof TimelineGold>;
type GoldEvent = TimelineGold['events'][number];

export interface TimelineScore {
  name: string;
  gold: number;
  found: number;
  right: number;
  output: number;
  correct: number;
  duplicates: number;
  dateAccuracy: number;
  precision: number;
  /** Share of gold (event, article) pairs covered by the right output events: merging across outlets. */
  articleRecall: number;
  missed: GoldEvent[];
  wrongDate: { gold: GoldEvent; got: string[] }[];
  unmatched: TimelineEvent[];
  events: { event: TimelineEvent; labels: string[]; right: boolean }[];
}

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
const holdsKeys = (text: string, keys: readonly string[]) => keys.every((k) => k.split('|').some((alt) => norm(text).includes(norm(alt))));

/** Scores one story's timeline (events of all its cluster stories) against its gold. */
export function scoreTimeline(name: string, gold: TimelineGold, events: readonly TimelineEvent[], labelOf: (id: string) => string): TimelineScore {
  const labelled = events.map((e) => ({ event: e, labels: e.articleIds.map(labelOf) }));
  const matches = (g: GoldEvent, x: (typeof labelled)[number]) => x.labels.some((l) => g.articles.includes(l)) && holdsKeys(x.event.text, g.keys);
  const rightFor = (g: GoldEvent, x: (typeof labelled)[number]) => matches(g, x) && x.event.date === g.date && (x.event.end ?? null) === (g.end ?? null);
  let found = 0;
  let right = 0;
  let duplicates = 0;
  let pairs = 0;
  let covered = 0;
  const missed: GoldEvent[] = [];
  const wrongDate: { gold: GoldEvent; got: string[] }[] = [];
  for (const g of gold.events) {
    const m = labelled.filter((x) => matches(g, x));
    const r = m.filter((x) => rightFor(g, x));
    pairs += g.articles.length;
    if (m.length) found++;
    else missed.push(g);
    if (r.length) {
      right++;
      duplicates += r.length - 1;
      const labels = new Set(r.flatMap((x) => x.labels));
      covered += g.articles.filter((a) => labels.has(a)).length;
    } else if (m.length) {
      wrongDate.push({ gold: g, got: m.map((x) => `${x.event.date}${x.event.end ? `/${x.event.end}` : ''}`) });
    }
  }
  const marked = labelled.map((x) => ({ ...x, right: gold.events.some((g) => rightFor(g, x)) }));
  const correct = marked.filter((x) => x.right).length;
  return {
    name,
    gold: gold.events.length,
    found,
    right,
    output: events.length,
    correct,
    duplicates,
    dateAccuracy: gold.events.length ? right / gold.events.length : 0,
    precision: events.length ? correct / events.length : 0,
    articleRecall: pairs ? covered / pairs : 0,
    missed,
    wrongDate,
    unmatched: marked.filter((x) => !x.right).map((x) => x.event),
    events: marked,
  };
}

/** Runs the files of one story through the pipeline and builds the timeline of each of its cluster stories. */
export async function storyTimeline(
  files: string[],
  label: (source: string) => string,
): Promise<{ events: TimelineEvent[]; timelines: TimelineEvent[][]; labelOf: (id: string) => string; articles: Article[] }> {
  const run = await runPipeline(readInputs(files));
  const articles = run.results.filter((r): r is Article => r.ok);
  const labels = new Map(articles.map((a) => [a.id, label(a.source)]));
  const timelines = run.stories.map((story) => {
    const src = storySources(story, articles, run.copies);
    const members = new Set(story.articles);
    return buildTimeline({ articles: articles.filter((a) => members.has(a.id)), dateOf: src.dateOf, sourceOf: src.sourceOf, unitOf: src.unitOf });
  });
  return { events: timelines.flat(), timelines, labelOf: (id) => labels.get(id) ?? id, articles };
}

export function loadGold(name: string): TimelineGold {
  return TimelineGold.parse(JSON.parse(readFileSync(join(GOLD_DIR, `${name}.json`), 'utf8')));
}

/** The labelled stories: seeds (when present) and the example dam, strike and court stories. */
export async function evalTimeline(): Promise<TimelineScore[]> {
  const out: TimelineScore[] = [];
  if (existsSync(SEEDS_DIR)) {
    const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS_DIR, f));
    const { events, labelOf } = await storyTimeline(files, (s) => stemOf(s).slice(0, 3));
    out.push(scoreTimeline('seeds', loadGold('seeds'), events, labelOf));
  } else {
    console.warn('SKIPPED timeline on the seeds: ../shared/seeds not found');
  }
  for (const name of ['dam', 'strike', 'court']) {
    const files = readdirSync(EXAMPLES_DIR).filter((f) => f.startsWith(`${name}-`)).sort().map((f) => join(EXAMPLES_DIR, f));
    const { events, labelOf } = await storyTimeline(files, stemOf);
    out.push(scoreTimeline(name, loadGold(name), events, labelOf));
  }
  return out;
}

const f3 = (x: number) => x.toFixed(3);

/**
 * Prints the timeline section of `npm run eval` and returns its gated figure (pooled date accuracy).
 * One call from eval/run.ts: `Object.assign(figures, await printTimelineEval())`.
 */
export async function printTimelineEval(showEvents = false): Promise<{ timelineDateAccuracy?: number }> {
  const scores = await evalTimeline();
  console.log(`## Timeline on labelled stories (${scores.map((s) => s.name).join(', ')}; gold in fixtures/brief/timeline)`);
  let gold = 0, right = 0, output = 0, correct = 0;
  for (const s of scores) {
    gold += s.gold;
    right += s.right;
    output += s.output;
    correct += s.correct;
    console.log(
      `  ${s.name.padEnd(6)} date accuracy ${f3(s.dateAccuracy)} (${s.right}/${s.gold}; found ${s.found})   precision ${f3(s.precision)} (${s.correct}/${s.output}; ${s.duplicates} duplicates)   articles merged ${f3(s.articleRecall)}`,
    );
    for (const g of s.missed) console.log(`         missed: ${g.date}${g.end ? `/${g.end}` : ''} ${g.keys.join(' + ')} (${g.note})`);
    for (const w of s.wrongDate) console.log(`         wrong date: gold ${w.gold.date}${w.gold.end ? `/${w.gold.end}` : ''} ${w.gold.keys.join(' + ')} → ${w.got.join(', ')}`);
    if (showEvents) {
      for (const e of s.events) {
        const x = e.event;
        console.log(`    ${e.right ? '✓' : '✗'} ${x.date}${x.end ? `/${x.end}` : ''} ${x.tense}${x.uncertain ? ' ?' : ''} “${x.phrase}” [${e.labels.join(' ')}] (${x.sources.length} src) ${x.text.slice(0, 110)}`);
      }
    }
  }
  const accuracy = gold ? right / gold : undefined;
  console.log(`  pooled: timeline date accuracy ${f3(accuracy ?? 0)} (${right}/${gold}), precision ${f3(output ? correct / output : 0)} (${correct}/${output})`);
  console.log();
  return { timelineDateAccuracy: accuracy };
}

/**
 * CPU time of buildTimeline over a 100-article story made by cycling the seed and example articles
 * (each copy its own id and source): the minimum of 7 passes, since the machine is shared.
 */
export async function benchTimeline(size = 100): Promise<{ articles: number; words: number; events: number; cpuMs: number }> {
  const files = readdirSync(EXAMPLES_DIR).map((f) => join(EXAMPLES_DIR, f));
  if (existsSync(SEEDS_DIR)) files.push(...readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f)));
  const run = await runPipeline(readInputs(files));
  const base = run.results.filter((r): r is Article => r.ok);
  const articles = Array.from({ length: size }, (_, i) => ({ ...base[i % base.length]!, id: `${base[i % base.length]!.id}-${i}` }));
  const dates = new Map(articles.map((a) => [a.id, { date: a.published ?? '2025-04-07', inferred: !a.published }]));
  let cpuMs = Infinity;
  let events = 0;
  for (let pass = 0; pass < 7; pass++) {
    const t0 = process.cpuUsage();
    events = buildTimeline({ articles, dateOf: (id) => dates.get(id) ?? null, sourceOf: (id) => id.slice(0, 8), unitOf: (id) => id }).length;
    const c = process.cpuUsage(t0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { articles: size, words: articles.reduce((n, a) => n + a.wordCount, 0), events, cpuMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await printTimelineEval(process.argv.includes('--events'));
  if (process.argv.includes('--bench')) console.log('timeline speed', JSON.stringify(await benchTimeline()));
}
