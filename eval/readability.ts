/**
 * Baseline: Mozilla Readability 0.6.0 over linkedom 0.18.14 on the WCXB dev articles, scored with the
 * same word-level F1 as our extractor so that both figures come from one run on one machine.
 *   node --import tsx eval/readability.ts [--limit N]
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { loadWcxb, mean, wordF1, type WcxbPage } from './lib.ts';

export interface ReadabilitySummary {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
  msPerPage: number;
}

/** Readability's body text for one page: the parse's textContent, or '' when it finds no article or throws. */
export function readabilityText(html: string): string {
  try {
    const { document } = parseHTML(html);
    // Readability's typings expect a lib.dom Document; linkedom's is structurally what it reads.
    const article = new Readability(document as unknown as Document).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
}

/**
 * Runs Readability on every page and returns its mean word F1 (plus P and R) and mean wall-clock ms
 * per page including the linkedom parse, the same span `extract()` is timed over.
 */
export function evalReadability(pages: WcxbPage[]): ReadabilitySummary {
  const f1s: number[] = [];
  const ps: number[] = [];
  const rs: number[] = [];
  let ms = 0;
  for (const page of pages) {
    const t0 = performance.now();
    const text = readabilityText(page.html);
    ms += performance.now() - t0;
    const s = wordF1(text, page.gold.mainContent);
    f1s.push(s.f1);
    ps.push(s.precision);
    rs.push(s.recall);
  }
  return { pages: pages.length, f1: mean(f1s), precision: mean(ps), recall: mean(rs), msPerPage: ms / Math.max(1, pages.length) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  console.log(JSON.stringify(evalReadability(loadWcxb(limit)), null, 2));
}
