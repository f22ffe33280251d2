/**
 * The five seed dumps (../shared/seeds: one story from five sites) against our own labels in
 * fixtures/seeds/<stem>.json: the expected title, the 1-based line numbers that are body, and for a
 * partly-body line the character range that is body. Labels hold no seed text beyond the title.
 *
 *   node --import tsx eval/seeds.ts
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article, RawPage } from '../src/records/index.ts';
import { extract } from '../src/extract/index.ts';
import { buildTemplateIndex, extractTextDraft } from '../src/extract/text/index.ts';
import { REPO_ROOT, SEEDS_DIR, normTitle, wordF1 } from './lib.ts';

export const SEED_LABELS_DIR = join(REPO_ROOT, 'fixtures', 'seeds');

const SeedLabel = z.object({
  seed: z.string(),
  title: z.string(),
  body: z.array(z.number().int().positive()),
  /** Line number → the [start, end) character range of that line that is body. */
  cuts: z.record(z.string(), z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() })),
  notes: z.string().optional(),
});
export type SeedLabel = z.infer<typeof SeedLabel>;

export interface SeedScore {
  seed: string;
  f1: number;
  precision: number;
  recall: number;
  title: string | null;
  expectedTitle: string;
  titleOk: boolean;
  body: string;
}

export function seedsAvailable(): boolean {
  return existsSync(SEEDS_DIR) && readdirSync(SEEDS_DIR).some((f) => f.endsWith('.txt'));
}

/** The gold body of one seed, rebuilt from its label and the seed file. */
export function goldBody(content: string, label: SeedLabel): string {
  const lines = content.split('\n');
  return label.body
    .map((n) => {
      const line = lines[n - 1] ?? '';
      const cut = label.cuts[String(n)];
      return (cut ? line.slice(cut.start, cut.end) : line).replace(/\s+/g, ' ').trim();
    })
    .join('\n\n');
}

/**
 * Scores the text extractor on every labelled seed, with the template index built over all seeds
 * (as a run over the five files would).
 *
 * @example for (const s of evalSeeds()) console.log(s.seed, s.f1);
 */
export function evalSeeds(): SeedScore[] {
  const labels = readdirSync(SEED_LABELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => SeedLabel.parse(JSON.parse(readFileSync(join(SEED_LABELS_DIR, f), 'utf8'))));
  const pages: RawPage[] = labels.map((l) => {
    const content = readFileSync(join(SEEDS_DIR, l.seed), 'utf8').replace(/\r\n?/g, '\n');
    return { source: l.seed, url: null, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length };
  });
  const template = buildTemplateIndex(pages);
  return labels.map((label, i) => {
    const draft = extractTextDraft(pages[i]!, template);
    const body = draft.paragraphs.join('\n\n');
    return {
      seed: label.seed,
      ...wordF1(body, goldBody(pages[i]!.content, label)),
      title: draft.title,
      expectedTitle: label.title,
      titleOk: normTitle(draft.title) === normTitle(label.title),
      body,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!seedsAvailable()) {
    console.warn(`${SEEDS_DIR} not found: no seeds to evaluate`);
    process.exit(0);
  }
  for (const s of evalSeeds()) {
    console.log(
      `${s.seed} f1=${s.f1.toFixed(3)} p=${s.precision.toFixed(3)} r=${s.recall.toFixed(3)} title=${s.titleOk ? 'ok' : `WRONG (${s.title})`}`,
    );
  }
}

/**
 * The five seeds through the real extractor, as a run over the folder would do it (template evidence
 * over all five), keyed by their number ("000" … "004"). Throws when a seed does not extract.
 */
export function loadSeedArticles(): Map<string, Article> {
  const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
  const pages: RawPage[] = files.map((f) => {
    const content = readFileSync(join(SEEDS_DIR, f), 'utf8').replace(/\r\n?/g, '\n');
    return { source: f, url: null, format: 'text', content, fetchedAt: null, encoding: 'utf-8', bytes: content.length };
  });
  const template = buildTemplateIndex(pages);
  const out = new Map<string, Article>();
  for (const p of pages) {
    const r = extract(p, template);
    if (!r.ok) throw new Error(`seed ${p.source} did not extract: ${r.error.code}`);
    out.set(p.source.slice(0, 3), r);
  }
  return out;
}
