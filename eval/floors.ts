/**
 * Pinned quality floors: a little under the scores measured when they were set, so that a regression
 * fails (`npm run eval` exits 1, and test/eval-floors.test.ts fails) while run-to-run noise does not.
 * Raise a floor when a change raises the score; never lower one without saying why in the commit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lib.ts';

export interface EvalFigures {
  [dedupFigure: `dedup_${string}`]: number | undefined;
  /** Ceilings rather than floors: figures that must stay at or below a maximum (see `maxima`). */
  dedupHardNegativeCopies?: number;
  seedsMinF1?: number;
  seedsTitles?: number;
  examplesMeanF1?: number;
  examplesMinF1?: number;
  wcxbF1?: number;
  wcxbTitleExact?: number;
  wcxbDateAccuracy?: number;
  wcxbAuthorPrecision?: number;
  wcxbTextF1?: number;
  /** The same pages as html-to-text's default dumps and as Markdown (eval/wcxb-text.ts DUMP_STYLES). */
  wcxbTextAnnotatedF1?: number;
  wcxbTextMarkdownF1?: number;
  /** As `lynx -dump` prints them; scored only where lynx is installed. */
  wcxbTextLynxF1?: number;
  wcxbTextDateAccuracy?: number;
  wcxbTextAuthorPrecision?: number;
  readabilityF1?: number;
  clusterTuneF1?: number;
  quoteRecall?: number;
  quoteSpeakerAccuracy?: number;
  disagreementRecall?: number;
  disagreementPrecision?: number;
  clusterHeldOutF1?: number;
  clusterOrderAgreement?: number;
  summaryRouge1?: number;
  summaryRouge2?: number;
  timelineDateAccuracy?: number;
}

function loadGates(): { floors: Record<string, number>; maxima: Record<string, number> } {
  const raw = JSON.parse(readFileSync(join(REPO_ROOT, 'eval', 'floors.json'), 'utf8'));
  return { floors: raw.floors ?? {}, maxima: raw.maxima ?? {} };
}

export function loadFloors(): Record<string, number> {
  return loadGates().floors;
}

/** One message per figure under its floor; figures that were not measured are not judged. */
export function checkFloors(figures: EvalFigures): string[] {
  const { floors, maxima } = loadGates();
  const out: string[] = [];
  const value = (key: string) => (figures as Record<string, number | undefined>)[key];
  for (const [key, floor] of Object.entries(floors)) {
    const v = value(key);
    if (v !== undefined && v < floor) out.push(`${key} ${v.toFixed(4)} < floor ${floor}`);
  }
  for (const [key, max] of Object.entries(maxima)) {
    const v = value(key);
    if (v !== undefined && v > max) out.push(`${key} ${v} > maximum ${max}`);
  }
  return out;
}
