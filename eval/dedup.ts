/**
 * Copy benchmark for the dedup stage, generated from real bodies: the WCXB dev gold texts
 * (../shared/data/wcxb-dev-articles ground_truth.main_content, paragraphs split by blank lines), each
 * original with one copy made by a known edit, plus hard negatives. Seeded, so every run is the same.
 *
 *   node --import tsx eval/dedup.ts
 *
 * Edits and their gold relation to the original:
 *   exact    quote styles swapped (straight ↔ curly), dash styles, extra spaces and line breaks
 *   near     1–3 words or numbers changed; last paragraph dropped (≤ 15% of the words); a few short
 *            boilerplate lines around it (≤ 10% of the words); two paragraphs swapped; quote style + a changed word
 *   partial  teaser (the first paragraph, or the first 25–60 words + "…"); truncated to its first 30–60%;
 *            the article plus extra paragraphs (≥ 60% more words from another text, before or after);
 *            heavy boilerplate (headline lists of other pages around it)
 * Hard negatives (never a copy; shares-material allowed):
 *   same-topic   the 100 pairs of different gold texts with the highest word-set Jaccard
 *   shared-quote two different texts (≥ 150 words) into which the same 2–3 sentences of a third are spliced
 *                (gold: shares-material)
 * Every relation the batch run finds is scored, so a copy called between unrelated texts counts against precision.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CopyKind, CopyRelation } from '../src/records/index.ts';
import { dedupArticles, type DedupArticle } from '../src/dedup/index.ts';
import { WCXB_DIR, seededRng } from './lib.ts';

export const DEDUP_SEED = 20240601;

type GoldKind = 'exact' | 'near' | 'partial' | 'shares-material' | 'negative';

interface Gold {
  a: string;
  b: string;
  kind: GoldKind;
  edit: string;
}

export interface KindScore {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface DedupEval {
  texts: number;
  articles: number;
  perKind: Record<'exact' | 'near' | 'partial' | 'shares-material', KindScore>;
  /** Any copy kind counted as a copy (the decision that merges groups). */
  copy: KindScore;
  hardNegatives: { pairs: number; calledCopy: number; examples: string[] };
  /** Copies found between articles the benchmark did not pair (e.g. genuine duplicates in WCXB). */
  unlabelledCopies: { count: number; examples: string[] };
  /** Copies found between pages WCXB holds twice under one URL (counted as right). */
  knownDuplicates: number;
  /** Copy groups holding the originals of two different texts (not the same URL twice): two stories chained through a member. */
  mixedGroups: { count: number; groups: number; examples: string[] };
  /** Recall broken down by edit, for diagnosis. */
  perEdit: Record<string, { total: number; right: number; wrong: string[] }>;
  msPerArticle: number;
}


export function dedupEvalAvailable(): boolean {
  return existsSync(join(WCXB_DIR, 'ground-truth'));
}

interface GoldText {
  id: string;
  url: string;
  paragraphs: string[];
  title: string;
}

function loadGoldTexts(): GoldText[] {
  const dir = join(WCXB_DIR, 'ground-truth');
  const out: GoldText[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const g = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const text: string = g.ground_truth?.main_content ?? '';
    const paragraphs = text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    out.push({ id: f.replace('.json', ''), url: String(g.url ?? '').replace(/\/+$/, ''), paragraphs, title: g.ground_truth?.title ?? '' });
  }
  return out;
}

const words = (ps: string[]) => ps.join(' ').split(/\s+/).filter(Boolean).length;
const wordSet = (ps: string[]) => new Set(ps.join(' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

function article(id: string, paragraphs: string[]): DedupArticle {
  return { id, paragraphs, published: null, originalSource: null, originalSourceEvidence: null, outlet: null, byline: null, title: null };
}

const BOILERPLATE_LINES = ['Advertisement', 'Share this article', 'Read more', 'Follow us on social media', 'Sign up for our newsletter', 'Comments'];

/** Builds the benchmark: originals, one edited copy each, hard negatives, and the gold pairs. */
export function buildDedupBenchmark(seed = DEDUP_SEED): { articles: DedupArticle[]; gold: Gold[]; texts: number; sameUrl: Set<string> } {
  const rand = seededRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const texts = loadGoldTexts().filter((t) => words(t.paragraphs) >= 40);
  const articles: DedupArticle[] = [];
  const gold: Gold[] = [];

  // Texts reserved for the shared-quote negatives appear only in spliced form (an original beside its
  // spliced version would itself be a near copy).
  const order = texts.map((_, i) => i).sort(() => rand() - 0.5);
  const spliceCount = 40;
  const donorCount = 60;
  const spliced = new Set(order.slice(0, spliceCount * 2));
  // Donors supply extra paragraphs, headline lists and quotes, and are not in the corpus themselves:
  // otherwise a copy with a donor's paragraphs would genuinely contain another article's teaser.
  const donors = order.slice(spliceCount * 2, spliceCount * 2 + donorCount).map((i) => texts[i]!);
  const excluded = new Set(order.slice(0, spliceCount * 2 + donorCount));
  const donorParagraphs = donors.flatMap((d) => d.paragraphs);
  let donorAt = 0;
  const donorWords = [...new Set(donors.flatMap((d) => d.paragraphs.join(' ').match(/\p{L}{3,}/gu) ?? []))].sort();

  const swapQuotes = (p: string) =>
    p
      .replace(/"([^"]*)"/g, '“$1”')
      .replace(/(\w)'(\w)/g, '$1’$2')
      .replace(/ - /g, ' — ')
      .replace(/ {1}/g, () => (rand() < 0.05 ? '  ' : ' '));
  const otherWord = () => {
    const t = pick(donors);
    const ws = (t.paragraphs.join(' ').match(/\p{L}{4,}/gu) ?? ['elsewhere']) as string[];
    return pick(ws);
  };
  const changeWords = (ps: string[], n: number): string[] => {
    const out = [...ps];
    for (let c = 0; c < n; c++) {
      const pi = int(0, out.length - 1);
      const toks = out[pi]!.split(' ');
      const ti = int(0, toks.length - 1);
      const tok = toks[ti]!;
      toks[ti] = /\d/.test(tok) ? tok.replace(/\d+/, (d) => String(Number(d) + int(1, 9))) : otherWord();
      out[pi] = toks.join(' ');
    }
    return out;
  };

  const edits: Record<string, { kind: GoldKind; make: (ps: string[]) => string[] | null }> = {
    'quote-whitespace': { kind: 'exact', make: (ps) => ps.map(swapQuotes) },
    'line-breaks': { kind: 'exact', make: (ps) => ps.map((p) => p.replace(/\. /g, () => (rand() < 0.3 ? '.\n' : '. '))) },
    'changed-words': { kind: 'near', make: (ps) => (words(ps) >= 60 ? changeWords(ps, int(1, 3)) : null) },
    'quote-and-word': { kind: 'near', make: (ps) => (words(ps) >= 60 ? changeWords(ps.map(swapQuotes), 1) : null) },
    'drop-last': {
      kind: 'near',
      make: (ps) => (ps.length >= 4 && /\p{L}{3}/u.test(ps.at(-1)!) && words(ps.slice(-1)) <= 0.15 * words(ps) ? ps.slice(0, -1) : null),
    },
    'light-boilerplate': {
      kind: 'near',
      make: (ps) => (words(ps) >= 120 ? [pick(BOILERPLATE_LINES), ...ps, pick(BOILERPLATE_LINES), pick(BOILERPLATE_LINES)] : null),
    },
    reorder: {
      kind: 'near',
      make: (ps) => {
        if (ps.length < 3) return null;
        const out = [...ps];
        const i = int(0, out.length - 2);
        [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
        return out;
      },
    },
    teaser: {
      kind: 'partial',
      make: (ps) => {
        const total = words(ps);
        const first = ps[0]!;
        if (words([first]) >= 20 && words([first]) <= 0.5 * total) return [first];
        const n = int(25, 60);
        if (n > 0.5 * total) return null;
        return [ps.join(' ').split(/\s+/).slice(0, n).join(' ') + '…'];
      },
    },
    truncated: {
      kind: 'partial',
      make: (ps) => {
        const share = 0.3 + rand() * 0.3;
        if (ps.length >= 5) {
          const keep = Math.max(1, Math.round(ps.length * share));
          const out = ps.slice(0, keep);
          return words(out) <= 0.65 * words(ps) && words(out) >= 20 ? out : null;
        }
        const ws = ps.join(' ').split(/\s+/);
        const n = Math.round(ws.length * share);
        return n >= 20 ? [ws.slice(0, n).join(' ') + '…'] : null;
      },
    },
    'extra-paragraphs': {
      kind: 'partial',
      make: (ps) => {
        // Donor paragraphs taken in turn, never twice while the pool lasts: two copies sharing added text
        // would genuinely share material, and repeats collapse in a shingle set.
        const extra: string[] = [];
        while (words(extra) < 0.6 * words(ps)) extra.push(donorParagraphs[donorAt++ % donorParagraphs.length]!);
        return rand() < 0.5 ? [...ps, ...extra] : [...extra, ...ps];
      },
    },
    'heavy-boilerplate': {
      kind: 'partial',
      make: (ps) => {
        // Headline-like lines of 6–10 random donor words: a list of other stories, different on every copy.
        const lines: string[] = [];
        while (words(lines) < 0.6 * words(ps)) lines.push(Array.from({ length: int(6, 10) }, () => pick(donorWords)).join(' '));
        const cut = int(0, lines.length);
        return [...lines.slice(0, cut), ...ps, ...lines.slice(cut)];
      },
    },
  };
  const editNames = Object.keys(edits);

  let n = 0;
  for (const [i, t] of texts.entries()) {
    if (excluded.has(i)) continue;
    const oid = `o${t.id}`;
    articles.push(article(oid, t.paragraphs));
    // Rotate through the edits so each gets a similar share; fall through when a precondition fails.
    for (let tries = 0; tries < editNames.length; tries++) {
      const name = editNames[(n + tries) % editNames.length]!;
      const made = edits[name]!.make(t.paragraphs);
      if (!made) continue;
      const cid = `c${t.id}`;
      articles.push(article(cid, made));
      gold.push({ a: oid, b: cid, kind: edits[name]!.kind, edit: name });
      break;
    }
    n++;
  }

  // Same-topic negatives: the most word-overlapping pairs of different originals.
  const kept = texts.filter((_, i) => !excluded.has(i));
  const sets = kept.map((t) => wordSet(t.paragraphs));
  const pairs: { a: number; b: number; j: number }[] = [];
  for (let a = 0; a < kept.length; a++) {
    for (let b = a + 1; b < kept.length; b++) {
      const sa = sets[a]!;
      const sb = sets[b]!;
      let inter = 0;
      for (const w of sa.size < sb.size ? sa : sb) if ((sa.size < sb.size ? sb : sa).has(w)) inter++;
      // The same URL twice is a genuine duplicate in WCXB, not a negative (0463 and 3035 are one page).
      if (kept[a]!.url && kept[a]!.url === kept[b]!.url) continue;
      pairs.push({ a, b, j: inter / (sa.size + sb.size - inter) });
    }
  }
  pairs.sort((x, y) => y.j - x.j);
  for (const p of pairs.slice(0, 100)) gold.push({ a: `o${kept[p.a]!.id}`, b: `o${kept[p.b]!.id}`, kind: 'negative', edit: `same-topic (word Jaccard ${p.j.toFixed(2)})` });

  // Shared-quote negatives: 2–3 sentences of a third text spliced into two different texts.
  const reserved = order.slice(0, spliceCount * 2).map((i) => texts[i]!);
  for (let s = 0; s < spliceCount; s++) {
    const y = reserved[2 * s]!;
    const z = reserved[2 * s + 1]!;
    if (words(y.paragraphs) < 150 || words(z.paragraphs) < 150) continue;
    const src = pick(donors);
    const sentences = src.paragraphs.join(' ').split(/(?<=[.!?])\s+/).filter((x) => x.split(/\s+/).length >= 8);
    if (sentences.length < 3) continue;
    const at = int(0, sentences.length - 3);
    const quote = sentences.slice(at, at + int(2, 3)).join(' ');
    const splice = (ps: string[]) => {
      const at2 = int(1, ps.length);
      return [...ps.slice(0, at2), quote, ...ps.slice(at2)];
    };
    articles.push(article(`q${y.id}`, splice(y.paragraphs)), article(`q${z.id}`, splice(z.paragraphs)));
    gold.push({ a: `q${y.id}`, b: `q${z.id}`, kind: 'shares-material', edit: 'shared-quote' });
  }
  // Pages of WCXB that are the same URL twice are genuine duplicates: copies between them (or their copies) are right.
  const byUrl = new Map<string, string[]>();
  for (const t of kept) if (t.url) byUrl.set(t.url, [...(byUrl.get(t.url) ?? []), t.id]);
  const sameUrl = new Set<string>();
  for (const ids of byUrl.values()) for (const x of ids) for (const y of ids) if (x !== y) sameUrl.add(`${x}|${y}`);
  return { articles, gold, texts: texts.length, sameUrl };
}

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const isCopyKind = (k: string) => k === 'exact' || k === 'near' || k === 'partial';

/**
 * Runs the benchmark through dedupArticles and scores every relation it finds.
 *
 * @example const r = evalDedup(); console.log(r.perKind.near.precision, r.hardNegatives.calledCopy);
 */
export function evalDedup(seed = DEDUP_SEED): DedupEval {
  const { articles, gold, texts, sameUrl } = buildDedupBenchmark(seed);
  const t0 = performance.now();
  const result = dedupArticles(articles);
  const msPerArticle = (performance.now() - t0) / articles.length;
  const predicted = new Map<string, CopyRelation>(result.relations.map((r) => [key(r.a, r.b), r]));
  const goldBy = new Map(gold.map((g) => [key(g.a, g.b), g]));

  const kinds = ['exact', 'near', 'partial', 'shares-material'] as const;
  const score = (): KindScore => ({ gold: 0, predicted: 0, correct: 0, precision: 1, recall: 1 });
  const perKind = Object.fromEntries(kinds.map((k) => [k, score()])) as DedupEval['perKind'];
  const copy = score();
  const perEdit: DedupEval['perEdit'] = {};
  const hard = { pairs: 0, calledCopy: 0, examples: [] as string[] };
  const unlabelled = { count: 0, examples: [] as string[] };
  let knownDuplicates = 0;

  for (const g of gold) {
    const p = predicted.get(key(g.a, g.b));
    const got: CopyKind | 'none' = p?.kind ?? 'none';
    if (g.kind === 'negative' || g.kind === 'shares-material') {
      hard.pairs++;
      if (isCopyKind(got)) {
        hard.calledCopy++;
        if (hard.examples.length < 10) hard.examples.push(`${g.a}–${g.b} ${g.edit}: ${got} J=${p!.jaccard} c=${p!.containmentA}/${p!.containmentB}`);
      }
    }
    if (g.kind !== 'negative') {
      perKind[g.kind].gold++;
      if (got === g.kind) perKind[g.kind].correct++;
    }
    if (isCopyKind(g.kind)) {
      copy.gold++;
      if (isCopyKind(got)) copy.correct++;
    }
    const e = (perEdit[g.edit.replace(/ \(.*$/, '')] ??= { total: 0, right: 0, wrong: [] });
    e.total++;
    const right = g.kind === 'negative' ? !isCopyKind(got) : got === g.kind;
    if (right) e.right++;
    else if (e.wrong.length < 5) e.wrong.push(`${g.a}–${g.b}: ${got}${p ? ` J=${p.jaccard} c=${p.containmentA}/${p.containmentB} run=${p.longestSharedWords}` : ''}`);
  }
  for (const r of result.relations) {
    const g = goldBy.get(key(r.a, r.b));
    if (isCopyKind(r.kind)) copy.predicted++;
    if (r.kind === 'shares-material') {
      // Unlabelled shared material between unrelated texts is not scored: stock phrases are real shared material.
      if (g && g.kind !== 'negative') perKind[r.kind].predicted++;
      continue;
    }
    perKind[r.kind].predicted++;
    if (!g && sameUrl.has(`${r.a.slice(1)}|${r.b.slice(1)}`)) {
      knownDuplicates++;
      perKind[r.kind].predicted--;
      copy.predicted--;
      continue;
    }
    if (!g) {
      unlabelled.count++;
      if (unlabelled.examples.length < 10) unlabelled.examples.push(`${r.a}–${r.b}: ${r.kind} J=${r.jaccard} c=${r.containmentA}/${r.containmentB}`);
    }
  }
  // A copy called between an original and a copy of another original is a false copy too; counted above as unlabelled.
  for (const s of [...Object.values(perKind), copy]) {
    s.precision = s.predicted === 0 ? 1 : s.correct / s.predicted;
    s.recall = s.gold === 0 ? 1 : s.correct / s.gold;
  }
  // A group should hold one text's versions only; a group spanning texts was chained through a member.
  const mixed = { count: 0, groups: result.groups.length, examples: [] as string[] };
  for (const g of result.groups) {
    // Originals and spliced texts are whole stories; an edited copy may be a fragment two stories share.
    const textIds = [...new Set(g.members.filter((m) => m.id[0] !== 'c').map((m) => m.id.slice(1)))];
    const unrelated = textIds.some((x, i) => textIds.slice(i + 1).some((y) => !sameUrl.has(`${x}|${y}`)));
    if (!unrelated) continue;
    mixed.count++;
    if (mixed.examples.length < 10) mixed.examples.push(g.members.map((m) => `${m.id}:${m.relation}`).join(' '));
  }
  return { texts, articles: articles.length, perKind, copy, hardNegatives: hard, unlabelledCopies: unlabelled, knownDuplicates, mixedGroups: mixed, perEdit, msPerArticle };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!dedupEvalAvailable()) {
    console.warn(`SKIPPED dedup eval: ${WCXB_DIR} not found`);
    process.exit(0);
  }
  const r = evalDedup();
  const f = (x: number) => x.toFixed(3);
  console.log(`## Dedup copy benchmark (WCXB dev gold bodies: ${r.texts} texts → ${r.articles} articles, seed ${DEDUP_SEED})`);
  for (const [k, s] of Object.entries(r.perKind)) console.log(`  ${k.padEnd(16)} P ${f(s.precision)}  R ${f(s.recall)}  (gold ${s.gold}, predicted ${s.predicted}, right ${s.correct})`);
  console.log(`  any copy         P ${f(r.copy.precision)}  R ${f(r.copy.recall)}  (gold ${r.copy.gold}, predicted ${r.copy.predicted})`);
  console.log(`  hard negatives called a copy: ${r.hardNegatives.calledCopy} of ${r.hardNegatives.pairs}`);
  for (const e of r.hardNegatives.examples) console.log(`    - ${e}`);
  console.log(`  copies found between WCXB pages with the same URL (right): ${r.knownDuplicates}`);
  console.log(`  copies between unpaired articles: ${r.unlabelledCopies.count}`);
  for (const e of r.unlabelledCopies.examples) console.log(`    - ${e}`);
  console.log(`  copy groups joining two different stories (chained): ${r.mixedGroups.count} of ${r.mixedGroups.groups}`);
  for (const e of r.mixedGroups.examples) console.log(`    - ${e}`);
  console.log('  per edit:');
  for (const [name, e] of Object.entries(r.perEdit)) {
    console.log(`    ${name.padEnd(18)} ${e.right}/${e.total}`);
    for (const w of e.wrong) console.log(`      - ${w}`);
  }
  console.log(`  ${r.msPerArticle.toFixed(2)} ms/article (batch dedup)`);
}
