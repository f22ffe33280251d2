/**
 * Shared pieces of the evaluations: locating the labelled data beside the repo, loading WCXB pages,
 * and the metrics used across the field, so that our figures compare with published ones.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../src/cli/root.ts';

export const REPO_ROOT = PACKAGE_ROOT;
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const WCXB_DIR = join(SHARED, 'data', 'wcxb-dev-articles');
export const SEEDS_DIR = join(SHARED, 'seeds');

export interface WcxbPage {
  id: string;
  url: string;
  html: string;
  gold: { title: string | null; author: string | null; publishDate: string | null; mainContent: string };
}

export function wcxbAvailable(): boolean {
  return existsSync(join(WCXB_DIR, 'html')) && existsSync(join(WCXB_DIR, 'ground-truth'));
}

/** Loads WCXB pages in file order; `limit` keeps the first N for quick runs. */
export function loadWcxb(limit = Infinity): WcxbPage[] {
  const files = readdirSync(join(WCXB_DIR, 'html')).filter((f) => f.endsWith('.html.gz')).sort();
  const pages: WcxbPage[] = [];
  for (const f of files.slice(0, limit)) {
    const id = f.replace('.html.gz', '');
    const html = gunzipSync(readFileSync(join(WCXB_DIR, 'html', f))).toString('utf8');
    const g = JSON.parse(readFileSync(join(WCXB_DIR, 'ground-truth', `${id}.json`), 'utf8'));
    const gt = g.ground_truth ?? {};
    pages.push({
      id,
      url: g.url ?? '',
      html,
      gold: {
        title: gt.title ?? null,
        author: gt.author ?? null,
        publishDate: gt.publish_date ?? null,
        mainContent: gt.main_content ?? '',
      },
    });
  }
  return pages;
}

/** Lower-cased \w+ tokens, the tokenisation WCXB's published figures use. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Bag-of-words F1: multiset overlap between predicted and gold tokens (WCXB's word-level F1). */
export function wordF1(predicted: string, gold: string): { precision: number; recall: number; f1: number } {
  const p = tokens(predicted);
  const g = tokens(gold);
  if (p.length === 0 && g.length === 0) return { precision: 1, recall: 1, f1: 1 };
  if (p.length === 0 || g.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  const precision = overlap / p.length;
  const recall = overlap / g.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Titles compare after Unicode and white-space normalisation; everything else must match exactly. */
export function normTitle(t: string | null): string {
  return (t ?? '').normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Author names compare as sets of name tokens, ignoring order, case, "by" and "and". */
export function sameAuthor(predicted: string, gold: string): boolean {
  const norm = (s: string) =>
    new Set(
      tokens(s.normalize('NFKD').replace(/\p{M}/gu, '')).filter((t) => !['by', 'and', 'dr', 'mr', 'ms', 'mrs'].includes(t)),
    );
  const p = norm(predicted);
  const g = norm(gold);
  if (p.size === 0 || g.size === 0) return false;
  for (const t of p) if (!g.has(t)) return false;
  for (const t of g) if (!p.has(t)) return false;
  return true;
}

/** A gold date may be partial ("2015-11"): a predicted full date within it counts as right. */
export function sameDate(predicted: string, gold: string): boolean {
  return predicted.slice(0, gold.length) === gold;
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** mulberry32: a small seeded PRNG, so generated benchmarks are the same on every run and machine. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
