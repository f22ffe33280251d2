/**
 * The bundled example corpus against its golden fixtures (fixtures/examples/<stem>/{expected.txt,
 * expected-meta.json}), run through the pipeline exactly as the CLI runs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readInputs } from '../src/ingest/index.ts';
import { runExtract } from '../src/pipeline/index.ts';
import type { ExtractResult } from '../src/records/index.ts';
import { REPO_ROOT, mean, normTitle, wordF1 } from './lib.ts';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
export const EXAMPLE_FIXTURES_DIR = join(REPO_ROOT, 'fixtures', 'examples');

export interface ExpectedMeta {
  title: string | null;
  outlet: string | null;
  originalSource: string | null;
  published: string | null;
  dateline: string | null;
  byline: string | null;
  language: string | null;
  ok: boolean;
  errorCode?: string;
}

export interface ExampleCase {
  stem: string;
  result: ExtractResult;
  /** Null when the page has no fixture yet. */
  expected: { meta: ExpectedMeta; text: string | null } | null;
}

export const stemOf = (source: string) => basename(source).replace(/\.(txt|html?)(\.gz)?$/, '');

/** Every example page through ingest → template evidence → extract, with its fixture beside it. */
export async function runExampleCases(): Promise<ExampleCase[]> {
  const run = await runExtract(readInputs([EXAMPLES_DIR]));
  return run.results
    .map((result) => {
      const stem = stemOf(result.source);
      const dir = join(EXAMPLE_FIXTURES_DIR, stem);
      if (!existsSync(join(dir, 'expected-meta.json'))) return { stem, result, expected: null };
      const meta = JSON.parse(readFileSync(join(dir, 'expected-meta.json'), 'utf8')) as ExpectedMeta;
      const textPath = join(dir, 'expected.txt');
      return { stem, result, expected: { meta, text: existsSync(textPath) ? readFileSync(textPath, 'utf8') : null } };
    })
    .sort((a, b) => a.stem.localeCompare(b.stem));
}

export interface ExamplesSummary {
  pages: number;
  meanF1: number;
  minF1: number;
  metaChecked: number;
  metaExact: number;
  mismatches: string[];
}

const META_FIELDS = ['title', 'originalSource', 'published', 'outlet', 'language'] as const;

export async function evalExamples(): Promise<ExamplesSummary> {
  const cases = await runExampleCases();
  const f1s: number[] = [];
  const mismatches: string[] = [];
  let checked = 0;
  let exact = 0;
  for (const c of cases) {
    if (!c.expected) continue;
    const { meta, text } = c.expected;
    if (!meta.ok) {
      checked++;
      if (!c.result.ok && c.result.error.code === meta.errorCode) exact++;
      else mismatches.push(`${c.stem}: expected refusal ${meta.errorCode}`);
      continue;
    }
    if (!c.result.ok) {
      f1s.push(0);
      mismatches.push(`${c.stem}: refused (${c.result.error.code})`);
      continue;
    }
    if (text !== null) f1s.push(wordF1(c.result.text, text).f1);
    for (const field of META_FIELDS) {
      checked++;
      const got = c.result[field];
      const want = meta[field];
      const same = field === 'title' ? normTitle(got) === normTitle(want) : got === want;
      if (same) exact++;
      else mismatches.push(`${c.stem}.${field}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
  }
  return {
    pages: cases.length,
    meanF1: mean(f1s),
    minF1: f1s.length ? Math.min(...f1s) : 0,
    metaChecked: checked,
    metaExact: exact,
    mismatches,
  };
}
