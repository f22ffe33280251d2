/**
 * Pinned quality floors: a little under the scores measured when they were set, so that a regression
 * fails (`npm run eval` exits 1, and test/eval-floors.test.ts fails) while run-to-run noise does not.
 * Raise a floor when a change raises the score; never lower one without saying why in the commit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lib.ts';

export interface EvalFigures {
  seedsMinF1?: number;
  seedsTitles?: number;
  examplesMeanF1?: number;
  examplesMinF1?: number;
  wcxbF1?: number;
  wcxbTitleExact?: number;
  wcxbDateAccuracy?: number;
  wcxbAuthorPrecision?: number;
  wcxbTextF1?: number;
  wcxbTextDateAccuracy?: number;
  wcxbTextAuthorPrecision?: number;
  readabilityF1?: number;
}

export function loadFloors(): Record<string, number> {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'eval', 'floors.json'), 'utf8')).floors;
}

/** One message per figure under its floor; figures that were not measured are not judged. */
export function checkFloors(figures: EvalFigures): string[] {
  const floors = loadFloors();
  const out: string[] = [];
  for (const [key, floor] of Object.entries(floors)) {
    const value = figures[key as keyof EvalFigures];
    if (value !== undefined && value < floor) out.push(`${key} ${value.toFixed(4)} < floor ${floor}`);
  }
  return out;
}
